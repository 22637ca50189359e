/**
 * fast-check arbitraries for the simulator's property tests (tests/sim/properties.test.ts): a small
 * fixed cluster with randomised configs — topic t1 (delete policy, 1–4 partitions, segment.bytes
 * 200–400, small retention.ms / segment.ms, sometimes retention.bytes), compacted topic t2 (compact or
 * compact,delete); producers p1 (idempotent, sometimes a small batch.size), p2 (not idempotent, acks
 * all/1/0), tx1 (transactional.id); consumers c1..c3 in group g (one assignment strategy for the
 * group, or the rolling upgrade: c1 on the default list, the others cooperative-sticky; auto commit
 * on/off; sometimes small max.poll.interval.ms / session.timeout.ms / metadata.max.age.ms; c3
 * sometimes static) and c4 in group h; insert / upsert sinks — and random command sequences against
 * it with non-decreasing `at` (sometimes omitted: "now"). Besides single commands there are short
 * scripts: a transaction (init?, begin, sends, sendOffsets?, commit/abort/none) and a consumer's
 * poll-process-commit loop. Topic t3 is auto-created by a produce.
 *
 * Commands the engine may refuse (a poll on a crashed client, growing a topic to fewer partitions,
 * an unknown client, …) are generated on purpose: the runner skips them.
 */
import fc from "fast-check";
import type { ClientSetup, ClusterSetup, Command } from "@/lib/sim";

type Json = Record<string, unknown>;

/** One generated run: seed, setup, and the commands in order. */
export interface SimRun {
  seed: number;
  setup: ClusterSetup;
  commands: Command[];
}

export const PRODUCERS = ["p1", "p2", "tx1"] as const;
export const CONSUMERS = ["c1", "c2", "c3", "c4"] as const;
export const TOPICS = ["t1", "t2"] as const;
export const GROUPS = ["g", "h"] as const;

// ------------------------------------------------------------------------------------------------
// Setup
// ------------------------------------------------------------------------------------------------

/** group g's partition.assignment.strategy: one for every member, or "upgrade" (c1 on the default list, the others cooperative-sticky). */
const strategyArb = fc.constantFrom<unknown>(null, "range", "roundrobin", "sticky", "cooperative-sticky", ["range", "cooperative-sticky"], ["sticky", "range"], "upgrade");

const consumerConfigArb = fc.record(
  {
    "enable.auto.commit": fc.boolean(),
    "auto.commit.interval.ms": fc.constantFrom(1000, 2500, 5000),
    "auto.offset.reset": fc.constantFrom("earliest", "earliest", "latest"),
    "max.poll.records": fc.constantFrom(1, 2, 3, 5, 500),
    "max.poll.interval.ms": fc.constantFrom(4000, 10000, 30000, 300000, 300000, 300000),
    "session.timeout.ms": fc.constantFrom(6000, 10000, 45000, 45000),
    "isolation.level": fc.constantFrom("read_uncommitted", "read_committed"),
    "heartbeat.interval.ms": fc.constantFrom(1000, 3000),
    "metadata.max.age.ms": fc.constantFrom(2000, 10000, 300000),
  },
  { requiredKeys: ["enable.auto.commit", "auto.offset.reset"] },
);

const subscriptionArb = fc.constantFrom(["t1", "t2"], ["t1", "t2"], ["t1"], ["t2"]);

