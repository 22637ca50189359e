/**
 * Cohorts on the real database: who may create, see and manage them (instructor: own; admin: all;
 * learner: none), joining by code (any spelling of it; rotated and archived codes refused), removing
 * a learner, and the audit trail.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { teachesLearner } from "@/lib/cohorts/access";
import { joinCohort } from "@/lib/cohorts/join";
import { newJoinCode } from "@/lib/cohorts/join-code";
import { createCohort, removeMember, rotateJoinCode, setCohortArchived } from "@/lib/cohorts/manage";
import { getCohort, getInvitation, listCohorts } from "@/lib/cohorts/queries";
import { JOIN_CODE_ALPHABET } from "@/lib/cohorts/schemas";
import { rejection } from "./helpers/errors";
import { createActor } from "./helpers/users";

const NEW = { name: "Kafka, autumn class", guides: ["kafka"] };

describe("creating and listing cohorts", () => {
  it("lets instructors and admins create cohorts, each with a fresh join code; learners and strangers cannot", async () => {
    const instructor = await createActor("INSTRUCTOR");
    const created = await createCohort(instructor, NEW);
    expect(created.joinCode).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{10}$`));
    expect(await db.auditEvent.count({ where: { targetId: created.id, action: "cohort.create", actorId: instructor.id } })).toBe(1);
    expect((await createCohort(await createActor("ADMIN"), NEW)).joinCode).not.toBe(created.joinCode);
    expect(await rejection(createCohort(await createActor(), NEW))).toMatchObject({ code: "FORBIDDEN" });
    expect(await rejection(createCohort(null, NEW))).toMatchObject({ code: "UNAUTHORIZED" });
  });

  it.each([
    [{ name: "  ", guides: ["kafka"] }, "name"],
    [{ name: "x".repeat(101), guides: ["kafka"] }, "name"],
    [{ name: "A", guides: [] }, "guides"],
    [{ name: "A", guides: ["kafka", "kafka"] }, "guides"],
    [{ name: "A", guides: ["no-such-guide"] }, "guides"],
    [{ name: "A", guides: ["kafka"], owner: "someone" }, "_form"],
  ])("refuses %j naming %s", async (input, field) => {
    const error = await rejection(createCohort(await createActor("INSTRUCTOR"), input));
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect(Object.keys(error.fieldErrors ?? {})).toContain(field);
  });

  it("lists an instructor's own cohorts only, and every cohort for an admin", async () => {
    const mine = await createActor("INSTRUCTOR");
    const theirs = await createActor("INSTRUCTOR");
    const a = await createCohort(mine, NEW);
    const b = await createCohort(theirs, NEW);
    expect((await listCohorts(mine)).map((c) => c.id)).toEqual([a.id]);
    const all = (await listCohorts(await createActor("ADMIN"))).map((c) => c.id);
    expect(all).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await rejection(listCohorts(await createActor()))).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("managing a cohort", () => {
  it("shows a cohort to its instructor and admins only: 403 for another instructor and for learners, whether or not it exists", async () => {
    const owner = await createActor("INSTRUCTOR");
    const { id } = await createCohort(owner, NEW);
    expect((await getCohort(owner, id)).name).toBe(NEW.name);
    expect((await getCohort(await createActor("ADMIN"), id)).guides).toEqual([{ slug: "kafka", title: expect.any(String) }]);
    for (const other of [await createActor("INSTRUCTOR"), await createActor()]) {
      expect(await rejection(getCohort(other, id))).toMatchObject({ code: "FORBIDDEN" });
      expect(await rejection(getCohort(other, "00000000-0000-4000-8000-000000000000"))).toMatchObject({ code: "FORBIDDEN" });
      expect(await rejection(rotateJoinCode(other, id))).toMatchObject({ code: "FORBIDDEN" });
      expect(await rejection(setCohortArchived(other, id, true))).toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await rejection(getCohort(await createActor("ADMIN"), "00000000-0000-4000-8000-000000000000"))).toMatchObject({ code: "NOT_FOUND" });
    expect(await rejection(getCohort(owner, "not-an-id"))).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("lets a learner join with the code however it is typed, once; rotating the code or archiving the cohort closes the old way in", async () => {
    const owner = await createActor("INSTRUCTOR");
    const { id, joinCode } = await createCohort(owner, NEW);
    const learner = await createActor();
    const typed = `${joinCode.slice(0, 5).toLowerCase()}-${joinCode.slice(5)} `;
    expect(await getInvitation(typed)).toEqual({ name: NEW.name, guides: [{ slug: "kafka", title: expect.any(String) }], instructor: owner.name });
    expect(await joinCohort(learner, { code: typed })).toMatchObject({ cohortId: id, name: NEW.name });
    await joinCohort(learner, { code: joinCode });
    const cohort = await getCohort(owner, id);
    expect(cohort.members.map((m) => m.userId)).toEqual([learner.id]);
    expect(cohort.memberCount).toBe(1);

    const { joinCode: next } = await rotateJoinCode(owner, id);
    expect(next).not.toBe(joinCode);
    expect(await rejection(joinCohort(await createActor(), { code: joinCode }))).toMatchObject({ code: "NOT_FOUND", fieldErrors: { code: ["no open cohort has this code"] } });
    await joinCohort(await createActor(), { code: next });

    await setCohortArchived(owner, id, true);
    expect(await rejection(joinCohort(await createActor(), { code: next }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await rejection(getInvitation(next))).toMatchObject({ code: "NOT_FOUND" });
    expect((await getCohort(owner, id)).archived).toBe(true);
    await setCohortArchived(owner, id, false);
    await joinCohort(await createActor(), { code: next });
    expect((await getCohort(owner, id)).memberCount).toBe(3);
    expect(await db.auditEvent.count({ where: { targetId: id } })).toBe(4);
  });

  it("refuses to join signed out, or with a code that cannot be one (400 naming code)", async () => {
    expect(await rejection(joinCohort(null, { code: newJoinCode() }))).toMatchObject({ code: "UNAUTHORIZED" });
    expect(await rejection(joinCohort(await createActor(), { code: "ABC" }))).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { code: [expect.stringContaining("10 letters")] } });
  });

  it("removes a learner from the cohort (their instructor no longer teaches them); 404 for someone not in it", async () => {
    const owner = await createActor("INSTRUCTOR");
    const { id, joinCode } = await createCohort(owner, NEW);
    const learner = await createActor();
    await joinCohort(learner, { code: joinCode });
    expect(await teachesLearner(owner, learner.id, "kafka")).toBe(true);
    // Only in the guides the cohort follows.
    expect(await teachesLearner(owner, learner.id, "webhooks-and-message-queues")).toBe(false);
    expect(await teachesLearner(await createActor("INSTRUCTOR"), learner.id, "kafka")).toBe(false);
    expect(await rejection(removeMember(await createActor("INSTRUCTOR"), id, learner.id))).toMatchObject({ code: "FORBIDDEN" });
    await removeMember(owner, id, learner.id);
    expect(await teachesLearner(owner, learner.id, "kafka")).toBe(false);
    expect((await getCohort(owner, id)).members).toEqual([]);
    expect(await rejection(removeMember(owner, id, learner.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await rejection(removeMember(owner, id, "nope"))).toMatchObject({ code: "BAD_REQUEST" });
  });
});
