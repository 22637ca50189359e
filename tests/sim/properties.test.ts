/**
 * Property-based tests of the simulator engine (lib/sim): random command sequences against a small
 * fixed cluster (tests/sim/helpers/arbitraries.ts), checked against rules of
 * shared/sim/kafka-semantics.md and shared/sim/scenario-contract.md, and against the engine's own
 * contract (determinism, JSON-resumable state, immutability, bulk produce = single produces).
 *
 * Commands the engine refuses (result.ok false) are generated on purpose and skipped by the runner;
 * a refused step must leave the state exactly as it was.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commandSchema, createCluster, parseScenario, runScenario, step, tpKey, type ClientSetup, type ClusterSetup, type ClusterState, type Command, type SimEvent, type SinkRow } from "@/lib/sim";
import { toArray } from "@/lib/sim/pvec";
import { keyArb, setupArb, simRunArb, valueArb, type SimRun } from "./helpers/arbitraries";

// ------------------------------------------------------------------------------------------------
// Runner
// ------------------------------------------------------------------------------------------------

interface StepTrace {
  index: number;
  command: Command;
  ok: boolean;
  before: ClusterState;
  after: ClusterState;
  events: SimEvent[];
}

function fail(message: string): never {
  throw new Error(message);
}

function check(condition: unknown, message: () => string): void {
  if (!condition) fail(message());
}

function initialState(run: Pick<SimRun, "seed" | "setup">): ClusterState {
  const created = createCluster(run.setup, { seed: run.seed });
  if (!created.ok) fail(`setup rejected: ${created.error.path.join(".")}: ${created.error.message}`);
  return created.value;
}

/**
 * Runs `commands` from `state`, calling `onStep` after each one. A refused command is skipped, and
 * the state it was given must be unchanged (scenario-contract: a step that cannot run changes nothing).
 */
function runFrom(state: ClusterState, commands: readonly Command[], onStep?: (t: StepTrace) => void, firstIndex = 0): ClusterState {
  for (const [i, command] of commands.entries()) {
    const parsed = commandSchema.safeParse(command);
    check(parsed.success, () => `generated command ${JSON.stringify(command)} is not in the vocabulary: ${parsed.error?.message}`);
    const snapshot = JSON.stringify(state);
    const result = step(state, command);
    if (!result.ok) {
      check(JSON.stringify(state) === snapshot, () => `step ${firstIndex + i} (${JSON.stringify(command)}) was refused but changed its input state`);
      onStep?.({ index: firstIndex + i, command, ok: false, before: state, after: state, events: [] });
      continue;
    }
    onStep?.({ index: firstIndex + i, command, ok: true, before: state, after: result.value.state, events: result.value.events });
    state = result.value.state;
  }
  return state;
}

const where = (t: StepTrace) => `step ${t.index} ${JSON.stringify(t.command)}`;

/** Calls `f(topic, partition, offset)` for every offset a step's event appended (records, retries, markers), in order. */
function forEachAppend(e: SimEvent, f: (topic: string, partition: number, offset: number) => void): void {
  if (e.type === "produced" || e.type === "marker") f(e.topic, e.partition, e.offset);
  else if (e.type === "produced-batch") e.offsets.forEach((o, i) => f(e.topic, e.partitions[i]!, o));
}

function forEachPartition(s: ClusterState, f: (topic: string, partition: number, p: ClusterState["topics"][string]["partitions"][number]) => void): void {
  for (const t of Object.values(s.topics)) t.partitions.forEach((p, i) => f(t.name, i, p));
}

/** Runs per property; SIM_PROPERTY_SCALE=10 (say) explores further without changing the file. */
const SCALE = Number(process.env.SIM_PROPERTY_SCALE ?? 1);
const RUNS = Object.fromEntries(Object.entries({ main: 150, determinism: 60, roundTrip: 60, immutability: 60, bulk: 150 }).map(([k, n]) => [k, Math.ceil(n * SCALE)])) as Record<
  "main" | "determinism" | "roundTrip" | "immutability" | "bulk",
  number
>;
/** Per-test timeout: generous, since the default 5 s is close to a property's run time on a slow machine. */
const TIMEOUT = 60_000 * SCALE;

// ------------------------------------------------------------------------------------------------
// 1. Offsets
// ------------------------------------------------------------------------------------------------

