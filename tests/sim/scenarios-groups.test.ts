/**
 * Consumer groups (classic protocol) through full scenarios in the runner's format.
 *
 * Sources: scenario-contract.md (scenario format, steps, observation, "Precise rules", examples E2
 * and E3) and kafka-semantics.md §1.2 (consumer configs), §1.4 (coordinator configs), §3.2 (offsets),
 * §3.4 (reset), §3.6 (groups), §3.7 (assignors), §3.8 (delivery semantics), §6. Every expected value
 * below is derived from those documents, not from the engine's output; each case names its rule.
 *
 * Cases are tables: a scenario, a projection of its observation (`pick`) and the expected value.
 * `upTo(s, t)` observes scenario `s` at time `t` (its steps up to `t`, then a no-op step at `t`).
 */
import { describe, expect, it } from "vitest";
import { e2 as e2Fixture, type SinkJson } from "./fixtures/contract-examples";
import type { Observation } from "@/lib/sim";
import {
  MANUAL,
  UUID,
  assignments,
  committed,
  consumer,
  consumerObs,
  delivered,
  deliveredAt,
  deliveredOffsets,
  deliveredPerPoll,
  errorTypes,
  eventsOf,
  group,
  memberClients,
  plus,
  processed,
  producer,
  records,
  run,
  scenarioError,
  sinkRows,
  stateGen,
  step,
  summary,
  topic,
  upTo,
  type ConsumerOptions,
  type Json,
  type ScenarioJson,
  type Step,
} from "./helpers/groups";

interface Case {
  name: string;
  scenario: ScenarioJson;
  events?: boolean;
  pick: (o: Observation) => unknown;
  want: unknown;
}

function check({ scenario, events, pick, want }: Case): void {
  expect(pick(run(scenario, { events }))).toEqual(want);
}

/** A scenario with producer p1 plus the given consumers. */
function scn(parts: { topics: Json[]; consumers: Json[]; steps: Step[]; broker?: Json; seed?: number }): ScenarioJson {
  return {
    ...(parts.seed !== undefined ? { seed: parts.seed } : {}),
    ...(parts.broker ? { broker: parts.broker } : {}),
    topics: parts.topics,
    clients: [producer(), ...parts.consumers],
    steps: parts.steps,
  };
}

/** Consumers `ids` of group `g` with the same config. */
const cs = (ids: string[], config: Json = {}, options: ConsumerOptions = {}, groupId = "g") => ids.map((id) => consumer(id, groupId, { ...options, config: { ...config, ...options.config } }));

const { start, poll, process, commit, close, crash, restart, observe, to } = step;

const COMMIT_FAILED =
  "Offset commit cannot be completed since the consumer is not part of an active group for auto partition assignment; it is likely that the consumer was kicked out of the group.";

// ================================================================================================
// Contract examples E2 and E3
// ================================================================================================

function e2(sink: Json = { name: "charges", mode: "insert" }): ScenarioJson {
  return e2Fixture(sink as unknown as SinkJson) as unknown as ScenarioJson;
}

const E3: ScenarioJson = {
  topics: [{ name: "t", partitions: 7 }],
  clients: ["c1", "c2", "c3"].map((id) => ({ id, kind: "consumer", subscribe: ["t"], config: { "group.id": "g" } })),
  steps: [start(0, "c1"), start(0, "c2"), start(0, "c3"), poll(10, "c1"), poll(10, "c2"), poll(10, "c3")],
};
const E3_WANT = { c1: ["t-0", "t-1", "t-2"], c2: ["t-3", "t-4"], c3: ["t-5", "t-6"] };

describe("contract examples E2 and E3", () => {
  it.each<Case>([
    // contract E2: "c1 owned payments-0 (range, c1 sorts first) and processed offsets 0 and 1"
    { name: "E2: c1 processed offsets 0 and 1", scenario: e2(), pick: (o) => processed(o, "c1"), want: ["payments-0@0", "payments-0@1"] },
    // contract E2 + §3.6 crash: "Until the session timeout the partition stays with dead c1"
    { name: "E2: at 30000 dead c1 still owns payments-0", scenario: upTo(e2(), 30000), pick: (o) => assignments(o, "billing"), want: { c1: ["payments-0"], c2: [] } },
    // contract E2: "c2's poll at 30000 delivers nothing"
    { name: "E2: c2's poll at 30000 delivers nothing", scenario: e2(), pick: (o) => deliveredAt(o, "c2", 30000), want: [] },
    // contract E2: "After the rebalance c2 owns payments-0, starts from the group's committed offset (none, so earliest = 0)"
    {
      name: "E2: after the rebalance c2 owns payments-0 and re-reads 0 and 1",
      scenario: e2(),
      pick: (o) => ({ members: assignments(o, "billing"), delivered: deliveredAt(o, "c2", 50000), processed: processed(o, "c2") }),
      want: { members: { c2: ["payments-0"] }, delivered: ["payments-0@0", "payments-0@1"], processed: ["payments-0@0", "payments-0@1"] },
    },
    // contract E2: "sinks.charges.rows has 4 rows (each payment charged twice)"
    { name: "E2: insert sink has 4 rows", scenario: e2(), pick: (o) => sinkRows(o, "charges"), want: ["A100@0", "A101@1", "A100@0", "A101@1"] },
    // contract E2: "groups.billing.committed["payments-0"] is 2"
    { name: "E2: committed payments-0 is 2", scenario: e2(), pick: (o) => committed(o, "billing"), want: { "payments-0": 2 } },
    // contract E2: "With mode upsert, key key on both sinks, the same run leaves 2 rows"
    {
      name: "E2 with upsert by key leaves 2 rows",
      scenario: e2({ name: "charges", mode: "upsert", key: "key" }),
      pick: (o) => sinkRows(o, "charges").sort(),
      want: ["A100@0", "A101@1"],
    },
    // contract "A join counts as a heartbeat": c1's rejoin at 100 is its last heartbeat → expiry at 45100
    { name: "E2 timing: c2's poll at 45099 still delivers nothing", scenario: { ...e2(), steps: [...e2().steps.slice(0, 7), poll(45099, "c2")] }, pick: (o) => delivered(o, "c2"), want: [] },
    // same rule: at 45100 the session has expired and c2's rejoining poll fetches
    { name: "E2 timing: c2's poll at 45100 takes over", scenario: { ...e2(), steps: [...e2().steps.slice(0, 7), poll(45100, "c2")] }, pick: (o) => deliveredAt(o, "c2", 45100), want: ["payments-0@0", "payments-0@1"] },
    // kafka-semantics §3.6: the crash is detected by session expiry (events name the reason)
    {
      name: "E2: c1 is removed by session expiry at 45100",
      scenario: e2(),
      events: true,
      pick: (o) => eventsOf(o, "member-removed").map((e) => ({ at: e.at, client: e.client, reason: e.reason })),
      want: [{ at: 45100, client: "c1", reason: "session-timeout" }],
    },
    // contract E3: range over 7 partitions and 3 consumers; assignor is range (default list)
    { name: "E3: range 7 partitions over c1, c2, c3", scenario: E3, pick: (o) => ({ assignor: group(o, "g").assignor, members: assignments(o, "g") }), want: { assignor: "range", members: E3_WANT } },
    // contract "Precise rules": c1's start makes generation 1, c2 and c3 join it, c1's poll completes generation 2
    { name: "E3: one rebalance after the first join", scenario: E3, pick: (o) => ({ ...stateGen(o, "g"), protocol: group(o, "g").protocol }), want: { state: "Stable", generation: 2, protocol: "classic" } },
    // contract E3 seen from the clients: observation clients.*.assignment
    {
      name: "E3: the clients' own assignments",
      scenario: E3,
      pick: (o) => Object.fromEntries(["c1", "c2", "c3"].map((id) => [id, consumerObs(o, id).assignment])),
      want: E3_WANT,
    },
  ])("$name", check);
});

// ================================================================================================
// Joining
// ================================================================================================

const T3 = [topic("t", 3)];
const ONE_EACH = [to(0, "t", 0, "a"), to(0, "t", 1, "b"), to(0, "t", 2, "c")];
const DELAY_3000 = { "group.initial.rebalance.delay.ms": 3000 };
const ALL3 = ["t-0", "t-1", "t-2"];

const JOIN_ORDER = scn({ topics: T3, consumers: cs(["c1", "c2", "c3"], MANUAL), steps: [start(0, "c3"), start(0, "c1"), start(0, "c2"), poll(10, "c3")] });
const DELAY_ONE = scn({ broker: DELAY_3000, topics: T3, consumers: cs(["c1"], MANUAL), steps: [...ONE_EACH, start(0, "c1")] });
const DELAY_EXTENDED = scn({ broker: DELAY_3000, topics: T3, consumers: cs(["c1", "c2"], MANUAL), steps: [start(0, "c1"), start(2000, "c2")] });
const DELAY_CAPPED = scn({
  broker: DELAY_3000,
  topics: T3,
  consumers: cs(["c1", "c2", "c3"], { ...MANUAL, "max.poll.interval.ms": 5000 }),
  steps: [start(0, "c1"), start(2000, "c2"), start(4000, "c3"), poll(4500, "c1"), poll(4500, "c2")],
});
const DELAY_SAME_INSTANT = scn({ broker: DELAY_3000, topics: T3, consumers: cs(["c1", "c2"], MANUAL), steps: [start(0, "c1"), start(0, "c2")] });

