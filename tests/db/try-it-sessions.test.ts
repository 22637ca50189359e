/**
 * "Try it" sessions on the real database: event sourcing (a session rebuilt from its snapshot and
 * commands equals the live state), optimistic concurrency between tabs, undo and reset, ownership
 * (someone else's session is a 404), limits, refused commands leaving nothing behind, and goals
 * recorded in the lesson's progress.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Learner } from "@/lib/learners/identity";
import { getLessonProgress } from "@/lib/progress/queries";
import { getLesson } from "@/lib/content/source";
import { sinkRows, type Command } from "@/lib/sim";
import { SNAPSHOT_EVERY, SNAPSHOTS_KEPT, TIMELINE_HISTORY } from "@/lib/try-it/limits";
import { applyCommand, openSession, rebuildState, recentTimeline, requireSession, resetSession, undoCommand } from "@/lib/try-it/sessions";
import { CHARGED_TWICE_PATH } from "../fixtures/try-it-paths";
import { rejection } from "./helpers/errors";
import { createActor } from "./helpers/users";

const G = "kafka";
const L = "production-reality";
const S = "at-least-once";
const guest = (): Learner => ({ kind: "guest", guestId: randomUUID() });
const user = async (): Promise<Learner> => ({ kind: "user", userId: (await createActor()).id });

const poll = (client: string, at: number): Command => ({ do: "poll", client, at });
/** The lesson's crash-before-commit path: c1 charges, crashes; c2 charges again after the session timeout. */
const CRASH_PATH = CHARGED_TWICE_PATH;

async function play(learner: Learner, id: string, commands: readonly Command[], from = 0) {
  let version = from;
  let last;
  for (const c of commands) {
    last = await applyCommand(learner, id, c, version);
    version = last.session.version;
  }
  return last!;
}

