import { describe, expect, it } from "vitest";
import { baseUrl, Client, newLearner, signedInAdmin, startOfFreshWindow } from "./helpers/http-client";

async function errorOf(res: Response) {
  return ((await res.json()) as { error: { code: string; message: string; fieldErrors?: Record<string, string[]> } }).error;
}

describe("POST /api/users (sign up)", () => {
  it("should create a learner account and let it sign in", async () => {
    const { client } = await newLearner();
    const me = await client.request("/api/me");
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { role: string } }).user.role).toBe("LEARNER");
  });

  it("should refuse a duplicate e-mail with 409 naming the field", async () => {
    const { email } = await newLearner("dup");
    const res = await new Client().request("/api/users", { method: "POST", json: { name: "Again", email: email.toUpperCase(), password: "another long one" } });
    expect(res.status).toBe(409);
    expect((await errorOf(res)).fieldErrors?.email?.[0]).toMatch(/already exists/);
  });

  it.each([
    [{ name: "A", email: "not-an-email", password: "long enough pass" }, "email"],
    [{ name: "A", email: "short@example.org", password: "short" }, "password"],
    [{ name: "A", email: "common@example.org", password: "password123" }, "password"],
    [{ name: "", email: "noname@example.org", password: "long enough pass" }, "name"],
  ])("should answer 400 naming the bad field for %j", async (body, field) => {
    const res = await new Client().request("/api/users", { method: "POST", json: body });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(Object.keys(error.fieldErrors ?? {})).toContain(field);
    expect(error.message).toContain(field);
  });

  it("should never send the submitted password back", async () => {
    const password = "a-very-distinct-password-42";
    const res = await new Client().request("/api/users", { method: "POST", json: { name: "X", email: `echo-${Date.now()}@example.org`, password } });
    expect(res.status).toBe(201);
    expect(await res.text()).not.toContain(password);
  });
});

