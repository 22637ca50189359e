/**
 * Full scenarios (scenario-contract.md format) for partitioning, the log and its segments,
 * producers, transactions, retention, compaction and sinks. Every expected value is derived from
 * shared/sim/kafka-semantics.md and shared/sim/scenario-contract.md, not from the engine's output.
 * No `cli` steps here.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { e2 as e2Fixture, type SinkJson } from "./fixtures/contract-examples";
import {
  consumerClient,
  consumerOf,
  dataRecords,
  deliveredOffsets,
  kv,
  partitionLog,
  produceSteps,
  producerClient,
  producerOf,
  recordOffsets,
  run,
  tick,
  tryRun,
  type Json,
  type Step,
} from "./helpers/scenario";

const P1 = producerClient("p1");
const EARLIEST = { "auto.offset.reset": "earliest" };

/** A scenario with one producer p1 (plus `clients`) and the given topics and steps. */
function scenario(topics: Json[], steps: Step[], clients: Json[] = [P1], extra: Json = {}): Json {
  return { topics, clients, steps, ...extra };
}

// ------------------------------------------------------------------------------------------------
describe("partitioning", () => {
  // kafka-semantics §3.1 reference mapping, key → partition for N = 2 / 3 / 6.
  const TABLE: Record<string, [number, number, number]> = {
    k1: [1, 2, 5],
    k2: [1, 0, 3],
    k3: [0, 1, 4],
    k4: [0, 1, 4],
    k5: [0, 0, 0],
    k6: [1, 1, 1],
    "user-42": [0, 1, 4],
  };
  const cases = Object.entries(TABLE).flatMap(([key, ps]) => ([2, 3, 6] as const).map((n, i) => [key, n, ps[i]!] as const));

  // kafka-semantics §3.1: partition = (murmur2(utf8(key)) & 0x7fffffff) % N, reference table.
  it.each(cases)("key %s with %i partitions lands in partition %i", (key, n, expected) => {
    const obs = run(scenario([{ name: "t", partitions: n }], produceSteps("p1", "t", [[key, "v"]])));
    for (let p = 0; p < n; p++) {
      expect(kv(obs, "t", p)).toEqual(p === expected ? [[0, key, "v"]] : []);
    }
    expect(producerOf(obs, "p1").acks).toEqual([{ at: 0, topic: "t", partition: expected, offset: 0 }]);
  });

  it("E1: keyed records go where murmur2 sends them, offsets dense per partition", () => {
    // scenario-contract E1.
    const obs = run(
      scenario(
        [{ name: "orders", partitions: 3 }],
        produceSteps("p1", "orders", [["k1", "a"], ["k2", "b"], ["k3", "c"], ["k1", "d"], ["k4", "e"], ["k5", "f"]]),
      ),
    );
    expect(kv(obs, "orders", 0)).toEqual([[0, "k2", "b"], [1, "k5", "f"]]);
    expect(kv(obs, "orders", 1)).toEqual([[0, "k3", "c"], [1, "k4", "e"]]);
    expect(kv(obs, "orders", 2)).toEqual([[0, "k1", "a"], [1, "k1", "d"]]);
    for (let p = 0; p < 3; p++) expect(partitionLog(obs, "orders", p).logEndOffset).toBe(2);
  });

  it("offsets are dense per partition: every partition holds 0..n-1 and LEO = n", () => {
    // kafka-semantics §3.2 "Offsets are per partition, dense at append time"; §3.1 table for N=6.
    const keys = ["k1", "k2", "k3", "k4", "k5", "k6", "user-42"];
    const obs = run(scenario([{ name: "t", partitions: 6 }], produceSteps("p1", "t", [...keys, ...keys].map((k, i) => [k, `v${i}`] as const))));
    // N=6: k5→0, k6→1, k2→3, k3/k4/user-42→4, k1→5 (each key twice).
    const expectedCounts = [2, 2, 0, 2, 6, 2];
    expectedCounts.forEach((n, p) => {
      expect(recordOffsets(obs, "t", p)).toEqual(Array.from({ length: n }, (_, i) => i));
      expect(partitionLog(obs, "t", p).logEndOffset).toBe(n);
    });
  });

  it("keyless records in a small demo all land in one partition (sticky, not round-robin)", () => {
    // kafka-semantics §3.1 / §1.3: sticky until about batch.size (16384) bytes; 12 records of 70 bytes.
    const rows = Array.from({ length: 12 }, (_, i) => [null, `e${i % 10}`] as const);
    const obs = run(scenario([{ name: "t", partitions: 3 }], produceSteps("p1", "t", rows)));
    const counts = [0, 1, 2].map((p) => recordOffsets(obs, "t", p).length);
    expect(counts.filter((c) => c > 0)).toEqual([12]);
    const p = counts.indexOf(12);
    expect(recordOffsets(obs, "t", p)).toEqual(Array.from({ length: 12 }, (_, i) => i));
  });

  it("keyless records stay on one partition until batch.size bytes went to it", () => {
    // kafka-semantics §1.3 batch.size "also the sticky-partition switch threshold (KIP-794)":
    // 70-byte records, batch.size 300: 4 records = 280 < 300, so the first 5 share a partition.
    const rows = Array.from({ length: 5 }, (_, i) => [null, `e${i}`] as const);
    const obs = run(scenario([{ name: "t", partitions: 6 }], produceSteps("p1", "t", rows), [producerClient("p1", { "batch.size": 300 })]));
    const parts = producerOf(obs, "p1").acks.map((a) => a.partition);
    expect(new Set(parts).size).toBe(1);
  });

  it("keyless records switch partition after about batch.size bytes", () => {
    // kafka-semantics §3.1 "switch only after about batch.size bytes": 60 records × 70 bytes with
    // batch.size 300 is 14 switches; every run on one partition except the last is ≥ 300 bytes.
    const rows = Array.from({ length: 60 }, (_, i) => [null, `e${i % 10}`] as const);
    const obs = run(scenario([{ name: "t", partitions: 6 }], produceSteps("p1", "t", rows), [producerClient("p1", { "batch.size": 300 })]));
    const parts = producerOf(obs, "p1").acks.map((a) => a.partition);
    expect(new Set(parts).size).toBeGreaterThan(1);
    const runs: number[] = [];
    parts.forEach((p, i) => (i > 0 && parts[i - 1] === p ? (runs[runs.length - 1]! += 1) : runs.push(1)));
    for (const length of runs.slice(0, -1)) expect(length * 70).toBeGreaterThanOrEqual(300);
  });

  it.each([
    // scenario-contract `produce` partition?: an explicit partition overrides murmur2 (k5 → 0 for N=3).
    ["k5", 2],
    // … and the sticky partitioner for a keyless record.
    [null, 1],
  ])("an explicit partition wins (key %s → partition %i)", (key, partition) => {
    const obs = run(scenario([{ name: "t", partitions: 3 }], produceSteps("p1", "t", [{ key, value: "v", partition }])));
    expect(kv(obs, "t", partition)).toEqual([[0, key, "v"]]);
    expect(producerOf(obs, "p1").acks[0]!.partition).toBe(partition);
  });

  /** 2 partitions; p1 (and p2) know the topic from t=0; alterPartitions to 3 at t=1000; then `key` at `at`. */
  function altered(key: string, at: number, producerConfig?: Json) {
    return run(
      scenario(
        [{ name: "t", partitions: 2 }],
        [
          ...produceSteps("p1", "t", [["k5", "first"]], 0),
          { at: 1000, do: "alterPartitions", topic: "t", partitions: 3 },
          ...produceSteps("p1", "t", [[key, "later"]], at),
        ],
        [producerClient("p1", producerConfig)],
      ),
    );
  }
  const lastAck = (obs: ReturnType<typeof run>) => producerOf(obs, "p1").acks.at(-1)!;

  it.each([
    // scenario-contract precise rules: new partitions are seen by producers after metadata.max.age.ms
    // (300000); before that k1 still goes to partition 1 (§3.1: k1 → 1 of 2).
    ["k1", 2000, 1],
    ["k1", 299000, 1],
    // After the refresh, k1 → 2 of 3 and k2 → 0 of 3 (kafka-semantics §3.1 "adding partitions remaps keys").
    ["k1", 302000, 2],
    ["k2", 302000, 0],
    // k5 → 0 for both N=2 and N=3: it does not move.
    ["k5", 302000, 0],
  ])("after alterPartitions 2→3, key %s sent at t=%i goes to partition %i", (key, at, expected) => {
    const obs = altered(key, at);
    expect(obs.topics.t!.partitions).toBe(3);
    expect(lastAck(obs).partition).toBe(expected);
    expect(kv(obs, "t", expected).at(-1)!.slice(1)).toEqual([key, "later"]);
  });

  it.each([
    // metadata.max.age.ms lowered to 5000 in the producer config (kafka-semantics §1.2/§1.3, contract).
    [4000, 1],
    [7000, 2],
  ])("with metadata.max.age.ms 5000, k1 sent at t=%i after the change goes to partition %i", (at, expected) => {
    const obs = altered("k1", at, { "metadata.max.age.ms": 5000 });
    expect(lastAck(obs).partition).toBe(expected);
  });

  it("a producer whose first send comes after alterPartitions sees the new count at once", () => {
    // kafka-semantics §1.3: the producer fetches metadata for a topic on first use; k1 → 2 of 3.
    const obs = run(
      scenario(
        [{ name: "t", partitions: 2 }],
        [{ at: 1000, do: "alterPartitions", topic: "t", partitions: 3 }, ...produceSteps("p1", "t", [["k1", "v"]], 2000)],
      ),
    );
    expect(kv(obs, "t", 2)).toEqual([[0, "k1", "v"]]);
  });

  it("alterPartitions adds empty partitions and leaves existing data where it is", () => {
    // kafka-semantics §3.1 "There is no data migration"; contract: a new partition has one empty segment at 0.
    const obs = altered("k1", 2000);
    expect(kv(obs, "t", 0)).toEqual([[0, "k5", "first"]]);
    const p2 = partitionLog(obs, "t", 2);
    expect(p2).toMatchObject({ logStartOffset: 0, logEndOffset: 0, highWatermark: 0, segments: [{ baseOffset: 0, sizeBytes: 0 }], records: [] });
  });
});