/**
 * kafka-semantics §3.2 (offsets are per partition, dense at append time and never reused; deletion
 * moves the log start offset, not the LEO), §3.3 (whole-segment deletion; the log start offset only
 * moves forward; retention rolls an empty segment at the LEO rather than reusing offsets), §3.5
 * (compaction never changes offsets or their order), §0 (one broker, RF 1: LSO ≤ HW ≤ LEO).
 */
function checkOffsets(run: SimRun): void {
  // Next offset each partition hands out, from the appends the events report.
  const next = new Map<string, number>();
  const init = initialState(run);
  forEachPartition(init, (t, p, part) => next.set(tpKey(t, p), part.log.logEndOffset));
  const checkLogs = (s: ClusterState, prev: ClusterState, trace: StepTrace | null) => {
    const at = trace ? where(trace) : "initial state";
    forEachPartition(s, (topic, partition, part) => {
      const tp = tpKey(topic, partition);
      const log = part.log;
      const before = prev.topics[topic]?.partitions[partition]?.log;
      check(log.logStartOffset <= log.highWatermark && log.highWatermark <= log.logEndOffset, () => `${at}: ${tp} LSO ${log.logStartOffset} HW ${log.highWatermark} LEO ${log.logEndOffset}`);
      if (before) {
        check(log.logEndOffset >= before.logEndOffset, () => `${at}: ${tp} logEndOffset went back ${before.logEndOffset} → ${log.logEndOffset}`);
        check(log.logStartOffset >= before.logStartOffset, () => `${at}: ${tp} logStartOffset went back ${before.logStartOffset} → ${log.logStartOffset}`);
      }
      check(log.segments.length > 0, () => `${at}: ${tp} has no segment`);
      check(log.segments[0]!.baseOffset <= log.logStartOffset, () => `${at}: ${tp} first segment ${log.segments[0]!.baseOffset} starts after the log start offset ${log.logStartOffset}`);
      let lastOffset = -1;
      log.segments.forEach((seg, i) => {
        const upper = log.segments[i + 1]?.baseOffset ?? log.logEndOffset;
        if (i > 0) check(seg.baseOffset > log.segments[i - 1]!.baseOffset, () => `${at}: ${tp} segment base offsets not increasing: ${log.segments.map((x) => x.baseOffset).join(",")}`);
        check(seg.baseOffset <= log.logEndOffset, () => `${at}: ${tp} segment base ${seg.baseOffset} beyond LEO ${log.logEndOffset}`);
        for (const r of toArray(seg.records)) {
          check(r.offset > lastOffset, () => `${at}: ${tp} records out of order: ${r.offset} after ${lastOffset}`);
          check(r.offset >= seg.baseOffset && r.offset < upper, () => `${at}: ${tp} record ${r.offset} outside its segment [${seg.baseOffset}, ${upper})`);
          check(r.offset < log.logEndOffset, () => `${at}: ${tp} record ${r.offset} at or past LEO ${log.logEndOffset}`);
          lastOffset = r.offset;
        }
      });
    });
  };
  checkLogs(init, init, null);
  runFrom(init, run.commands, (trace) => {
    if (!trace.ok) return;
    for (const e of trace.events) {
      forEachAppend(e, (topic, partition, offset) => {
        const tp = tpKey(topic, partition);
        const expected = next.get(tp) ?? 0; // a partition added by this step starts at 0
        check(offset === expected, () => `${where(trace)}: ${tp} appended at offset ${offset}, expected ${expected} (offsets must be dense, unique and increasing)`);
        next.set(tp, offset + 1);
      });
    }
    checkLogs(trace.after, trace.before, trace);
    forEachPartition(trace.after, (topic, partition, part) => {
      const tp = tpKey(topic, partition);
      const reported = next.get(tp) ?? 0;
      check(reported === part.log.logEndOffset, () => `${where(trace)}: ${tp} LEO ${part.log.logEndOffset} but the events reported appends up to ${reported}`);
    });
  });
}

// ------------------------------------------------------------------------------------------------
// 2. Group ownership
// ------------------------------------------------------------------------------------------------

