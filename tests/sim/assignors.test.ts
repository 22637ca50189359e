/**
 * Partition assignors (kafka-semantics.md §3.7). Expected assignments come from Kafka's own
 * javadoc and tests (RangeAssignor, RoundRobinAssignor, AbstractStickyAssignorTest,
 * CooperativeStickyAssignorTest) or were traced by hand through the algorithm; the sticky cases
 * that depend on java.util.HashMap iteration order were also checked against a Java run of the
 * same algorithm on the real java.util collections.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assign, chooseAssignor, rebalanceProtocol, type AssignorMember, type AssignorName, type TopicPartitionRef } from "@/lib/sim/assignors";

type Owned = [topic: string, partition: number][];

function member(memberId: string, topics: string[], owned: Owned = [], generation = -1, instanceId: string | null = null): AssignorMember {
  return { memberId, instanceId, topics, owned: owned.map(([topic, partition]) => ({ topic, partition })), generation };
}

/** Assignment as "topic-partition" strings per member, the easiest form to compare. */
function labels(result: Record<string, TopicPartitionRef[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(result).map(([id, tps]) => [id, tps.map((tp) => `${tp.topic}-${tp.partition}`)]));
}

function ownedFrom(result: Record<string, TopicPartitionRef[]>, id: string): Owned {
  return (result[id] ?? []).map((tp) => [tp.topic, tp.partition]);
}

/** Members that carry over what they were just assigned, in the next generation (the follow-up rebalance). */
function carryOver(members: AssignorMember[], result: Record<string, TopicPartitionRef[]>, generation: number): AssignorMember[] {
  return members.map((m) => ({ ...m, owned: result[m.memberId] ?? [], generation }));
}

function range(topic: string, from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => `${topic}-${from + i}`);
}

describe("range", () => {
  it.each<{ name: string; members: AssignorMember[]; partitions: Record<string, number>; expected: Record<string, string[]> }>([
    {
      name: "7 partitions over 3 members: the first P % M members get one extra, as contiguous ranges",
      members: [member("c1", ["t"]), member("c2", ["t"]), member("c3", ["t"])],
      partitions: { t: 7 },
      expected: { c1: range("t", 0, 2), c2: range("t", 3, 4), c3: range("t", 5, 6) },
    },
    {
      // RangeAssignor javadoc: each topic on its own, so the first member gets the extra of both.
      name: "two topics: the imbalance adds up per topic (4 vs 2)",
      members: [member("C0", ["t0", "t1"]), member("C1", ["t0", "t1"])],
      partitions: { t0: 3, t1: 3 },
      expected: { C0: ["t0-0", "t0-1", "t1-0", "t1-1"], C1: ["t0-2", "t1-2"] },
    },
    {
      name: "member ids sort lexicographically: c10 before c2",
      members: [member("c2", ["t"]), member("c10", ["t"])],
      partitions: { t: 3 },
      expected: { c2: ["t-2"], c10: ["t-0", "t-1"] },
    },
    {
      // AbstractPartitionAssignor.MemberInfo: static members first, by group.instance.id, whatever their member id.
      name: "static members come first, sorted by instance id",
      members: [member("a", ["t"]), member("b", ["t"], [], -1, "i2"), member("c", ["t"], [], -1, "i1")],
      partitions: { t: 3 },
      expected: { a: ["t-2"], b: ["t-1"], c: ["t-0"] },
    },
    {
      name: "more members than partitions: the last ones get nothing",
      members: [member("c1", ["t"]), member("c2", ["t"]), member("c3", ["t"])],
      partitions: { t: 2 },
      expected: { c1: ["t-0"], c2: ["t-1"], c3: [] },
    },
    {
      name: "only subscribers share a topic; unknown and unsubscribed topics are ignored",
      members: [member("c1", ["a"]), member("c2", ["a", "b"]), member("c3", ["missing"])],
      partitions: { a: 3, b: 2, other: 5 },
      expected: { c1: ["a-0", "a-1"], c2: ["a-2", "b-0", "b-1"], c3: [] },
    },
  ])("$name", ({ members, partitions, expected }) => {
    expect(labels(assign("range", members, partitions))).toEqual(expected);
  });
});