export const setupArb: fc.Arbitrary<{ seed: number; setup: ClusterSetup }> = fc
  .record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    initialDelay: fc.constantFrom(0, 0, 0, 3000),
    t1Partitions: fc.integer({ min: 1, max: 4 }),
    t2Partitions: fc.integer({ min: 1, max: 4 }),
    t1Config: fc.record(
      {
        "segment.bytes": fc.integer({ min: 200, max: 400 }),
        "retention.ms": fc.integer({ min: 3000, max: 60000 }),
        "segment.ms": fc.integer({ min: 1000, max: 20000 }),
        "retention.bytes": fc.integer({ min: 250, max: 1200 }),
      },
      { requiredKeys: ["segment.bytes", "retention.ms", "segment.ms"] },
    ),
    t2Config: fc.record(
      {
        "cleanup.policy": fc.constantFrom("compact", "compact", "compact,delete"),
        "segment.bytes": fc.integer({ min: 200, max: 400 }),
        "segment.ms": fc.integer({ min: 1000, max: 20000 }),
        "min.cleanable.dirty.ratio": fc.constantFrom(0.01, 0.1, 0.3, 0.5),
        "delete.retention.ms": fc.constantFrom(0, 1000, 5000, 20000),
        "min.compaction.lag.ms": fc.constantFrom(0, 0, 2000),
        "retention.ms": fc.integer({ min: 5000, max: 60000 }),
      },
      { requiredKeys: ["cleanup.policy", "segment.bytes", "segment.ms"] },
    ),
    txTimeout: fc.constantFrom(5000, 20000, 60000),
    batchSize: fc.constantFrom(100, 300, 16384),
    producerMetadataAge: fc.constantFrom(3000, 300000),
    p2Acks: fc.constantFrom("all", "1", "0"),
    strategy: strategyArb,
    consumers: fc.tuple(consumerConfigArb, consumerConfigArb, consumerConfigArb, consumerConfigArb),
    subscriptions: fc.tuple(subscriptionArb, subscriptionArb, subscriptionArb, fc.constantFrom(["t1"], ["t1", "t2"])),
    staticC3: fc.integer({ min: 0, max: 99 }).map((n) => n < 25),
    upsertKey: fc.constantFrom("key", "value", "offset"),
    sinks: fc.tuple(...[0, 1, 2, 3].map(() => fc.constantFrom<"none" | "insert" | "upsert">("none", "insert", "upsert"))),
  })
  .map((r) => {
    const clients: Json[] = [
      { id: "p1", kind: "producer", config: { "batch.size": r.batchSize, "metadata.max.age.ms": r.producerMetadataAge } },
      { id: "p2", kind: "producer", config: { "enable.idempotence": false, acks: r.p2Acks } },
      { id: "tx1", kind: "producer", config: { "transactional.id": "tx-1", "transaction.timeout.ms": r.txTimeout } },
    ];
    CONSUMERS.forEach((id, i) => {
      const config: Json = { ...r.consumers[i], "group.id": id === "c4" ? "h" : "g" };
      if (id !== "c4") {
        const strategy = r.strategy === "upgrade" ? (id === "c1" ? null : "cooperative-sticky") : r.strategy;
        if (strategy !== null) config["partition.assignment.strategy"] = strategy;
      }
      if (id === "c3" && r.staticC3) config["group.instance.id"] = "c3-static";
      const sink = r.sinks[i] === "insert" ? { name: "ins", mode: "insert" } : r.sinks[i] === "upsert" ? { name: "ups", mode: "upsert", key: r.upsertKey } : undefined;
      clients.push({ id, kind: "consumer", subscribe: r.subscriptions[i], config, ...(sink ? { sink } : {}) });
    });
    const setup: ClusterSetup = {
      broker: { "group.initial.rebalance.delay.ms": r.initialDelay },
      topics: [
        { name: "t1", partitions: r.t1Partitions, config: r.t1Config },
        { name: "t2", partitions: r.t2Partitions, config: r.t2Config },
      ],
      clients: clients as unknown as ClientSetup[],
    };
    return { seed: r.seed, setup };
  });

// ------------------------------------------------------------------------------------------------
// Commands
// ------------------------------------------------------------------------------------------------

const producerArb = fc.constantFrom(...PRODUCERS);
const consumerArb = fc.constantFrom(...CONSUMERS);
const topicArb = fc.constantFrom(...TOPICS);
export const keyArb = fc.option(fc.constantFrom("k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7"), { nil: null, freq: 4 });
export const valueArb = fc.option(fc.string({ unit: fc.constantFrom("a", "b", "x", "1"), minLength: 0, maxLength: 14 }), { nil: null, freq: 6 });
const partitionArb = fc.option(fc.constantFrom(0, 0, 1, 2, 3), { nil: undefined, freq: 8 });
/** Record timestamps relative to the step's `at` (resolved when `at` is known); mostly absent (= now). */
const tsDeltaArb = fc.option(fc.integer({ min: -4000, max: 4000 }), { nil: undefined, freq: 6 });
const offsetArb = fc.integer({ min: 0, max: 25 });
const tpArb = fc.tuple(topicArb, fc.integer({ min: 0, max: 4 })).map(([t, p]) => `${t}-${p}`);
const offsetsArb = fc.dictionary(tpArb, offsetArb, { minKeys: 1, maxKeys: 3 });