// ------------------------------------------------------------------------------------------------
describe("log and segments", () => {
  it.each([
    // kafka-semantics §0 byte model: 68 + k + v; "k1"/"v1" is 72 bytes.
    ["k1", "v1", 72],
    // A tombstone (null value) occupies 68 + k.
    ["k1", null, 70],
    ["user-42", "hello", 80],
    // Keyless: 68 + 0 + v.
    [null, "e0", 70],
    // Sizes count UTF-8 bytes: "é" is 2 bytes, "日本" is 6.
    ["k1", "é", 72],
    ["k1", "日本", 76],
    // Largest value for which the whole record body stays ≤ 63 bytes (one-byte length prefix): 68 + 2 + 53.
    ["k1", "x".repeat(53), 123],
  ])("a one-record batch with key %j and value %j is %i bytes", (key, value, bytes) => {
    const obs = run(scenario([{ name: "t", partitions: 1, config: { "cleanup.policy": "delete" } }], produceSteps("p1", "t", [{ key, value }])));
    const log = partitionLog(obs, "t");
    expect(log.segments).toEqual([{ baseOffset: 0, sizeBytes: bytes }]);
    expect(log.records).toEqual([{ offset: 0, key, value, timestamp: 0 }]);
    expect([log.logStartOffset, log.logEndOffset, log.highWatermark, log.lastStableOffset]).toEqual([0, 1, 1, 1]);
  });

  it("a new topic's partitions each have one empty segment at offset 0", () => {
    // scenario-contract "a new partition starts with one empty segment at offset 0".
    const obs = run(scenario([{ name: "t", partitions: 2 }], []));
    for (const p of [0, 1]) {
      expect(partitionLog(obs, "t", p)).toEqual({
        logStartOffset: 0,
        logEndOffset: 0,
        highWatermark: 0,
        lastStableOffset: 0,
        segments: [{ baseOffset: 0, sizeBytes: 0 }],
        records: [],
      });
    }
  });

  it.each([
    // kafka-semantics §1.1 segment.bytes: roll if activeSegment.size > segment.bytes − m (m = 72):
    // 215: third append sees 144 > 143 → roll.
    [215, [{ baseOffset: 0, sizeBytes: 144 }, { baseOffset: 2, sizeBytes: 72 }]],
    // 216: 144 > 144 is false → no roll.
    [216, [{ baseOffset: 0, sizeBytes: 216 }]],
    // 100: 72 > 28 → every record after the first rolls.
    [100, [{ baseOffset: 0, sizeBytes: 72 }, { baseOffset: 1, sizeBytes: 72 }, { baseOffset: 2, sizeBytes: 72 }]],
  ])("segment.bytes %i with three 72-byte records gives segments %j", (segmentBytes, segments) => {
    const obs = run(scenario([{ name: "t", partitions: 1, config: { "segment.bytes": segmentBytes } }], produceSteps("p1", "t", [["k1", "v1"], ["k1", "v1"], ["k1", "v1"]])));
    expect(partitionLog(obs, "t").segments).toEqual(segments);
    expect(partitionLog(obs, "t").logEndOffset).toBe(3);
  });

  it("segment.bytes smaller than one batch: each record gets its own segment, no empty duplicate", () => {
    // kafka-semantics §1.1 segment.bytes (3.x minimum 14; roll if activeSegment.size > segment.bytes − m) and
    // contract "segments lists every segment": with segment.bytes 50 and 72-byte batches the first append goes
    // into the initial empty segment at 0 (Kafka replaces an empty active segment rolled at the same offset),
    // every later one rolls (72 > −22).
    const obs = run(scenario([{ name: "t", partitions: 1, config: { "segment.bytes": 50 } }], produceSteps("p1", "t", [["k1", "v1"], ["k1", "v1"], ["k1", "v1"]])));
    expect(partitionLog(obs, "t").segments).toEqual([
      { baseOffset: 0, sizeBytes: 72 },
      { baseOffset: 1, sizeBytes: 72 },
      { baseOffset: 2, sizeBytes: 72 },
    ]);
  });

  it.each([
    // kafka-semantics §1.1 segment.ms: roll iff newBatch.ts − firstBatchTs > segment.ms (strict).
    [1000, [{ baseOffset: 0, sizeBytes: 144 }]],
    [1001, [{ baseOffset: 0, sizeBytes: 72 }, { baseOffset: 1, sizeBytes: 72 }]],
  ])("segment.ms 1000: a second record at t=%i gives segments %j", (at, segments) => {
    const obs = run(scenario([{ name: "t", partitions: 1, config: { "segment.ms": 1000 } }], produceSteps("p1", "t", [{ key: "k1", value: "v1", at: 0 }, { key: "k1", value: "v1", at }])));
    expect(partitionLog(obs, "t").segments).toEqual(segments);
  });

  it("segment.ms compares record timestamps, not the clock", () => {
    // kafka-semantics §1.1: newBatch.maxTimestamp − firstBatchTimestampOfActiveSegment; both sent at clock 0.
    const obs = run(scenario([{ name: "t", partitions: 1, config: { "segment.ms": 1000 } }], produceSteps("p1", "t", [{ key: "k1", value: "v1" }, { key: "k1", value: "v1", timestamp: 5000 }])));
    expect(partitionLog(obs, "t").segments).toEqual([{ baseOffset: 0, sizeBytes: 72 }, { baseOffset: 1, sizeBytes: 72 }]);
    expect(dataRecords(obs, "t").map((r) => r.timestamp)).toEqual([0, 5000]);
  });

  it("a future timestamp in the active segment suppresses time-based rolling", () => {
    // kafka-semantics §3.3 consequence 3: "It also suppresses time-based rolling of that segment, since roll
    // uses new batch ts − first batch ts" (5000 − 1000000 is not > 1000).
    const obs = run(
      scenario(
        [{ name: "t", partitions: 1, config: { "segment.ms": 1000 } }],
        [...produceSteps("p1", "t", [{ key: "k1", value: "v1", timestamp: 1000000 }]), ...produceSteps("p1", "t", [["k1", "v1"]], 5000), ...produceSteps("p1", "t", [["k1", "v1"]], 9000)],
      ),
    );
    expect(partitionLog(obs, "t").segments).toEqual([{ baseOffset: 0, sizeBytes: 216 }]);
  });

  it("segment.ms never rolls in the background: only the next append rolls", () => {
    // kafka-semantics §1.1 segment.ms "There is no background roll"; §3.3 consequence 2 "Rolls otherwise happen only on append".
    const base = [{ name: "t", partitions: 1, config: { "segment.ms": 1000 } }];
    const idle = run(scenario(base, [...produceSteps("p1", "t", [["k1", "v1"]]), tick(50000, "t")]));
    expect(partitionLog(idle, "t").segments).toEqual([{ baseOffset: 0, sizeBytes: 72 }]);
    const appended = run(scenario(base, [...produceSteps("p1", "t", [["k1", "v1"]]), ...produceSteps("p1", "t", [["k1", "v1"]], 50000)]));
    expect(partitionLog(appended, "t").segments).toEqual([{ baseOffset: 0, sizeBytes: 72 }, { baseOffset: 1, sizeBytes: 72 }]);
  });

  it("a compacted topic rolls on min(segment.ms, max.compaction.lag.ms)", () => {
    // kafka-semantics §1.1 segment.ms: for compacted topics the effective value is min(segment.ms, max.compaction.lag.ms).
    const obs = run(
      scenario(
        [{ name: "t", partitions: 1, config: { "cleanup.policy": "compact", "max.compaction.lag.ms": 1000 } }],
        produceSteps("p1", "t", [{ key: "k1", value: "v1", at: 0 }, { key: "k2", value: "v2", at: 1001 }]),
      ),
    );
    expect(partitionLog(obs, "t").segments.map((s) => s.baseOffset)).toEqual([0, 1]);
  });

  it("HW = LEO after every acknowledged append (one broker, RF 1)", () => {
    // kafka-semantics §0 "HW = LEO right after every acknowledged append".
    const obs = run(scenario([{ name: "t", partitions: 1 }], produceSteps("p1", "t", [["a", "1"], ["b", "2"], ["c", "3"], ["d", "4"]])));
    const log = partitionLog(obs, "t");
    expect([log.logStartOffset, log.logEndOffset, log.highWatermark, log.lastStableOffset]).toEqual([0, 4, 4, 4]);
    expect(producerOf(obs, "p1").acks.map((a) => a.offset)).toEqual([0, 1, 2, 3]);
  });
});