describe("roundrobin", () => {
  it.each<{ name: string; members: AssignorMember[]; partitions: Record<string, number>; expected: Record<string, string[]> }>([
    {
      // RoundRobinAssignor javadoc, identical subscriptions.
      name: "deals all partitions sorted by (topic, partition) over the sorted members",
      members: [member("C0", ["t0", "t1"]), member("C1", ["t0", "t1"])],
      partitions: { t0: 3, t1: 3 },
      expected: { C0: ["t0-0", "t0-2", "t1-1"], C1: ["t0-1", "t1-0", "t1-2"] },
    },
    {
      // RoundRobinAssignor javadoc, different subscriptions: members not subscribed are skipped.
      name: "skips members not subscribed to the topic",
      members: [member("C0", ["t0"]), member("C1", ["t0", "t1"]), member("C2", ["t0", "t1", "t2"])],
      partitions: { t0: 1, t1: 2, t2: 3 },
      expected: { C0: ["t0-0"], C1: ["t1-0"], C2: ["t1-1", "t2-0", "t2-1", "t2-2"] },
    },
    {
      // RoundRobinAssignor javadoc: instance ids keep the deal stable when member ids change.
      name: "orders static members by instance id",
      members: [member("C3", ["t0", "t1"], [], -1, "I1"), member("C4", ["t0", "t1"], [], -1, "I2"), member("C5", ["t0", "t1"], [], -1, "I0")],
      partitions: { t0: 3, t1: 3 },
      expected: { C3: ["t0-1", "t1-1"], C4: ["t0-2", "t1-2"], C5: ["t0-0", "t1-0"] },
    },
  ])("$name", ({ members, partitions, expected }) => {
    expect(labels(assign("roundrobin", members, partitions))).toEqual(expected);
  });
});

