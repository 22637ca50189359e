/**
 * Read-only replay of a "try it" session: the view after any step of the command log, for the
 * learner who owns it and for admins; 404 for everyone else; 400 naming `step` out of range.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Learner } from "@/lib/learners/identity";
import { joinCohort } from "@/lib/cohorts/join";
import { createCohort, removeMember } from "@/lib/cohorts/manage";
import { replaySession } from "@/lib/try-it/replay";
import { applyCommand, openSession } from "@/lib/try-it/sessions";
import { panelView } from "@/lib/try-it/view";
import { CHARGED_TWICE_PATH } from "../fixtures/try-it-paths";
import { rejection } from "./helpers/errors";
import { createActor } from "./helpers/users";

const PATH = CHARGED_TWICE_PATH;

async function drivenSession() {
  const owner = await createActor();
  const learner: Learner = { kind: "user", userId: owner.id };
  const { id } = await openSession(learner, "kafka", "production-reality", "at-least-once");
  const steps = [];
  for (const [i, command] of PATH.entries()) steps.push(await applyCommand(learner, id, command, i));
  return { owner, learner, id, steps };
}

describe("replaySession", () => {
  it("shows the owner every step: its command, its timeline lines and the view after it", async () => {
    const { owner, learner, id, steps } = await drivenSession();
    const viewer = { learner, user: owner };
    const start = await replaySession(viewer, id, 0);
    expect(start).toMatchObject({ steps: 5, step: 0, command: null, timeline: [] });
    expect(start.view.sinks.flatMap((s) => s.rows)).toEqual([]);
    for (const [i, step] of steps.entries()) {
      const replayed = await replaySession(viewer, id, i + 1);
      expect(replayed.command).toEqual(PATH[i]);
      expect(replayed.timeline).toEqual(step.timeline);
      expect(replayed.view).toEqual(panelView(step.session.scenario, step.state));
    }
    expect((await replaySession(viewer, id)).step).toBe(5);
  });

  it("lets an admin replay anyone's session, and nobody else (404, as if it did not exist)", async () => {
    const { id } = await drivenSession();
    const admin = await createActor("ADMIN");
    expect((await replaySession({ learner: { kind: "user", userId: admin.id }, user: admin }, id, 2)).step).toBe(2);
    const instructor = await createActor("INSTRUCTOR");
    const stranger = await createActor();
    for (const viewer of [
      { learner: { kind: "user", userId: instructor.id } as Learner, user: instructor },
      { learner: { kind: "user", userId: stranger.id } as Learner, user: stranger },
      { learner: { kind: "guest", guestId: randomUUID() } as Learner, user: null },
      { learner: null, user: null },
    ]) {
      expect(await rejection(replaySession(viewer, id, 1))).toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await rejection(replaySession({ learner: null, user: admin }, "not-a-uuid"))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets the instructor of a cohort the learner is in replay it, and no longer once the learner is removed", async () => {
    const { owner, id } = await drivenSession();
    const instructor = await createActor("INSTRUCTOR");
    const viewer = { learner: { kind: "user", userId: instructor.id } as Learner, user: instructor };
    expect(await rejection(replaySession(viewer, id, 1))).toMatchObject({ code: "NOT_FOUND" });
    const cohort = await createCohort(instructor, { name: "Replay class", guides: ["kafka"] });
    await joinCohort(owner, { code: cohort.joinCode });
    expect((await replaySession(viewer, id, 3)).command).toEqual(PATH[2]);
    await removeMember(instructor, cohort.id, owner.id);
    expect(await rejection(replaySession(viewer, id, 1))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a step past the end, naming the field", async () => {
    const { owner, learner, id } = await drivenSession();
    expect(await rejection(replaySession({ learner, user: owner }, id, 6))).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { step: ["must be at most 5"] } });
  });
});