/**
 * kafka-semantics §3.6/§3.7 (classic protocol): the assignor gives each partition to at most one
 * member, only from the member's own subscription; a completed rebalance (generation) has one
 * assignment; in a Stable group every partition of the subscribed topics (as the leader's metadata
 * has them: a prefix 0..n-1, n between the setup's count and the current count, §1.2 metadata.max.age.ms)
 * is assigned, except under COOPERATIVE where a partition changing owner is withheld in rebalance 1
 * while its old owner revokes it and rejoins (rebalance 2 hands it over) — so a withheld partition
 * must have been reported as owned by a member that is going to rejoin (or whose instance is gone).
 * Client side: consumers holding an assignment of the same generation hold disjoint ones.
 */
function checkGroups(run: SimRun): void {
  const init = initialState(run);
  const initialCounts = Object.fromEntries(Object.values(init.topics).map((t) => [t.name, t.partitions.length]));
  const generations = new Map<string, string>();
  const checkState = (s: ClusterState, at: string) => {
    for (const g of Object.values(s.groups)) {
      const owner = new Map<string, string>();
      for (const m of Object.values(g.members)) {
        for (const tp of m.assignment) {
          const k = tpKey(tp.topic, tp.partition);
          check(!owner.has(k), () => `${at}: group ${g.id} (${g.state}, gen ${g.generation}) assigns ${k} to both ${owner.get(k)} and ${m.memberId}`);
          owner.set(k, m.memberId);
          check(m.subscription.includes(tp.topic), () => `${at}: group ${g.id}: ${m.memberId} got ${k} outside its subscription ${m.subscription}`);
          check(tp.partition < (s.topics[tp.topic]?.partitions.length ?? 0), () => `${at}: group ${g.id}: ${m.memberId} got nonexistent ${k}`);
        }
      }
      if (g.state !== "Stable") continue;
      const members = Object.values(g.members);
      const topics = new Set(members.flatMap((m) => m.subscription));
      for (const topic of topics) {
        const count = s.topics[topic]?.partitions.length;
        if (count === undefined) continue;
        // Partitions withheld for a cooperative handover: reported owned by a member that will rejoin.
        const withheld = new Set<number>();
        if (g.assignor === "cooperative-sticky") {
          for (const m of members) {
            const c = s.clients[m.clientId];
            const settled = c?.kind === "consumer" && c.memberId === m.memberId && !c.rejoinNeeded && (c.status === "active" || c.status === "busy" || c.status === "idle");
            if (settled) continue;
            for (const tp of m.owned) if (tp.topic === topic && !owner.has(tpKey(topic, tp.partition))) withheld.add(tp.partition);
          }
        }
        let top = -1;
        for (let p = 0; p < count; p++) if (owner.has(tpKey(topic, p)) || withheld.has(p)) top = p;
        const n = Math.max(top + 1, initialCounts[topic] ?? 0);
        for (let p = 0; p < n; p++) {
          check(owner.has(tpKey(topic, p)) || withheld.has(p), () => {
            const detail = members.map((m) => `${m.memberId}: assigned [${m.assignment.map((x) => tpKey(x.topic, x.partition))}] owned [${m.owned.map((x) => tpKey(x.topic, x.partition))}]`).join("; ");
            return `${at}: Stable group ${g.id} (gen ${g.generation}, ${g.assignor}) leaves ${tpKey(topic, p)} unassigned (of ${count}); members: ${detail}`;
          });
        }
      }
    }
    // Client side: one owner per partition among clients of the same group and generation.
    const byGen = new Map<string, string>();
    for (const c of Object.values(s.clients)) {
      if (c.kind !== "consumer" || c.memberId === null || c.kicked || c.generation < 1 || c.config.groupId === null) continue;
      for (const tp of c.assignment) {
        const k = `${c.config.groupId}/${c.generation}/${tpKey(tp.topic, tp.partition)}`;
        check(!byGen.has(k), () => `${at}: clients ${byGen.get(k)} and ${c.id} both own ${k}`);
        byGen.set(k, c.id);
      }
    }
  };
  checkState(init, "initial state");
  runFrom(init, run.commands, (trace) => {
    if (!trace.ok) return;
    for (const e of trace.events) {
      // A removed group starts again from generation 1.
      if (e.type === "group-removed") for (const key of [...generations.keys()]) if (key.startsWith(`${e.group}/`)) generations.delete(key);
      if (e.type !== "rebalance-completed") continue;
      const owner = new Map<string, string>();
      for (const [member, tps] of Object.entries(e.assignment)) {
        for (const tp of tps) {
          const k = tpKey(tp.topic, tp.partition);
          check(!owner.has(k), () => `${where(trace)}: rebalance of ${e.group} gen ${e.generation} gives ${k} to ${owner.get(k)} and ${member}`);
          owner.set(k, member);
        }
      }
      const key = `${e.group}/${e.generation}`;
      const json = JSON.stringify(e.assignment);
      check(!generations.has(key) || generations.get(key) === json, () => `${where(trace)}: group ${e.group} generation ${e.generation} completed twice with different assignments: ${generations.get(key)} vs ${json}`);
      generations.set(key, json);
    }
    checkState(trace.after, where(trace));
  });
}