describe("sticky", () => {
  const both = ["topic1", "topic2"];

  it.each<{ name: string; members: AssignorMember[]; partitions: Record<string, number>; expected: Record<string, string[]> }>([
    {
      name: "a fresh group gets a round-robin-like deal, not ranges",
      members: [member("c1", ["t"]), member("c2", ["t"]), member("c3", ["t"])],
      partitions: { t: 7 },
      expected: { c1: ["t-0", "t-3", "t-6"], c2: ["t-1", "t-4"], c3: ["t-2", "t-5"] },
    },
    {
      // AbstractStickyAssignorTest.testTwoConsumersTwoTopicsSixPartitions.
      name: "a fresh group with two topics",
      members: [member("consumer1", both), member("consumer2", both)],
      partitions: { topic1: 3, topic2: 3 },
      expected: { consumer1: ["topic1-0", "topic1-2", "topic2-1"], consumer2: ["topic1-1", "topic2-0", "topic2-2"] },
    },
    {
      // AbstractStickyAssignorTest.testMultipleConsumersMixedTopicSubscriptions (general path).
      name: "different subscriptions take the general path and still balance",
      members: [member("consumer1", ["topic1"]), member("consumer2", both), member("consumer3", ["topic1"])],
      partitions: { topic1: 3, topic2: 2 },
      expected: { consumer1: ["topic1-0", "topic1-2"], consumer2: ["topic2-0", "topic2-1"], consumer3: ["topic1-1"] },
    },
    {
      name: "a member leaves: the others keep what they owned and only the leaver's partitions move",
      members: [member("c1", ["t"], [["t", 0], ["t", 3], ["t", 6]], 1), member("c3", ["t"], [["t", 2], ["t", 5]], 1)],
      partitions: { t: 7 },
      expected: { c1: ["t-0", "t-3", "t-4", "t-6"], c3: ["t-1", "t-2", "t-5"] },
    },
    {
      name: "a member joins: each old member gives up one partition, nothing else moves",
      members: [member("c1", ["t"], [["t", 0], ["t", 2], ["t", 4]], 1), member("c2", ["t"], [["t", 1], ["t", 3], ["t", 5]], 1), member("c3", ["t"])],
      partitions: { t: 6 },
      expected: { c1: ["t-0", "t-2"], c2: ["t-1", "t-3"], c3: ["t-4", "t-5"] },
    },
    {
      // Kafka walks members in HashMap order (c3, c1, c2 here): c1 is the first to own maxQuota, so it keeps 3.
      name: "the first member in HashMap order owning maxQuota keeps maxQuota",
      members: [member("c1", ["t"], [["t", 0], ["t", 2], ["t", 4], ["t", 6]], 1), member("c2", ["t"], [["t", 1], ["t", 3], ["t", 5]], 1), member("c3", ["t"])],
      partitions: { t: 7 },
      expected: { c1: ["t-0", "t-2", "t-4"], c2: ["t-1", "t-3"], c3: ["t-5", "t-6"] },
    },
    {
      // Same shape with the owners swapped: now the member owning only 3 comes first and keeps them all.
      name: "HashMap order, not the owned count, decides who keeps maxQuota",
      members: [member("c2", ["t"], [["t", 0], ["t", 2], ["t", 4], ["t", 6]], 1), member("c1", ["t"], [["t", 1], ["t", 3], ["t", 5]], 1), member("c3", ["t"])],
      partitions: { t: 7 },
      expected: { c2: ["t-0", "t-2"], c1: ["t-1", "t-3", "t-5"], c3: ["t-4", "t-6"] },
    },
    {
      // AbstractStickyAssignorTest.testMaxQuotaConsumerMoreThanNumExpectedMaxCapacityMembers.
      name: "more members own maxQuota than may keep it",
      members: [member("consumer1", both, [["topic1", 0], ["topic2", 0]], 1), member("consumer2", both, [["topic1", 1], ["topic2", 1]], 1), member("consumer3", both, [], 1)],
      partitions: { topic1: 2, topic2: 2 },
      expected: { consumer1: ["topic1-0"], consumer2: ["topic1-1", "topic2-1"], consumer3: ["topic2-0"] },
    },
    {
      // AbstractStickyAssignorTest.testAllConsumersAreUnderMinQuota.
      name: "all members under minQuota keep theirs and are filled round-robin",
      members: [member("consumer1", both, [["topic1", 0]], 1), member("consumer2", both, [["topic1", 1]], 1), member("consumer3", both, [], 1)],
      partitions: { topic1: 2, topic2: 3 },
      expected: { consumer1: ["topic1-0", "topic2-1"], consumer2: ["topic1-1", "topic2-2"], consumer3: ["topic2-0"] },
    },
    {
      // Owned partitions are kept sorted by (partition, topic) so a member keeps a spread of topics
      // (KAFKA-16277); consumer1 keeps topic1-0 and topic2-1, not all of topic1.
      name: "two members join: owned partitions are kept by (partition, topic)",
      members: [
        member("consumer1", both, [["topic1", 0], ["topic1", 2], ["topic2", 1], ["topic2", 3]], 1),
        member("consumer2", both, [["topic1", 1], ["topic2", 0], ["topic2", 2]], 1),
        member("consumer3", both, [], 1),
        member("consumer4", both, [], 1),
      ],
      partitions: { topic1: 3, topic2: 4 },
      expected: { consumer1: ["topic1-0", "topic2-1"], consumer2: ["topic1-1", "topic2-0"], consumer3: ["topic1-2", "topic2-3"], consumer4: ["topic2-2"] },
    },
    {
      // A partition claimed by two members goes to the higher generation; the other claim is dropped.
      name: "a stale claim loses to the higher generation",
      members: [member("c1", ["t"], [["t", 0], ["t", 1]], 3), member("c2", ["t"], [["t", 1], ["t", 2]], 2), member("c3", ["t"])],
      partitions: { t: 3 },
      expected: { c1: ["t-0"], c2: ["t-2"], c3: ["t-1"] },
    },
  ])("$name", ({ members, partitions, expected }) => {
    expect(labels(assign("sticky", members, partitions))).toEqual(expected);
  });
});

