/**
 * The "try it" panels of the Kafka lessons (content/try-it): each file loads, and each goal is
 * reached exactly at the step of a learner's path where it should be, not before. A path is what
 * the panel sends: controls (their `at` filled in from the clock) and clock presses (`advance`).
 */
import { describe, expect, it } from "vitest";
import { emptyHistory, observe, sinkRows } from "@/lib/sim";
import { loadTryItScenarios } from "@/lib/try-it/load";
import type { TryItScenario } from "@/lib/try-it/schemas";
import { drive, type Press, type Run } from "./helpers/try-it";

const PANELS = ["keys-and-partitions", "offsets-bookmark", "consumer-groups", "committing", "rebalance-spiral", "retention-and-compaction"] as const;

const { scenarios, problems } = loadTryItScenarios();

function scenario(id: string): TryItScenario {
  const s = scenarios.get(id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
}

/** The index of the press after which `goal` was first reached (-1 if never). */
function reachedAt(run: Run, goal: string): number {
  return run.after.findIndex((r) => r.includes(goal));
}

/** The partition each produced record of `key` went to, in order. */
function partitionsOf(run: Run, key: string): number[] {
  return run.events.flat().flatMap((e) => (e.type === "produced" && e.key === key ? [e.partition] : []));
}

/** A group as the runner's observation shows it (members with their assignment, committed offsets). */
function group(run: Run, name: string) {
  const g = observe(run.state, emptyHistory()).groups[name];
  if (!g) throw new Error(`no group ${name}`);
  return g;
}

function cliOutput(run: Run, press: number): string {
  const e = run.events[press]!.find((x) => x.type === "cli");
  if (!e || e.type !== "cli") throw new Error(`press ${press} printed nothing`);
  return e.stdout + e.stderr;
}

describe("the Kafka panel files", () => {
  it("all load without problems", () => {
    expect(problems).toEqual([]);
    for (const id of PANELS) expect(scenarios.has(id), id).toBe(true);
  });

  it.each(PANELS)("%s has the panel's shape: 4–12 captioned controls, 1–3 goals, clock buttons", (id) => {
    const s = scenario(id);
    expect(s.version).toBe(1);
    expect(s.controls.length).toBeGreaterThanOrEqual(4);
    expect(s.controls.length).toBeLessThanOrEqual(12);
    for (const c of s.controls) expect(c.caption, c.id).toBeTruthy();
    expect(s.goals.length).toBeGreaterThanOrEqual(1);
    expect(s.goals.length).toBeLessThanOrEqual(3);
    expect(s.advance.length).toBeGreaterThan(0);
    expect(s.terminal).toBe(true);
  });

  it.each(PANELS)("%s reaches no goal from its starting cluster alone", (id) => {
    expect(drive(scenario(id), [[0, "advance"]]).reached).toEqual([]);
  });
});

describe("keys-and-partitions", () => {
  const s = scenario("keys-and-partitions");

  it("puts every key where murmur2 sends it with three partitions", () => {
    const keys = ["user-42", "k1", "k2", "k3", "k4", "k5", "k6", "user-3"];
    const run = drive(s, keys.map((k) => [0, `send-${k}`] as Press));
    expect(keys.map((k) => partitionsOf(run, k)[0])).toEqual([1, 2, 0, 1, 1, 0, 1, 2]);
    expect(run.reached).toEqual([]);
  });

  it("moves k1 from partition 2 to 1 once the producer's metadata shows the fourth partition, and not before", () => {
    const run = drive(s, [
      [0, "send-k1"],
      [0, "send-user-42"],
      [0, "send-k1"], // 2: same key, same partition
      [100, "add-partition"],
      [100, "describe"],
      [100, "send-k1"], // 5: the producer still believes in three partitions
      [999, "send-k1"],
      [1000, "advance"], // 7: the metadata refresh
      [1000, "send-k1"], // 8: k1 % 4 = 1
      [1000, "send-user-42"],
    ]);
    expect(run.after[1]).toEqual([]);
    expect(reachedAt(run, "same-key-same-partition")).toBe(2);
    expect(cliOutput(run, 4)).toContain("PartitionCount: 4");
    expect(run.events[7]!.map((e) => e.type)).toEqual(["metadata"]);
    expect(reachedAt(run, "key-moved")).toBe(8);
    expect(partitionsOf(run, "k1")).toEqual([2, 2, 2, 2, 1]);
    expect(partitionsOf(run, "user-42")).toEqual([1, 0]);
    // Nothing written earlier moved: partition 2 still holds the four old k1 records.
    const p2 = run.state.topics.orders!.partitions[2]!.log;
    expect(p2.logEndOffset).toBe(4);
    expect(run.reached).toEqual(["same-key-same-partition", "key-moved"]);
  });

  it("fills the new partition only with keys that hash to it", () => {
    const run = drive(s, [
      [0, "send-user-3"], // partition 2 of 3
      [0, "add-partition"],
      [500, "send-k1"],
      [500, "send-k2"],
      [1000, "send-k3"],
      [1000, "send-k6"],
      [1000, "send-user-3"], // 6: partition 3 of 4
    ]);
    expect(partitionsOf(run, "user-3")).toEqual([2, 3]);
    expect(reachedAt(run, "new-partition-used")).toBe(6);
    expect(run.reached).toEqual(["new-partition-used"]);
  });
});

describe("offsets-bookmark", () => {
  const s = scenario("offsets-bookmark");

  it("sees both groups commit their own bookmark, then b1 resume from billing's", () => {
    const run = drive(s, [
      [100, "b1-poll"],
      [100, "b1-process"],
      [200, "b1-commit"], // 2: billing has a bookmark, audit not yet
      [300, "a1-poll"],
      [300, "a1-process"],
      [400, "a1-commit"], // 5: both
      [500, "describe-billing"],
      [500, "describe-audit"],
      [600, "b1-poll"], // reads 2 and 3, never commits them
      [700, "b1-close"],
      [800, "b1-restart"], // 10
      [900, "b1-poll"], // 11: starts from billing's committed offset 2
    ]);
    expect(run.after[4]).toEqual([]);
    expect(reachedAt(run, "both-committed")).toBe(5);
    expect(cliOutput(run, 6)).toMatch(/billing +payments +0 +2 +6 +4 /);
    expect(cliOutput(run, 7)).toMatch(/audit +payments +0 +6 +6 +0 /);
    expect(run.after[10]).toEqual(["both-committed"]);
    expect(reachedAt(run, "resumed-from-bookmark")).toBe(11);
    const b1 = run.events[11]!.flatMap((e) => (e.type === "delivered" ? e.records.map((r) => r.offset) : []));
    expect(b1).toEqual([2, 3]);
    expect(group(run, "billing").committed).toEqual({ "payments-0": 2 });
    expect(group(run, "audit").committed).toEqual({ "payments-0": 6 });
  });

  it("does not call a restart without any commit a resume from the bookmark", () => {
    const run = drive(s, [
      [100, "b1-poll"],
      [100, "b1-process"],
      [200, "b1-close"],
      [300, "b1-restart"],
      [400, "b1-poll"], // no committed offset: auto.offset.reset=earliest again
      [400, "a1-poll"],
      [400, "a1-commit"],
    ]);
    expect(run.reached).toEqual([]);
  });
});

describe("consumer-groups", () => {
  const s = scenario("consumer-groups");

  it("an eager rebalance revokes everything r1 owned when r2 joins", () => {
    const run = drive(s, [
      [1000, "r2-poll"], // joins: a rebalance is pending until r1 polls
      [1000, "describe-members"],
      [1500, "r1-poll"], // 2: r1 revokes all four, gets 0 and 1 back
      [2000, "produce"],
      [2000, "r2-poll"],
    ]);
    expect(run.after[1]).toEqual([]);
    expect(cliOutput(run, 1)).toContain("Consumer group 'range-group' is rebalancing.");
    expect(reachedAt(run, "eager-stop-the-world")).toBe(2);
    const revoked = run.events[2]!.find((e) => e.type === "revoked");
    expect(revoked?.type === "revoked" && revoked.partitions.map((p) => p.partition)).toEqual([0, 1, 2, 3]);
    expect(group(run, "range-group").members.map((m) => [m.client, m.assignment])).toEqual([
      ["r1", ["orders-0", "orders-1"]],
      ["r2", ["orders-2", "orders-3"]],
    ]);
    expect(run.reached).toEqual(["eager-stop-the-world"]);
  });

  it("a cooperative rebalance hands two partitions to s2 in two rounds while s1 keeps reading 0 and 1", () => {
    const run = drive(s, [
      [1000, "s1-poll"],
      [2000, "s2-poll"], // joins
      [2500, "produce"],
      [2500, "s1-poll"], // 3: round 1: s1 revokes 2 and 3 only, keeps reading 0 and 1
      [3000, "s2-poll"], // 4: round 2: s2 gets 2 and 3
      [3000, "describe-members"],
    ]);
    expect(run.after[3]).toEqual([]);
    const round1 = run.events[3]!;
    const revoked = round1.find((e) => e.type === "revoked");
    expect(revoked?.type === "revoked" && revoked.partitions.map((p) => p.partition)).toEqual([2, 3]);
    const kept = round1.flatMap((e) => (e.type === "delivered" ? e.records.map((r) => r.partition) : []));
    expect(new Set(kept)).toEqual(new Set([0, 1]));
    expect(reachedAt(run, "cooperative-handover")).toBe(4);
    expect(cliOutput(run, 5)).toMatch(/sticky-group +s2-\S+ +\/127\.0\.0\.1 +s2 +2 +orders\(2,3\)/);
    expect(run.reached).toEqual(["cooperative-handover"]);
  });

  it("a crashed r2 keeps its partitions until its session times out; a stopped one leaves at once", () => {
    const stopped = drive(s, [
      [1000, "r2-poll"],
      [1500, "r1-poll"],
      [2000, "r2-poll"],
      [4000, "r2-close"],
      [60000, "advance"],
    ]);
    expect(stopped.events[3]!.some((e) => e.type === "member-removed" && e.reason === "leave")).toBe(true);
    expect(stopped.reached).toEqual(["eager-stop-the-world"]);

    const crashed = drive(s, [
      [1000, "r2-poll"],
      [1500, "r1-poll"],
      [2000, "r2-poll"],
      [4000, "r2-crash"], // heartbeats stop: r2's last one was at 1500, when it got its partitions
      [4000, "produce"],
      [10000, "r1-poll"], // r1 reads only 0 and 1: 2 and 3 wait for a dead r2
      [46499, "advance"], // 6: session.timeout.ms after that heartbeat is 46500
      [46500, "advance"], // 7
      [47000, "r1-poll"], // r1 rejoins and gets all four
    ]);
    const r1Reads = crashed.events[5]!.flatMap((e) => (e.type === "delivered" ? e.records.map((r) => r.partition) : []));
    expect(new Set(r1Reads)).toEqual(new Set([0, 1]));
    expect(crashed.after[6]).toEqual(["eager-stop-the-world"]);
    expect(reachedAt(crashed, "crash-detected")).toBe(7);
    expect(crashed.events[7]!.find((e) => e.type === "member-removed")).toMatchObject({ client: "r2", reason: "session-timeout", at: 46500 });
    expect(group(crashed, "range-group").members.map((m) => [m.client, m.assignment])).toEqual([["r1", ["orders-0", "orders-1", "orders-2", "orders-3"]]]);
  });
});

describe("committing", () => {
  const s = scenario("committing");

  it("auto-commits inside the first poll at or after 5 s, never between polls", () => {
    const run = drive(s, [
      [100, "auto1-poll"],
      [100, "auto1-process"],
      [4900, "auto1-poll"], // 2: too early
      [20000, "advance"], // 3: no poll, no commit
      [20000, "describe-auto"],
      [20000, "auto1-poll"], // 5: the commit, inside poll
    ]);
    expect(run.after[3]).toEqual([]);
    expect(cliOutput(run, 4)).toMatch(/auto-group +clicks +0 +- +3 +- /);
    expect(reachedAt(run, "auto-commit-in-poll")).toBe(5);
    expect(run.events[5]!.find((e) => e.type === "committed")).toMatchObject({ group: "auto-group", offsets: { "clicks-0": 3 }, auto: true });
    expect(run.reached).toEqual(["auto-commit-in-poll"]);
  });

  it("writes a click twice when auto1 crashes between processing and its next auto-commit", () => {
    const run = drive(s, [
      [100, "auto1-poll"],
      [100, "auto1-process"],
      [5000, "auto1-poll"], // 2: commits offset 3
      [5000, "produce"],
      [6000, "auto1-poll"],
      [6000, "auto1-process"], // checkout written once
      [7000, "auto1-crash"], // before any poll could commit offset 4
      [7000, "auto1-restart"],
      [8000, "auto1-poll"], // joins; the old member still holds the partition
      [16000, "advance"], // 9: the old member's session (10 s after its last heartbeat) expires
      [16000, "auto1-poll"],
      [16000, "auto1-process"], // 11: checkout written again
    ]);
    expect(reachedAt(run, "auto-commit-in-poll")).toBe(2);
    expect(run.after[10]).toEqual(["auto-commit-in-poll"]);
    expect(reachedAt(run, "auto-commit-duplicate")).toBe(11);
    expect(sinkRows(run.state, "auto-table").map((r) => `${r.key}@${r.offset}`)).toEqual(["home@0", "cart@1", "home@2", "checkout@3", "checkout@3"]);
  });

  it("resumes man1 exactly after its last manual commit", () => {
    const run = drive(s, [
      [100, "man1-poll"],
      [100, "man1-process"],
      [200, "man1-commit"], // 2: offset 3
      [300, "produce"],
      [400, "man1-poll"],
      [400, "man1-process"], // checkout processed, not committed
      [500, "man1-crash"],
      [500, "man1-restart"], // 7
      [600, "man1-poll"], // joins; waits for the old member's session to expire
      [11000, "advance"],
      [11000, "man1-poll"], // 10: from the committed offset 3
      [11000, "describe-manual"],
    ]);
    expect(run.after[7]).toEqual([]);
    expect(reachedAt(run, "manual-resume")).toBe(10);
    expect(run.events[10]!.find((e) => e.type === "position-reset")).toMatchObject({ client: "man1", to: 3, reason: "committed" });
    expect(cliOutput(run, 11)).toMatch(/manual-group +clicks +0 +3 +4 +1 /);
    // manual-group commits by hand only: no auto-commit goal from man1.
    expect(run.reached).toEqual(["manual-resume"]);
  });
});

describe("rebalance-spiral", () => {
  const s = scenario("rebalance-spiral");

  it("removes c1 at its last poll + max.poll.interval.ms, fails its commit, and reprocesses the orders", () => {
    const run = drive(s, [
      [100, "c1-poll"],
      [100, "c1-process"], // busy until 15100; heartbeats go on
      [10099, "advance"], // 2
      [10100, "advance"], // 3: the poll timeout
      [15100, "c1-commit"], // 4: CommitFailedException
      [15100, "describe"],
      [15100, "c1-poll"], // rejoins, fetches the same five orders
      [15100, "c1-process"],
      [30100, "advance"], // 8: removed again at 25100, labels printed again at 30100
    ]);
    expect(run.after[2]).toEqual([]);
    expect(reachedAt(run, "kicked-out")).toBe(3);
    expect(run.events[3]!.find((e) => e.type === "member-removed")).toMatchObject({ client: "c1", reason: "poll-timeout", at: 10100 });
    expect(run.events[4]!.find((e) => e.type === "error")).toMatchObject({ client: "c1", error: { type: "CommitFailedException" } });
    expect(run.after[7]).toEqual(["kicked-out"]);
    expect(reachedAt(run, "reprocessed")).toBe(8);
    expect(run.events[8]!.filter((e) => e.type === "member-removed").length).toBe(1);
    expect(sinkRows(run.state, "labels").length).toBe(10);
    expect(group(run, "shipping").committed).toEqual({});
    expect(run.reached).toEqual(["kicked-out", "reprocessed"]);
  });

  it("c2, fetching two orders per poll, gets through the backlog without being removed", () => {
    const run = drive(s, [
      [100, "c1-poll"],
      [100, "c1-process"],
      [10100, "advance"],
      [15100, "c1-commit"],
      [15100, "c1-close"],
      [16000, "c2-poll"],
      [16000, "c2-process"],
      [22000, "c2-commit"], // 7: processed at 22000, committed offset 2
      [22000, "c2-poll"],
      [22000, "c2-process"],
      [28000, "c2-commit"],
      [28000, "c2-poll"],
      [28000, "c2-process"],
      [34000, "c2-commit"],
    ]);
    expect(run.after[6]).toEqual(["kicked-out"]);
    // o-1 and o-2 had been printed by c1 without a commit: c2 prints them again (at-least-once), and commits.
    expect(run.after[7]).toEqual(["kicked-out", "reprocessed", "in-time"]);
    expect(group(run, "shipping").committed).toEqual({ "orders-0": 5 });
    expect(run.events.flat().filter((e) => e.type === "member-removed" && e.client === "c2")).toEqual([]);
  });

  it("reaches 'in-time' with c2 alone, and not when c2 too waits past max.poll.interval.ms", () => {
    const direct = drive(s, [
      [100, "c2-poll"], // joins; c1 (sorted first) keeps the partition
      [200, "c1-poll"], // c1 rejoins: c1 orders-0, c2 nothing
      [300, "c1-close"], // c2 gets the partition
      [400, "c2-poll"],
      [400, "c2-process"],
      [6400, "c2-commit"], // 5
    ]);
    expect(direct.after[4]).toEqual([]);
    expect(reachedAt(direct, "in-time")).toBe(5);

    const late = drive(s, [
      [100, "c1-close"],
      [200, "c2-poll"],
      [200, "c2-process"],
      [10200, "advance"], // removed at 10200: it never came back to poll
      [10200, "c2-commit"],
    ]);
    expect(late.events[3]!.find((e) => e.type === "member-removed")).toMatchObject({ client: "c2", reason: "poll-timeout" });
    expect(late.events[4]!.find((e) => e.type === "error")).toMatchObject({ error: { type: "CommitFailedException" } });
    expect(late.reached).toEqual(["kicked-out"]);
  });
});

describe("retention-and-compaction", () => {
  const s = scenario("retention-and-compaction");

  it("deletes readings' first segment at the first check after 60 s, then resets r1 out of range", () => {
    const run = drive(s, [
      [100, "r1-poll"], // offsets 0 and 1
      [100, "describe-readings"],
      [20000, "send-reading"], // rolls: segments [0-2] and [3]
      [60000, "advance"], // 3: the first segment's newest record is exactly 60 s old: kept
      [61000, "advance"], // 4: deleted
      [61000, "r1-poll"], // 5: position 2 < log start 3
      [62000, "r1-seek-0"],
      [62000, "r1-poll"], // out of range again
    ]);
    expect(cliOutput(run, 1)).toContain("retention.ms=60000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.ms=60000}");
    expect(run.after[3]).toEqual([]);
    expect(reachedAt(run, "log-start-moved")).toBe(4);
    expect(run.events[4]!.find((e) => e.type === "segments-deleted")).toMatchObject({ baseOffsets: [0], logStartOffset: 3 });
    expect(reachedAt(run, "out-of-range")).toBe(5);
    expect(run.events[5]!.find((e) => e.type === "position-reset")).toMatchObject({ from: 2, to: 3, reason: "out-of-range" });
    expect(run.events[7]!.find((e) => e.type === "position-reset")).toMatchObject({ from: 0, to: 3, reason: "out-of-range" });
    expect(run.state.topics.readings!.partitions[0]!.log.logEndOffset).toBe(4);
    expect(run.reached).toEqual(["log-start-moved", "out-of-range"]);
  });

  it("deletes sooner after retention.ms is lowered from the terminal; seek to 0 then resets", () => {
    const run = drive(s, [
      [100, "r1-poll"],
      [100, "r1-seek-0"], // 0 exists: no reset
      [100, "r1-poll"],
      [100, "shorten-retention"],
      [100, "describe-readings"],
      [30000, "advance"], // 5: not yet (strictly older than 30 s)
      [31000, "advance"], // 6: the whole (active) segment expired: rolled and deleted
      [31000, "r1-seek-0"],
      [31000, "r1-poll"], // 8
      [31000, "send-reading"],
    ]);
    expect(run.after[2]).toEqual([]);
    expect(cliOutput(run, 3)).toBe("Completed updating config for topic readings.\n");
    expect(cliOutput(run, 4)).toContain("retention.ms=30000 sensitive=false");
    expect(run.after[5]).toEqual([]);
    expect(reachedAt(run, "log-start-moved")).toBe(6);
    expect(reachedAt(run, "out-of-range")).toBe(8);
    // The empty partition keeps counting: the next reading gets offset 3.
    expect(run.events[9]!.find((e) => e.type === "produced")).toMatchObject({ offset: 3 });
  });

  it("compacts profiles once a segment is no longer active, at the cleaner's next look or on demand", () => {
    const scheduled = drive(s, [
      [1000, "u1-moves"], // rolls: [0-2] becomes cleanable
      [14999, "advance"], // 1
      [15000, "advance"], // 2: the cleaner's look at 15 s
      [15000, "read-profiles"],
    ]);
    expect(scheduled.after[1]).toEqual([]);
    expect(reachedAt(scheduled, "compacted")).toBe(2);
    expect(scheduled.events[2]!.find((e) => e.type === "cleaned")).toMatchObject({ topic: "profiles", removedOffsets: [0] });
    // u1=Bergen survives: its newer value sits in the active segment, which is never cleaned.
    expect(cliOutput(scheduled, 3)).toBe("Offset:1\tu2\tLima\nOffset:2\tu1\tBergen\nOffset:3\tu1\tTromsø\nProcessed a total of 3 messages\n");
    expect(scheduled.reached).toEqual(["compacted"]);

    const onDemand = drive(s, [
      [100, "run-cleaner"], // 0: everything is in the active segment: nothing to clean
      [100, "u2-moves"],
      [100, "describe-profiles"],
      [200, "run-cleaner"], // 3
    ]);
    expect(onDemand.after[0]).toEqual([]);
    expect(cliOutput(onDemand, 2)).toContain("cleanup.policy=compact sensitive=false");
    expect(reachedAt(onDemand, "compacted")).toBe(3);
    expect(onDemand.events[3]!.find((e) => e.type === "cleaned")).toMatchObject({ removedOffsets: [0] });
  });
});