describe("sign-in (POST /api/auth/callback/credentials)", () => {
  it("should set an HttpOnly, SameSite=Lax session cookie on success", async () => {
    const { email, password } = await newLearner("cookie");
    const client = new Client();
    const res = await client.signIn(email, password);
    const cookie = res.headers.getSetCookie().find((c) => c.includes("next-auth.session-token"));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it("should say the same thing for a wrong password and an unknown e-mail", async () => {
    const { email } = await newLearner("wrong");
    const wrong = new Client();
    const a = (await (await wrong.signIn(email, "not the password at all")).json()) as { url: string };
    const b = (await (await new Client().signIn(`nobody-${Date.now()}@example.org`, "whatever password")).json()) as { url: string };
    expect(new URL(a.url).searchParams.get("error")).toBe("CredentialsSignin");
    expect(new URL(b.url).searchParams.get("error")).toBe("CredentialsSignin");
    expect(wrong.signedIn).toBe(false);
  });

  it("should refuse a sign-in without a CSRF token", async () => {
    const { email, password } = await newLearner("csrf");
    const client = new Client();
    await client.signIn(email, password, "forged-token");
    expect(client.signedIn).toBe(false);
  });

  it("should answer 429 with Retry-After after too many attempts on one account", async () => {
    await startOfFreshWindow(15 * 60);
    const { email, password } = await newLearner("limited");
    let last: Response | undefined;
    for (let i = 0; i < 11; i++) last = await new Client().signIn(email, "wrong password here");
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    // Even the right password is refused while the account is limited.
    const blocked = new Client();
    expect((await blocked.signIn(email, password)).status).toBe(429);
    expect(blocked.signedIn).toBe(false);
  });

  it("should answer 429 after too many attempts from one IP across accounts", async () => {
    await startOfFreshWindow(15 * 60);
    const ip = "198.51.100.77";
    let last: Response | undefined;
    for (let i = 0; i < 51; i++) last = await new Client(ip).signIn(`spray-${i}-${Date.now()}@example.org`, "guessing passwords");
    expect(last!.status).toBe(429);
    expect(last!.headers.get("retry-after")).toBeTruthy();
  });
});

describe("sessions", () => {
  it("should answer 401 JSON to an API call without a session", async () => {
    const res = await new Client().request("/api/me");
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe("UNAUTHORIZED");
  });

  it("should not accept the old cookie after sign-out", async () => {
    const { client } = await newLearner("signout");
    const stolen = client.cookieHeader();
    await client.signOut();
    expect(client.signedIn).toBe(false);
    const replay = await fetch(`${baseUrl()}/api/me`, { headers: { cookie: stolen } });
    expect(replay.status).toBe(401);
  });

  it("should redirect a page that needs a user to sign-in and back", async () => {
    const res = await new Client().request("/admin/users");
    expect([302, 303, 307]).toContain(res.status);
    expect(res.headers.get("location")).toContain("/sign-in?callbackUrl=%2Fadmin%2Fusers");
  });

  it("should not trust a forged middleware-subrequest header", async () => {
    const res = await new Client().request("/api/admin/users", { headers: { "x-middleware-subrequest": "middleware:middleware:middleware" } });
    expect(res.status).toBe(401);
  });
});

describe("roles", () => {
  it("should answer 403 to a learner calling admin endpoints", async () => {
    const { client, id } = await newLearner("notadmin");
    expect((await client.request("/api/admin/users")).status).toBe(403);
    const patch = await client.request(`/api/admin/users/${id}`, { method: "PATCH", json: { role: "ADMIN" } });
    expect(patch.status).toBe(403);
    // The learner's attempt changed nothing.
    const me = (await (await client.request("/api/me")).json()) as { user: { role: string } };
    expect(me.user.role).toBe("LEARNER");
  });

  it("should ignore a role sent by the client", async () => {
    const client = new Client();
    const email = `sneaky-${Date.now()}@example.org`;
    const res = await client.request("/api/users", { method: "POST", json: { name: "S", email, password: "long enough pass", role: "ADMIN" } });
    expect(res.status).toBe(201);
    await client.signIn(email, "long enough pass");
    expect((await client.request("/api/admin/users?isAdmin=true")).status).toBe(403);
  });

  it("should apply a role change on the learner's next request", async () => {
    const admin = await signedInAdmin();
    const { client, id } = await newLearner("promoted");
    expect((await client.request("/api/admin/users")).status).toBe(403);
    const patch = await admin.request(`/api/admin/users/${id}`, { method: "PATCH", json: { role: "ADMIN" } });
    expect(patch.status).toBe(200);
    // Same cookie, no new sign-in: the role is read from the database on every request.
    expect((await client.request("/api/admin/users")).status).toBe(200);
    await admin.request(`/api/admin/users/${id}`, { method: "PATCH", json: { role: "LEARNER" } });
    expect((await client.request("/api/admin/users")).status).toBe(403);
  });

  it("should end a disabled user's session on their next request", async () => {
    const admin = await signedInAdmin();
    const { client, id, email, password } = await newLearner("disabled");
    expect((await admin.request(`/api/admin/users/${id}`, { method: "PATCH", json: { disabled: true } })).status).toBe(200);
    expect((await client.request("/api/me")).status).toBe(401);
    const again = new Client();
    await again.signIn(email, password);
    expect(again.signedIn).toBe(false);
  });

  it("should answer 400 naming the field for a bad role", async () => {
    const admin = await signedInAdmin();
    const { id } = await newLearner("badrole");
    const res = await admin.request(`/api/admin/users/${id}`, { method: "PATCH", json: { role: "ROOT" } });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toContain("role");
  });

  it("should refuse a cross-site PATCH (403)", async () => {
    const admin = await signedInAdmin();
    const { id } = await newLearner("csrf-patch");
    const res = await admin.request(`/api/admin/users/${id}`, { method: "PATCH", json: { role: "ADMIN" }, headers: { origin: "https://evil.example" } });
    expect(res.status).toBe(403);
  });
});