describe("cooperative-sticky", () => {
  it("round 1 withholds the partitions changing owner, round 2 hands them over", () => {
    const members = [member("c1", ["t"], [["t", 0], ["t", 2], ["t", 4]], 1), member("c2", ["t"], [["t", 1], ["t", 3], ["t", 5]], 1), member("c3", ["t"])];
    const round1 = assign("cooperative-sticky", members, { t: 6 });
    // Sticky would give c3 t-4 and t-5 now; their owners must revoke them first.
    expect(labels(round1)).toEqual({ c1: ["t-0", "t-2"], c2: ["t-1", "t-3"], c3: [] });
    const round2 = assign("cooperative-sticky", carryOver(members, round1, 2), { t: 6 });
    expect(labels(round2)).toEqual({ c1: ["t-0", "t-2"], c2: ["t-1", "t-3"], c3: ["t-4", "t-5"] });
  });

  it("hands a leaver's partitions over at once: nobody has to revoke them", () => {
    const members = [member("c1", ["t"], [["t", 0], ["t", 3], ["t", 6]], 1), member("c3", ["t"], [["t", 2], ["t", 5]], 1)];
    expect(labels(assign("cooperative-sticky", members, { t: 7 }))).toEqual(labels(assign("sticky", members, { t: 7 })));
  });

  it.each<{ name: string; partitions: number; expected: Record<string, string[]> }>([
    // CooperativeStickyAssignorTest: topic-0 claimed by two members of one generation is voided and
    // must be revoked by both before anyone gets it.
    { name: "equal shares", partitions: 3, expected: { consumer1: ["topic-1"], consumer2: ["topic-2"], consumer3: [] } },
    { name: "unequal shares", partitions: 4, expected: { consumer1: ["topic-1", "topic-3"], consumer2: ["topic-2"], consumer3: [] } },
  ])("withholds a partition claimed twice in one generation ($name)", ({ partitions, expected }) => {
    const members = [
      member("consumer1", ["topic"], [["topic", 0], ["topic", 1]], 1),
      member("consumer2", ["topic"], [["topic", 0], ["topic", 2]], 1),
      member("consumer3", ["topic"], [], 1),
    ];
    expect(labels(assign("cooperative-sticky", members, { topic: partitions }))).toEqual(expected);
  });

  it("on the general path, withholds what moves but not what the old owner keeps", () => {
    const members = [member("c1", ["a", "b"], [["a", 0], ["a", 1], ["a", 2], ["a", 3], ["b", 0], ["b", 1]], 1), member("c2", ["a"])];
    expect(labels(assign("sticky", members, { a: 4, b: 2 }))).toEqual({ c1: ["a-3", "b-0", "b-1"], c2: ["a-0", "a-1", "a-2"] });
    expect(labels(assign("cooperative-sticky", members, { a: 4, b: 2 }))).toEqual({ c1: ["a-3", "b-0", "b-1"], c2: [] });
  });
});

describe("rebalanceProtocol", () => {
  it.each<[AssignorName[], "eager" | "cooperative"]>([
    [["range", "cooperative-sticky"], "eager"],
    [["cooperative-sticky"], "cooperative"],
    [["sticky"], "eager"],
    [["cooperative-sticky", "roundrobin"], "eager"],
    [[], "eager"],
  ])("%j uses the %s protocol", (assignors, expected) => {
    expect(rebalanceProtocol(assignors)).toBe(expected);
  });
});