// ------------------------------------------------------------------------------------------------
// 7. Commits and positions
// ------------------------------------------------------------------------------------------------

/**
 * kafka-semantics §3.2 (a committed offset is "the next offset to read": commitSync() commits the
 * current positions, which a fetch never moves past the high watermark), §3.4 (a position outside
 * [log start, HW] is reset at the next fetch), §2.3/reset-offsets (the CLI clamps to the log end).
 * Exempt, because Kafka does not validate them either: commitSync(offsets) with explicit offsets,
 * and positions the application seek()ed to that no fetch has validated yet.
 */
function checkCommits(run: SimRun): void {
  const init = initialState(run);
  // client → tp → offset the client seeked to, until a fetch or reset validates the partition.
  const seeked = new Map<string, Map<string, number>>();
  const seeks = (client: string) => seeked.get(client) ?? (seeked.set(client, new Map()), seeked.get(client)!);
  runFrom(init, run.commands, (trace) => {
    if (!trace.ok) return;
    const leo = new Map<string, number>();
    forEachPartition(trace.before, (t, p, part) => leo.set(tpKey(t, p), part.log.logEndOffset));
    const explicit = trace.command.do === "commit" && trace.command.offsets !== undefined ? trace.command.client : null;
    for (const e of trace.events) {
      forEachAppend(e, (t, p, o) => leo.set(tpKey(t, p), Math.max(leo.get(tpKey(t, p)) ?? 0, o + 1)));
      if (e.type === "seek") seeks(e.client).set(tpKey(e.topic, e.partition), e.offset);
      if (e.type === "position-reset") seeks(e.client).delete(tpKey(e.topic, e.partition));
      if (e.type === "delivered") for (const r of e.records) seeks(e.client).delete(tpKey(r.topic, r.partition));
      if (e.type === "client" && (e.action === "crashed" || e.action === "closed" || e.action === "restarted")) seeked.delete(e.client);
      if (e.type !== "committed") continue;
      if (e.client !== null && e.client === explicit && !e.auto) continue;
      for (const [tp, offset] of Object.entries(e.offsets)) {
        check(offset >= 0, () => `${where(trace)}: ${e.client ?? "admin"} committed ${tp}=${offset} < 0`);
        if (e.client !== null && seeks(e.client).get(tp) === offset) continue;
        const end = leo.get(tp);
        check(end !== undefined && offset <= end, () => `${where(trace)}: ${e.client ?? "admin"} committed ${tp}=${offset} (${e.auto ? "auto" : "sync"}) above the log end offset ${end} at commit time`);
      }
    }
    for (const c of Object.values(trace.after.clients)) {
      if (c.kind !== "consumer") continue;
      for (const [tp, pos] of Object.entries(c.positions)) {
        check(Number.isInteger(pos) && pos >= 0, () => `${where(trace)}: ${c.id} position ${tp}=${pos}`);
        const [topic, partition] = [tp.slice(0, tp.lastIndexOf("-")), Number(tp.slice(tp.lastIndexOf("-") + 1))];
        const hw = trace.after.topics[topic]?.partitions[partition]?.log.highWatermark;
        if (seeks(c.id).get(tp) === pos) continue;
        check(hw !== undefined && pos <= hw, () => `${where(trace)}: ${c.id} position ${tp}=${pos} above the high watermark ${hw} without a seek`);
      }
    }
  });
}

// ------------------------------------------------------------------------------------------------
// 8. Sinks
// ------------------------------------------------------------------------------------------------