// ------------------------------------------------------------------------------------------------
describe("producers", () => {
  const T1 = [{ name: "t", partitions: 1 }];

  it("acks=0: the record is appended but the ack carries offset -1", () => {
    // brief / scenario-contract observation: with acks=0 the producer learns no offset (-1).
    const obs = run(scenario(T1, produceSteps("p1", "t", [["k1", "v1"], ["k1", "v2"]]), [producerClient("p1", { acks: 0 })]));
    expect(producerOf(obs, "p1").acks).toEqual([
      { at: 0, topic: "t", partition: 0, offset: -1 },
      { at: 0, topic: "t", partition: 0, offset: -1 },
    ]);
    expect(kv(obs, "t")).toEqual([[0, "k1", "v1"], [1, "k1", "v2"]]);
  });

  it("acks=1 acknowledges with the record's offset", () => {
    // kafka-semantics §1.3 acks; an acks=1 producer is valid (idempotence silently off).
    const obs = run(scenario(T1, produceSteps("p1", "t", [["k1", "v1"], ["k1", "v2"]]), [producerClient("p1", { acks: "1" })]));
    expect(producerOf(obs, "p1").acks.map((a) => a.offset)).toEqual([0, 1]);
    expect(producerOf(obs, "p1").errors).toEqual([]);
  });

  it.each([
    // kafka-semantics §3.8 "Without idempotence a retry after a lost acknowledgement writes a duplicate";
    // contract: the producer's acks lists the retry's offset.
    ["enable.idempotence=false", { "enable.idempotence": false }],
    // kafka-semantics §1.3: idempotence requires acks=all; acks=1 without asking for it silently disables it.
    ["acks=1 (idempotence silently off)", { acks: 1 }],
  ])("ackLost with %s writes a duplicate; the ack is the retry's", (_name, config) => {
    const obs = run(
      scenario(T1, [...produceSteps("p1", "t", [{ key: "k1", value: "a", ackLost: true }]), ...produceSteps("p1", "t", [["k2", "b"]], 10)], [producerClient("p1", config)]),
    );
    expect(kv(obs, "t")).toEqual([[0, "k1", "a"], [1, "k1", "a"], [2, "k2", "b"]]);
    expect(producerOf(obs, "p1").acks).toEqual([
      { at: 0, topic: "t", partition: 0, offset: 1 },
      { at: 10, topic: "t", partition: 0, offset: 2 },
    ]);
  });

  it("ackLost with the default idempotent producer writes no duplicate", () => {
    // kafka-semantics §1.3 enable.idempotence default true; §3.8 the broker deduplicates retries.
    const obs = run(scenario(T1, [...produceSteps("p1", "t", [{ key: "k1", value: "a", ackLost: true }]), ...produceSteps("p1", "t", [["k2", "b"]], 10)]));
    expect(kv(obs, "t")).toEqual([[0, "k1", "a"], [1, "k2", "b"]]);
    expect(producerOf(obs, "p1").acks.map((a) => a.offset)).toEqual([0, 1]);
    expect(partitionLog(obs, "t").logEndOffset).toBe(2);
  });

  it.each([
    // kafka-semantics §1.3 "If it is explicitly enabled with conflicting configs, a ConfigException is thrown";
    // contract: an invalid scenario, one line naming the JSON path.
    [{ "enable.idempotence": true, acks: 1 }],
    [{ "enable.idempotence": true, acks: "1" }],
    [{ "enable.idempotence": true, acks: 0 }],
  ])("producer config %j is an invalid scenario naming the config", (config) => {
    const result = tryRun(scenario(T1, produceSteps("p1", "t", [["k1", "v1"]]), [producerClient("p1", config)]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.line).toMatch(/^clients\[0\]\.config/);
    expect(result.line).toMatch(/acks|enable\.idempotence/);
    expect(result.line.split("\n")).toHaveLength(1);
  });

  it.each([
    // kafka-semantics §1.3: idempotence with acks=all (or its synonym -1) is valid.
    [{ "enable.idempotence": true, acks: "all" }],
    [{ "enable.idempotence": true, acks: "-1" }],
    // Transactions need idempotence, which is on by default with acks=all.
    [{ "transactional.id": "tx-1" }],
  ])("producer config %j is valid", (config) => {
    const result = tryRun(scenario(T1, [], [producerClient("p1", config)]));
    expect(result.ok).toBe(true);
  });

  it("the runner exits 2 with one stderr line and no stdout for enable.idempotence=true + acks=1", () => {
    // scenario-contract "Exit codes": 2 the scenario itself is invalid, one clear line naming the JSON path.
    const input = JSON.stringify(scenario(T1, [], [producerClient("p1", { "enable.idempotence": true, acks: "1" })]));
    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/sim.ts", "-"], { input, encoding: "utf8", cwd: process.cwd() });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^clients\[0\]\.config.*(acks|enable\.idempotence)/);
  }, 30_000);

  it.each([
    // kafka-semantics §3.5 "Keyless records": INVALID_RECORD, "Compacted topic cannot accept message without key in topic partition <tp>".
    ["compact"],
    // cleanup.policy with both: the topic is still compacted (§1.1).
    ["compact,delete"],
  ])("a keyless record to a %s topic is rejected with InvalidRecordException and nothing is appended", (policy) => {
    const obs = run(scenario([{ name: "t", partitions: 1, config: { "cleanup.policy": policy } }], produceSteps("p1", "t", [[null, "v"]], 5)));
    const p1 = producerOf(obs, "p1");
    expect(p1.errors).toHaveLength(1);
    expect(p1.errors[0]!.type).toBe("InvalidRecordException");
    expect(p1.errors[0]!.at).toBe(5);
    expect(p1.errors[0]!.message).toMatch(/^Compacted topic cannot accept message without key in topic partition t-0\.?$/);
    expect(p1.acks).toEqual([]);
    expect(partitionLog(obs, "t")).toMatchObject({ logEndOffset: 0, records: [], segments: [{ baseOffset: 0, sizeBytes: 0 }] });
  });

  it("a keyed tombstone to a compacted topic is accepted (value null)", () => {
    // kafka-semantics §0 (tombstone = null value, 68 + k bytes) and §3.5 (only keyless records are rejected).
    const obs = run(scenario([{ name: "t", partitions: 1, config: { "cleanup.policy": "compact" } }], produceSteps("p1", "t", [["k1", null]])));
    expect(partitionLog(obs, "t").records).toEqual([{ offset: 0, key: "k1", value: null, timestamp: 0 }]);
    expect(producerOf(obs, "p1").errors).toEqual([]);
  });

  it("producing to an unknown topic auto-creates it with 1 partition", () => {
    // kafka-semantics §1.1 broker configs auto.create.topics.enable=true, num.partitions=1.
    const obs = run(scenario([], produceSteps("p1", "fresh", [["k1", "v1"], ["k2", "v2"]], 3)));
    expect(obs.topics.fresh).toMatchObject({ partitions: 1, config: {} });
    expect(kv(obs, "fresh")).toEqual([[0, "k1", "v1"], [1, "k2", "v2"]]);
    expect(producerOf(obs, "p1").acks).toEqual([
      { at: 3, topic: "fresh", partition: 0, offset: 0 },
      { at: 3, topic: "fresh", partition: 0, offset: 1 },
    ]);
  });
});

// ------------------------------------------------------------------------------------------------
describe("transactions", () => {
  const TX = producerClient("tx", { "transactional.id": "tx-1" });
  const RC = consumerClient("rc", "g-rc", ["t"], { ...EARLIEST, "isolation.level": "read_committed" });
  const RU = consumerClient("ru", "g-ru", ["t"], { ...EARLIEST, "isolation.level": "read_uncommitted" });
  const T1 = [{ name: "t", partitions: 1 }];
  const call = (at: number, what: string, client = "tx"): Step => ({ at, do: what, client });
  const txn = (at: number, rows: [string, string][], end: "commitTransaction" | "abortTransaction" | null, client = "tx"): Step[] => [
    call(at, "beginTransaction", client),
    ...produceSteps(client, "t", rows, at),
    ...(end ? [call(at, end, client)] : []),
  ];

  it.each([
    // kafka-semantics §3.8: each commit or abort appends a control record that takes an offset;
    // contract: markers are listed as { offset, control }.
    ["commitTransaction", "COMMIT"],
    ["abortTransaction", "ABORT"],
  ])("%s writes a %s marker that takes an offset", (end, control) => {
    const obs = run(scenario(T1, [call(0, "initTransactions"), ...txn(0, [["k1", "a"], ["k2", "b"]], end as "commitTransaction")], [TX]));
    const log = partitionLog(obs, "t");
    expect(log.records).toEqual([
      { offset: 0, key: "k1", value: "a", timestamp: 0 },
      { offset: 1, key: "k2", value: "b", timestamp: 0 },
      { offset: 2, control },
    ]);
    expect([log.logEndOffset, log.highWatermark, log.lastStableOffset]).toEqual([3, 3, 3]);
    expect(producerOf(obs, "tx").acks.map((a) => a.offset)).toEqual([0, 1]);
  });

  /** x@0 from a plain producer, then an open transaction a@1, b@2, then y@3 from the plain producer. */
  const openTxn: Step[] = [
    ...produceSteps("p1", "t", [["x", "x"]], 0),
    call(0, "initTransactions"),
    ...txn(0, [["k1", "a"], ["k2", "b"]], null),
    ...produceSteps("p1", "t", [["y", "y"]], 5),
  ];

  it("an open transaction holds the last stable offset at its first offset", () => {
    // kafka-semantics §3.8 Last Stable Offset = first offset of the oldest open transaction; §3.2 HW.
    const obs = run(scenario(T1, openTxn, [P1, TX]));
    const log = partitionLog(obs, "t");
    expect([log.logEndOffset, log.highWatermark, log.lastStableOffset]).toEqual([4, 4, 1]);
  });

  it("a read_committed consumer stops at the last stable offset while a transaction is open", () => {
    // kafka-semantics §3.8 "read_committed … cannot read past the Last Stable Offset"; contract "poll returns … below the LSO".
    const obs = run(scenario(T1, [...openTxn, call(10, "start", "rc"), call(100, "poll", "rc")], [P1, TX, RC]));
    expect(deliveredOffsets(obs, "rc")).toEqual([0]);
    expect(consumerOf(obs, "rc").position).toEqual({ "t-0": 1 });
  });

  it("read_committed with auto.offset.reset=latest starts at the last stable offset, not the HW", () => {
    // kafka-semantics §1.2 auto.offset.reset "latest = high watermark (or LSO with read_committed)"; §3.4.
    const rcLatest = consumerClient("rc", "g-rc", ["t"], { "auto.offset.reset": "latest", "isolation.level": "read_committed" });
    const obs = run(scenario(T1, [...openTxn, call(10, "start", "rc"), call(100, "poll", "rc"), call(200, "commitTransaction"), call(300, "poll", "rc")], [P1, TX, rcLatest]));
    // Position 1 after the first poll (LSO), so after the commit a@1, b@2, y@3 are delivered.
    expect(deliveredOffsets(obs, "rc")).toEqual([1, 2, 3]);
    expect(consumerOf(obs, "rc").position).toEqual({ "t-0": 5 });
  });

  it("a read_uncommitted consumer reads the open transaction's records (up to the HW)", () => {
    // kafka-semantics §3.2 "Consumers see data only below the HW"; §3.8 read_uncommitted.
    const obs = run(scenario(T1, [...openTxn, call(10, "start", "ru"), call(100, "poll", "ru")], [P1, TX, RU]));
    expect(deliveredOffsets(obs, "ru")).toEqual([0, 1, 2, 3]);
    expect(consumerOf(obs, "ru").position).toEqual({ "t-0": 4 });
  });

  it("after the commit the read_committed consumer reads the rest and moves past the marker", () => {
    // kafka-semantics §3.8: position moves past markers (position := nextFetchOffset); COMMIT marker at 4.
    const obs = run(scenario(T1, [...openTxn, call(10, "start", "rc"), call(100, "poll", "rc"), call(200, "commitTransaction"), call(300, "poll", "rc")], [P1, TX, RC]));
    expect(partitionLog(obs, "t").records.at(-1)).toEqual({ offset: 4, control: "COMMIT" });
    expect(deliveredOffsets(obs, "rc")).toEqual([0, 1, 2, 3]);
    expect(consumerOf(obs, "rc").position).toEqual({ "t-0": 5 });
    expect(partitionLog(obs, "t").lastStableOffset).toBe(5);
  });

  /** a@0 b@1 aborted (ABORT@2), c@3 committed (COMMIT@4). */
  const abortedThenCommitted: Step[] = [call(0, "initTransactions"), ...txn(0, [["k1", "a"], ["k2", "b"]], "abortTransaction"), ...txn(10, [["k3", "c"]], "commitTransaction")];

  it("the log lists aborted records and both markers", () => {
    // kafka-semantics §3.8 markers take offsets; contract `records` holds what is in the log.
    const obs = run(scenario(T1, abortedThenCommitted, [TX]));
    expect(partitionLog(obs, "t").records).toEqual([
      { offset: 0, key: "k1", value: "a", timestamp: 0 },
      { offset: 1, key: "k2", value: "b", timestamp: 0 },
      { offset: 2, control: "ABORT" },
      { offset: 3, key: "k3", value: "c", timestamp: 10 },
      { offset: 4, control: "COMMIT" },
    ]);
  });

  it.each([
    // kafka-semantics §3.8: read_committed sees neither aborted records nor markers.
    ["rc", [3]],
    // read_uncommitted does see aborted records but never markers.
    ["ru", [0, 1, 3]],
  ])("consumer %s delivers offsets %j and ends past the last marker", (id, offsets) => {
    const obs = run(scenario(T1, [...abortedThenCommitted, call(20, "start", id), call(100, "poll", id)], [TX, RC, RU]));
    expect(deliveredOffsets(obs, id)).toEqual(offsets);
    expect(consumerOf(obs, id).position).toEqual({ "t-0": 5 });
  });

  it("commitSync after reading a committed transaction commits the offset past the marker", () => {
    // kafka-semantics §3.8 position past markers; §3.2 commitSync() commits the current positions ("phantom lag").
    const obs = run(
      scenario(T1, [call(0, "initTransactions"), ...txn(0, [["k1", "a"]], "commitTransaction"), call(10, "start", "rc"), call(100, "poll", "rc"), call(100, "commit", "rc")], [TX, RC]),
    );
    expect(deliveredOffsets(obs, "rc")).toEqual([0]);
    expect(obs.groups["g-rc"]!.committed).toEqual({ "t-0": 2 });
  });

  const TX_A = producerClient("txA", { "transactional.id": "shared" });
  const TX_B = producerClient("txB", { "transactional.id": "shared" });
  /** txA opens a transaction with a@0; txB initTransactions with the same id at t=10. */
  const fenced: Step[] = [call(0, "initTransactions", "txA"), ...txn(0, [["k1", "a"]], null, "txA"), call(10, "initTransactions", "txB")];

  it("initTransactions by a second producer with the same transactional.id aborts the first one's open transaction", () => {
    // scenario-contract `initTransactions` "fences and aborts an earlier open transaction"; kafka-semantics §3.8.
    const obs = run(scenario(T1, fenced, [TX_A, TX_B]));
    expect(partitionLog(obs, "t").records).toEqual([{ offset: 0, key: "k1", value: "a", timestamp: 0 }, { offset: 1, control: "ABORT" }]);
    expect(partitionLog(obs, "t").lastStableOffset).toBe(2);
  });

  it.each([
    // scenario-contract `initTransactions` fences the earlier instance: its next send fails with ProducerFencedException.
    ["a send", produceSteps("txA", "t", [["k2", "b"]], 20)],
    // … and so does its commitTransaction (no COMMIT marker is written).
    ["commitTransaction", [call(20, "commitTransaction", "txA")]],
  ])("the fenced producer's next call (%s) gets ProducerFencedException and appends nothing", (_name, steps) => {
    const obs = run(scenario(T1, [...fenced, ...steps], [TX_A, TX_B]));
    expect(producerOf(obs, "txA").errors.map((e) => [e.at, e.type])).toEqual([[20, "ProducerFencedException"]]);
    expect(partitionLog(obs, "t").logEndOffset).toBe(2);
    expect(recordOffsets(obs, "t")).toEqual([0, 1]);
  });

  it("the new producer's transactions work after fencing; read_committed sees only them", () => {
    // kafka-semantics §3.8 read_committed skips the aborted a@0; txB commits c@2 (COMMIT@3).
    const obs = run(scenario(T1, [...fenced, ...txn(20, [["k3", "c"]], "commitTransaction", "txB"), call(30, "start", "rc"), call(100, "poll", "rc")], [TX_A, TX_B, RC]));
    expect(partitionLog(obs, "t").records.slice(2)).toEqual([{ offset: 2, key: "k3", value: "c", timestamp: 20 }, { offset: 3, control: "COMMIT" }]);
    expect(consumerOf(obs, "rc").delivered.map((r) => [r.offset, r.value])).toEqual([[2, "c"]]);
    expect(producerOf(obs, "txB").errors).toEqual([]);
  });

  it("a transaction over two partitions writes a marker into each of them", () => {
    // kafka-semantics §3.8: the commit appends a marker to every partition of the transaction; k1 → 1, k3 → 0 of 2 (§3.1).
    const obs = run(scenario([{ name: "t", partitions: 2 }], [call(0, "initTransactions"), ...txn(0, [["k1", "a"], ["k3", "b"]], "commitTransaction")], [TX]));
    expect(partitionLog(obs, "t", 0).records).toEqual([{ offset: 0, key: "k3", value: "b", timestamp: 0 }, { offset: 1, control: "COMMIT" }]);
    expect(partitionLog(obs, "t", 1).records).toEqual([{ offset: 0, key: "k1", value: "a", timestamp: 0 }, { offset: 1, control: "COMMIT" }]);
  });

  const TXA = producerClient("txA", { "transactional.id": "A" });
  const TXB = producerClient("txB", { "transactional.id": "B" });
  /** txA a@0 and txB b@1 interleaved; then txA ends with `endA` (marker @2); txB still open. */
  const twoOpen = (endA: "commitTransaction" | "abortTransaction"): Step[] => [
    call(0, "initTransactions", "txA"),
    call(0, "initTransactions", "txB"),
    call(0, "beginTransaction", "txA"),
    call(0, "beginTransaction", "txB"),
    ...produceSteps("txA", "t", [["k1", "a"]]),
    ...produceSteps("txB", "t", [["k2", "b"]]),
    call(10, endA, "txA"),
  ];

  it("the last stable offset is the first offset of the oldest transaction still open", () => {
    // kafka-semantics §3.8 LSO = first offset of the oldest open transaction: txA ended, txB (b@1) still open.
    const obs = run(scenario(T1, twoOpen("commitTransaction"), [TXA, TXB]));
    expect(partitionLog(obs, "t")).toMatchObject({ logEndOffset: 3, highWatermark: 3, lastStableOffset: 1 });
  });

  it.each([
    // kafka-semantics §3.8: read_committed filters the aborted records of txA only, and sees txB's committed b@1.
    ["rc", [1]],
    // read_uncommitted sees both, never the markers.
    ["ru", [0, 1]],
  ])("interleaved transactions, A aborted and B committed: consumer %s delivers %j", (id, offsets) => {
    const obs = run(scenario(T1, [...twoOpen("abortTransaction"), call(20, "commitTransaction", "txB"), call(30, "start", id), call(100, "poll", id)], [TXA, TXB, RC, RU]));
    expect(partitionLog(obs, "t").records.filter((r) => "control" in r)).toEqual([{ offset: 2, control: "ABORT" }, { offset: 3, control: "COMMIT" }]);
    expect(deliveredOffsets(obs, id)).toEqual(offsets);
    expect(consumerOf(obs, id).position).toEqual({ "t-0": 4 });
  });

  it("initTransactions by a second instance writes no marker when no transaction is open", () => {
    // scenario-contract `initTransactions` aborts only an *open* transaction.
    const obs = run(scenario(T1, [call(0, "initTransactions", "txA"), ...txn(0, [["k1", "a"]], "commitTransaction", "txA"), call(10, "initTransactions", "txB")], [TX_A, TX_B]));
    expect(partitionLog(obs, "t").records).toEqual([{ offset: 0, key: "k1", value: "a", timestamp: 0 }, { offset: 1, control: "COMMIT" }]);
    expect(producerOf(obs, "txB").errors).toEqual([]);
  });

  /** A consume-transform-produce step: offsets for group g sent inside the transaction, then `end`. */
  const withOffsets = (end: Step[]): Step[] => [
    call(0, "initTransactions"),
    call(0, "beginTransaction"),
    ...produceSteps("tx", "out", [["k1", "a"]], 0),
    { at: 0, do: "sendOffsetsToTransaction", client: "tx", group: "g", offsets: { "in-0": 5 } },
    ...end,
  ];
  const TOPICS_IO = [{ name: "in", partitions: 1 }, { name: "out", partitions: 1 }];

  it.each([
    // kafka-semantics §3.8 exactly-once: offsets sent with sendOffsetsToTransaction reach the group on commit.
    ["commitTransaction", [call(10, "commitTransaction")], 5],
    // … not on abort,
    ["abortTransaction", [call(10, "abortTransaction")], undefined],
    // … and not while the transaction is still open.
    ["nothing (still open)", [tick(10, "in")], undefined],
  ])("sendOffsetsToTransaction then %s: committed offset of in-0 is %j", (_name, end, expected) => {
    const obs = run(scenario(TOPICS_IO, withOffsets(end), [TX]));
    expect(obs.groups.g?.committed?.["in-0"]).toBe(expected);
  });

  /** transaction.timeout.ms 5000, transaction opened with a@0 at t=0, observed at `at`. */
  const timedOut = (at: number) =>
    run(
      scenario(T1, [call(0, "initTransactions"), ...txn(0, [["k1", "a"]], null), call(at - 100, "start", "rc"), call(at, "poll", "rc")], [producerClient("tx", { "transaction.timeout.ms": 5000, "transactional.id": "tx-1" }), RC]),
    );

  it("before transaction.timeout.ms the transaction is still open", () => {
    // kafka-semantics §1.3 transaction.timeout.ms; §3.8 LSO at the open transaction's first offset.
    const obs = timedOut(4000);
    expect(partitionLog(obs, "t").records).toEqual([{ offset: 0, key: "k1", value: "a", timestamp: 0 }]);
    expect(partitionLog(obs, "t").lastStableOffset).toBe(0);
  });

  it("a transaction open longer than transaction.timeout.ms is aborted by the coordinator", () => {
    // scenario-contract background activity "transaction timeouts"; kafka-semantics §1.3 transaction.timeout.ms.
    // Observed at 20000 to leave room for the coordinator's periodic check.
    const obs = timedOut(20000);
    expect(partitionLog(obs, "t").records).toEqual([{ offset: 0, key: "k1", value: "a", timestamp: 0 }, { offset: 1, control: "ABORT" }]);
    expect(partitionLog(obs, "t").lastStableOffset).toBe(2);
    expect(deliveredOffsets(obs, "rc")).toEqual([]);
    expect(consumerOf(obs, "rc").position).toEqual({ "t-0": 2 });
  });

  it.each([
    // A transactional producer must call initTransactions before sending: IllegalStateException, nothing appended.
    ["before initTransactions", [] as Step[]],
    // After initTransactions but outside a transaction (no beginTransaction): IllegalStateException.
    ["outside a transaction", [call(0, "initTransactions")]],
  ])("a send %s is an IllegalStateException", (_name, before) => {
    const obs = run(scenario(T1, [...before, ...produceSteps("tx", "t", [["k1", "a"]], 5)], [TX]));
    expect(producerOf(obs, "tx").errors.map((e) => [e.at, e.type])).toEqual([[5, "IllegalStateException"]]);
    expect(producerOf(obs, "tx").acks).toEqual([]);
    expect(partitionLog(obs, "t").logEndOffset).toBe(0);
  });
});

// ------------------------------------------------------------------------------------------------
describe("retention", () => {
  /** scenario-contract E4: e0..e5 at 0, 5000, 10000, 25000, 30000, 46000; retention.ms 60000, segment.ms 20000. */
  const E4_TOPIC = [{ name: "events", partitions: 1, config: { "retention.ms": 60000, "segment.ms": 20000 } }];
  const E4_STEPS = [0, 5000, 10000, 25000, 30000, 46000].flatMap((at, i) => produceSteps("p1", "events", [[null, `e${i}`]], at));
  const e4At = (at: number, more: Step[] = []) => run(scenario(E4_TOPIC, [...E4_STEPS, tick(at, "events"), ...more]));

  it("E4 rolls segments [0-2], [3-4], [5]", () => {
    // scenario-contract E4; kafka-semantics §1.1 segment.ms (25000 − 0 > 20000, 46000 − 25000 > 20000).
    const obs = e4At(46000);
    // scenario-contract Observation: config holds the topic's overrides only, as strings.
    expect(obs.topics.events!.config).toEqual({ "retention.ms": "60000", "segment.ms": "20000" });
    expect(partitionLog(obs, "events").segments).toEqual([
      { baseOffset: 0, sizeBytes: 210 },
      { baseOffset: 3, sizeBytes: 140 },
      { baseOffset: 5, sizeBytes: 70 },
    ]);
  });

  it.each([
    // scenario-contract E4: at 65000 the first segment's newest record is only 55 s old; e0 (65 s) still readable.
    [65000, 0, [0, 1, 2, 3, 4, 5], [0, 3, 5]],
    // kafka-semantics §1.1 retention.ms strict >: at 70000 the newest record (10000) is exactly 60000 old.
    [70000, 0, [0, 1, 2, 3, 4, 5], [0, 3, 5]],
    // E4: at 71000 the first segment is gone.
    [71000, 3, [3, 4, 5], [3, 5]],
    // Segment [3-4] (newest 30000) goes at the first check after 90000.
    [91000, 5, [5], [5]],
  ])("E4 at t=%i: log start offset %i, records %j", (at, lso, offsets, bases) => {
    const obs = e4At(at);
    const log = partitionLog(obs, "events");
    expect(log.logStartOffset).toBe(lso);
    expect(recordOffsets(obs, "events")).toEqual(offsets);
    expect(log.segments.map((s) => s.baseOffset)).toEqual(bases);
    expect(log.logEndOffset).toBe(6);
  });

  it("E4 at t=107000: the expired active segment is rolled and deleted; the partition is empty at 6", () => {
    // scenario-contract E4; kafka-semantics §3.3 consequence 2 (time retention rolls and deletes the active segment).
    const obs = e4At(107000);
    expect(partitionLog(obs, "events")).toEqual({
      logStartOffset: 6,
      logEndOffset: 6,
      highWatermark: 6,
      lastStableOffset: 6,
      segments: [{ baseOffset: 6, sizeBytes: 0 }],
      records: [],
    });
  });

  it("E4: a record produced at t=110000 gets offset 6, not 0", () => {
    // scenario-contract E4; kafka-semantics §3.2 offsets are never reused.
    const obs = e4At(107000, produceSteps("p1", "events", [["k", "e6"]], 110000));
    expect(producerOf(obs, "p1").acks.at(-1)).toEqual({ at: 110000, topic: "events", partition: 0, offset: 6 });
    expect(partitionLog(obs, "events").records).toEqual([{ offset: 6, key: "k", value: "e6", timestamp: 110000 }]);
    expect(partitionLog(obs, "events").logStartOffset).toBe(6);
  });

  /** One record at t=500, retention.ms 1000: expired from t > 1500. */
  const expiring = (at: number, broker?: Json, extraSteps: Step[] = []) =>
    run(scenario([{ name: "t", partitions: 1, config: { "retention.ms": 1000 } }], [...produceSteps("p1", "t", [["k1", "v1"]], 500), ...extraSteps, tick(at, "t")], [P1], broker ? { broker } : {}));

  it.each([
    // scenario-contract: retention checks run only at t = k · log.retention.check.interval.ms (1000):
    // the record expired after 1500 but no check runs before 2000.
    [1999, undefined, 0, 1],
    [2000, undefined, 1, 0],
    // With an interval of 5000 the first check that sees it expired is at 5000.
    [4999, { "log.retention.check.interval.ms": 5000 }, 0, 1],
    [5000, { "log.retention.check.interval.ms": 5000 }, 1, 0],
  ])("observed at t=%i (broker %j): log start offset %i, %i record(s)", (at, broker, lso, count) => {
    const obs = expiring(at, broker);
    expect(partitionLog(obs, "t").logStartOffset).toBe(lso);
    expect(partitionLog(obs, "t").records).toHaveLength(count);
    expect(partitionLog(obs, "t").logEndOffset).toBe(1);
  });

  it("a retention check due at a step's time runs before the step", () => {
    // scenario-contract precise rules "background activity due at or before a step's at runs before the step":
    // the check at 2000 deletes the expired k1@0 (rolling an empty segment at 1) before k2 is appended at 2000.
    const obs = run(scenario([{ name: "t", partitions: 1, config: { "retention.ms": 1000 } }], [...produceSteps("p1", "t", [["k1", "v1"]], 0), ...produceSteps("p1", "t", [["k2", "v2"]], 2000)]));
    expect(partitionLog(obs, "t")).toMatchObject({ logStartOffset: 1, logEndOffset: 2, segments: [{ baseOffset: 1, sizeBytes: 72 }] });
    expect(kv(obs, "t")).toEqual([[1, "k2", "v2"]]);
  });

  it("retention.ms -1 means no time limit", () => {
    // kafka-semantics §1.1 retention.ms "-1 means no time limit".
    const obs = run(scenario([{ name: "t", partitions: 1, config: { "retention.ms": -1 } }], [...produceSteps("p1", "t", [["k1", "v1"]]), tick(10 ** 9, "t")]));
    expect(recordOffsets(obs, "t")).toEqual([0]);
    expect(partitionLog(obs, "t").logStartOffset).toBe(0);
  });

  it("deleteRecords up to the high watermark empties the partition; the next record gets the next offset", () => {
    // kafka-semantics §3.3 consequence 4 and §3.2 (offsets never reused).
    const obs = run(
      scenario(
        [{ name: "t", partitions: 1 }],
        [...produceSteps("p1", "t", [["k1", "a"], ["k1", "b"]]), { at: 10, do: "deleteRecords", topic: "t", partition: 0, offset: 2 }, tick(1000, "t"), ...produceSteps("p1", "t", [["k1", "c"]], 1500)],
      ),
    );
    expect(partitionLog(obs, "t").logStartOffset).toBe(2);
    expect(kv(obs, "t")).toEqual([[2, "k1", "c"]]);
    expect(producerOf(obs, "p1").acks.at(-1)!.offset).toBe(2);
  });

  it("after retention empties the partition, a record larger than segment.bytes still gets one segment at the LEO", () => {
    // kafka-semantics §3.3 consequence 2 (an empty segment is rolled at the LEO) and §1.1 segment.bytes; contract:
    // segments list every segment, so the empty active segment at 1 is reused, not duplicated.
    const obs = run(
      scenario([{ name: "t", partitions: 1, config: { "retention.ms": 1000, "segment.bytes": 50 } }], [...produceSteps("p1", "t", [["k1", "v1"]], 0), ...produceSteps("p1", "t", [["k2", "v2"]], 3000)]),
    );
    expect(partitionLog(obs, "t").segments).toEqual([{ baseOffset: 1, sizeBytes: 72 }]);
    expect(partitionLog(obs, "t").logStartOffset).toBe(1);
  });

  it("runRetention runs one check now, between scheduled checks", () => {
    // scenario-contract `runRetention` "run one retention check now"; 1600 − 500 > 1000.
    const obs = run(scenario([{ name: "t", partitions: 1, config: { "retention.ms": 1000 } }], [...produceSteps("p1", "t", [["k1", "v1"]], 500), { at: 1600, do: "runRetention" }]));
    expect(obs.time).toBe(1600);
    expect(partitionLog(obs, "t")).toMatchObject({ logStartOffset: 1, logEndOffset: 1, records: [], segments: [{ baseOffset: 1, sizeBytes: 0 }] });
  });

  it("retention.ms lowered with alterConfig applies at the next retention check", () => {
    // scenario-contract `alterConfig`; kafka-semantics §1.1 retention.ms (7 d default keeps the records until then).
    const steps = [...produceSteps("p1", "t", [["k1", "v1"], ["k2", "v2"]]), tick(5000, "t"), { at: 5000, do: "alterConfig", topic: "t", set: { "retention.ms": 1000 } }];
    const before = run(scenario([{ name: "t", partitions: 1 }], steps));
    expect(before.topics.t!.config).toEqual({ "retention.ms": "1000" });
    expect(recordOffsets(before, "t")).toEqual([0, 1]);
    const after = run(scenario([{ name: "t", partitions: 1 }], [...steps, tick(6000, "t")]));
    expect(partitionLog(after, "t")).toMatchObject({ logStartOffset: 2, logEndOffset: 2, records: [] });
  });

  it("a future timestamp pins its segment and every later one", () => {
    // kafka-semantics §3.3 consequence 3; deletion stops at the first non-deletable segment (§1.1 retention.ms).
    // segment.bytes 100 puts each 72-byte record in its own segment.
    const obs = run(
      scenario(
        [{ name: "t", partitions: 1, config: { "retention.ms": 10000, "segment.bytes": 100 } }],
        [
          ...produceSteps("p1", "t", [{ key: "k0", value: "v0" }, { key: "k1", value: "v1", timestamp: 1000000 }]),
          ...produceSteps("p1", "t", [["k2", "v2"]], 1000),
          tick(20000, "t"),
        ],
      ),
    );
    expect(partitionLog(obs, "t").logStartOffset).toBe(1);
    expect(recordOffsets(obs, "t")).toEqual([1, 2]);
    expect(partitionLog(obs, "t").segments.map((s) => s.baseOffset)).toEqual([1, 2]);
  });

  /** Five 72-byte records, one per segment (segment.bytes 100): 360 bytes; a check at 1000. */
  const sized = (retentionBytes: number) =>
    run(
      scenario(
        [{ name: "t", partitions: 1, config: { "retention.bytes": retentionBytes, "segment.bytes": 100 } }],
        [...produceSteps("p1", "t", ["ka", "kb", "kc", "kd", "ke"].map((k) => [k, "v1"] as const)), tick(1000, "t")],
      ),
    );

  it.each([
    // kafka-semantics §1.1 retention.bytes: diff = 360 − 200 = 160; delete while diff − size ≥ 0: 2 segments go, 216 ≥ 200 left.
    [200, 2, 216],
    // diff = 144: exactly two segments go, leaving exactly retention.bytes.
    [216, 2, 216],
    // diff = 143: only one segment can go (143 − 72 − 72 < 0).
    [217, 1, 288],
    // Nothing happens if size < retention.bytes.
    [400, 0, 360],
    // "triggers the rolling of new segment if retention.bytes is configured to zero": everything goes.
    [0, 5, 0],
  ])("retention.bytes %i: log start offset %i, %i bytes left", (retentionBytes, lso, left) => {
    const obs = sized(retentionBytes);
    const log = partitionLog(obs, "t");
    expect(log.logStartOffset).toBe(lso);
    expect(log.segments.reduce((n, s) => n + s.sizeBytes, 0)).toBe(left);
    expect(recordOffsets(obs, "t")).toEqual([0, 1, 2, 3, 4].filter((o) => o >= lso));
    expect(log.logEndOffset).toBe(5);
    if (retentionBytes === 0) expect(log.segments).toEqual([{ baseOffset: 5, sizeBytes: 0 }]);
  });

  it("deleteRecords moves the log start offset into the middle of a segment", () => {
    // kafka-semantics §3.3 consequence 4 (KIP-107); contract: records never lists offsets below the log start offset.
    const obs = run(
      scenario([{ name: "t", partitions: 1 }], [...produceSteps("p1", "t", ["0", "1", "2", "3", "4"].map((v) => ["k", v] as const)), { at: 10, do: "deleteRecords", topic: "t", partition: 0, offset: 3 }, tick(2000, "t")]),
    );
    const log = partitionLog(obs, "t");
    expect(log.logStartOffset).toBe(3);
    expect(kv(obs, "t")).toEqual([[3, "k", "3"], [4, "k", "4"]]);
    // Only whole segments wholly below the log start offset are ever deleted: the single segment stays.
    expect(log.segments).toEqual([{ baseOffset: 0, sizeBytes: 5 * 70 }]);
    expect([log.logEndOffset, log.highWatermark]).toEqual([5, 5]);
  });

  it("deleteRecords: segments wholly below the new log start offset go at the next retention check", () => {
    // kafka-semantics §3.3 deleteLogStartOffsetBreachedSegments; one record per segment (segment.bytes 100).
    const steps = [...produceSteps("p1", "t", ["0", "1", "2", "3", "4"].map((v) => ["k1", v] as const)), { at: 10, do: "deleteRecords", topic: "t", partition: 0, offset: 3 }];
    const topics = [{ name: "t", partitions: 1, config: { "segment.bytes": 100 } }];
    const early = run(scenario(topics, [...steps, tick(10, "t")]));
    expect(partitionLog(early, "t").logStartOffset).toBe(3);
    expect(recordOffsets(early, "t")).toEqual([3, 4]);
    const later = run(scenario(topics, [...steps, tick(1000, "t")]));
    expect(partitionLog(later, "t").segments.map((s) => s.baseOffset)).toEqual([3, 4]);
    expect(partitionLog(later, "t").logStartOffset).toBe(3);
  });

  /**
   * Group g committed offset 1 on t-0 (c0, then closed); deleteRecords to 3; then c1 in group g with
   * `reset` starts and polls.
   */
  const belowStart = (reset: string) =>
    run(
      scenario(
        [{ name: "t", partitions: 1 }],
        [
          ...produceSteps("p1", "t", ["0", "1", "2", "3", "4"].map((v) => ["k1", v] as const)),
          { at: 0, do: "start", client: "c0" },
          { at: 100, do: "commit", client: "c0", offsets: { "t-0": 1 } },
          { at: 100, do: "close", client: "c0" },
          { at: 200, do: "deleteRecords", topic: "t", partition: 0, offset: 3 },
          { at: 300, do: "start", client: "c1" },
          { at: 400, do: "poll", client: "c1" },
        ],
        [P1, consumerClient("c0", "g", ["t"], EARLIEST), consumerClient("c1", "g", ["t"], { "auto.offset.reset": reset })],
      ),
    );

  it.each([
    // kafka-semantics §3.4: committed 1 < log start offset 3 → out of range → earliest = log start offset.
    ["earliest", [3, 4], 5],
    // latest = high watermark.
    ["latest", [], 5],
  ])("a committed offset below the log start offset with auto.offset.reset=%s resets", (reset, delivered, position) => {
    const obs = belowStart(reset);
    expect(obs.groups.g!.committed).toEqual({ "t-0": 1 });
    expect(deliveredOffsets(obs, "c1")).toEqual(delivered);
    expect(consumerOf(obs, "c1").position).toEqual({ "t-0": position });
    expect(consumerOf(obs, "c1").errors).toEqual([]);
  });

  it("a committed offset below the log start offset with auto.offset.reset=none is an OffsetOutOfRangeException", () => {
    // kafka-semantics §3.4: with none, poll() throws OffsetOutOfRangeException("Fetch position … is out of range for partition …").
    const obs = belowStart("none");
    const errors = consumerOf(obs, "c1").errors;
    expect(errors.map((e) => [e.at, e.type])).toEqual([[400, "OffsetOutOfRangeException"]]);
    expect(errors[0]!.message).toMatch(/^Fetch position .* is out of range for partition t-0$/);
    expect(deliveredOffsets(obs, "c1")).toEqual([]);
    // The reset does not change the committed offset.
    expect(obs.groups.g!.committed).toEqual({ "t-0": 1 });
  });

  it("a committed offset deleted by time retention is reset to the new log start offset (earliest)", () => {
    // kafka-semantics §6.1 "Fetching below the LSO gives OffsetOutOfRange and the auto.offset.reset policy applies".
    // One record per segment; k0/k1 at t=0 expire (retention.ms 1000) at the check at 2000; k2 at 1500 stays.
    const obs = run(
      scenario(
        [{ name: "t", partitions: 1, config: { "retention.ms": 1000, "segment.bytes": 100 } }],
        [
          ...produceSteps("p1", "t", [["k0", "v"], ["k1", "v"]], 0),
          { at: 0, do: "start", client: "c0" },
          { at: 10, do: "commit", client: "c0", offsets: { "t-0": 0 } },
          { at: 10, do: "close", client: "c0" },
          ...produceSteps("p1", "t", [["k2", "v"]], 1500),
          { at: 2100, do: "start", client: "c1" },
          { at: 2200, do: "poll", client: "c1" },
        ],
        [P1, consumerClient("c0", "g", ["t"], EARLIEST), consumerClient("c1", "g", ["t"], EARLIEST)],
      ),
    );
    expect(partitionLog(obs, "t").logStartOffset).toBe(2);
    expect(deliveredOffsets(obs, "c1")).toEqual([2]);
  });

  /** k0, k1 at t=0 deleted by retention at 2000; k2 at 1500 kept; c1 reads, seeks to 0, reads again. */
  const seekAfterRetention = (reset: string) =>
    run(
      scenario(
        [{ name: "t", partitions: 1, config: { "retention.ms": 1000, "segment.bytes": 100 } }],
        [
          ...produceSteps("p1", "t", [["k0", "v"], ["k1", "v"]], 0),
          ...produceSteps("p1", "t", [["k2", "v"]], 1500),
          { at: 2100, do: "start", client: "c1" },
          { at: 2200, do: "poll", client: "c1" },
          { at: 2300, do: "seek", client: "c1", topic: "t", partition: 0, offset: 0 },
          { at: 2400, do: "poll", client: "c1" },
        ],
        [P1, consumerClient("c1", "g", ["t"], { "auto.offset.reset": reset })],
      ),
    );

  it.each([
    // kafka-semantics §3.4 "seek(0) on a partition with LSO > 0 behaves the same way: out of range, then reset":
    // earliest → log start offset 2, so offset 2 is delivered again.
    ["earliest", [2, 2]],
    // latest → HW 3: the first read already starts at the HW (no committed offset), and the seek resets there again.
    ["latest", []],
  ])("seek(0) after retention with auto.offset.reset=%s: delivered %j", (reset, delivered) => {
    const obs = seekAfterRetention(reset);
    expect(deliveredOffsets(obs, "c1")).toEqual(delivered);
    expect(consumerOf(obs, "c1").errors).toEqual([]);
    expect(consumerOf(obs, "c1").position).toEqual({ "t-0": 3 });
  });

  it("seek(0) after retention with auto.offset.reset=none is an OffsetOutOfRangeException", () => {
    // kafka-semantics §3.4 seek(0) below the log start offset + none → OffsetOutOfRangeException.
    const obs = run(
      scenario(
        [{ name: "t", partitions: 1, config: { "retention.ms": 1000, "segment.bytes": 100 } }],
        [
          ...produceSteps("p1", "t", [["k0", "v"], ["k1", "v"]], 0),
          ...produceSteps("p1", "t", [["k2", "v"]], 1500),
          { at: 2100, do: "start", client: "c1" },
          { at: 2150, do: "commit", client: "c1", offsets: { "t-0": 2 } },
          { at: 2200, do: "poll", client: "c1" },
          { at: 2300, do: "seek", client: "c1", topic: "t", partition: 0, offset: 0 },
          { at: 2400, do: "poll", client: "c1" },
        ],
        [P1, consumerClient("c1", "g", ["t"], { "auto.offset.reset": "none" })],
      ),
    );
    expect(deliveredOffsets(obs, "c1")).toEqual([2]);
    expect(consumerOf(obs, "c1").errors.map((e) => [e.at, e.type])).toEqual([[2400, "OffsetOutOfRangeException"]]);
  });

  it("offsets are never reused after the partition empties", () => {
    // kafka-semantics §3.2 "never reused"; §3.3 consequence 2 (LSO = LEO, the next record gets offset LEO); §4 crst row.
    const obs = run(
      scenario(
        [{ name: "t", partitions: 1, config: { "retention.ms": 1000 } }],
        [...produceSteps("p1", "t", [["k1", "a"], ["k1", "b"]], 0), tick(2000, "t"), ...produceSteps("p1", "t", [["k1", "c"]], 3000)],
      ),
    );
    expect(kv(obs, "t")).toEqual([[2, "k1", "c"]]);
    expect(producerOf(obs, "p1").acks.map((a) => a.offset)).toEqual([0, 1, 2]);
    expect(partitionLog(obs, "t")).toMatchObject({ logStartOffset: 2, logEndOffset: 3, segments: [{ baseOffset: 2, sizeBytes: 71 }] });
  });

  it("time retention does not apply to a compact-only topic", () => {
    // kafka-semantics §1.1 cleanup.policy; §3.3 "if cleanup.policy contains delete".
    const obs = run(scenario([{ name: "t", partitions: 1, config: { "cleanup.policy": "compact", "retention.ms": 1000 } }], [...produceSteps("p1", "t", [["k1", "a"], ["k2", "b"]]), tick(5000, "t")]));
    expect(partitionLog(obs, "t").logStartOffset).toBe(0);
    expect(recordOffsets(obs, "t")).toEqual([0, 1]);
  });
});

// ------------------------------------------------------------------------------------------------
describe("compaction", () => {
  /** One 72-byte record per segment (segment.bytes 100). */
  const compacted = (config: Json = {}) => [{ name: "t", partitions: 1, config: { "cleanup.policy": "compact", "segment.bytes": 100, ...config } }];
  /** k1=a@0, k1=b@1, k1=c@2 in three closed segments, k2=x@3 in the active segment. */
  const basic = produceSteps("p1", "t", [["k1", "a"], ["k1", "b"], ["k1", "c"], ["k2", "x"]]);

  it("runCleaner keeps the latest value per key, with offset gaps, log start offset unchanged", () => {
    // kafka-semantics §3.5 clean: map over [firstDirty=0, firstUncleanable=3) → k1@2; ratio 1 > 0.5.
    // Invariants: offsets never change, LSO unchanged (§3.3 consequence 5), active segment untouched.
    const obs = run(scenario(compacted(), [...basic, { at: 10, do: "runCleaner" }]));
    const log = partitionLog(obs, "t");
    expect(kv(obs, "t")).toEqual([[2, "k1", "c"], [3, "k2", "x"]]);
    expect([log.logStartOffset, log.logEndOffset, log.highWatermark]).toEqual([0, 4, 4]);
    // k2=x is 68 + 2 + 1 = 71 bytes (§0).
    expect(log.segments.at(-1)).toEqual({ baseOffset: 3, sizeBytes: 71 });
  });

  it("a cleaned segment keeps its base offset (segments are not merged beyond segment.bytes)", () => {
    // scenario-contract Observation details "a cleaned segment keeps its base offset". Kafka's cleaner
    // (Cleaner.groupSegmentsBySize) only merges consecutive segments whose sizes add up to ≤ the topic's
    // segment.bytes; here 71 + 71 > 100, so k1=c (71 bytes) stays in the segment based at 2.
    const obs = run(scenario(compacted(), [...basic, { at: 10, do: "runCleaner" }]));
    const nonEmpty = partitionLog(obs, "t").segments.filter((s) => s.sizeBytes > 0);
    expect(nonEmpty).toEqual([{ baseOffset: 2, sizeBytes: 71 }, { baseOffset: 3, sizeBytes: 71 }]);
  });

  it.each([
    // scenario-contract: the cleaner looks for work at t = k · log.cleaner.backoff.ms (default 1000 here).
    [999, undefined, [0, 1, 2, 3]],
    [1000, undefined, [2, 3]],
    [4999, { "log.cleaner.backoff.ms": 5000 }, [0, 1, 2, 3]],
    [5000, { "log.cleaner.backoff.ms": 5000 }, [2, 3]],
  ])("scheduled cleaner, observed at t=%i (broker %j): offsets %j", (at, broker, offsets) => {
    const obs = run(scenario(compacted(), [...basic, tick(at, "t")], [P1], broker ? { broker } : {}));
    expect(recordOffsets(obs, "t")).toEqual(offsets);
  });

  it("a tiny topic with default segment configs is never compacted", () => {
    // kafka-semantics §3.5 "Tiny demo topics": everything sits in the active segment.
    const obs = run(
      scenario(
        [{ name: "t", partitions: 1, config: { "cleanup.policy": "compact" } }],
        [...produceSteps("p1", "t", Array.from({ length: 20 }, (_, i) => ["k1", `v${i % 10}`] as const)), { at: 10, do: "runCleaner" }, tick(60000, "t")],
      ),
    );
    expect(recordOffsets(obs, "t")).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(partitionLog(obs, "t").segments).toEqual([{ baseOffset: 0, sizeBytes: 20 * 72 }]);
  });

  it("an older value survives while the newer one is only in the active segment", () => {
    // kafka-semantics §3.5 "Stale values across the active segment"; map over [0,2) = {k1@0, k2@1}.
    const obs = run(scenario(compacted(), [...produceSteps("p1", "t", [["k1", "a"], ["k2", "x"], ["k1", "b"]]), { at: 10, do: "runCleaner" }, tick(5000, "t")]));
    expect(kv(obs, "t")).toEqual([[0, "k1", "a"], [1, "k2", "x"], [2, "k1", "b"]]);
  });

  /**
   * Every record is 72 bytes (two-character keys and values). Pass 1 at 10 cleans [0,2) (distinct
   * keys: nothing removed; checkpoint 2; clean bytes 144). Then k1=a2@3, k2=b2@4 at 20: dirty
   * [2,4) = 144 bytes → ratio 144/288 = 0.5.
   */
  const ratioSteps: Step[] = [
    ...produceSteps("p1", "t", [["k1", "a1"], ["k2", "b1"], ["k3", "c1"]], 0),
    { at: 10, do: "runCleaner" },
    ...produceSteps("p1", "t", [["k1", "a2"], ["k2", "b2"]], 20),
    { at: 30, do: "runCleaner" },
  ];

  it("a dirty ratio of exactly 0.5 is not cleaned (strict >)", () => {
    // kafka-semantics §1.1 min.cleanable.dirty.ratio: clean iff cleanable/(clean+cleanable) > 0.5.
    const obs = run(scenario(compacted(), ratioSteps));
    expect(recordOffsets(obs, "t")).toEqual([0, 1, 2, 3, 4]);
  });

  it("a dirty ratio above 0.5 is cleaned", () => {
    // One more record (k3=c2@5) makes [2,5) dirty: 216/360 = 0.6 > 0.5; map {k3@2, k1@3, k2@4} drops 0 and 1.
    const obs = run(scenario(compacted(), [...ratioSteps, ...produceSteps("p1", "t", [["k3", "c2"]], 40), { at: 50, do: "runCleaner" }]));
    expect(kv(obs, "t")).toEqual([[2, "k3", "c1"], [3, "k1", "a2"], [4, "k2", "b2"], [5, "k3", "c2"]]);
    expect(partitionLog(obs, "t").logStartOffset).toBe(0);
  });

  it.each([
    // min.compaction.lag.ms 5000 (kafka-semantics §1.1): at 4500 every closed segment (newest ts 0) has largestTimestamp > now − lag.
    [4500, [0, 1, 2, 3]],
    // From t = 5000 on, 0 > now − 5000 is false: the scheduled pass cleans.
    [6000, [2, 3]],
  ])("min.compaction.lag.ms 5000, observed at t=%i: offsets %j", (at, offsets) => {
    const obs = run(scenario(compacted({ "min.compaction.lag.ms": 5000 }), [...basic, { at: 10, do: "runCleaner" }, tick(at, "t")]));
    expect(recordOffsets(obs, "t")).toEqual(offsets);
  });

  /**
   * delete.retention.ms 5000. k1=a@0, k1=tombstone@1, k2=x@2 (active). Pass 1 at 10 drops k1=a and
   * stamps the tombstone's horizon at 5010. More data k3@3, k4@4 at `later` makes a later pass eligible.
   */
  const tombstone = (later: number, observeAt: number, explicitPass: boolean) =>
    run(
      scenario(compacted({ "delete.retention.ms": 5000 }), [
        ...produceSteps("p1", "t", [["k1", "a"], ["k1", null], ["k2", "x"]], 0),
        { at: 10, do: "runCleaner" },
        ...produceSteps("p1", "t", [["k3", "y"], ["k4", "z"]], later),
        ...(explicitPass ? [{ at: observeAt, do: "runCleaner" }] : [tick(observeAt, "t")]),
      ]),
    );

  it("a tombstone survives the first cleaning pass", () => {
    // kafka-semantics §1.1 delete.retention.ms "survive after the first cleaning pass that encounters them"; §3.5.
    const obs = run(scenario(compacted({ "delete.retention.ms": 5000 }), [...produceSteps("p1", "t", [["k1", "a"], ["k1", null], ["k2", "x"]], 0), { at: 10, do: "runCleaner" }]));
    expect(kv(obs, "t")).toEqual([[1, "k1", null], [2, "k2", "x"]]);
    expect(partitionLog(obs, "t").logStartOffset).toBe(0);
  });

  it("a tombstone survives a later pass before now ≥ first pass + delete.retention.ms", () => {
    // kafka-semantics §1.1: horizon = 10 + 5000; a pass at 3010 (ratio (144)/(~71+144) > 0.5) keeps it.
    const obs = tombstone(3000, 3010, true);
    expect(recordOffsets(obs, "t")).toEqual([1, 2, 3, 4]);
  });

  it("a tombstone is removed by a scheduled pass after the delete horizon", () => {
    // kafka-semantics §1.1: dropped by a later pass with now ≥ deleteHorizonMs (5010); scheduled pass at 6000.
    const obs = tombstone(5500, 6000, false);
    expect(kv(obs, "t")).toEqual([[2, "k2", "x"], [3, "k3", "y"], [4, "k4", "z"]]);
    expect(partitionLog(obs, "t").logStartOffset).toBe(0);
  });

  it("max.compaction.lag.ms forces a pass although the dirty ratio is only 0.5", () => {
    // kafka-semantics §3.5 eligible iff ratio > min.cleanable.dirty.ratio "or (max.compaction.lag exceeded
    // and cleanableBytes > 0)"; §1.1 max.compaction.lag.ms. Dirty [2,4) holds k1=a2 first written at t=20,
    // older than 1000 ms at the scheduled pass at 2000: map {k3@2, k1@3} drops k1=a1@0 (k2=b2 is only in
    // the active segment, so k2=b1@1 stays).
    const forced = run(scenario(compacted({ "max.compaction.lag.ms": 1000 }), [...ratioSteps, tick(2000, "t")]));
    expect(recordOffsets(forced, "t")).toEqual([1, 2, 3, 4]);
    // Without the lag bound, the same log stays as it is (ratio 0.5 is not > 0.5).
    const idle = run(scenario(compacted(), [...ratioSteps, tick(2000, "t")]));
    expect(recordOffsets(idle, "t")).toEqual([0, 1, 2, 3, 4]);
  });

  it("an open transaction bounds the cleanable range at the last stable offset", () => {
    // kafka-semantics §3.5 firstUncleanable = min(LastStableOffset, activeSegment.baseOffset, …): k1=a@0, k1=b@1
    // plain; open transaction k1=c@2; k2=x@3, k2=y@4 plain. Map over [0,2) = {k1@1}: only offset 0 goes.
    const obs = run(
      scenario(
        compacted(),
        [
          ...produceSteps("p1", "t", [["k1", "a"], ["k1", "b"]]),
          { at: 0, do: "initTransactions", client: "tx" },
          { at: 0, do: "beginTransaction", client: "tx" },
          ...produceSteps("tx", "t", [["k1", "c"]]),
          ...produceSteps("p1", "t", [["k2", "x"], ["k2", "y"]]),
          { at: 10, do: "runCleaner" },
        ],
        [P1, producerClient("tx", { "transactional.id": "tx-1" })],
      ),
    );
    expect(partitionLog(obs, "t").lastStableOffset).toBe(2);
    expect(kv(obs, "t")).toEqual([[1, "k1", "b"], [2, "k1", "c"], [3, "k2", "x"], [4, "k2", "y"]]);
  });

  it("the cleaner drops aborted transactional records at once", () => {
    // kafka-semantics §3.5 "aborted-txn records dropped immediately". k1=a@0 aborted (ABORT@1), k2=x@2, k3=y@3 (active).
    const obs = run(
      scenario(
        compacted(),
        [
          { at: 0, do: "initTransactions", client: "tx" },
          { at: 0, do: "beginTransaction", client: "tx" },
          ...produceSteps("tx", "t", [["k1", "a"]]),
          { at: 0, do: "abortTransaction", client: "tx" },
          ...produceSteps("p1", "t", [["k2", "x"], ["k3", "y"]]),
          { at: 10, do: "runCleaner" },
        ],
        [P1, producerClient("tx", { "transactional.id": "tx-1" })],
      ),
    );
    expect(kv(obs, "t")).toEqual([[2, "k2", "x"], [3, "k3", "y"]]);
    expect(partitionLog(obs, "t").logStartOffset).toBe(0);
  });

  it("a consumer reads across compaction gaps without errors", () => {
    // kafka-semantics §3.4 "Compaction gaps are not errors"; §3.5 offsets never change.
    const obs = run(
      scenario(compacted(), [...basic, { at: 10, do: "runCleaner" }, { at: 20, do: "start", client: "c1" }, { at: 100, do: "poll", client: "c1" }], [P1, consumerClient("c1", "g", ["t"], EARLIEST)]),
    );
    expect(consumerOf(obs, "c1").delivered.map((r) => [r.offset, r.key, r.value])).toEqual([[2, "k1", "c"], [3, "k2", "x"]]);
    expect(consumerOf(obs, "c1").errors).toEqual([]);
    expect(consumerOf(obs, "c1").position).toEqual({ "t-0": 4 });
  });

  it("cleanup.policy compact,delete compacts", () => {
    // kafka-semantics §1.1 cleanup.policy "both": the retained segments are compacted.
    const obs = run(scenario(compacted({ "cleanup.policy": "compact,delete", "retention.ms": 10000 }), [...basic, { at: 10, do: "runCleaner" }]));
    expect(kv(obs, "t")).toEqual([[2, "k1", "c"], [3, "k2", "x"]]);
  });

  it("cleanup.policy compact,delete also deletes by time retention", () => {
    // kafka-semantics §1.1 cleanup.policy "both": retention deletes segments; all records (ts 0) expire after 10000,
    // and time retention rolls and deletes even the active segment (§3.3 consequence 2).
    const obs = run(scenario(compacted({ "cleanup.policy": "compact,delete", "retention.ms": 10000 }), [...basic, { at: 10, do: "runCleaner" }, tick(11000, "t")]));
    expect(partitionLog(obs, "t")).toMatchObject({ logStartOffset: 4, logEndOffset: 4, records: [], segments: [{ baseOffset: 4, sizeBytes: 0 }] });
  });
});

// ------------------------------------------------------------------------------------------------
describe("sinks", () => {
  const T1 = [{ name: "t", partitions: 1 }];
  /** c1 reads everything, processes, seeks back to 0, reads and processes again. */
  const twice = (sink: Json, rows: [string, string][] = [["k1", "a"], ["k2", "b"]]) =>
    run(
      scenario(
        T1,
        [
          ...produceSteps("p1", "t", rows),
          { at: 0, do: "start", client: "c1" },
          { at: 100, do: "poll", client: "c1" },
          { at: 100, do: "process", client: "c1" },
          { at: 200, do: "seek", client: "c1", topic: "t", partition: 0, offset: 0 },
          { at: 300, do: "poll", client: "c1" },
          { at: 300, do: "process", client: "c1" },
        ],
        [P1, consumerClient("c1", "g", ["t"], EARLIEST, sink)],
      ),
    );
  const row = (key: string, value: string, offset: number) => ({ key, value, topic: "t", partition: 0, offset });

  it.each([
    // scenario-contract Sinks: insert appends one row per processed record (a redelivery writes twice).
    [{ name: "s", mode: "insert" }, [row("k1", "a", 0), row("k2", "b", 1), row("k1", "a", 0), row("k2", "b", 1)]],
    // upsert by key keeps one row per key.
    [{ name: "s", mode: "upsert", key: "key" }, [row("k1", "a", 0), row("k2", "b", 1)]],
    // upsert by offset (topic-partition-offset) keeps one row per record.
    [{ name: "s", mode: "upsert", key: "offset" }, [row("k1", "a", 0), row("k2", "b", 1)]],
  ])("sink %j after a redelivery has rows %j", (sink, rows) => {
    const obs = twice(sink);
    expect(obs.sinks.s!.rows).toEqual(rows);
    expect(consumerOf(obs, "c1").processed.map((r) => r.offset)).toEqual([0, 1, 0, 1]);
  });

  it("upsert by key keeps the latest value of each key", () => {
    // scenario-contract Sinks: "keeps one row per key".
    const obs = twice({ name: "s", mode: "upsert", key: "key" }, [["k1", "a"], ["k1", "b"]]);
    expect(obs.sinks.s!.rows).toEqual([row("k1", "b", 1)]);
  });

  it("upsert by value keeps one row per value", () => {
    // scenario-contract Sinks: `"key": "value"`.
    const obs = twice({ name: "s", mode: "upsert", key: "value" }, [["k1", "a"], ["k2", "a"]]);
    expect(obs.sinks.s!.rows).toHaveLength(1);
    expect(obs.sinks.s!.rows[0]).toMatchObject({ value: "a", topic: "t", partition: 0 });
  });

  it("delivered but unprocessed records reach no sink", () => {
    // scenario-contract `process`: only processing writes to the sink.
    const obs = run(
      scenario(T1, [...produceSteps("p1", "t", [["k1", "a"]]), { at: 0, do: "start", client: "c1" }, { at: 100, do: "poll", client: "c1" }], [P1, consumerClient("c1", "g", ["t"], EARLIEST, { name: "s", mode: "insert" })]),
    );
    expect(deliveredOffsets(obs, "c1")).toEqual([0]);
    expect(obs.sinks.s?.rows ?? []).toEqual([]);
  });

  /** scenario-contract E2, with both consumers' sinks in `mode` (and `key`). */
  const e2 = (sink: Json) => run(e2Fixture(sink as unknown as SinkJson) as unknown as Json);

  it("E2: two consumers sharing an insert sink charge each payment twice", () => {
    // scenario-contract E2 and Sinks ("Several consumers may share a sink by name").
    const obs = e2({ name: "charges", mode: "insert" });
    const pay = (key: string, value: string, offset: number) => ({ key, value, topic: "payments", partition: 0, offset });
    expect(obs.sinks.charges!.rows).toEqual([pay("A100", "42", 0), pay("A101", "17", 1), pay("A100", "42", 0), pay("A101", "17", 1)]);
    expect(deliveredOffsets(obs, "c2")).toEqual([0, 1]);
    expect(obs.groups.billing!.committed).toEqual({ "payments-0": 2 });
  });

  it("E2 with upsert by key on the shared sink leaves 2 rows", () => {
    // scenario-contract E2: 'With "mode": "upsert", "key": "key" on both sinks, the same run leaves 2 rows.'
    const obs = e2({ name: "charges", mode: "upsert", key: "key" });
    expect(obs.sinks.charges!.rows.map((r) => [r.key, r.value, r.offset])).toEqual([["A100", "42", 0], ["A101", "17", 1]]);
  });
});