describe("joining a group", () => {
  it.each<Case>([
    // contract "Scenario": a listed consumer joins on its first poll or start — not before
    {
      name: "a consumer that never polls is not a member (no group)",
      scenario: scn({ topics: T3, consumers: cs(["c1"], MANUAL), steps: [...ONE_EACH, observe(1000)] }),
      pick: (o) => Object.keys(o.groups),
      want: [],
    },
    // contract "Precise rules": joins on start; the first generation is 1; delay 0 → the rebalance completes at once
    {
      name: "start joins: Stable, generation 1, all partitions",
      scenario: scn({ topics: T3, consumers: cs(["c1"], MANUAL), steps: [start(0, "c1")] }),
      pick: (o) => summary(o, "g"),
      want: { state: "Stable", generation: 1, members: [["c1", ALL3]] },
    },
    // contract "Precise rules": the poll whose join completes the rebalance fetches in the same call
    {
      name: "a first poll joins and fetches in the same call",
      scenario: scn({ topics: T3, consumers: cs(["c1"], MANUAL), steps: [...ONE_EACH, poll(0, "c1")] }),
      pick: (o) => deliveredAt(o, "c1", 0).sort(),
      want: ["t-0@0", "t-1@0", "t-2@0"],
    },
    // kafka-semantics §1.2 auto.offset.reset default latest = HW: a first poll of old records delivers nothing
    {
      name: "default latest: the first poll starts at the high watermark",
      scenario: scn({ topics: T3, consumers: cs(["c1"], { "enable.auto.commit": false }), steps: [...ONE_EACH, poll(0, "c1")] }),
      pick: (o) => ({ delivered: delivered(o, "c1"), position: consumerObs(o, "c1").position }),
      want: { delivered: [], position: { "t-0": 1, "t-1": 1, "t-2": 1 } },
    },
    // contract "Scenario": member ids are <client.id>-<uuid from the seeded PRNG>
    {
      name: "member ids are <client.id>-<uuid>",
      scenario: JOIN_ORDER,
      pick: (o) => group(o, "g").members.map((m) => m.memberId.startsWith(`${m.client}-`) && UUID.test(m.memberId.slice(m.client.length + 1))),
      want: [true, true, true],
    },
    // contract "Scenario": members sort by client id (whatever order they joined in)
    {
      name: "members sort by client id",
      scenario: JOIN_ORDER,
      pick: (o) => {
        const ids = group(o, "g").members.map((m) => m.memberId);
        return { clients: memberClients(o, "g"), sorted: [...ids].sort().join() === ids.join() };
      },
      want: { clients: ["c1", "c2", "c3"], sorted: true },
    },
    // kafka-semantics §3.7 range: members sorted by member id, so join order does not matter
    { name: "range follows member-id order, not join order", scenario: JOIN_ORDER, pick: (o) => assignments(o, "g"), want: { c1: ["t-0"], c2: ["t-1"], c3: ["t-2"] } },
    // kafka-semantics §0: "Beware that c10 < c2 lexicographically" (member ids sort as strings)
    {
      name: "c10 sorts before c2",
      scenario: scn({ topics: [topic("t", 2)], consumers: cs(["c2", "c10"], MANUAL), steps: [start(0, "c2"), start(0, "c10"), poll(10, "c2")] }),
      pick: (o) => assignments(o, "g"),
      want: { c10: ["t-0"], c2: ["t-1"] },
    },
    // kafka-semantics §1.4 group.initial.rebalance.delay.ms: an empty group waits; generation still 0
    {
      name: "initial delay 3000: at 2999 still PreparingRebalance, nothing assigned",
      scenario: upTo(DELAY_ONE, 2999),
      pick: (o) => summary(o, "g"),
      want: { state: "PreparingRebalance", generation: 0, members: [["c1", []]] },
    },
    // kafka-semantics §1.4: completes when a delay passes with no new member
    { name: "initial delay 3000: Stable generation 1 at 3000", scenario: upTo(DELAY_ONE, 3000), pick: (o) => summary(o, "g"), want: { state: "Stable", generation: 1, members: [["c1", ALL3]] } },
    // contract "Precise rules": a member that joined earlier receives its assignment at once
    { name: "initial delay 3000: the waiting client holds its assignment at 3000", scenario: upTo(DELAY_ONE, 3000), pick: (o) => consumerObs(o, "c1").assignment, want: ALL3 },
    // contract "Precise rules" + §1.4: polls during the delay fetch nothing; the poll at 3000 does
    {
      name: "initial delay 3000: a poll at 1000 fetches nothing, the poll at 3000 fetches",
      scenario: plus(DELAY_ONE, poll(1000, "c1"), poll(3000, "c1")),
      pick: (o) => deliveredPerPoll(o, "c1"),
      want: { "3000": 3 },
    },
    // kafka-semantics §1.4: a member joining during the delay extends it by another delay (3000 → 6000)
    { name: "initial delay extended: still PreparingRebalance at 5999", scenario: upTo(DELAY_EXTENDED, 5999), pick: (o) => stateGen(o, "g"), want: { state: "PreparingRebalance", generation: 0 } },
    // kafka-semantics §1.4: both members share generation 1 when the extended delay ends
    {
      name: "initial delay extended: both members in generation 1 at 6000",
      scenario: upTo(DELAY_EXTENDED, 6000),
      pick: (o) => summary(o, "g"),
      want: { state: "Stable", generation: 1, members: [["c1", ["t-0", "t-1"]], ["c2", ["t-2"]]] },
    },
    // kafka-semantics §1.4: members joining at the same instant as the first also extend the delay
    { name: "initial delay: a second member at t=0 extends it to 6000 (5999 still preparing)", scenario: upTo(DELAY_SAME_INSTANT, 5999), pick: (o) => stateGen(o, "g"), want: { state: "PreparingRebalance", generation: 0 } },
    // kafka-semantics §1.4: …and the group is Stable at 6000 with both in generation 1
    { name: "initial delay: two members at t=0 are Stable together at 6000", scenario: upTo(DELAY_SAME_INSTANT, 6000), pick: (o) => summary(o, "g"), want: { state: "Stable", generation: 1, members: [["c1", ["t-0", "t-1"]], ["c2", ["t-2"]]] } },
    // kafka-semantics §1.4: the extension is capped by the rebalance timeout (max.poll.interval.ms 5000)
    { name: "initial delay capped by the rebalance timeout: preparing at 4999", scenario: upTo(DELAY_CAPPED, 4999), pick: (o) => stateGen(o, "g"), want: { state: "PreparingRebalance", generation: 0 } },
    // kafka-semantics §1.4: at 5000 (= rebalance timeout) it completes despite c3 joining at 4000
    {
      name: "initial delay capped by the rebalance timeout: Stable at 5000",
      scenario: upTo(DELAY_CAPPED, 5000),
      pick: (o) => summary(o, "g"),
      want: { state: "Stable", generation: 1, members: [["c1", ["t-0"]], ["c2", ["t-1"]], ["c3", ["t-2"]]] },
    },
    // kafka-semantics §1.2 session.timeout.ms "Must lie within group.min.session.timeout.ms=6000 …": the join is refused
    {
      name: "session.timeout.ms below the broker minimum: the join fails",
      scenario: scn({ topics: T3, consumers: cs(["c1"], { ...MANUAL, "session.timeout.ms": 5000, "heartbeat.interval.ms": 1000 }), steps: [poll(0, "c1")] }),
      pick: (o) => ({ groups: Object.keys(o.groups).filter((g) => group(o, g).members.length > 0), errors: o.clients.c1!.errors.map((e) => e.type) }),
      want: { groups: [], errors: ["InvalidSessionTimeoutException"] },
    },
    // same rule, upper bound group.max.session.timeout.ms=1800000
    {
      name: "session.timeout.ms above the broker maximum: the join fails",
      scenario: scn({ topics: T3, consumers: cs(["c1"], { ...MANUAL, "session.timeout.ms": 1800001 }), steps: [poll(0, "c1")] }),
      pick: (o) => ({ groups: Object.keys(o.groups).filter((g) => group(o, g).members.length > 0), errors: o.clients.c1!.errors.map((e) => e.type) }),
      want: { groups: [], errors: ["InvalidSessionTimeoutException"] },
    },
    // same rule with the broker minimum lowered to 1000: 5000 is accepted
    {
      name: "session.timeout.ms within a lowered broker minimum is accepted",
      scenario: scn({ broker: { "group.min.session.timeout.ms": 1000 }, topics: T3, consumers: cs(["c1"], { ...MANUAL, "session.timeout.ms": 5000, "heartbeat.interval.ms": 1000 }), steps: [poll(0, "c1")] }),
      pick: (o) => ({ members: memberClients(o, "g"), errors: o.clients.c1!.errors }),
      want: { members: ["c1"], errors: [] },
    },
    // contract broker defaults: delay 0 → the first member gets everything at once, a second one rebalances
    {
      name: "delay 0: the first member owns everything before the second joins",
      scenario: scn({ broker: { "group.initial.rebalance.delay.ms": 0 }, topics: T3, consumers: cs(["c1", "c2"], MANUAL), steps: [start(0, "c1"), start(0, "c2")] }),
      pick: (o) => ({ ...stateGen(o, "g"), c1: consumerObs(o, "c1").assignment }),
      want: { state: "PreparingRebalance", generation: 1, c1: ALL3 },
    },
    // kafka-semantics §1.4: the initial delay applies only when the group is empty
    {
      name: "the initial delay does not apply to a non-empty group",
      scenario: scn({ broker: DELAY_3000, topics: T3, consumers: cs(["c1", "c2"], MANUAL), steps: [start(0, "c1"), start(10000, "c2"), poll(10000, "c1")] }),
      pick: (o) => summary(o, "g"),
      want: { state: "Stable", generation: 2, members: [["c1", ["t-0", "t-1"]], ["c2", ["t-2"]]] },
    },
  ])("$name", check);
});

// ================================================================================================
// Rebalance flow
// ================================================================================================

const T2 = [topic("t", 2)];
const AB = [...records(0, "t", 0, 2, "a"), ...records(0, "t", 1, 2, "b")];
const RF = scn({ topics: T2, consumers: cs(["c1", "c2", "c3"], MANUAL), steps: [...AB, start(0, "c1"), start(1000, "c2"), poll(2000, "c1"), poll(3000, "c2")] });
const RF_NO_REJOIN = scn({ topics: T2, consumers: cs(["c1", "c2"], { ...MANUAL, "max.poll.interval.ms": 10000 }), steps: [start(0, "c1"), start(1000, "c2")] });