/**
 * scenario-contract "Sinks": insert appends one row per processed record (duplicates included);
 * upsert keeps one row per dedupe key ("key" | "value" | "offset" = topic-partition-offset).
 */
function checkSinks(run: SimRun): void {
  const init = initialState(run);
  const specs = new Map<string, { name: string; mode: "insert" | "upsert"; key: "key" | "value" | "offset" }>();
  for (const c of run.setup.clients ?? []) if (c.sink) specs.set(c.id, { name: c.sink.name, mode: c.sink.mode, key: c.sink.key ?? "key" });
  const rowId = (r: { topic: string; partition: number; offset: number; key: string | null; value: string | null }) => JSON.stringify([r.topic, r.partition, r.offset, r.key, r.value]);
  const dedupe = (key: "key" | "value" | "offset", r: { topic: string; partition: number; offset: number; key: string | null; value: string | null }) =>
    key === "offset" ? `${r.topic}-${r.partition}-${r.offset}` : JSON.stringify(key === "key" ? r.key : r.value);
  const processed = new Map<string, string[]>(); // sink → processed records (rowId or dedupe key)
  runFrom(init, run.commands, (trace) => {
    if (!trace.ok) return;
    for (const e of trace.events) {
      if (e.type !== "processed") continue;
      const spec = specs.get(e.client);
      if (!spec) continue;
      const list = processed.get(spec.name) ?? (processed.set(spec.name, []), processed.get(spec.name)!);
      for (const r of e.records) list.push(spec.mode === "insert" ? rowId(r) : dedupe(spec.key, r));
    }
    const sinkNames = new Set([...specs.values()].map((s) => s.name));
    for (const name of sinkNames) {
      const spec = [...specs.values()].find((s) => s.name === name)!;
      const sink = trace.after.sinks[name];
      const rows: SinkRow[] = sink ? toArray(sink.rows) : [];
      const expected = processed.get(name) ?? [];
      if (spec.mode === "insert") {
        check(rows.length === expected.length, () => `${where(trace)}: insert sink ${name} has ${rows.length} rows for ${expected.length} processed records`);
        const got = rows.map(rowId).sort();
        const want = [...expected].sort();
        check(JSON.stringify(got) === JSON.stringify(want), () => `${where(trace)}: insert sink ${name} rows ${JSON.stringify(got)} ≠ processed ${JSON.stringify(want)}`);
      } else {
        const keys = rows.map((r) => dedupe(spec.key, r));
        const dup = keys.find((k, i) => keys.indexOf(k) !== i);
        check(dup === undefined, () => `${where(trace)}: upsert sink ${name} (key ${spec.key}) has two rows for ${dup}`);
        const want = [...new Set(expected)].sort();
        check(JSON.stringify([...keys].sort()) === JSON.stringify(want), () => `${where(trace)}: upsert sink ${name} keys ${JSON.stringify(keys)} ≠ processed keys ${JSON.stringify(want)}`);
      }
    }
  });
}

// ------------------------------------------------------------------------------------------------
// Deep freeze
// ------------------------------------------------------------------------------------------------

/** Freezes `value` and everything reachable from it (already-frozen objects were frozen here, whole). */
function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}

// ------------------------------------------------------------------------------------------------
// Shrunk counterexamples found by these properties, replayed first on every run (fast-check `examples`)
// ------------------------------------------------------------------------------------------------

const consumer = (id: string, config: Record<string, unknown>, subscribe = ["t1", "t2"]) =>
  ({ id, kind: "consumer", subscribe, config: { "enable.auto.commit": false, "auto.offset.reset": "earliest", ...config } }) as ClientSetup;

/**
 * Property 2: the rolling upgrade to cooperative-sticky (kafka-semantics §1.2, §3.6). c1 still has
 * the default list [range, cooperative-sticky] (EAGER), c2 has cooperative-sticky only; the group
 * picks cooperative-sticky. An EAGER member revokes everything before it rejoins, so its
 * Subscription.ownedPartitions is empty, and nothing is withheld for a second rebalance. The engine
 * reports c1's pre-revocation assignment as owned, withholds t2-0 from c2, and nobody ever rejoins:
 * the Stable group leaves t2-0 unconsumed.
 */