describe("openSession", () => {
  it("creates a session for a panel of the lesson, and continues it on the next open (reload, second tab)", async () => {
    const learner = guest();
    const first = await openSession(learner, G, L, S);
    expect(first).toMatchObject({ version: 0, guide: G, lesson: L });
    await applyCommand(learner, first.id, poll("c1", 100), 0);
    const again = await openSession(learner, G, L, S);
    expect(again.id).toBe(first.id);
    expect(again.version).toBe(1);
  });

  it("refuses a scenario the lesson does not embed, and an unknown lesson", async () => {
    expect(await rejection(openSession(guest(), G, "the-log", S))).toMatchObject({ code: "NOT_FOUND" });
    expect(await rejection(openSession(guest(), G, "no-such-lesson", S))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("event sourcing", () => {
  it(`rebuilds the same state from snapshots (every ${SNAPSHOT_EVERY} commands) and the commands after them`, async () => {
    const learner = guest();
    const { id } = await openSession(learner, G, L, S);
    const commands: Command[] = Array.from({ length: SNAPSHOT_EVERY * 2 + 3 }, (_, i) => ({ do: "produce", client: "p1", topic: "payments", key: `A${200 + i}`, value: String(i), at: i * 10 }));
    const last = await play(learner, id, commands);
    expect(await db.simSnapshot.count({ where: { sessionId: id } })).toBe(2);
    const rebuilt = await rebuildState(await requireSession(learner, id));
    expect(rebuilt).toEqual(last.state);
    expect(JSON.parse(JSON.stringify(rebuilt))).toEqual(last.state);
  });

  it(`keeps only the latest ${SNAPSHOTS_KEPT} snapshots, and still rebuilds any earlier version by replaying from the start`, async () => {
    const learner = guest();
    const { id } = await openSession(learner, G, L, S);
    const states = [];
    let version = 0;
    for (let i = 0; i < SNAPSHOT_EVERY * (SNAPSHOTS_KEPT + 2) + 3; i++) {
      const step = await applyCommand(learner, id, { do: "produce", client: "p1", topic: "payments", key: `K${i % 7}`, value: String(i), at: i * 10 }, version);
      version = step.session.version;
      states.push(step.state);
    }
    const snapshots = await db.simSnapshot.findMany({ where: { sessionId: id }, orderBy: { seq: "asc" }, select: { seq: true } });
    expect(snapshots.map((s) => s.seq)).toEqual(Array.from({ length: SNAPSHOTS_KEPT }, (_, i) => SNAPSHOT_EVERY * (i + 3)));
    const session = await requireSession(learner, id);
    expect(await rebuildState(session)).toEqual(states.at(-1));
    expect(await rebuildState(session, 13)).toEqual(states[12]);
  });

  it("counts the caller's rate limits with the session read, refused commands included, and stores nothing over them", async () => {
    const learner = guest();
    const { id } = await openSession(learner, G, L, S);
    const rateLimits = [{ key: `test-sim:${randomUUID()}`, rule: { limit: 2, windowSeconds: 600 } }];
    await applyCommand(learner, id, poll("c1", 100), 0, { rateLimits });
    expect(await rejection(applyCommand(learner, id, { do: "poll", client: "c9" }, 1, { rateLimits }))).toMatchObject({ code: "UNPROCESSABLE" });
    expect(await rejection(applyCommand(learner, id, poll("c2", 200), 1, { rateLimits }))).toMatchObject({ code: "RATE_LIMITED" });
    expect((await requireSession(learner, id)).version).toBe(1);
    expect(await rejection(applyCommand(guest(), id, poll("c2", 200), 1, { rateLimits: [{ key: `test-sim:${randomUUID()}`, rule: { limit: 5, windowSeconds: 600 } }] }))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("stores nothing for a command the engine refuses (422 naming the field)", async () => {
    const learner = guest();
    const { id } = await openSession(learner, G, L, S);
    const error = await rejection(applyCommand(learner, id, { do: "poll", client: "c9" }, 0));
    expect(error).toMatchObject({ code: "UNPROCESSABLE", fieldErrors: { "command.client": ['unknown client "c9"'] } });
    expect((await requireSession(learner, id)).version).toBe(0);
    expect(await db.simCommand.count({ where: { sessionId: id } })).toBe(0);
  });
});

describe("concurrency, undo and reset", () => {
  it("accepts exactly one of two commands sent from the same version (the other gets 409)", async () => {
    const learner = guest();
    const { id } = await openSession(learner, G, L, S);
    const results = await Promise.allSettled([applyCommand(learner, id, poll("c1", 100), 0), applyCommand(learner, id, poll("c2", 100), 0)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    expect((await requireSession(learner, id)).version).toBe(1);
    expect(await rejection(applyCommand(learner, id, poll("c1", 200), 0))).toMatchObject({ code: "CONFLICT" });
  });

  it("undoes the last command: the state is the one before it", async () => {
    const learner = guest();
    const { id } = await openSession(learner, G, L, S);
    const before = await play(learner, id, CRASH_PATH.slice(0, 2));
    await applyCommand(learner, id, CRASH_PATH[2]!, 2);
    const undone = await undoCommand(learner, id, 3);
    expect(undone.version).toBe(2);
    expect(await rebuildState(undone)).toEqual(before.state);
    expect(await rejection(undoCommand(learner, id, 3))).toMatchObject({ code: "CONFLICT" });
  });

  it("gives a reloaded panel the timeline of the commands still in the log: undone ones are gone, the oldest beyond the limit too", async () => {
    const learner = guest();
    const { id } = await openSession(learner, G, L, S);
    const steps = [];
    for (const [i, c] of CRASH_PATH.entries()) steps.push(await applyCommand(learner, id, c, i));
    const all = steps.flatMap((s) => s.timeline);
    expect(all.some((l) => l.text === "c1 CRASHES (no commit, no LeaveGroup)")).toBe(true);
    expect(await recentTimeline(steps.at(-1)!.session)).toEqual(all);
    const undone = await undoCommand(learner, id, CRASH_PATH.length);
    expect(await recentTimeline(undone)).toEqual(steps.slice(0, -1).flatMap((s) => s.timeline));
    let version = undone.version;
    let last = undone;
    for (let i = 0; i < TIMELINE_HISTORY; i++) {
      const step = await applyCommand(learner, id, { do: "produce", client: "p1", topic: "payments", key: `k${i}`, value: "1" }, version);
      version = step.session.version;
      last = step.session;
    }
    const recent = await recentTimeline(last);
    expect(recent).toHaveLength(TIMELINE_HISTORY);
    expect(recent.at(-1)!.text).toContain(`k${TIMELINE_HISTORY - 1}=1`);
  });

  it("resets to the scenario's start, keeping goals already reached", async () => {
    const learner = guest();
    const { id } = await openSession(learner, G, L, S);
    await play(learner, id, CRASH_PATH);
    const reset = await resetSession(learner, id);
    expect(reset.version).toBe(0);
    expect(Object.keys(reset.goals)).toEqual(["charged-twice"]);
    expect(sinkRows(await rebuildState(reset), "charges")).toEqual([]);
    expect(await db.simCommand.count({ where: { sessionId: id } })).toBe(0);
  });
});

describe("ownership", () => {
  it("answers 404 for another learner's session, and for a malformed id", async () => {
    const owner = await user();
    const { id } = await openSession(owner, G, L, S);
    for (const other of [guest(), await user()]) {
      expect(await rejection(requireSession(other, id))).toMatchObject({ code: "NOT_FOUND" });
      expect(await rejection(applyCommand(other, id, poll("c1", 1), 0))).toMatchObject({ code: "NOT_FOUND" });
      expect(await rejection(resetSession(other, id))).toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await rejection(requireSession(owner, "../../etc"))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("goals", () => {
  it("records a reached goal in the lesson's progress, once", async () => {
    const learner = await user();
    const { id } = await openSession(learner, G, L, S);
    const last = await play(learner, id, CRASH_PATH);
    expect(last.goalsReached).toEqual(["charged-twice"]);
    const progress = await getLessonProgress(learner, getLesson(G, L)!);
    expect(progress.tryItGoals).toEqual([`${S}:charged-twice`]);
    const next = await applyCommand(learner, id, { do: "commit", client: "c2" }, last.session.version);
    expect(next.goalsReached).toEqual([]);
  });
});