/** A command before `at` is known: `ts`/`records[i].ts` are timestamp deltas from `at`. */
type Draft = Json & { do: string };

const CLI_COMMANDS = [
  "kafka-consumer-groups --bootstrap-server localhost:9092 --describe --group g",
  "kafka-consumer-groups --bootstrap-server localhost:9092 --describe --group h",
  "kafka-consumer-groups --bootstrap-server localhost:9092 --describe --group g --members --verbose",
  "kafka-consumer-groups --bootstrap-server localhost:9092 --describe --group g --state",
  "kafka-consumer-groups --bootstrap-server localhost:9092 --list",
  "kafka-consumer-groups --bootstrap-server localhost:9092 --reset-offsets --to-earliest --execute --group h --topic t1",
  "kafka-consumer-groups --bootstrap-server localhost:9092 --reset-offsets --to-latest --execute --group g --all-topics",
  "kafka-consumer-groups --bootstrap-server localhost:9092 --reset-offsets --to-offset 3 --execute --group h --topic t1",
  "kafka-consumer-groups --bootstrap-server localhost:9092 --reset-offsets --shift-by -2 --execute --group g --topic t2",
  "kafka-topics --bootstrap-server localhost:9092 --describe --topic t1",
  "kafka-topics --bootstrap-server localhost:9092 --alter --topic t2 --partitions 5",
  "kafka-configs --bootstrap-server localhost:9092 --entity-type topics --entity-name t1 --describe",
  "kafka-configs --bootstrap-server localhost:9092 --entity-type topics --entity-name t1 --alter --add-config retention.ms=4000",
  "kafka-console-producer --bootstrap-server localhost:9092 --topic t1 --property parse.key=true --property key.separator=:\nk1:cli-a\nk2:cli-b",
  "kafka-console-consumer --bootstrap-server localhost:9092 --topic t1 --from-beginning --max-messages 3",
  "kafka-console-consumer --bootstrap-server localhost:9092 --topic t1 --group h --from-beginning --max-messages 2",
];