const UPGRADE_ORPHAN: SimRun = {
  seed: 1,
  setup: {
    topics: [
      { name: "t1", partitions: 1 },
      { name: "t2", partitions: 1 },
    ],
    clients: [consumer("c1", { "group.id": "g" }), consumer("c2", { "group.id": "g", "partition.assignment.strategy": "cooperative-sticky" })],
  },
  commands: [
    { at: 0, do: "start", client: "c1" },
    { at: 0, do: "poll", client: "c2" },
    { at: 0, do: "poll", client: "c1" },
  ],
};

/**
 * Properties 6 and 9 (found at a48a86d, fixed by eb35bca): the cleaner's look at t = 1000 ran
 * again after the steps at t = 1000 (with their records), so a later step at the same instant
 * cleaned, and a bulk produce differed from the same records sent one step at a time.
 */
const CLEANER_TICK_AFTER_STEP: SimRun = {
  seed: 1,
  setup: {
    topics: [{ name: "t2", partitions: 1, config: { "cleanup.policy": "compact", "segment.bytes": 200, "segment.ms": 1000 } }],
    clients: [
      { id: "p1", kind: "producer" },
      { id: "p2", kind: "producer", config: { "enable.idempotence": false } },
    ],
  },
  commands: [
    { do: "produce", client: "p1", topic: "t2", records: [{ key: "k0", value: null }] },
    { at: 1000, do: "produce", client: "p2", topic: "t2", key: "k0", value: null, ackLost: true },
  ],
};

/** Property 6's record shape (see its arbitrary). */
type BulkCase = {
  seed: number;
  partitions: number;
  segmentBytes: number;
  segmentMs: number;
  compacted: boolean;
  batchSize: number;
  client: string;
  prefix: [number, BulkRecord][];
  gap: number;
  records: BulkRecord[];
};
type BulkRecord = { key: string | null; value: string | null; partition: number | undefined; tsDelta: number | undefined };

const BULK_CLEANER_TICK: BulkCase = {
  seed: 1,
  partitions: 1,
  segmentBytes: 200,
  segmentMs: 1000,
  compacted: true,
  batchSize: 100,
  client: "p1",
  prefix: [[999, { key: null, value: null, partition: undefined, tsDelta: undefined }]],
  gap: 1,
  records: [
    { key: "k0", value: null, partition: undefined, tsDelta: undefined },
    { key: "k0", value: null, partition: undefined, tsDelta: 1001 },
    { key: null, value: null, partition: undefined, tsDelta: undefined },
  ],
};

// ------------------------------------------------------------------------------------------------
// Properties
// ------------------------------------------------------------------------------------------------

const collect = (run: SimRun, state = initialState(run), commands = run.commands, firstIndex = 0) => {
  const trace: { ok: boolean; state: ClusterState; events: SimEvent[] }[] = [];
  const final = runFrom(state, commands, (t) => trace.push({ ok: t.ok, state: t.after, events: t.events }), firstIndex);
  return { final, trace };
};