describe("rebalance flow", () => {
  it.each<Case>([
    // kafka-semantics §3.6 rebalance flow 1: a new member moves the group to PreparingRebalance
    { name: "a new member triggers PreparingRebalance", scenario: upTo(RF, 1000), pick: (o) => stateGen(o, "g"), want: { state: "PreparingRebalance", generation: 1 } },
    // kafka-semantics §3.6 EAGER: revocation happens in onJoinPrepare, i.e. when c1 rejoins in its next poll
    { name: "until it rejoins, the existing member keeps its partitions", scenario: upTo(RF, 1000), pick: (o) => consumerObs(o, "c1").assignment, want: ["t-0", "t-1"] },
    // contract "Precise rules": the rebalance completes when every member has rejoined; generation 2
    { name: "the existing member's rejoin completes the rebalance", scenario: upTo(RF, 2000), pick: (o) => summary(o, "g"), want: { state: "Stable", generation: 2, members: [["c1", ["t-0"]], ["c2", ["t-1"]]] } },
    // contract "Precise rules": the poll whose rejoin completes the rebalance fetches in the same call
    { name: "the completing poll fetches in the same call", scenario: RF, pick: (o) => deliveredAt(o, "c1", 2000), want: ["t-0@0", "t-0@1"] },
    // contract "Precise rules": members that rejoined earlier receive their assignment at once …
    {
      name: "the member that rejoined earlier holds its assignment at once but has fetched nothing",
      scenario: upTo(RF, 2000),
      pick: (o) => ({ assignment: consumerObs(o, "c2").assignment, delivered: delivered(o, "c2") }),
      want: { assignment: ["t-1"], delivered: [] },
    },
    // contract "Precise rules": … and fetch from their next poll
    { name: "the earlier member fetches on its next poll", scenario: RF, pick: (o) => deliveredAt(o, "c2", 3000), want: ["t-1@0", "t-1@1"] },
    // §3.6 "Manual commit … in onPartitionsRevoked": a member that has not rejoined yet still commits in its generation
    {
      name: "a member may commit while the rebalance waits for it",
      scenario: scn({ topics: T2, consumers: cs(["c1", "c2"], MANUAL), steps: [...AB, start(0, "c1"), poll(0, "c1"), start(1000, "c2"), commit(1500, "c1")] }),
      pick: (o) => ({ state: group(o, "g").state, committed: committed(o, "g"), errors: o.clients.c1!.errors }),
      want: { state: "PreparingRebalance", committed: { "t-0": 2, "t-1": 2 }, errors: [] },
    },
    // kafka-semantics §2.3 / §3.6: group state names over time (Stable → PreparingRebalance → Stable)
    {
      name: "group states over time",
      scenario: RF,
      pick: () =>
        [0, 1000, 2000].map((t) => {
          const g = stateGen(run(upTo(RF, t)), "g");
          return `${t}:${g.state}/${g.generation}`;
        }),
      want: ["0:Stable/1", "1000:PreparingRebalance/1", "2000:Stable/2"],
    },
    // kafka-semantics §3.6: every completed rebalance is a new generation; a member with no partitions has []
    {
      name: "generations increment with each rebalance",
      scenario: plus(RF, start(4000, "c3"), poll(5000, "c1"), poll(5000, "c2")),
      pick: (o) => summary(o, "g"),
      want: { state: "Stable", generation: 3, members: [["c1", ["t-0"]], ["c2", ["t-1"]], ["c3", []]] },
    },
    // kafka-semantics §2.3 states: a group whose last member left is Empty
    {
      name: "the last member leaving makes the group Empty",
      scenario: scn({ topics: T2, consumers: cs(["c1"], MANUAL), steps: [start(0, "c1"), close(1000, "c1")] }),
      pick: (o) => ({ state: group(o, "g").state, members: group(o, "g").members }),
      want: { state: "Empty", members: [] },
    },
    // kafka-semantics §3.6 step 3 / §1.2: a member that does not poll leaves at lastPoll + max.poll.interval.ms
    { name: "a member that never rejoins: still preparing at 9999", scenario: upTo(RF_NO_REJOIN, 9999), pick: (o) => stateGen(o, "g"), want: { state: "PreparingRebalance", generation: 1 } },
    // kafka-semantics §3.6: it is removed at 10000 and the rebalance completes with the waiting member
    {
      name: "a member that never rejoins is removed at 10000",
      scenario: upTo(RF_NO_REJOIN, 10000),
      pick: (o) => ({ ...summary(o, "g"), c1: consumerObs(o, "c1").status }),
      want: { state: "Stable", generation: 2, members: [["c2", ["t-0", "t-1"]]], c1: "left" },
    },
  ])("$name", check);
});

// ================================================================================================
// Crash vs close, static membership
// ================================================================================================

const CC_CONFIG = { ...MANUAL, "session.timeout.ms": 10000, "heartbeat.interval.ms": 3000 };
/** c1 [t-0], c2 [t-1] in generation 2 from t=0 (every join at 0, so heartbeats at 0, 3000, 6000, …). */
const CC_SETUP = [...AB, start(0, "c1"), start(0, "c2"), poll(0, "c1")];
const cc = (extra: Step[], config: Json = {}) => scn({ topics: T2, consumers: cs(["c1", "c2"], { ...CC_CONFIG, ...config }), steps: [...CC_SETUP, ...extra] });
const ccStatic = (extra: Step[]) =>
  scn({
    topics: T2,
    consumers: [consumer("c1", "g", { config: { ...CC_CONFIG, "group.instance.id": "i1" } }), consumer("c2", "g", { config: CC_CONFIG })],
    steps: [...CC_SETUP, ...extra],
  });
const STATIC_RESTART = ccStatic([close(7000, "c1"), restart(9000, "c1"), poll(9000, "c1")]);
const LONE_CRASH = scn({ topics: T2, consumers: cs(["c1"], CC_CONFIG), steps: [start(1000, "c1"), crash(3500, "c1")] });
const HB4000 = scn({ topics: T2, consumers: cs(["c1"], { ...MANUAL, "session.timeout.ms": 10000, "heartbeat.interval.ms": 4000 }), steps: [start(0, "c1"), crash(9000, "c1")] });
const CRASH_RESTART = scn({ topics: T2, consumers: cs(["c1"], CC_CONFIG), steps: [start(0, "c1"), crash(1000, "c1"), restart(2000, "c1"), poll(2000, "c1")] });

describe("crash vs close", () => {
  it.each<Case>([
    // kafka-semantics §3.6: a crash is detected only after session.timeout.ms from the last heartbeat (6000 → 16000)
    {
      name: "crash at 7000: the dead member keeps t-0 at 15999",
      scenario: upTo(cc([crash(7000, "c1")]), 15999),
      pick: (o) => summary(o, "g"),
      want: { state: "Stable", generation: 2, members: [["c1", ["t-0"]], ["c2", ["t-1"]]] },
    },
    // kafka-semantics §3.6: "Until then the dead member keeps its partitions and they are not consumed"
    { name: "crash at 7000: t-0 is not consumed before the session timeout", scenario: cc([crash(7000, "c1"), poll(15999, "c2")]), pick: (o) => delivered(o, "c2"), want: ["t-1@0", "t-1@1"] },
    // kafka-semantics §3.6/§3.2: after expiry the survivor owns everything and restarts t-0 from committed (none → earliest)
    {
      name: "crash at 7000: at 16000 c2 takes over and re-reads t-0 from 0",
      scenario: cc([crash(7000, "c1"), poll(16000, "c2")]),
      pick: (o) => ({ ...summary(o, "g"), delivered: deliveredAt(o, "c2", 16000).sort() }),
      want: { state: "Stable", generation: 3, members: [["c2", ["t-0", "t-1"]]], delivered: ["t-0@0", "t-0@1", "t-1@0", "t-1@1"] },
    },
    // contract "Scenario": heartbeats every heartbeat.interval.ms; crash at 5999 → last beat 3000 → 13000
    { name: "crash at 5999: still a member at 12999", scenario: upTo(cc([crash(5999, "c1")]), 12999), pick: (o) => memberClients(o, "g"), want: ["c1", "c2"] },
    // same rule: removed at 3000 + 10000; the survivor must rejoin
    { name: "crash at 5999: removed at 13000", scenario: upTo(cc([crash(5999, "c1")]), 13000), pick: (o) => ({ ...stateGen(o, "g"), members: memberClients(o, "g") }), want: { state: "PreparingRebalance", generation: 2, members: ["c2"] } },
    // contract "Precise rules": background due at or before a step's at runs first → the beat at 6000 is sent
    { name: "crash at 6000: the 6000 heartbeat counts (member at 15999)", scenario: upTo(cc([crash(6000, "c1")]), 15999), pick: (o) => memberClients(o, "g"), want: ["c1", "c2"] },
    // same rule: expiry at 6000 + 10000
    { name: "crash at 6000: removed at 16000", scenario: upTo(cc([crash(6000, "c1")]), 16000), pick: (o) => memberClients(o, "g"), want: ["c2"] },
    // contract "Scenario": heartbeats every heartbeat.interval.ms (4000: 0, 4000, 8000); crash at 9000 → last beat 8000
    { name: "heartbeat interval 4000, crash at 9000: still a member at 17999", scenario: upTo(HB4000, 17999), pick: (o) => memberClients(o, "g"), want: ["c1"] },
    // same rule: expiry at 8000 + 10000
    { name: "heartbeat interval 4000, crash at 9000: removed at 18000", scenario: upTo(HB4000, 18000), pick: (o) => memberClients(o, "g"), want: [] },
    // contract "Precise rules": a join counts as a heartbeat; beats run from the join (1000, 4000, …) → expiry 11000
    { name: "join counts as a heartbeat: joined 1000, crashed 3500, member at 10999", scenario: upTo(LONE_CRASH, 10999), pick: (o) => memberClients(o, "g"), want: ["c1"] },
    // same rule; the group left without members is Empty
    { name: "join counts as a heartbeat: removed at 11000, group Empty", scenario: upTo(LONE_CRASH, 11000), pick: (o) => ({ state: group(o, "g").state, members: memberClients(o, "g") }), want: { state: "Empty", members: [] } },
    // contract observation: status crashed; the dead process holds nothing
    { name: "a crashed client's status is crashed", scenario: cc([crash(7000, "c1")]), pick: (o) => ({ status: consumerObs(o, "c1").status, assignment: consumerObs(o, "c1").assignment }), want: { status: "crashed", assignment: [] } },
    // kafka-semantics §3.6: close() sends LeaveGroup → immediate rebalance
    { name: "close leaves at once", scenario: cc([close(7000, "c1")]), pick: (o) => ({ ...stateGen(o, "g"), members: memberClients(o, "g") }), want: { state: "PreparingRebalance", generation: 2, members: ["c2"] } },
    // kafka-semantics §3.6: the survivor's next poll completes the rebalance
    { name: "close: the survivor's next poll takes everything", scenario: cc([close(7000, "c1"), poll(7000, "c2")]), pick: (o) => summary(o, "g"), want: { state: "Stable", generation: 3, members: [["c2", ["t-0", "t-1"]]] } },
    // contract observation: status closed
    { name: "a closed client's status is closed", scenario: cc([close(7000, "c1")]), pick: (o) => consumerObs(o, "c1").status, want: "closed" },
    // kafka-semantics §1.2 auto-commit "also commits synchronously in close()" (before the 5000 interval)
    { name: "close auto-commits positions", scenario: cc([close(1000, "c1")], { "enable.auto.commit": true }), pick: (o) => committed(o, "g"), want: { "t-0": 2 } },
    // kafka-semantics §3.2: the new owner resumes from the committed offset (t-0 at its end)
    { name: "close auto-commit: the new owner does not re-read t-0", scenario: cc([close(1000, "c1"), poll(1000, "c2")], { "enable.auto.commit": true }), pick: (o) => delivered(o, "c2"), want: ["t-1@0", "t-1@1"] },
    // kafka-semantics §3.6 "Manual commit": nothing committed → the new owner re-reads
    {
      name: "close without auto-commit: nothing committed, t-0 re-read",
      scenario: cc([close(1000, "c1"), poll(1000, "c2")]),
      pick: (o) => ({ committed: committed(o, "g"), delivered: delivered(o, "c2").sort() }),
      want: { committed: {}, delivered: ["t-0@0", "t-0@1", "t-1@0", "t-1@1"] },
    },
    // contract + kafka-semantics §3.6 static membership: close() sends no LeaveGroup, so no rebalance
    {
      name: "static close: no rebalance, still a member",
      scenario: upTo(ccStatic([close(7000, "c1")]), 7000),
      pick: (o) => summary(o, "g"),
      want: { state: "Stable", generation: 2, members: [["c1", ["t-0"]], ["c2", ["t-1"]]] },
    },
    // §3.6 static: the member is evicted only after session.timeout.ms (last beat 6000 → 16000)
    { name: "static close: still a member at 15999", scenario: upTo(ccStatic([close(7000, "c1")]), 15999), pick: (o) => memberClients(o, "g"), want: ["c1", "c2"] },
    // same rule
    { name: "static close: removed at 16000", scenario: upTo(ccStatic([close(7000, "c1")]), 16000), pick: (o) => ({ ...stateGen(o, "g"), members: memberClients(o, "g") }), want: { state: "PreparingRebalance", generation: 2, members: ["c2"] } },
    // §3.6 static: a restart within session.timeout.ms gets its previous assignment back without a rebalance
    { name: "static restart within the session timeout: same assignment, same generation", scenario: STATIC_RESTART, pick: (o) => summary(o, "g"), want: { state: "Stable", generation: 2, members: [["c1", ["t-0"]], ["c2", ["t-1"]]] } },
    // same rule, seen in the events: no rebalance started after t=0
    { name: "static restart within the session timeout: no rebalance event", scenario: STATIC_RESTART, events: true, pick: (o) => eventsOf(o, "rebalance-started").filter((e) => e.at > 0).length, want: 0 },
    // contract "restart": a new instance gets a new member id (the same group.instance.id)
    {
      name: "static restart: a new member id",
      scenario: STATIC_RESTART,
      pick: (o) => {
        const before = group(run(upTo(STATIC_RESTART, 7000)), "g").members.find((m) => m.client === "c1")!.memberId;
        const after = group(o, "g").members.find((m) => m.client === "c1")!.memberId;
        return { changed: before !== after, clientAssignment: consumerObs(o, "c1").assignment };
      },
      want: { changed: true, clientAssignment: ["t-0"] },
    },
    // §3.6 static: a crash sends no LeaveGroup either; a restart within the session timeout keeps the assignment
    {
      name: "static crash and restart within the session timeout: no rebalance",
      scenario: ccStatic([crash(7000, "c1"), restart(9000, "c1"), poll(9000, "c1")]),
      pick: (o) => summary(o, "g"),
      want: { state: "Stable", generation: 2, members: [["c1", ["t-0"]], ["c2", ["t-1"]]] },
    },
    // kafka-semantics §3.2: the new instance resolves its position from committed (none → earliest)
    { name: "static restart: the new instance re-reads from the committed offset", scenario: STATIC_RESTART, pick: (o) => deliveredAt(o, "c1", 9000), want: ["t-0@0", "t-0@1"] },
    // §3.6 static: after the session timeout a restart is an ordinary join → rebalance (generation 4); static sorts first
    {
      name: "static restart after the session timeout rebalances",
      scenario: ccStatic([close(7000, "c1"), poll(16000, "c2"), restart(20000, "c1"), poll(20000, "c1"), poll(20000, "c2")]),
      pick: (o) => summary(o, "g"),
      want: { state: "Stable", generation: 4, members: [["c1", ["t-0"]], ["c2", ["t-1"]]] },
    },
    // §3.6 crash + contract restart: the new dynamic instance waits for the dead one's session to expire (0 + 10000)
    { name: "dynamic restart after a crash: both instances are members at 9999", scenario: upTo(CRASH_RESTART, 9999), pick: (o) => ({ ...stateGen(o, "g"), members: memberClients(o, "g") }), want: { state: "PreparingRebalance", generation: 1, members: ["c1", "c1"] } },
    // same rule: at 10000 the old member is gone and the new one gets everything at once
    { name: "dynamic restart after a crash: the new instance owns everything at 10000", scenario: upTo(CRASH_RESTART, 10000), pick: (o) => summary(o, "g"), want: { state: "Stable", generation: 2, members: [["c1", ["t-0", "t-1"]]] } },
  ])("$name", check);
});

