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
import { sinkRows, step, type ClusterState, type Command } from "@/lib/sim";
import { SNAPSHOT_EVERY, SNAPSHOTS_KEPT, TIMELINE_HISTORY } from "@/lib/try-it/limits";
import { mergeGuestIntoUser } from "@/lib/learners/merge";
import { applyCommand, applyCommandTo, openSession, rebuildState, recentTimeline, requireSession, resetSession, startingState, undoCommand } from "@/lib/try-it/sessions";
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

  it("gives a reloaded panel its latest lines even after many steps that said nothing", async () => {
    const learner = guest();
    const { id } = await openSession(learner, G, L, S);
    const said = await play(learner, id, CRASH_PATH.slice(0, 2));
    let version = said.session.version;
    let last = said.session;
    // Clock steps of 1 ms with nothing due: each one says nothing.
    for (let i = 0; i < TIMELINE_HISTORY + 20; i++) {
      const silent = await applyCommand(learner, id, { do: "advance", at: 200 + i }, version);
      expect(silent.timeline).toEqual([]);
      version = silent.session.version;
      last = silent.session;
    }
    const lines = await recentTimeline(last);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.at(-1)).toEqual(said.timeline.at(-1));
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

/** The state the stored command log gives when replayed from the scenario's start, and the log's length. */
async function replayStored(id: string, learner: Learner): Promise<{ state: ClusterState; commands: number }> {
  const session = await requireSession(learner, id);
  let state = startingState(session.scenario, session.seed);
  const rows = await db.simCommand.findMany({ where: { sessionId: id }, orderBy: { seq: "asc" }, select: { seq: true, command: true } });
  rows.forEach((row, i) => {
    expect(row.seq).toBe(i + 1);
    const result = step(state, row.command as unknown as Command);
    if (!result.ok) throw new Error(`stored command ${row.seq} does not apply: ${result.error.message}`);
    state = result.value.state;
  });
  return { state, commands: rows.length };
}

describe("racing writes never leave a log that does not replay", () => {
  it("commands, undos and resets sent at once: the stored log is dense, replays, and is the session's state", async () => {
    const learner = guest();
    const { id } = await openSession(learner, G, L, S);
    const clock = (i: number): Command => ({ do: "advance", at: 1000 * (i + 1) });
    for (let round = 0; round < 8; round++) {
      const { version } = await requireSession(learner, id);
      // Two tabs: one undoes and goes on (the same version again, another command), the other
      // sends a command computed on the version before the undo.
      const outcomes = await Promise.allSettled([
        (async () => {
          if (version > 0) await undoCommand(learner, id, version);
          await applyCommand(learner, id, { do: "produce", client: "p1", topic: "payments", key: `R${round}`, value: "1" }, version > 0 ? version - 1 : 0);
        })(),
        applyCommand(learner, id, clock(round * 10 + 50), version),
        round % 4 === 3 ? resetSession(learner, id) : Promise.resolve(null),
      ]);
      for (const o of outcomes) if (o.status === "rejected") expect((o.reason as { code?: string }).code, String(o.reason)).toMatch(/CONFLICT|UNPROCESSABLE/);
      const session = await requireSession(learner, id);
      const stored = await replayStored(id, learner);
      expect(stored.commands).toBe(session.version);
      expect(await rebuildState(session)).toEqual(stored.state);
      expect(await db.simSnapshot.count({ where: { sessionId: id, seq: { gt: session.version } } })).toBe(0);
    }
  });

  it("refuses a command computed on a session that was undone and moved on to the same version since (409), storing nothing", async () => {
    const learner = guest();
    const { id } = await openSession(learner, G, L, S);
    await applyCommand(learner, id, poll("c1", 100), 0);
    const stale = await requireSession(learner, id); // tab A reads version 1…
    await undoCommand(learner, id, 1); // …tab B undoes and sends another command: version 1 again
    await applyCommand(learner, id, { do: "advance", at: 50 }, 0);
    expect(await rejection(applyCommandTo(learner, stale, { do: "process", client: "c1" }, 1))).toMatchObject({ code: "CONFLICT" });
    const stored = await replayStored(id, learner);
    expect(stored.commands).toBe(1);
    expect(await rebuildState(await requireSession(learner, id))).toEqual(stored.state);
  });

  it("opens one session per learner and panel, even when several tabs open it at once", async () => {
    const learner = guest();
    const opened = await Promise.all(Array.from({ length: 5 }, () => openSession(learner, G, L, S)));
    expect(new Set(opened.map((s) => s.id)).size).toBe(1);
    expect(await db.simSession.count({ where: { guestId: (learner as { guestId: string }).guestId } })).toBe(1);
  });
});

describe("limits", () => {
  it("refuses a command that would give the cluster more partitions than a session may hold (429), storing nothing", async () => {
    const learner = guest();
    const { id } = await openSession(learner, G, L, S);
    const error = await rejection(applyCommand(learner, id, { do: "cli", command: "kafka-topics.sh --bootstrap-server localhost:9092 --create --topic big --partitions 500" }, 0));
    expect(error).toMatchObject({ code: "RATE_LIMITED" });
    expect(error.userMessage).toContain("more than 64 partitions");
    expect((await requireSession(learner, id)).version).toBe(0);
  });
});

describe("signing in", () => {
  it("moves a guest's sessions to the account, unless the account has its own for that panel", async () => {
    const visitor = guest();
    const account = await user();
    const guestOnly = await openSession(visitor, G, L, S);
    await play(visitor, guestOnly.id, CRASH_PATH.slice(0, 2));
    const both = await openSession(visitor, G, L, "rebalance-spiral");
    const accountOwn = await openSession(account, G, L, "rebalance-spiral");
    const counts = await mergeGuestIntoUser((visitor as { guestId: string }).guestId, (account as { userId: string }).userId);
    expect(counts.simSessions).toBe(1);
    const moved = await requireSession(account, guestOnly.id);
    expect(moved.version).toBe(2);
    expect((await openSession(account, G, L, "rebalance-spiral")).id).toBe(accountOwn.id);
    expect(await rejection(requireSession(account, both.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await db.simSession.count({ where: { guestId: (visitor as { guestId: string }).guestId } })).toBe(0);
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
    for (const bad of ["../../etc", "-".repeat(36), "ABCDEFAB-ABCD-ABCD-ABCD-ABCDEFABCDEX"]) {
      expect(await rejection(requireSession(owner, bad))).toMatchObject({ code: "NOT_FOUND" });
      expect(await rejection(applyCommand(owner, bad, poll("c1", 1), 0, { rateLimits: [{ key: `test:${randomUUID()}`, rule: { limit: 5, windowSeconds: 60 } }] }))).toMatchObject({ code: "NOT_FOUND" });
    }
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