describe("simulator properties", () => {
  it("1. offsets are dense, never reused or reordered; LEO/LSO never go back; LSO ≤ HW ≤ LEO; segments ordered", () => {
    fc.assert(fc.property(simRunArb(), checkOffsets), { numRuns: RUNS.main });
  }, TIMEOUT);

  it("2. each partition has at most one owner per group and generation; Stable groups assign everything", () => {
    fc.assert(fc.property(simRunArb(), checkGroups), { numRuns: RUNS.main, examples: [[UPGRADE_ORPHAN]] });
  }, TIMEOUT);

  // scenario-contract ("same seed + same steps => identical observation") and step.ts ("pure and
  // deterministic"); runScenario (the runner) must agree with stepping by hand.
  it("3. determinism: the same seed and commands give deep-equal states and events", () => {
    fc.assert(
      fc.property(simRunArb(), (run) => {
        const a = collect(run);
        const b = collect(run);
        expect(b.trace).toStrictEqual(a.trace);
        expect(b.final).toStrictEqual(a.final);
        // The runner over the accepted steps reaches the same state (a refused step changes nothing).
        const accepted = run.commands.filter((_, i) => a.trace[i]!.ok);
        const parsed = parseScenario({ seed: run.seed, ...run.setup, steps: accepted });
        if (!parsed.ok) fail(`scenario rejected: ${parsed.error.path}: ${parsed.error.message}`);
        const ran = runScenario(parsed.value);
        if (!ran.ok) fail(`runner rejected: ${ran.error.path}: ${ran.error.message}`);
        expect(ran.value.state).toStrictEqual(a.final);
      }),
      { numRuns: RUNS.determinism },
    );
  }, TIMEOUT);

  // types.ts: the state is plain JSON data that can be stored and `JSON.parse(JSON.stringify(state))`-resumed exactly.
  it("4. JSON round-trip: a serialised state equals the original and continues identically", () => {
    fc.assert(
      fc.property(simRunArb(), fc.nat(), (run, cutSeed) => {
        const cut = cutSeed % (run.commands.length + 1);
        const mid = runFrom(initialState(run), run.commands.slice(0, cut));
        const copy = JSON.parse(JSON.stringify(mid)) as ClusterState;
        expect(copy).toStrictEqual(mid);
        const rest = run.commands.slice(cut);
        const a = collect(run, mid, rest, cut);
        const b = collect(run, copy, rest, cut);
        expect(b.trace).toStrictEqual(a.trace);
        expect(b.final).toStrictEqual(a.final);
      }),
      { numRuns: RUNS.roundTrip },
    );
  }, TIMEOUT);

  // step.ts / context.ts: `step` never modifies its input state (new states share, never mutate).
  it("5. immutability: step never modifies its input (deep-frozen, and JSON unchanged)", () => {
    fc.assert(
      fc.property(simRunArb(), (run) => {
        let state = initialState(run);
        for (const [i, command] of run.commands.entries()) {
          deepFreeze(state);
          const before = JSON.stringify(state);
          let result;
          try {
            result = step(state, command);
          } catch (e) {
            fail(`step ${i} ${JSON.stringify(command)} threw on a frozen input: ${String(e)}`);
          }
          check(JSON.stringify(state) === before, () => `step ${i} ${JSON.stringify(command)} modified its input state`);
          if (result.ok) state = result.value.state;
        }
      }),
      { numRuns: RUNS.immutability },
    );
  }, TIMEOUT);

  // commands.ts: a bulk `produce` (records) is "exactly as that many `produce` steps at this instant"
  // (keys incl. null, tombstones, explicit and invalid partitions, timestamps, sticky switches after
  // batch.size, acks 0/all, idempotent / not / transactional, segment rolls by bytes and by time;
  // mostly a delete-policy topic, sometimes a compacted one where keyless records are rejected).
  it("6. bulk produce equals single produces at the same instant", () => {
    const recordArb: fc.Arbitrary<BulkRecord> = fc.record({
      key: keyArb,
      value: valueArb,
      partition: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined, freq: 5 }),
      tsDelta: fc.option(fc.integer({ min: -3000, max: 3000 }), { nil: undefined, freq: 5 }),
    });
    const arb: fc.Arbitrary<BulkCase> = fc.record({
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      partitions: fc.integer({ min: 1, max: 4 }),
      segmentBytes: fc.integer({ min: 200, max: 400 }),
      segmentMs: fc.integer({ min: 1000, max: 20000 }),
      compacted: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      batchSize: fc.constantFrom(100, 250, 16384),
      client: fc.constantFrom("p1", "p2", "p3", "tx1"),
      prefix: fc.array(fc.tuple(fc.integer({ min: 0, max: 3000 }), recordArb), { maxLength: 6 }),
      gap: fc.integer({ min: 0, max: 5000 }),
      records: fc.array(recordArb, { minLength: 1, maxLength: 80 }),
    });
    fc.assert(
      fc.property(arb, (r) => {
        const setup: ClusterSetup = {
          topics: [{ name: "t", partitions: r.partitions, config: { "segment.bytes": r.segmentBytes, "segment.ms": r.segmentMs, ...(r.compacted ? { "cleanup.policy": "compact" } : {}) } }],
          clients: [
            { id: "p1", kind: "producer", config: { "batch.size": r.batchSize } },
            { id: "p2", kind: "producer", config: { "enable.idempotence": false, "batch.size": r.batchSize } },
            { id: "p3", kind: "producer", config: { acks: "0", "batch.size": r.batchSize } },
            { id: "tx1", kind: "producer", config: { "transactional.id": "tx-1", "batch.size": r.batchSize } },
          ],
        };
        const rec = (at: number, x: BulkRecord) => ({
          key: x.key,
          value: x.value,
          ...(x.partition !== undefined ? { partition: x.partition } : {}),
          ...(x.tsDelta !== undefined ? { timestamp: Math.max(0, at + x.tsDelta) } : {}),
        });
        const pre: Command[] = r.client === "tx1" ? [{ at: 0, do: "initTransactions", client: "tx1" }, { at: 0, do: "beginTransaction", client: "tx1" }] : [];
        let at = 0;
        for (const [dt, x] of r.prefix) {
          at += dt;
          pre.push({ at, do: "produce", client: r.client, topic: "t", ...rec(at, x) });
        }
        at += r.gap;
        const records = r.records.map((x) => rec(at, x));
        const start = runFrom(initialState({ seed: r.seed, setup }), pre);
        const bulk = step(start, { at, do: "produce", client: r.client, topic: "t", records });
        if (!bulk.ok) fail(`bulk produce refused: ${bulk.error.message}`);
        const singles: SimEvent[] = [];
        const one = runFrom(
          start,
          records.map((x) => ({ at, do: "produce", client: r.client, topic: "t", ...x })),
          (t) => {
            check(t.ok, () => `single produce refused: ${JSON.stringify(t.command)}`);
            singles.push(...t.events);
          },
        );
        expect(bulk.value.state.topics).toStrictEqual(one.topics);
        expect(bulk.value.state.clients[r.client]).toStrictEqual(one.clients[r.client]);
        expect(bulk.value.state).toStrictEqual(one);
        // The batch event reports what the single sends did.
        const batch = bulk.value.events.find((e) => e.type === "produced-batch");
        const produced = singles.filter((e) => e.type === "produced");
        expect(batch && batch.type === "produced-batch" ? { partitions: batch.partitions, offsets: batch.offsets } : null).toStrictEqual({
          partitions: produced.map((e) => (e.type === "produced" ? e.partition : -1)),
          offsets: produced.map((e) => (e.type === "produced" ? e.offset : -1)),
        });
        const errors = (es: SimEvent[]) => es.filter((e) => e.type === "error");
        expect(errors(bulk.value.events)).toStrictEqual(errors(singles));
      }),
      { numRuns: RUNS.bulk, examples: [[BULK_CLEANER_TICK]] },
    );
  }, TIMEOUT);

  it("7. commits never pass the log end offset at commit time; positions are never negative", () => {
    fc.assert(fc.property(simRunArb(), checkCommits), { numRuns: RUNS.main });
  }, TIMEOUT);

  it("8. sinks: upsert never holds two rows per key; insert holds one row per processed record", () => {
    fc.assert(fc.property(simRunArb(), checkSinks), { numRuns: RUNS.main });
  }, TIMEOUT);

  // Extra. scenario-contract "Ordering at one instant": background activity due at or before a
  // step's `at` runs before the step, and the periodic broker tasks run at t = k·interval
  // (log.retention.check.interval.ms, log.cleaner.backoff.ms, offsets.retention.check.interval.ms).
  // So once a step at time T has run, nothing is due at or before T any more: an `advance` to the
  // current time must change nothing and report nothing.
  it("9. an advance to the current time is a no-op (each instant's background work runs once, before its steps)", () => {
    fc.assert(
      fc.property(simRunArb(), (run) => {
        runFrom(initialState(run), run.commands, (t) => {
          if (!t.ok) return;
          const again = step(t.after, { do: "advance", at: t.after.time });
          if (!again.ok) fail(`${where(t)}: advance to now refused: ${again.error.message}`);
          check(again.value.events.length === 0, () => `${where(t)}: advance to t=${t.after.time} (now) did more work: ${JSON.stringify(again.value.events)}`);
          expect(again.value.state).toStrictEqual(t.after);
        });
      }),
      { numRuns: RUNS.main, examples: [[CLEANER_TICK_AFTER_STEP]] },
    );
  }, TIMEOUT);

  it("the setup arbitrary always yields a valid cluster", () => {
    fc.assert(fc.property(setupArb, (s) => void initialState(s)), { numRuns: 100 });
  });
});