// ================================================================================================
// max.poll.interval.ms
// ================================================================================================

const MP_CONFIG = { ...MANUAL, "max.poll.interval.ms": 10000, "session.timeout.ms": 6000, "heartbeat.interval.ms": 2000 };
/** t has 1 partition with k0..k2; c1 owns t-0 from 1000 (its poll fetches 0..2), c2 owns nothing. */
const mp = (config: Json, extra: Step[]) =>
  scn({
    topics: [topic("t", 1)],
    consumers: cs(["c1", "c2"], { ...MP_CONFIG, ...config }, { sink: { name: "db", mode: "insert" } }),
    steps: [...records(0, "t", 0, 3), start(0, "c1"), start(0, "c2"), poll(1000, "c1"), ...extra],
  });
/** c1 processes for 20 s from its last poll at 1000: kicked out at 11000, its commit at 21000 fails. */
const KICK = mp({}, [process(1000, "c1", 20000), poll(6000, "c2"), poll(11000, "c2"), process(11000, "c2"), poll(16000, "c2"), commit(21000, "c1")]);

/** Static c1 busy from 0 for 30 s (poll timeout 10000, heartbeats 0…9000, session 6000); c2 keeps polling. */
const STATIC_SLOW_CONFIG = { ...MANUAL, "max.poll.interval.ms": 10000, "session.timeout.ms": 6000, "heartbeat.interval.ms": 3000 };
const STATIC_SLOW = scn({
  topics: T2,
  consumers: [consumer("c1", "g", { config: { ...STATIC_SLOW_CONFIG, "group.instance.id": "i1" } }), consumer("c2", "g", { config: STATIC_SLOW_CONFIG })],
  steps: [...AB, start(0, "c1"), start(0, "c2"), poll(0, "c1"), process(0, "c1", 30000), poll(5000, "c2"), poll(9000, "c2"), poll(14000, "c2"), poll(15000, "c2"), poll(20000, "c2"), poll(25000, "c2"), commit(30000, "c1")],
});
/** Static c1 busy from 0 (session 60 s); c2 joins at 2000: the rebalance times out at 2000 + 10000. */
const STATIC_RT_CONFIG = { ...MANUAL, "max.poll.interval.ms": 10000, "session.timeout.ms": 60000 };
const STATIC_REBALANCE_TIMEOUT = scn({
  topics: T2,
  consumers: [consumer("c1", "g", { config: { ...STATIC_RT_CONFIG, "group.instance.id": "i1" } }), consumer("c2", "g", { config: STATIC_RT_CONFIG })],
  steps: [start(0, "c1"), poll(0, "c1"), process(0, "c1", 50000), start(2000, "c2"), poll(11000, "c2")],
});
const WITH_SINK = cs(["c1", "c2"], MANUAL, { sink: { name: "db", mode: "insert" } });