const draftArb: fc.Arbitrary<Draft> = fc.oneof(
  // produce: keyed / keyless / tombstone, explicit partition, timestamp, lost ack
  {
    weight: 22,
    arbitrary: fc
      .record({ client: fc.constantFrom("p1", "p1", "p2", "tx1"), topic: fc.constantFrom("t1", "t1", "t2", "t2", "t3"), key: keyArb, value: valueArb, partition: partitionArb, ts: tsDeltaArb, ackLost: fc.option(fc.constant(true), { nil: undefined, freq: 4 }) })
      .map((r) => ({ do: "produce", ...r })),
  },
  // bulk produce
  {
    weight: 4,
    arbitrary: fc
      .record({
        client: producerArb,
        topic: topicArb,
        records: fc.array(fc.record({ key: keyArb, value: valueArb, partition: partitionArb, ts: tsDeltaArb }), { minLength: 1, maxLength: 8, size: "max" }),
      })
      .map((r) => ({ do: "produce", ...r })),
  },
  { weight: 5, arbitrary: consumerArb.map((client) => ({ do: "start", client })) },
  { weight: 22, arbitrary: consumerArb.map((client) => ({ do: "poll", client })) },
  {
    weight: 9,
    arbitrary: fc
      .record({ client: consumerArb, durationMs: fc.option(fc.constantFrom(0, 500, 2000, 7000, 20000), { nil: undefined, freq: 2 }) })
      .map((r) => ({ do: "process", ...r })),
  },
  { weight: 6, arbitrary: fc.record({ client: consumerArb, offsets: fc.option(offsetsArb, { nil: undefined, freq: 4 }) }).map((r) => ({ do: "commit", ...r })) },
  { weight: 3, arbitrary: fc.record({ client: consumerArb, topic: topicArb, partition: fc.integer({ min: 0, max: 3 }), offset: offsetArb }).map((r) => ({ do: "seek", ...r })) },
  { weight: 2, arbitrary: consumerArb.map((client) => ({ do: "close", client })) },
  { weight: 2, arbitrary: consumerArb.map((client) => ({ do: "crash", client })) },
  { weight: 4, arbitrary: consumerArb.map((client) => ({ do: "restart", client })) },
  { weight: 1, arbitrary: fc.record({ do: fc.constantFrom("close", "crash", "restart"), client: producerArb }) },
  { weight: 1, arbitrary: fc.record({ topic: topicArb, partitions: fc.integer({ min: 2, max: 6 }) }).map((r) => ({ do: "alterPartitions", ...r })) },
  { weight: 2, arbitrary: fc.record({ topic: topicArb, partition: fc.integer({ min: 0, max: 3 }), offset: fc.integer({ min: -1, max: 20 }) }).map((r) => ({ do: "deleteRecords", ...r })) },
  {
    weight: 2,
    arbitrary: fc
      .record({
        topic: topicArb,
        set: fc.record(
          {
            "cleanup.policy": fc.constantFrom("delete", "compact", "compact,delete"),
            "segment.bytes": fc.integer({ min: 150, max: 500 }),
            "retention.ms": fc.constantFrom(2000, 10000, 60000, -1),
            "retention.bytes": fc.constantFrom(-1, 0, 300, 800),
            "min.cleanable.dirty.ratio": fc.constantFrom(0.01, 0.5),
            "delete.retention.ms": fc.constantFrom(0, 3000),
            "segment.ms": fc.constantFrom(500, 5000),
          },
          { requiredKeys: [] },
        ),
        delete: fc.subarray(["retention.ms", "segment.bytes", "cleanup.policy", "min.compaction.lag.ms"]),
      })
      .map((r) => ({ do: "alterConfig", topic: r.topic, set: r.set, delete: r.delete.filter((d) => !(d in r.set)) })),
  },
  { weight: 2, arbitrary: fc.constant({ do: "runRetention" }) },
  { weight: 2, arbitrary: fc.constant({ do: "runCleaner" }) },
  {
    weight: 7,
    arbitrary: fc.oneof(
      fc.record({ do: fc.constantFrom("initTransactions", "beginTransaction", "beginTransaction", "commitTransaction", "abortTransaction"), client: fc.constantFrom("tx1", "tx1", "tx1", "p1") }),
      fc.record({ client: fc.constant("tx1"), group: fc.constantFrom(...GROUPS), offsets: offsetsArb }).map((r) => ({ do: "sendOffsetsToTransaction", ...r })),
    ),
  },
  { weight: 3, arbitrary: fc.constant({ do: "advance" }) },
  // scripts: a transaction, and a consumer's poll-process-commit loop
  {
    weight: 4,
    arbitrary: fc
      .record({
        init: fc.integer({ min: 0, max: 9 }).map((n) => n < 7),
        sends: fc.array(fc.record({ topic: topicArb, key: fc.constantFrom("k0", "k1", "k2", "k3"), value: valueArb, partition: partitionArb }), { minLength: 0, maxLength: 4 }),
        offsets: fc.option(fc.record({ group: fc.constantFrom(...GROUPS), offsets: offsetsArb }), { nil: undefined }),
        end: fc.constantFrom("commitTransaction", "commitTransaction", "abortTransaction", null),
        gap: fc.constantFrom(0, 0, 100, 3000),
      })
      .map((r) => ({
        do: "script",
        steps: [
          ...(r.init ? [{ do: "initTransactions", client: "tx1" }] : []),
          { do: "beginTransaction", client: "tx1" },
          ...r.sends.map((x) => ({ do: "produce", client: "tx1", ...x })),
          ...(r.offsets ? [{ do: "sendOffsetsToTransaction", client: "tx1", ...r.offsets }] : []),
          ...(r.end ? [{ do: r.end, client: "tx1", gap: r.gap }] : []),
        ],
      })),
  },
  {
    weight: 6,
    arbitrary: fc
      .record({ client: consumerArb, polls: fc.integer({ min: 1, max: 3 }), durationMs: fc.option(fc.constantFrom(0, 300, 4000), { nil: undefined, freq: 3 }), commit: fc.boolean(), gap: fc.constantFrom(0, 50, 500) })
      .map((r) => ({
        do: "script",
        steps: [
          ...Array.from({ length: r.polls }, (_, i) => ({ do: "poll", client: r.client, gap: i === 0 ? 0 : r.gap })),
          { do: "process", client: r.client, ...(r.durationMs !== undefined ? { durationMs: r.durationMs } : {}) },
          ...(r.commit ? [{ do: "commit", client: r.client, gap: (r.durationMs ?? 0) + 1 }] : []),
        ],
      })),
  },
  { weight: 3, arbitrary: fc.constantFrom(...CLI_COMMANDS).map((command) => ({ do: "cli", command })) },
  // refused on purpose: unknown client, wrong client kind
  { weight: 1, arbitrary: fc.constantFrom<Draft>({ do: "poll", client: "c9" }, { do: "poll", client: "p1" }, { do: "produce", client: "c1", topic: "t1", key: "k1", value: "x" }) },
);

