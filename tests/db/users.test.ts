import { describe, expect, it } from "vitest";
import { db, getPrisma } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { createSession, loadSessionUser, revokeSession } from "@/lib/auth/sessions";
import { authenticate } from "@/lib/users/authenticate";
import { listUsers } from "@/lib/users/queries";
import { signUp } from "@/lib/users/sign-up";
import { updateUser } from "@/lib/users/update-user";
import { rejection } from "./helpers/errors";
import { createActor, FIXTURE_PASSWORD, uniqueEmail } from "./helpers/users";


describe("getPrisma", () => {
  it("should return one client per process", () => {
    expect(getPrisma()).toBe(getPrisma());
  });
});

describe("signUp", () => {
  it("should store a normalised e-mail and a scrypt hash, never the password", async () => {
    const email = uniqueEmail("signup");
    const user = await signUp({ name: "  Sam  ", email: `  ${email.toUpperCase()} `, password: "a fine long password" });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.email).toBe(email);
    expect(row.name).toBe("Sam");
    expect(row.role).toBe("LEARNER");
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(row.passwordHash).not.toContain("a fine long password");
    expect(await verifyPassword("a fine long password", row.passwordHash!)).toBe(true);
  });

  it("should refuse a duplicate e-mail with CONFLICT and create no second row", async () => {
    const email = uniqueEmail("dup");
    await signUp({ name: "One", email, password: "a fine long password" });
    const error = await rejection(signUp({ name: "Two", email, password: "another long password" }));
    expect(error.code).toBe("CONFLICT");
    expect(error.fieldErrors?.email).toBeDefined();
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("should refuse ten concurrent sign-ups with one e-mail except one", async () => {
    const email = uniqueEmail("race");
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => signUp({ name: "R", email, password: "a fine long password" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it.each([
    [{ name: "N", email: "bad", password: "a fine long password" }, "email"],
    [{ name: "N", email: "ok@example.org", password: "too short" }, "password"],
    [{ name: "N", email: "ok@example.org", password: "qwertyuiop" }, "password"],
    [{ name: "N".repeat(101), email: "ok@example.org", password: "a fine long password" }, "name"],
    [{ email: "ok@example.org", password: "a fine long password" }, "name"],
    ["not an object", "_form"],
  ])("should refuse %j with BAD_REQUEST naming %s and write nothing", async (input, field) => {
    const before = await db.user.count();
    const error = await rejection(signUp(input));
    expect(error.code).toBe("BAD_REQUEST");
    expect(Object.keys(error.fieldErrors ?? {})).toContain(field);
    expect(await db.user.count()).toBe(before);
  });
});

describe("authenticate", () => {
  it("should accept the right password and refuse wrong, unknown and disabled", async () => {
    const actor = await createActor();
    expect(await authenticate({ email: actor.email, password: FIXTURE_PASSWORD })).toMatchObject({ id: actor.id });
    expect(await authenticate({ email: actor.email, password: "wrong password" })).toBeNull();
    expect(await authenticate({ email: uniqueEmail("ghost"), password: FIXTURE_PASSWORD })).toBeNull();
    expect(await authenticate({ email: 42, password: null })).toBeNull();
    await db.user.update({ where: { id: actor.id }, data: { disabledAt: new Date() } });
    expect(await authenticate({ email: actor.email, password: FIXTURE_PASSWORD })).toBeNull();
  });
});

describe("sessions", () => {
  it("should load the user with the role from the database on every call", async () => {
    const actor = await createActor();
    await db.user.update({ where: { id: actor.id }, data: { role: "INSTRUCTOR" } });
    expect((await loadSessionUser(actor.sessionId))?.role).toBe("INSTRUCTOR");
  });

  it("should stop loading a revoked, expired or disabled session", async () => {
    const a = await createActor();
    await revokeSession(a.sessionId);
    expect(await loadSessionUser(a.sessionId)).toBeNull();

    const b = await createActor();
    await db.session.update({ where: { id: b.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await loadSessionUser(b.sessionId)).toBeNull();

    const c = await createActor();
    await db.user.update({ where: { id: c.id }, data: { disabledAt: new Date() } });
    expect(await loadSessionUser(c.sessionId)).toBeNull();
  });

  it("should make 256-bit random session ids", async () => {
    const actor = await createActor();
    const ids = new Set([actor.sessionId, await createSession(actor.id), await createSession(actor.id)]);
    expect(ids.size).toBe(3);
    for (const id of ids) expect(Buffer.from(id, "base64url")).toHaveLength(32);
  });
});

describe("updateUser", () => {
  it("should refuse without a session (UNAUTHORIZED) and for learners and instructors (FORBIDDEN)", async () => {
    const target = await createActor();
    expect((await rejection(updateUser(null, target.id, { role: "ADMIN" }))).code).toBe("UNAUTHORIZED");
    expect((await rejection(updateUser(await createActor("LEARNER"), target.id, { role: "ADMIN" }))).code).toBe("FORBIDDEN");
    expect((await rejection(updateUser(await createActor("INSTRUCTOR"), target.id, { role: "ADMIN" }))).code).toBe("FORBIDDEN");
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("LEARNER");
  });

  it("should change the role and write an audit event in the same transaction", async () => {
    const admin = await createActor("ADMIN");
    const target = await createActor();
    const dto = await updateUser(admin, target.id, { role: "INSTRUCTOR" });
    expect(dto).toMatchObject({ id: target.id, role: "INSTRUCTOR", disabled: false });
    expect(dto).not.toHaveProperty("passwordHash");
    const events = await db.auditEvent.findMany({ where: { targetId: target.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: admin.id, action: "user.update" });
  });

  it("should end every session of a disabled user and let them back after re-enabling", async () => {
    const admin = await createActor("ADMIN");
    const target = await createActor();
    await createSession(target.id);
    await updateUser(admin, target.id, { disabled: true });
    expect(await db.session.count({ where: { userId: target.id } })).toBe(0);
    await updateUser(admin, target.id, { disabled: false });
    expect(await authenticate({ email: target.email, password: FIXTURE_PASSWORD })).not.toBeNull();
  });

  it("should not let an admin demote or disable themselves", async () => {
    const admin = await createActor("ADMIN");
    expect((await rejection(updateUser(admin, admin.id, { role: "LEARNER" }))).code).toBe("UNPROCESSABLE");
    expect((await rejection(updateUser(admin, admin.id, { disabled: true }))).code).toBe("UNPROCESSABLE");
  });

  it.each([
    [{ role: "ROOT" }, "role"],
    [{ disabled: "yes" }, "disabled"],
    [{}, "_form"],
    [{ role: "ADMIN", extra: 1 }, "_form"],
  ])("should refuse %j with BAD_REQUEST naming %s and change nothing", async (input, field) => {
    const admin = await createActor("ADMIN");
    const target = await createActor();
    const error = await rejection(updateUser(admin, target.id, input));
    expect(error.code).toBe("BAD_REQUEST");
    expect(Object.keys(error.fieldErrors ?? {})).toContain(field);
    expect(await db.auditEvent.count({ where: { targetId: target.id } })).toBe(0);
  });

  it("should answer NOT_FOUND for an unknown user and BAD_REQUEST for a malformed id", async () => {
    const admin = await createActor("ADMIN");
    expect((await rejection(updateUser(admin, "00000000-0000-4000-8000-000000000000", { role: "ADMIN" }))).code).toBe("NOT_FOUND");
    expect((await rejection(updateUser(admin, "'; DROP TABLE users; --", { role: "ADMIN" }))).code).toBe("BAD_REQUEST");
  });
});

describe("listUsers", () => {
  it("should be admin only", async () => {
    expect((await rejection(listUsers(null))).code).toBe("UNAUTHORIZED");
    expect((await rejection(listUsers(await createActor("INSTRUCTOR")))).code).toBe("FORBIDDEN");
  });

  it("should find users by e-mail and return DTOs without secrets", async () => {
    const admin = await createActor("ADMIN");
    const target = await createActor();
    const { users, total } = await listUsers(admin, { search: target.email.toUpperCase() });
    expect(total).toBe(1);
    expect(users[0]).toEqual({ id: target.id, email: target.email, name: target.name, role: "LEARNER", disabled: false, createdAt: expect.any(String) });
  });
});