describe("max.poll.interval.ms", () => {
  it.each<Case>([
    // §1.2: heartbeats continue while busy (session 6000 never expires); the poll timer has not run out
    { name: "busy member still in the group at 10999", scenario: upTo(KICK, 10999), pick: (o) => ({ members: memberClients(o, "g"), status: consumerObs(o, "c1").status }), want: { members: ["c1", "c2"], status: "busy" } },
    // §3.6 "A poll timeout makes the client itself leave at lastPoll + max.poll.interval.ms" (1000 + 10000)
    { name: "removed at 11000 and the other member takes over", scenario: upTo(KICK, 11000), pick: (o) => summary(o, "g"), want: { state: "Stable", generation: 3, members: [["c2", ["t-0"]]] } },
    // §3.6 "Uncommitted work": the new owner re-reads from the committed offset (none → earliest)
    { name: "the other member reprocesses from the committed offset", scenario: KICK, pick: (o) => deliveredAt(o, "c2", 11000), want: ["t-0@0", "t-0@1", "t-0@2"] },
    // §1.2: a poll timeout is a LeaveGroup from the client, not a session expiry (events name the reason)
    {
      name: "the removal is a poll timeout, not a session expiry",
      scenario: KICK,
      events: true,
      pick: (o) => eventsOf(o, "member-removed").map((e) => ({ at: e.at, client: e.client, reason: e.reason })),
      want: [{ at: 11000, client: "c1", reason: "poll-timeout" }],
    },
    // contract process: "the records count as processed at the end" (1000 + 20000)
    { name: "the kicked member's records count as processed at 21000", scenario: KICK, pick: (o) => consumerObs(o, "c1").processed.map((r) => r.at), want: [21000, 21000, 21000] },
    // contract observation: status "left (kicked out)"
    { name: "the kicked member's status is left", scenario: KICK, pick: (o) => consumerObs(o, "c1").status, want: "left" },
    // §3.6: CommitFailedException with Kafka's exact message
    { name: "its later commit fails with CommitFailedException", scenario: KICK, pick: (o) => consumerObs(o, "c1").errors, want: [{ at: 21000, type: "CommitFailedException", message: COMMIT_FAILED }] },
    // contract commit: "A failed commit … goes to the client's errors and changes nothing"
    { name: "the failed commit changes nothing", scenario: KICK, pick: (o) => committed(o, "g"), want: {} },
    // §3.6 "Duplicates follow": the insert sink holds every record twice
    { name: "duplicates in the insert sink", scenario: KICK, pick: (o) => sinkRows(o, "db"), want: ["k0@0", "k1@1", "k2@2", "k0@0", "k1@1", "k2@2"] },
    // §3.2 + §3.6: with offset 1 committed before processing, the new owner starts at 1
    {
      name: "the takeover starts at the committed offset",
      scenario: mp({}, [commit(1000, "c1", { "t-0": 1 }), process(1000, "c1", 20000), poll(6000, "c2"), poll(11000, "c2"), process(11000, "c2"), poll(16000, "c2"), observe(21000)]),
      pick: (o) => sinkRows(o, "db"),
      want: ["k1@1", "k2@2", "k0@0", "k1@1", "k2@2"],
    },
    // §3.6: the next poll of a kicked-out member joins again
    {
      name: "after the kick-out the next poll rejoins",
      scenario: plus(KICK, poll(21000, "c1")),
      pick: (o) => ({ status: consumerObs(o, "c1").status, members: memberClients(o, "g") }),
      want: { status: "active", members: ["c1", "c2"] },
    },
    // §1.2 max.poll.interval.ms: "A static member instead stops heartbeating and is evicted after session.timeout.ms" (9000 + 6000)
    { name: "static member past its poll timeout: still a member at 14999", scenario: upTo(STATIC_SLOW, 14999), pick: (o) => memberClients(o, "g"), want: ["c1", "c2"] },
    // same rule
    { name: "static member past its poll timeout: evicted at 15000", scenario: upTo(STATIC_SLOW, 15000), pick: (o) => memberClients(o, "g"), want: ["c2"] },
    // §3.6: its later commit fails the same way
    { name: "static member past its poll timeout: its commit fails", scenario: STATIC_SLOW, pick: (o) => errorTypes(o, "c1"), want: [{ at: 30000, type: "CommitFailedException" }] },
    // §3.6 rebalance flow 3: members that do not rejoin within the rebalance timeout (largest max.poll.interval.ms) are removed
    { name: "rebalance timeout: still waiting for the busy static member at 11999", scenario: upTo(STATIC_REBALANCE_TIMEOUT, 11999), pick: (o) => ({ ...stateGen(o, "g"), members: memberClients(o, "g") }), want: { state: "PreparingRebalance", generation: 1, members: ["c1", "c2"] } },
    // at 2000 + 10000 the rebalance completes without waiting any longer; a static member that did
    // not rejoin is not removed (GroupCoordinator.onCompleteJoin removes dynamic members only:
    // `notYetRejoinedMembers.filterNot(_.isStaticMember)`), so it keeps a share until its session expires
    { name: "rebalance timeout: completes at 12000, keeping the static member that did not rejoin", scenario: upTo(STATIC_REBALANCE_TIMEOUT, 12000), pick: (o) => summary(o, "g"), want: { state: "Stable", generation: 2, members: [["c1", ["t-0"]], ["c2", ["t-1"]]] } },
    // contract "crash during a process with durationMs: the records not yet finished are not processed"
    {
      name: "a crash during timed processing loses the unfinished records",
      scenario: scn({ topics: [topic("t", 1)], consumers: WITH_SINK, steps: [...records(0, "t", 0, 3), poll(100, "c1"), process(1000, "c1", 5000), crash(3000, "c1"), observe(10000)] }),
      pick: (o) => ({ processed: processed(o, "c1"), rows: sinkRows(o, "db") }),
      want: { processed: [], rows: [] },
    },
    // §3.8 at-most-once: commit, then crash before processing → the records are lost (c1's rejoin at 100 → expiry 45100)
    {
      name: "at-most-once: committed but unprocessed records are lost",
      scenario: scn({
        topics: [topic("t", 1)],
        consumers: WITH_SINK,
        steps: [...records(0, "t", 0, 3), start(0, "c1"), start(0, "c2"), poll(100, "c1"), commit(100, "c1"), crash(200, "c1"), poll(46000, "c2"), process(46000, "c2")],
      }),
      pick: (o) => ({ c2: consumerObs(o, "c2").assignment, delivered: delivered(o, "c2"), rows: sinkRows(o, "db") }),
      want: { c2: ["t-0"], delivered: [], rows: [] },
    },
    // §3.6 "leave at lastPoll + max.poll.interval.ms": processing for exactly 10000 ends too late
    { name: "processing exactly max.poll.interval.ms: removed at lastPoll + interval", scenario: mp({}, [process(1000, "c1", 10000), poll(6000, "c2"), observe(11000)]), pick: (o) => memberClients(o, "g"), want: ["c2"] },
    // same rule: a poll 1 ms before the deadline keeps the member, no rebalance
    {
      name: "a poll just before the deadline keeps the member",
      scenario: mp({}, [process(1000, "c1", 9999), poll(6000, "c2"), poll(10999, "c1"), observe(12000)]),
      pick: (o) => ({ members: memberClients(o, "g"), generation: group(o, "g").generation }),
      want: { members: ["c1", "c2"], generation: 2 },
    },
    // fix 1: a larger max.poll.interval.ms → no kick-out, the commit succeeds
    {
      name: "fix: larger max.poll.interval.ms",
      scenario: mp({ "max.poll.interval.ms": 30000 }, [process(1000, "c1", 20000), poll(6000, "c2"), poll(21000, "c1"), commit(21000, "c1")]),
      pick: (o) => ({ errors: errorTypes(o, "c1"), committed: committed(o, "g"), ...stateGen(o, "g"), rows: sinkRows(o, "db") }),
      want: { errors: [], committed: { "t-0": 3 }, state: "Stable", generation: 2, rows: ["k0@0", "k1@1", "k2@2"] },
    },
    // fix 2: max.poll.records 1 (5 s per record) keeps every gap between polls under 10 s
    {
      name: "fix: smaller max.poll.records",
      scenario: mp({ "max.poll.records": 1 }, [
        process(1000, "c1", 5000),
        poll(5000, "c2"),
        poll(6000, "c1"),
        process(6000, "c1", 5000),
        poll(10000, "c2"),
        poll(11000, "c1"),
        process(11000, "c1", 5000),
        poll(15000, "c2"),
        commit(16000, "c1"),
      ]),
      pick: (o) => ({ errors: errorTypes(o, "c1"), committed: committed(o, "g"), perPoll: deliveredPerPoll(o, "c1"), generation: group(o, "g").generation }),
      want: { errors: [], committed: { "t-0": 3 }, perPoll: { "1000": 1, "6000": 1, "11000": 1 }, generation: 2 },
    },
    // contrast: the same 5 s per record with max.poll.records 500 → 15 s of processing → kicked out
    {
      name: "contrast: 3 records × 5 s with the default max.poll.records",
      scenario: mp({}, [process(1000, "c1", 15000), poll(5000, "c2"), poll(10000, "c2"), poll(15000, "c2"), commit(16000, "c1")]),
      pick: (o) => errorTypes(o, "c1"),
      want: [{ at: 16000, type: "CommitFailedException" }],
    },
  ])("$name", check);
});

// ================================================================================================
// Eager vs cooperative
// ================================================================================================

/**
 * c1 alone reads a0,a1 (t-0) and b0,b1 (t-1) at 0; c2 joins at 1000; a2 at 1500; c1 polls at 2000;
 * a3 at 2500; c1 polls at 2600; c2 polls at 3000; c1 polls at 4000.
 */
const ec = (config: Json, extra: Step[] = []) =>
  scn({
    topics: T2,
    consumers: cs(["c1", "c2"], { ...MANUAL, ...config }),
    steps: [...AB, start(0, "c1"), poll(0, "c1"), ...extra, start(1000, "c2"), to(1500, "t", 0, "a2"), poll(2000, "c1"), to(2500, "t", 0, "a3"), poll(2600, "c1"), poll(3000, "c2"), poll(4000, "c1")],
  });
const EAGER = ec({});
const COOP = ec({ "partition.assignment.strategy": "cooperative-sticky" });
const vote = (c1: string[] | undefined, c2: string[] | undefined) =>
  scn({
    topics: T2,
    consumers: [consumer("c1", "g", { config: { ...MANUAL, ...(c1 ? { "partition.assignment.strategy": c1 } : {}) } }), consumer("c2", "g", { config: { ...MANUAL, ...(c2 ? { "partition.assignment.strategy": c2 } : {}) } })],
    steps: [start(0, "c1"), start(0, "c2"), poll(10, "c1"), poll(20, "c2")],
  });
const tpsOf = (e: Record<string, unknown>) => (e.partitions as { topic: string; partition: number }[]).map((p) => `${p.topic}-${p.partition}`);

describe("eager vs cooperative", () => {
  it.each<Case>([
    // §1.2 partition.assignment.strategy: the default [range, cooperative-sticky] uses range, eager (one rebalance)
    { name: "default strategy list: range, one rebalance", scenario: EAGER, pick: (o) => ({ assignor: group(o, "g").assignor, generation: group(o, "g").generation }), want: { assignor: "range", generation: 2 } },
    // §3.6 EAGER: everything is revoked; the retained t-0 restarts from committed (none → earliest 0)
    { name: "eager: the retained partition is re-read from the committed offset", scenario: EAGER, pick: (o) => deliveredOffsets(o, "c1", "t-0"), want: [0, 1, 0, 1, 2, 3] },
    // §3.6 "Manual commit": the moved partition is re-read by its new owner
    { name: "eager: the moved partition is re-read by its new owner", scenario: EAGER, pick: (o) => deliveredAt(o, "c2", 3000), want: ["t-1@0", "t-1@1"] },
    // §3.6 EAGER: on revocation c1 gives up both partitions
    {
      name: "eager: c1 revokes all of its partitions",
      scenario: EAGER,
      events: true,
      pick: (o) => eventsOf(o, "revoked").filter((e) => e.client === "c1").map((e) => ({ at: e.at, partitions: tpsOf(e) })),
      want: [{ at: 2000, partitions: ["t-0", "t-1"] }],
    },
    // §3.2: with a commit the restart from committed loses nothing and repeats nothing
    {
      name: "eager with a commit: no re-reads",
      scenario: ec({}, [commit(500, "c1")]),
      pick: (o) => ({ t0: deliveredOffsets(o, "c1", "t-0"), c2: delivered(o, "c2") }),
      want: { t0: [0, 1, 2, 3], c2: [] },
    },
    // §1.2 auto-commit "before an eager rebalance (onJoinPrepare)", positions 2 and 2; the fetch of a2 is not committed
    { name: "eager auto-commit in onJoinPrepare", scenario: upTo(ec({ "enable.auto.commit": true }), 2000), pick: (o) => committed(o, "g"), want: { "t-0": 2, "t-1": 2 } },
    // §3.6 "Auto-commit on a healthy member: the commit in onJoinPrepare avoids duplicates"
    { name: "eager auto-commit: no duplicates for the new owner", scenario: ec({ "enable.auto.commit": true }), pick: (o) => ({ t0: deliveredOffsets(o, "c1", "t-0"), c2: delivered(o, "c2") }), want: { t0: [0, 1, 2, 3], c2: [] } },
    // §3.6 COOPERATIVE: two rebalances (generation 1 → 3)
    { name: "cooperative-sticky: two rebalances", scenario: COOP, pick: (o) => ({ assignor: group(o, "g").assignor, ...stateGen(o, "g") }), want: { assignor: "cooperative-sticky", state: "Stable", generation: 3 } },
    // §3.6 COOPERATIVE phase 1: the moved partition is revoked first, not yet given to c2
    {
      name: "cooperative-sticky: after rebalance 1, t-1 is revoked and not yet assigned",
      scenario: upTo(COOP, 2000),
      pick: (o) => ({ c1: consumerObs(o, "c1").assignment, c2: consumerObs(o, "c2").assignment }),
      want: { c1: ["t-0"], c2: [] },
    },
    // §3.6 COOPERATIVE: "Retained partitions keep their positions" — t-0 is never re-read
    { name: "cooperative-sticky: the retained partition keeps its position", scenario: COOP, pick: (o) => deliveredOffsets(o, "c1", "t-0"), want: [0, 1, 2, 3] },
    // contract: the poll completing rebalance 1 fetches in the same call, from the kept position
    { name: "cooperative-sticky: the completing poll fetches from the kept position", scenario: COOP, pick: (o) => deliveredAt(o, "c1", 2000), want: ["t-0@2"] },
    // §3.6 COOPERATIVE: "never paused" — c1 keeps fetching while rebalance 2 waits for c2
    { name: "cooperative-sticky: the retained partition is not paused during rebalance 2", scenario: COOP, pick: (o) => deliveredAt(o, "c1", 2600), want: ["t-0@3"] },
    // §3.6 COOPERATIVE phase 2: c2 gets t-1 and reads it from the committed offset (none → earliest)
    { name: "cooperative-sticky: rebalance 2 hands t-1 to c2", scenario: COOP, pick: (o) => ({ c2: consumerObs(o, "c2").assignment, delivered: deliveredAt(o, "c2", 3000) }), want: { c2: ["t-1"], delivered: ["t-1@0", "t-1@1"] } },
    // §3.6 COOPERATIVE: the old owner revokes (2000) before the new owner is assigned (3000)
    {
      name: "cooperative-sticky: revoke before assign",
      scenario: COOP,
      events: true,
      pick: (o) => [
        eventsOf(o, "revoked").find((e) => e.client === "c1" && tpsOf(e).includes("t-1"))?.at,
        eventsOf(o, "assigned").find((e) => e.client === "c2" && tpsOf(e).includes("t-1"))?.at,
      ],
      want: [2000, 3000],
    },
    // §1.2 "most-preferred assignor that all members support": only cooperative-sticky is common
    { name: "vote: [range, cooperative-sticky] + [cooperative-sticky] → cooperative-sticky", scenario: vote(undefined, ["cooperative-sticky"]), pick: (o) => group(o, "g").assignor, want: "cooperative-sticky" },
    // same rule: only range is common
    { name: "vote: [roundrobin, range] + [range] → range", scenario: vote(["roundrobin", "range"], ["range"]), pick: (o) => group(o, "g").assignor, want: "range" },
    // same rule: everyone prefers roundrobin
    { name: "vote: [roundrobin, range] twice → roundrobin", scenario: vote(["roundrobin", "range"], ["roundrobin", "range"]), pick: (o) => group(o, "g").assignor, want: "roundrobin" },
  ])("$name", check);
});