/** Time between steps: often none (same instant), mostly small, sometimes past session and poll timeouts. */
const dtArb = fc.oneof(
  { weight: 5, arbitrary: fc.constant(0) },
  { weight: 10, arbitrary: fc.integer({ min: 1, max: 800 }) },
  { weight: 6, arbitrary: fc.integer({ min: 800, max: 6000 }) },
  { weight: 2, arbitrary: fc.integer({ min: 6000, max: 20000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 20000, max: 70000 }) },
);

/** Resolves a draft at time `at` into a Command (`omitAt`: leave `at` out, i.e. "now"). */
function resolve(d: Draft, at: number, omitAt: boolean): Command {
  const { ts, records, ...rest } = d as Draft & { ts?: number; records?: (Json & { ts?: number })[] };
  const out: Json = omitAt && rest.do !== "advance" ? { ...rest } : { at, ...rest };
  for (const [k, v] of Object.entries(out)) if (v === undefined) delete out[k];
  if (ts !== undefined) out.timestamp = Math.max(0, at + ts);
  if (records) {
    out.records = records.map(({ ts: rts, ...r }) => {
      const rec: Json = { key: r.key, value: r.value };
      if (r.partition !== undefined) rec.partition = r.partition;
      if (rts !== undefined) rec.timestamp = Math.max(0, at + rts);
      return rec;
    });
  }
  return out as Command;
}

export function commandsArb(maxLength: number): fc.Arbitrary<Command[]> {
  return fc
    .array(fc.record({ dt: dtArb, omitAt: fc.integer({ min: 0, max: 99 }).map((n) => n < 5), cmd: draftArb }), { minLength: 1, maxLength, size: "max" })
    .map((drafts) => {
      let at = 0;
      return drafts.flatMap(({ dt, omitAt, cmd }) => {
        at += dt;
        if (cmd.do === "script") {
          // Script steps follow each other after their `gap` (ms).
          return (cmd.steps as (Draft & { gap?: number })[]).map(({ gap, ...d }) => resolve(d, (at += gap ?? 0), false));
        }
        // An omitted `at` means "now": the clock does not move, so the following steps start from here.
        const skip = omitAt && cmd.do !== "advance";
        if (skip) at -= dt;
        return [resolve(cmd, at, skip)];
      });
    });
}

/** A whole run: setup, seed and up to `maxLength` commands. */
export function simRunArb(maxLength = 70): fc.Arbitrary<SimRun> {
  return fc.tuple(setupArb, commandsArb(maxLength)).map(([{ seed, setup }, commands]) => ({ seed, setup, commands }));
}