describe("chooseAssignor", () => {
  const DEFAULT: AssignorName[] = ["range", "cooperative-sticky"];
  it.each<{ name: string; preferences: AssignorName[][]; expected: AssignorName | null }>([
    { name: "the default list everywhere → range", preferences: [DEFAULT, DEFAULT, DEFAULT], expected: "range" },
    { name: "most votes win", preferences: [["cooperative-sticky", "range"], ["cooperative-sticky", "range"], DEFAULT], expected: "cooperative-sticky" },
    // Ties go to the first in the coordinator's HashMap: sticky, range, roundrobin, cooperative-sticky.
    { name: "a tie mid-upgrade goes to range", preferences: [["cooperative-sticky", "range"], DEFAULT], expected: "range" },
    { name: "a range/roundrobin tie goes to range", preferences: [["roundrobin", "range"], ["range", "roundrobin"]], expected: "range" },
    { name: "a sticky/range tie goes to sticky", preferences: [["range", "sticky"], ["sticky", "range"]], expected: "sticky" },
    { name: "members vote only for assignors everyone supports", preferences: [["roundrobin", "range"], ["range"]], expected: "range" },
    { name: "no common assignor → null", preferences: [["range"], ["roundrobin"]], expected: null },
    { name: "no members → null", preferences: [], expected: null },
  ])("$name", ({ preferences, expected }) => {
    expect(chooseAssignor(preferences)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// Invariants
// ---------------------------------------------------------------------------------------------

const TOPICS = ["a", "b", "c"];

const partitionCounts = fc.record({ a: fc.integer({ min: 0, max: 12 }), b: fc.integer({ min: 0, max: 12 }), c: fc.integer({ min: 0, max: 12 }) });

/** Ids of varied shape so HashMap buckets and lexicographic order both vary. */
const memberIds = fc.uniqueArray(fc.oneof(fc.integer({ min: 0, max: 30 }).map((i) => `c${i}`), fc.uuid().map((u) => `c1-${u}`)), { minLength: 1, maxLength: 7 });

const subscription = fc.subarray(TOPICS, { minLength: 1 });

function freshMembers(ids: string[], topicsOf: (i: number) => string[]): AssignorMember[] {
  return ids.map((id, i) => member(id, topicsOf(i)));
}

function countsOf(result: Record<string, TopicPartitionRef[]>): number[] {
  return Object.values(result).map((l) => l.length);
}

/** Every partition of a subscribed topic goes to exactly one member, which subscribes to it. */
function expectComplete(members: AssignorMember[], partitions: Record<string, number>, result: Record<string, TopicPartitionRef[]>): void {
  expect(Object.keys(result).sort()).toEqual(members.map((m) => m.memberId).sort());
  const seen = new Map<string, string>();
  for (const m of members) {
    for (const tp of result[m.memberId] ?? []) {
      expect(m.topics).toContain(tp.topic);
      expect(seen.has(`${tp.topic}-${tp.partition}`)).toBe(false);
      seen.set(`${tp.topic}-${tp.partition}`, m.memberId);
    }
  }
  const subscribed = new Set(members.flatMap((m) => m.topics));
  const expected = Object.entries(partitions).filter(([t]) => subscribed.has(t)).reduce((sum, [, n]) => sum + n, 0);
  expect(seen.size).toBe(expected);
}

function expectBalanced(result: Record<string, TopicPartitionRef[]>): void {
  const counts = countsOf(result);
  expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
}

/** A few generations of a group whose members come and go, each carrying over what it got. */
function evolve(name: AssignorName, ids: string[], topicsOf: (i: number) => string[], partitions: Record<string, number>, leave: boolean[]): { members: AssignorMember[]; result: Record<string, TopicPartitionRef[]> }[] {
  let members = freshMembers(ids, topicsOf);
  const rounds: { members: AssignorMember[]; result: Record<string, TopicPartitionRef[]> }[] = [];
  leave.forEach((drop, generation) => {
    const result = assign(name, members, partitions);
    rounds.push({ members, result });
    members = carryOver(members, result, generation);
    if (drop && members.length > 1) members = members.slice(1);
  });
  return rounds;
}

describe("invariants", () => {
  it("range, roundrobin and sticky assign every subscribed partition to exactly one subscriber, over changing groups", () => {
    fc.assert(
      fc.property(fc.constantFrom<AssignorName>("range", "roundrobin", "sticky"), memberIds, fc.array(subscription, { minLength: 7, maxLength: 7 }), partitionCounts, fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }), (name, ids, subs, partitions, leave) => {
        for (const { members, result } of evolve(name, ids, (i) => subs[i]!, partitions, leave)) expectComplete(members, partitions, result);
      }),
      { numRuns: 200 },
    );
  });

  it("sticky and roundrobin with equal subscriptions stay balanced within one, whatever was owned", () => {
    fc.assert(
      fc.property(fc.constantFrom<AssignorName>("roundrobin", "sticky"), memberIds, subscription, partitionCounts, fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }), (name, ids, topics, partitions, leave) => {
        for (const { result } of evolve(name, ids, () => topics, partitions, leave)) expectBalanced(result);
      }),
      { numRuns: 300 },
    );
  });

  it("sticky with different subscriptions leaves no partition that could move to a member with 2+ fewer", () => {
    fc.assert(
      fc.property(memberIds, fc.array(subscription, { minLength: 7, maxLength: 7 }), partitionCounts, fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }), (ids, subs, partitions, leave) => {
        for (const { members, result } of evolve("sticky", ids, (i) => subs[i]!, partitions, leave)) {
          const size = (id: string) => result[id]?.length ?? 0;
          for (const [owner, tps] of Object.entries(result)) {
            for (const tp of tps) {
              const better = members.find((m) => m.topics.includes(tp.topic) && size(m.memberId) + 1 < size(owner));
              expect(better, `${tp.topic}-${tp.partition} could move from ${owner}`).toBeUndefined();
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("cooperative-sticky never revokes and reassigns a partition in one round, and the follow-up round completes and balances", () => {
    fc.assert(
      fc.property(memberIds, memberIds, subscription, partitionCounts, (first, joiners, topics, partitions) => {
        const ids = [...new Set([...first, ...joiners])];
        const before = assign("cooperative-sticky", freshMembers(first, () => topics), partitions);
        // Everyone from the first round carries its partitions into a round where new members join.
        const members = ids.map((id) => member(id, topics, ownedFrom(before, id), before[id] ? 1 : -1));
        const round1 = assign("cooperative-sticky", members, partitions);
        const key = (tp: TopicPartitionRef) => `${tp.topic}-${tp.partition}`;
        const added = new Set<string>();
        const revoked = new Set<string>();
        for (const m of members) {
          const owned = new Set(m.owned.map(key));
          const got = new Set((round1[m.memberId] ?? []).map(key));
          for (const p of got) if (!owned.has(p)) added.add(p);
          for (const p of owned) if (!got.has(p)) revoked.add(p);
        }
        // CooperativeStickyAssignorTest.verifyCooperativeValidity: nothing moves in a single round.
        expect([...added].filter((p) => revoked.has(p))).toEqual([]);
        const given = Object.values(round1).flat().map(key);
        expect(new Set(given).size).toBe(given.length);
        // Whatever is not handed out now is being revoked from its old owner.
        for (const p of allPartitions(topics, partitions)) if (!given.includes(p)) expect(revoked.has(p)).toBe(true);
        const round2 = assign("cooperative-sticky", carryOver(members, round1, 2), partitions);
        expectComplete(members, partitions, round2);
        expectBalanced(round2);
      }),
      { numRuns: 200 },
    );
  });

  it("sticky: after members leave a balanced group, the others keep everything they owned", () => {
    fc.assert(
      fc.property(memberIds, subscription, partitionCounts, fc.integer({ min: 1, max: 6 }), (ids, topics, partitions, leaving) => {
        const start = assign("sticky", freshMembers(ids, () => topics), partitions);
        const stay = ids.slice(Math.min(leaving, ids.length - 1));
        const after = assign("sticky", stay.map((id) => member(id, topics, ownedFrom(start, id), 1)), partitions);
        for (const id of stay) expect(after[id]).toEqual(expect.arrayContaining(start[id]!));
      }),
      { numRuns: 300 },
    );
  });

  it("sticky: when members join a balanced group, old members only give partitions up", () => {
    fc.assert(
      fc.property(memberIds, memberIds, subscription, partitionCounts, (first, joiners, topics, partitions) => {
        const start = assign("sticky", freshMembers(first, () => topics), partitions);
        const ids = [...new Set([...first, ...joiners])];
        const after = assign("sticky", ids.map((id) => member(id, topics, ownedFrom(start, id), start[id] ? 1 : -1)), partitions);
        for (const id of first) expect(start[id]).toEqual(expect.arrayContaining(after[id]!));
        expectBalanced(after);
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic and leaves its input untouched", () => {
    fc.assert(
      fc.property(fc.constantFrom<AssignorName>("range", "roundrobin", "sticky", "cooperative-sticky"), memberIds, fc.array(subscription, { minLength: 7, maxLength: 7 }), partitionCounts, (name, ids, subs, partitions) => {
        const rounds = evolve(name, ids, (i) => subs[i]!, partitions, [false, true, false]);
        const last = rounds[rounds.length - 1]!;
        const snapshot = structuredClone(last.members);
        const again = assign(name, last.members, partitions);
        expect(again).toEqual(last.result);
        expect(assign(name, structuredClone(last.members), { ...partitions })).toEqual(again);
        expect(last.members).toEqual(snapshot);
      }),
      { numRuns: 200 },
    );
  });
});

function allPartitions(topics: string[], partitions: Record<string, number>): string[] {
  return topics.flatMap((t) => Array.from({ length: partitions[t] ?? 0 }, (_, p) => `${t}-${p}`));
}