// ================================================================================================
// Assignors through groups
// ================================================================================================

/**
 * A fresh group: every member starts at 0 with the initial delay 3000 (extended to 6000 by the
 * other joins), so the first generation sees all members and nobody owns anything yet.
 */
function fresh(ids: string[], topics: Json[], strategy: string, extra: Step[] = [], subscribe?: Record<string, string[]>, instance?: Record<string, string>): ScenarioJson {
  const names = topics.map((t) => t.name as string);
  return scn({
    broker: DELAY_3000,
    topics,
    consumers: ids.map((id) =>
      consumer(id, "g", {
        subscribe: subscribe?.[id] ?? names,
        config: { ...MANUAL, "partition.assignment.strategy": strategy, ...(instance?.[id] ? { "group.instance.id": instance[id] } : {}) },
      }),
    ),
    steps: [...ids.map((id) => start(0, id)), observe(10000), ...extra],
  });
}
const AB22 = [topic("a", 2), topic("b", 2)];
const AB33 = [topic("a", 3), topic("b", 3)];
const T6 = [topic("t", 6)];
const LEAVE_C3 = [close(10000, "c3"), poll(11000, "c1"), poll(11000, "c2")];

describe("assignors through groups", () => {
  it.each<Case>([
    // §3.7 RoundRobin: a-0,a-1,b-0,b-1 dealt over c1,c2,c3
    { name: "roundrobin over two topics, three members", scenario: fresh(["c1", "c2", "c3"], AB22, "roundrobin"), pick: (o) => assignments(o, "g"), want: { c1: ["a-0", "b-1"], c2: ["a-1"], c3: ["b-0"] } },
    // §3.7 Range per topic: c3 gets nothing (2 partitions per topic, 3 members)
    { name: "range over two topics, three members: c3 idle", scenario: fresh(["c1", "c2", "c3"], AB22, "range"), pick: (o) => assignments(o, "g"), want: { c1: ["a-0", "b-0"], c2: ["a-1", "b-1"], c3: [] } },
    // §3.7 Range "Topics are handled independently, which causes imbalance": 4 vs 2
    { name: "range per-topic imbalance: 3+3 partitions over 2 members", scenario: fresh(["c1", "c2"], AB33, "range"), pick: (o) => assignments(o, "g"), want: { c1: ["a-0", "a-1", "b-0", "b-1"], c2: ["a-2", "b-2"] } },
    // §3.7 RoundRobin on the same topics: balanced 3 and 3
    { name: "roundrobin balances the same two topics", scenario: fresh(["c1", "c2"], AB33, "roundrobin"), pick: (o) => assignments(o, "g"), want: { c1: ["a-0", "a-2", "b-1"], c2: ["a-1", "b-0", "b-2"] } },
    // §3.7 RoundRobin "skipping members that are not subscribed"
    {
      name: "roundrobin skips members not subscribed to a topic",
      scenario: fresh(["c1", "c2"], AB22, "roundrobin", [], { c1: ["a", "b"], c2: ["b"] }),
      pick: (o) => assignments(o, "g"),
      want: { c1: ["a-0", "a-1", "b-1"], c2: ["b-0"] },
    },
    // §3.7 Range per topic over that topic's subscribers only
    {
      name: "range with different subscriptions",
      scenario: fresh(["c1", "c2"], AB22, "range", [], { c1: ["a", "b"], c2: ["b"] }),
      pick: (o) => assignments(o, "g"),
      want: { c1: ["a-0", "a-1", "b-0"], c2: ["b-1"] },
    },
    // §3.7 Sticky: "A fresh group therefore gets a round-robin-like assignment, not ranges"
    { name: "sticky, fresh group: round-robin-like", scenario: fresh(["c1", "c2", "c3"], T6, "sticky"), pick: (o) => assignments(o, "g"), want: { c1: ["t-0", "t-3"], c2: ["t-1", "t-4"], c3: ["t-2", "t-5"] } },
    // §3.7 Sticky: after c3 leaves, members keep what they own; only c3's t-2, t-5 move
    {
      name: "sticky: after a member leaves only its partitions move",
      scenario: fresh(["c1", "c2", "c3"], T6, "sticky", LEAVE_C3),
      pick: (o) => assignments(o, "g"),
      want: { c1: ["t-0", "t-2", "t-3"], c2: ["t-1", "t-4", "t-5"] },
    },
    // §3.7 Range for contrast: the same departure moves t-2, t-3 and more
    { name: "range: the same departure reshuffles ranges", scenario: fresh(["c1", "c2", "c3"], T6, "range", LEAVE_C3), pick: (o) => assignments(o, "g"), want: { c1: ["t-0", "t-1", "t-2"], c2: ["t-3", "t-4", "t-5"] } },
    // §3.7 Sticky with owned partitions: c1 owned all six (generation 1) and keeps minQuota = 2, sorted by partition
    {
      name: "sticky: the first member keeps its quota of what it owned",
      scenario: scn({ topics: T6, consumers: cs(["c1", "c2", "c3"], { ...MANUAL, "partition.assignment.strategy": "sticky" }), steps: [start(0, "c1"), start(0, "c2"), start(0, "c3"), poll(10, "c1")] }),
      pick: (o) => assignments(o, "g"),
      want: { c1: ["t-0", "t-1"], c2: ["t-2", "t-4"], c3: ["t-3", "t-5"] },
    },
    // §3.7 CooperativeSticky on a fresh group: same as sticky, one generation (nothing to revoke)
    {
      name: "cooperative-sticky, fresh group: round-robin-like in generation 1",
      scenario: fresh(["c1", "c2", "c3"], T6, "cooperative-sticky"),
      pick: (o) => ({ assignor: group(o, "g").assignor, generation: group(o, "g").generation, members: assignments(o, "g") }),
      want: { assignor: "cooperative-sticky", generation: 1, members: { c1: ["t-0", "t-3"], c2: ["t-1", "t-4"], c3: ["t-2", "t-5"] } },
    },
    // §3.6 COOPERATIVE: a departed member's partitions have no owner to revoke them → one rebalance suffices
    {
      name: "cooperative-sticky: a member leaving needs one rebalance",
      scenario: fresh(["c1", "c2", "c3"], T6, "cooperative-sticky", LEAVE_C3),
      pick: (o) => ({ generation: group(o, "g").generation, members: assignments(o, "g") }),
      want: { generation: 2, members: { c1: ["t-0", "t-2", "t-3"], c2: ["t-1", "t-4", "t-5"] } },
    },
    // §3.6/§3.7 "Assignors sort static members by instance id": instance a (c2) before b (c1)
    { name: "range sorts static members by group.instance.id", scenario: fresh(["c1", "c2"], T2, "range", [], undefined, { c1: "b", c2: "a" }), pick: (o) => assignments(o, "g"), want: { c1: ["t-1"], c2: ["t-0"] } },
    // §3.7 Range "static by instance id first, otherwise member id"
    { name: "range puts static members before dynamic ones", scenario: fresh(["c1", "c2"], T2, "range", [], undefined, { c2: "z" }), pick: (o) => assignments(o, "g"), want: { c1: ["t-1"], c2: ["t-0"] } },
    // §3.7 Range n = P / M = 0 for the last member; contract: a member with no partitions has []
    {
      name: "more members than partitions: the last one gets []",
      scenario: fresh(["c1", "c2", "c3"], T2, "range"),
      pick: (o) => ({ group: assignments(o, "g"), c3: consumerObs(o, "c3").assignment }),
      want: { group: { c1: ["t-0"], c2: ["t-1"], c3: [] }, c3: [] },
    },
  ])("$name", check);
});

// ================================================================================================
// Offsets, commits, auto-commit, reset, lag, expiry
// ================================================================================================

/** Topic t (1 partition) with `n` records k0.. at 0, consumers of group g (manual commit, earliest unless overridden). */
const off = (steps: Step[], o: { n?: number; config?: Json; ids?: string[]; topicConfig?: Json; broker?: Json } = {}) =>
  scn({
    broker: o.broker,
    topics: [topic("t", 1, o.topicConfig)],
    consumers: cs(o.ids ?? ["c1"], { ...MANUAL, ...o.config }),
    steps: [...records(0, "t", 0, o.n ?? 3), ...steps],
  });
const AUTO = { "enable.auto.commit": true };
const EXPIRY_BROKER = { "offsets.retention.minutes": 1, "offsets.retention.check.interval.ms": 10000 };
const EXPIRY = off([poll(0, "c1"), commit(1000, "c1"), close(2000, "c1")], { broker: EXPIRY_BROKER });

describe("offsets", () => {
  it.each<Case>([
    // §3.2 "next offset to read"; commitSync() commits the current positions
    { name: "commitSync commits the position (next to read)", scenario: off([poll(100, "c1"), commit(200, "c1")]), pick: (o) => committed(o, "g"), want: { "t-0": 3 } },
    // contract commit with explicit offsets; §3.2 the live position can be ahead of the committed offset
    {
      name: "commitSync with explicit offsets",
      scenario: off([poll(100, "c1"), commit(200, "c1", { "t-0": 1 })]),
      pick: (o) => ({ committed: committed(o, "g"), position: consumerObs(o, "c1").position }),
      want: { committed: { "t-0": 1 }, position: { "t-0": 3 } },
    },
    // §3.2 commitSync() covers every assigned partition
    {
      name: "commitSync covers every assigned partition",
      scenario: scn({ topics: T2, consumers: cs(["c1"], MANUAL), steps: [...AB, poll(100, "c1"), commit(200, "c1")] }),
      pick: (o) => committed(o, "g"),
      want: { "t-0": 2, "t-1": 2 },
    },
    // §3.2 "Reassignment": the new owner starts from the group's committed offset
    { name: "a new owner resumes from the committed offset", scenario: off([poll(100, "c1"), commit(200, "c1", { "t-0": 1 }), close(300, "c1"), poll(400, "c2")], { ids: ["c1", "c2"] }), pick: (o) => delivered(o, "c2"), want: ["t-0@1", "t-0@2"] },
    // §3.2 "Consumption is not deletion"; committed offsets are per (group, partition)
    {
      name: "two groups read the same log independently",
      scenario: scn({
        topics: [topic("t", 1)],
        consumers: [consumer("c1", "g1", { config: MANUAL }), consumer("c2", "g2", { config: MANUAL })],
        steps: [...records(0, "t", 0, 3), poll(100, "c1"), poll(100, "c2"), commit(200, "c1")],
      }),
      pick: (o) => ({ c1: delivered(o, "c1"), c2: delivered(o, "c2"), g1: committed(o, "g1"), g2: committed(o, "g2") }),
      want: { c1: ["t-0@0", "t-0@1", "t-0@2"], c2: ["t-0@0", "t-0@1", "t-0@2"], g1: { "t-0": 3 }, g2: {} },
    },
    // §1.2 auto.commit.interval.ms 5000 from creation (contract): nothing committed by a poll at 4999
    { name: "auto-commit: not before the interval", scenario: off([poll(1000, "c1"), poll(4999, "c1")], { config: AUTO }), pick: (o) => committed(o, "g"), want: {} },
    // §1.2 auto-commit inside poll once the interval has elapsed
    { name: "auto-commit: inside the poll at 5000", scenario: off([poll(1000, "c1"), poll(5000, "c1")], { config: AUTO }), pick: (o) => committed(o, "g"), want: { "t-0": 3 } },
    // §1.2 "before fetching": the poll at 5000 commits 3, then fetches k3, k4 (position 5) — never on fetch
    {
      name: "auto-commit happens before the fetch, never on fetch",
      scenario: off([poll(1000, "c1"), to(4000, "t", 0, "k3"), to(4000, "t", 0, "k4"), poll(5000, "c1")], { config: AUTO }),
      pick: (o) => ({ committed: committed(o, "g"), position: consumerObs(o, "c1").position }),
      want: { committed: { "t-0": 3 }, position: { "t-0": 5 } },
    },
    // contract: auto-commit only where Kafka does it — no background commit without a poll
    { name: "auto-commit: nothing without a poll", scenario: off([poll(1000, "c1"), observe(20000)], { config: AUTO }), pick: (o) => committed(o, "g"), want: {} },
    // contract "The auto-commit timer starts when the consumer instance is created" (t=0, not the first poll)
    { name: "auto-commit: the timer starts at creation", scenario: off([poll(4000, "c1"), poll(5000, "c1")], { config: AUTO }), pick: (o) => committed(o, "g"), want: { "t-0": 3 } },
    // §1.2: after the commit at 5000 the next one is due at 10000
    {
      name: "auto-commit: next one not before 10000",
      scenario: off([poll(1000, "c1"), poll(5000, "c1"), to(6000, "t", 0, "k3"), to(6000, "t", 0, "k4"), poll(6000, "c1"), poll(9999, "c1")], { config: AUTO }),
      pick: (o) => committed(o, "g"),
      want: { "t-0": 3 },
    },
    // same rule
    {
      name: "auto-commit: due again at 10000",
      scenario: off([poll(1000, "c1"), poll(5000, "c1"), to(6000, "t", 0, "k3"), to(6000, "t", 0, "k4"), poll(6000, "c1"), poll(10000, "c1")], { config: AUTO }),
      pick: (o) => committed(o, "g"),
      want: { "t-0": 5 },
    },
    // contract: the timer of a restarted instance starts at the restart (3000 → due 8000)
    {
      name: "auto-commit after restart: not at 7999",
      scenario: off([poll(0, "c1"), close(1000, "c1"), to(2000, "t", 0, "k3"), to(2000, "t", 0, "k4"), restart(3000, "c1"), poll(3000, "c1"), poll(7999, "c1")], { config: AUTO }),
      pick: (o) => ({ committed: committed(o, "g"), after: deliveredAt(o, "c1", 3000) }),
      want: { committed: { "t-0": 3 }, after: ["t-0@3", "t-0@4"] },
    },
    // same rule
    {
      name: "auto-commit after restart: at 8000",
      scenario: off([poll(0, "c1"), close(1000, "c1"), to(2000, "t", 0, "k3"), to(2000, "t", 0, "k4"), restart(3000, "c1"), poll(3000, "c1"), poll(8000, "c1")], { config: AUTO }),
      pick: (o) => committed(o, "g"),
      want: { "t-0": 5 },
    },
    // §1.2/§3.4 earliest = log start offset, not 0, after DeleteRecords
    {
      name: "earliest after deleteRecords starts at the log start offset",
      scenario: off([{ at: 100, do: "deleteRecords", topic: "t", partition: 0, offset: 3 }, poll(200, "c1")], { n: 5 }),
      pick: (o) => delivered(o, "c1"),
      want: ["t-0@3", "t-0@4"],
    },
    // §6.1/§3.3: time retention deletes the expired active segment (LSO 2); earliest = 2, not 0
    {
      name: "earliest after retention starts at the log start offset",
      scenario: off([poll(10000, "c1")], { n: 2, topicConfig: { "retention.ms": 5000 } }),
      pick: (o) => ({ lso: o.topics.t!.log[0]!.logStartOffset, delivered: delivered(o, "c1"), position: consumerObs(o, "c1").position }),
      want: { lso: 2, delivered: [], position: { "t-0": 2 } },
    },
    // same rule: the next record gets offset 2 and is delivered
    {
      name: "earliest after retention: the next record (offset 2) is delivered",
      scenario: off([poll(10000, "c1"), to(11000, "t", 0, "k2"), poll(12000, "c1")], { n: 2, topicConfig: { "retention.ms": 5000 } }),
      pick: (o) => delivered(o, "c1"),
      want: ["t-0@2"],
    },
    // §1.2 latest = HW; contract "Positions are resolved at the first fetch" (the poll at 1000, not start)
    {
      name: "latest resolves at the first fetch, not at start",
      scenario: off([start(0, "c1"), ...records(500, "t", 0, 3), poll(1000, "c1"), to(1500, "t", 0, "k3"), poll(2000, "c1")], { n: 0, config: { "auto.offset.reset": "latest" } }),
      pick: (o) => ({ delivered: delivered(o, "c1"), position: consumerObs(o, "c1").position }),
      want: { delivered: ["t-0@3"], position: { "t-0": 4 } },
    },
    // contract "auto.offset.reset=none fails in poll, not in start"
    { name: "none: start raises nothing", scenario: off([start(0, "c1")], { config: { "auto.offset.reset": "none" } }), pick: (o) => o.clients.c1!.errors, want: [] },
    // §1.2 none = throw (NoOffsetForPartitionException when nothing is committed), in poll
    {
      name: "none: the first poll fails with NoOffsetForPartitionException",
      scenario: off([start(0, "c1"), poll(100, "c1")], { config: { "auto.offset.reset": "none" } }),
      pick: (o) => o.clients.c1!.errors.map((e) => ({ at: e.at, type: e.type, namesPartition: e.message.includes("t-0") })),
      want: [{ at: 100, type: "NoOffsetForPartitionException", namesPartition: true }],
    },
    // §1.2/§3.2: none only matters without a committed offset
    {
      name: "none with a committed offset reads from it",
      scenario: scn({
        topics: [topic("t", 1)],
        consumers: [consumer("c0", "g", { config: MANUAL }), consumer("c1", "g", { config: { "enable.auto.commit": false, "auto.offset.reset": "none" } })],
        steps: [...records(0, "t", 0, 3), poll(100, "c0"), commit(200, "c0", { "t-0": 1 }), close(300, "c0"), poll(400, "c1")],
      }),
      pick: (o) => ({ errors: o.clients.c1!.errors, delivered: delivered(o, "c1") }),
      want: { errors: [], delivered: ["t-0@1", "t-0@2"] },
    },
    // §3.2 "Lag as shown by the CLI is HW − committed"; the position may be ahead
    {
      name: "lag is HW − committed, not HW − position",
      scenario: off([poll(100, "c1"), commit(200, "c1", { "t-0": 2 })], { n: 5 }),
      pick: (o) => {
        const p = o.topics.t!.log[0]!;
        const c = committed(o, "g")["t-0"]!;
        return { committed: c, logEndOffset: p.logEndOffset, lag: p.highWatermark - c, position: consumerObs(o, "c1").position["t-0"] };
      },
      want: { committed: 2, logEndOffset: 5, lag: 3, position: 5 },
    },
    // §2.3 CURRENT-OFFSET = committed, LOG-END-OFFSET = HW, LAG = difference
    {
      name: "kafka-consumer-groups --describe shows committed, log end and lag",
      scenario: off([poll(100, "c1"), commit(200, "c1", { "t-0": 2 }), { at: 300, do: "cli", command: "kafka-consumer-groups --bootstrap-server localhost:9092 --describe --group g" }], { n: 5 }),
      pick: (o) =>
        o.cli[0]!.stdout
          .split("\n")
          .map((l) => l.trim().split(/\s+/))
          .filter((cols) => cols[0] === "g" && cols[1] === "t")
          .map((cols) => cols.slice(0, 6)),
      want: [["g", "t", "0", "2", "5", "3"]],
    },
    // §1.4 offsets.retention.minutes: an Empty group keeps its offsets until retention passes (Empty at 2000 + 60000 → check at 70000)
    {
      name: "offsets of an Empty group are kept until the check after retention",
      scenario: upTo(EXPIRY, 69999),
      pick: (o) => ({ state: group(o, "g").state, committed: committed(o, "g") }),
      want: { state: "Empty", committed: { "t-0": 3 } },
    },
    // §1.4 boundary: "Empty for this long" — with checks every 1000, Empty at 2000 → kept at 61999 …
    {
      name: "offsets expiry boundary: kept at 61999",
      scenario: upTo(off([poll(0, "c1"), commit(1000, "c1"), close(2000, "c1")], { broker: { ...EXPIRY_BROKER, "offsets.retention.check.interval.ms": 1000 } }), 61999),
      pick: (o) => committed(o, "g"),
      want: { "t-0": 3 },
    },
    // … and gone at the 62000 check
    {
      name: "offsets expiry boundary: gone at 62000",
      scenario: upTo(off([poll(0, "c1"), commit(1000, "c1"), close(2000, "c1")], { broker: { ...EXPIRY_BROKER, "offsets.retention.check.interval.ms": 1000 } }), 62000),
      pick: (o) => Object.keys(o.groups),
      want: [],
    },
    // contract: "a group whose offsets expired and that has no members is absent from groups"
    { name: "offsets expire at the 70000 check and the group disappears", scenario: upTo(EXPIRY, 70000), pick: (o) => Object.keys(o.groups), want: [] },
    // §1.4: offsets of a group with members do not expire
    {
      name: "offsets of an active group do not expire",
      scenario: off([poll(0, "c1"), commit(1000, "c1"), observe(100000)], { broker: EXPIRY_BROKER }),
      pick: (o) => ({ state: group(o, "g").state, committed: committed(o, "g") }),
      want: { state: "Stable", committed: { "t-0": 3 } },
    },
  ])("$name", check);
});

// ================================================================================================
// New partitions and metadata.max.age.ms
// ================================================================================================

const md = (config: Json, extra: Step[]) =>
  scn({ topics: [topic("t", 1)], consumers: cs(["c1"], { ...MANUAL, ...config }), steps: [start(0, "c1"), { at: 0, do: "alterPartitions", topic: "t", partitions: 2 }, ...extra] });
const mdPick = (o: Observation) => ({ generation: group(o, "g").generation, assignment: consumerObs(o, "c1").assignment });

describe("new partitions", () => {
  it.each<Case>([
    // contract "Precise rules": the broker has 2 partitions at once
    { name: "the topic has 2 partitions at once", scenario: md({}, [observe(0)]), pick: (o) => o.topics.t!.partitions, want: 2 },
    // contract/§1.2 metadata.max.age.ms 10000: not noticed at 9999
    { name: "metadata.max.age.ms 10000: not noticed at 9999", scenario: md({ "metadata.max.age.ms": 10000 }, [poll(9999, "c1")]), pick: mdPick, want: { generation: 1, assignment: ["t-0"] } },
    // same rule + §3.6 "Partition-count changes also trigger rebalances"
    { name: "metadata.max.age.ms 10000: noticed at 10000, then a rebalance", scenario: md({ "metadata.max.age.ms": 10000 }, [poll(10000, "c1")]), pick: mdPick, want: { generation: 2, assignment: ["t-0", "t-1"] } },
    // default metadata.max.age.ms 300000
    { name: "default metadata.max.age.ms: not noticed at 299999", scenario: md({}, [poll(299999, "c1")]), pick: mdPick, want: { generation: 1, assignment: ["t-0"] } },
    // same rule
    { name: "default metadata.max.age.ms: noticed at 300000", scenario: md({}, [poll(299999, "c1"), poll(300000, "c1")]), pick: mdPick, want: { generation: 2, assignment: ["t-0", "t-1"] } },
  ])("$name", check);
});

// ================================================================================================
// Invalid scenarios
// ================================================================================================

const VALID_CLIENTS = [producer(), consumer("c1", "g", { config: MANUAL })];
const VALID_STEPS: Step[] = [step.produce(0, "t", "k", "v"), start(0, "c1"), poll(100, "c1")];
const valid = (over: Json = {}): Json => ({ topics: [topic("t", 1)], clients: VALID_CLIENTS, steps: VALID_STEPS, ...over });
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("invalid scenarios", () => {
  it.each<{ name: string; scenario: unknown; want: string | RegExp | null }>([
    // contract exit 2 example, exactly
    { name: "unknown client in a step", scenario: valid({ steps: [...VALID_STEPS, poll(200, "c9")] }), want: 'steps[3].client: unknown client "c9"' },
    // contract: unknown client, for a producer step too
    { name: "unknown producer in a step", scenario: valid({ steps: [{ at: 0, do: "produce", client: "p9", topic: "t", key: "k", value: "v" }] }), want: 'steps[0].client: unknown client "p9"' },
    // contract: time going backwards ("at never decreases")
    { name: "time going backwards", scenario: valid({ steps: [poll(1000, "c1"), poll(500, "c1")] }), want: new RegExp(`^${escape("steps[1].at: ")}`) },
    // contract: unknown config name (consumer)
    { name: "unknown consumer config", scenario: valid({ clients: [producer(), consumer("c1", "g", { config: { "no.such.config": 1 } })] }), want: /^clients\[1\]\.config.*no\.such\.config/ },
    // contract: unknown config name (producer)
    { name: "unknown producer config", scenario: valid({ clients: [producer("p1", { "bogus.setting": 1 }), consumer("c1", "g")] }), want: /^clients\[0\]\.config.*bogus\.setting/ },
    // contract: unknown config name (broker)
    { name: "unknown broker config", scenario: valid({ broker: { "no.such.broker.config": 1 } }), want: /^broker.*no\.such\.broker\.config/ },
    // contract: unknown config name (topic)
    { name: "unknown topic config", scenario: valid({ topics: [topic("t", 1, { "retention.mss": 1 })] }), want: /^topics\[0\]\.config.*retention\.mss/ },
    // contract: an impossible config value is invalid, with the path
    { name: "bad config value", scenario: valid({ clients: [producer(), consumer("c1", "g", { config: { "session.timeout.ms": "soon" } })] }), want: /^clients\[1\]\.config/ },
    // contract: bad JSON shape — topics must be an array
    { name: "topics is not an array", scenario: valid({ topics: { t: 1 } }), want: /^topics\b/ },
    // bad shape: unknown client kind
    { name: "unknown client kind", scenario: valid({ clients: [producer(), { id: "c1", kind: "admin" }] }), want: /^clients\[1\]\.kind: / },
    // bad shape: unknown step
    { name: "unknown step", scenario: valid({ steps: [...VALID_STEPS.slice(0, 2), { at: 5, do: "frobnicate", client: "c1" }] }), want: /^steps\[2\]\.do: / },
    // bad shape: partitions must be a number
    { name: "partitions is not a number", scenario: valid({ topics: [{ name: "t", partitions: "three" }] }), want: /^topics\[0\]\.partitions: / },
    // bad shape: a client step without a client
    { name: "a poll without a client", scenario: valid({ steps: [{ at: 0, do: "poll" }] }), want: /^steps\[0\]\.client: / },
    // bad shape: negative time
    { name: "negative at", scenario: valid({ steps: [{ at: -1, do: "poll", client: "c1" }] }), want: /^steps\[0\]\.at: / },
    // control: the valid base scenario runs
    { name: "the valid base scenario runs", scenario: valid(), want: null },
    // contract: "clients and steps may be empty or missing"
    { name: "no clients and no steps is valid", scenario: { topics: [topic("t", 1)] }, want: null },
  ])("$name", ({ scenario, want }) => {
    const error = scenarioError(scenario);
    if (want === null || typeof want === "string") expect(error).toBe(want);
    else expect(error).toMatch(want);
  });
});

// ================================================================================================
// Determinism
// ================================================================================================

const det = (seed?: number) =>
  scn({
    seed,
    topics: [topic("t", 3)],
    consumers: cs(["c1", "c2", "c3"], MANUAL, { sink: { name: "db", mode: "insert" } }),
    steps: [
      ...ONE_EACH,
      start(0, "c1"),
      start(0, "c2"),
      start(0, "c3"),
      poll(10, "c1"),
      poll(10, "c2"),
      poll(10, "c3"),
      process(20, "c1"),
      commit(30, "c1"),
      crash(100, "c2"),
      poll(50000, "c1"),
      poll(50000, "c3"),
      process(50000, "c3"),
    ],
  });
const ids = (o: Observation) => group(o, "g").members.map((m) => m.memberId);

describe("determinism", () => {
  it.each<Case>([
    // contract "seed": same seed + same steps ⇒ identical observation (events included)
    { name: "same seed and steps give an identical observation", scenario: det(7), events: true, pick: (o) => o, want: run(det(7), { events: true }) },
    // contract "seed": default 1
    { name: "a missing seed is seed 1", scenario: det(undefined), pick: (o) => o, want: run(det(1)) },
    // contract: member ids come from the seeded PRNG, so another seed gives other ids …
    { name: "another seed changes the member ids", scenario: det(1), pick: (o) => ids(o).map((id, i) => id !== ids(run(det(2)))[i]), want: [true, true] },
    // … but not the assignments (members still sort by client id)
    { name: "another seed keeps the assignments", scenario: det(1), pick: (o) => ({ one: assignments(o, "g"), two: assignments(run(det(2)), "g") }), want: { one: { c1: ["t-0", "t-1"], c3: ["t-2"] }, two: { c1: ["t-0", "t-1"], c3: ["t-2"] } } },
  ])("$name", check);

  // contract "Member ids are <client.id>-<uuid>… so that members sort by client id", for any seed
  it.each([1, 2, 3, 42, 99999])("seed %i: members sort by client id", (seed) => {
    const o = run(det(seed));
    expect(group(run(upTo(det(seed), 10)), "g").members.map((m) => m.client)).toEqual(["c1", "c2", "c3"]);
    expect(ids(o).every((id, i) => id.startsWith(`${["c1", "c3"][i]}-`))).toBe(true);
  });
});
