/**
 * Named regression cases from the engine review: each one failed before its fix. Sources are
 * kafka-semantics.md / scenario-contract.md, or Apache Kafka's code where the notes say nothing.
 */
import { describe, expect, it } from "vitest";
import { consumerOf, partitionLog, producerOf, recordOffsets, run, tryRun, type Json } from "./helpers/scenario";

const p1 = { id: "p1", kind: "producer" };
const consumer = (id: string, config: Json = {}, subscribe = ["t"]) => ({ id, kind: "consumer", subscribe, config: { "group.id": "g", "enable.auto.commit": false, "auto.offset.reset": "earliest", ...config } });
const produce = (at: number, topic: string, key: string | null, value = "v", extra: Json = {}) => ({ at, do: "produce", client: "p1", topic, key, value, ...extra });

describe("periodic broker tasks run on their schedule, never in the past", () => {
  // contract: "log.retention.check.interval.ms … checks run at t = k * interval, k >= 1"
  it.each([
    [50700, 0],
    [51000, 2],
  ])("size retention decided by appends at 50500 runs at the 51000 check (observed at %i: log start %i)", (at, start) => {
    const obs = run({
      topics: [{ name: "t", partitions: 1, config: { "retention.bytes": 72, "segment.bytes": 150 } }],
      clients: [p1],
      // 72-byte batches: segments [0, 1] (144 bytes) and [2]; 216 − 72 leaves room to delete the first.
      steps: [produce(50500, "t", "k1", "v1"), produce(50500, "t", "k1", "v1"), produce(50500, "t", "k1", "v1"), { at, do: "advance" }],
    });
    expect(partitionLog(obs, "t").logStartOffset).toBe(start);
  });

  // contract: "the cleaner looks for work at t = k * backoff"
  it("cleans a compacted topic at the next backoff tick after the appends, not at their time", () => {
    const obs = run({
      topics: [{ name: "t", partitions: 1, config: { "cleanup.policy": "compact", "segment.bytes": 100 } }],
      clients: [p1],
      steps: [produce(1500, "t", "k"), produce(1500, "t", "k"), produce(1500, "t", "k"), { at: 1700, do: "advance" }],
    });
    expect(recordOffsets(obs, "t")).toEqual([0, 1, 2]);
    const later = run({
      topics: [{ name: "t", partitions: 1, config: { "cleanup.policy": "compact", "segment.bytes": 100 } }],
      clients: [p1],
      steps: [produce(1500, "t", "k"), produce(1500, "t", "k"), produce(1500, "t", "k"), { at: 2000, do: "advance" }],
    });
    expect(recordOffsets(later, "t")).toEqual([1, 2]);
  });
});

describe("new partitions and metadata.max.age.ms", () => {
  // contract: "New partitions … are seen by producers and consumers after metadata.max.age.ms"; the
  // leader assigns from its own cached metadata, so a rebalance before its refresh ignores them
  it("does not hand out a new partition in a rebalance before the leader's metadata refresh", () => {
    const obs = run({
      topics: [{ name: "t", partitions: 1 }],
      clients: [consumer("c1"), consumer("c2")],
      steps: [{ at: 0, do: "poll", client: "c1" }, { at: 1000, do: "alterPartitions", topic: "t", partitions: 2 }, { at: 2000, do: "start", client: "c2" }, { at: 2100, do: "poll", client: "c1" }],
    });
    expect(obs.groups.g!.members.map((m) => [m.client, m.assignment])).toEqual([["c1", ["t-0"]], ["c2", []]]);
  });

  // KafkaProducer.waitOnMetadata refreshes metadata for a record naming a partition beyond it
  it("sends a record to an explicitly named new partition, and times out on one that does not exist", () => {
    const obs = run({
      topics: [{ name: "t", partitions: 1 }],
      clients: [p1],
      steps: [produce(0, "t", "a"), { at: 10, do: "alterPartitions", topic: "t", partitions: 2 }, produce(20, "t", "b", "v", { partition: 1 }), produce(30, "t", "c", "v", { partition: 5 })],
    });
    expect(recordOffsets(obs, "t", 1)).toEqual([0]);
    expect(producerOf(obs, "p1").errors).toEqual([{ at: 30, type: "TimeoutException", message: "Partition 5 of topic t with partition count 2 is not present in metadata after 60000 ms." }]);
  });

  it("keeps producing after its topic was deleted and auto-created again with fewer partitions", () => {
    const obs = run({
      topics: [{ name: "t", partitions: 3 }],
      clients: [p1],
      steps: [produce(0, "t", "k1"), { at: 10, do: "cli", command: "kafka-topics --bootstrap-server localhost:9092 --delete --topic t" }, produce(20, "t", "k1")],
    });
    expect(obs.topics.t!.partitions).toBe(1);
    expect(recordOffsets(obs, "t", 0)).toEqual([0]);
  });
});

describe("the simulator's own size limits", () => {
  // Kafka has no fixed cap; an unbounded count would make the engine allocate without bound.
  it.each([
    ["kafka-topics.sh --bootstrap-server localhost:9092 --create --topic big --partitions 2147483647"],
    ["kafka-topics.sh --bootstrap-server localhost:9092 --alter --topic t --partitions 10001"],
  ])("refuses more than 10,000 partitions from the command line: %s", (command) => {
    const obs = run({ topics: [{ name: "t", partitions: 1 }], clients: [], steps: [{ at: 0, do: "cli", command }] });
    expect(obs.cli[0]!.exitCode).not.toBe(0);
    expect(obs.cli[0]!.stdout + obs.cli[0]!.stderr).toContain("The simulator allows at most 10000 partitions per topic.");
    expect(Object.keys(obs.topics)).toEqual(["t"]);
    expect(obs.topics.t!.partitions).toBe(1);
  });
});

describe("groups", () => {
  // kafka-semantics §1.4 / KIP-211: offsets of topics the group no longer subscribes to expire
  it("expires committed offsets of a topic no member subscribes to, in an active group", () => {
    const scenario = (at: number) => ({
      broker: { "offsets.retention.minutes": 1 },
      topics: [{ name: "t", partitions: 1 }, { name: "u", partitions: 1 }],
      clients: [consumer("c1", { "max.poll.interval.ms": 1_000_000 })],
      steps: [{ at: 0, do: "poll", client: "c1" }, { at: 10, do: "commit", client: "c1", offsets: { "u-0": 0, "t-0": 0 } }, { at, do: "advance" }],
    });
    expect(run(scenario(599_000)).groups.g!.committed).toEqual({ "t-0": 0, "u-0": 0 });
    expect(run(scenario(600_000)).groups.g!.committed).toEqual({ "t-0": 0 });
  });

  // kafka-semantics §1.2: the group uses an assignor all members support; Kafka refuses a join
  // without one (INCONSISTENT_GROUP_PROTOCOL)
  it("refuses a member whose assignors share nothing with the group", () => {
    const obs = run({
      topics: [{ name: "t", partitions: 2 }],
      clients: [consumer("c1", { "partition.assignment.strategy": "range" }), consumer("c2", { "partition.assignment.strategy": "roundrobin" })],
      steps: [{ at: 0, do: "poll", client: "c1" }, { at: 10, do: "poll", client: "c2" }],
    });
    expect(obs.groups.g!.members.map((m) => m.client)).toEqual(["c1"]);
    expect(consumerOf(obs, "c2").errors.map((e) => e.type)).toEqual(["InconsistentGroupProtocolException"]);
  });

  it("rejects a commit for a partition that does not exist with UnknownTopicOrPartitionException", () => {
    const obs = run({
      topics: [{ name: "t", partitions: 1 }],
      clients: [consumer("c1")],
      steps: [{ at: 0, do: "poll", client: "c1" }, { at: 10, do: "commit", client: "c1", offsets: { "t-9": 5 } }],
    });
    expect(consumerOf(obs, "c1").errors.map((e) => e.type)).toEqual(["UnknownTopicOrPartitionException"]);
    expect(obs.groups.g!.committed).toEqual({});
  });
});

describe("transactions", () => {
  // Kafka's Sender aborts an incomplete transaction on a graceful close
  it("aborts the open transaction when a transactional producer closes", () => {
    const obs = run({
      topics: [{ name: "t", partitions: 1 }],
      clients: [{ id: "tx", kind: "producer", config: { "transactional.id": "tx-1" } }],
      steps: [
        { at: 0, do: "initTransactions", client: "tx" },
        { at: 0, do: "beginTransaction", client: "tx" },
        { at: 0, do: "produce", client: "tx", topic: "t", key: "k", value: "v" },
        { at: 100, do: "close", client: "tx" },
      ],
    });
    const log = partitionLog(obs, "t");
    expect(log.lastStableOffset).toBe(2);
    expect(log.records.at(-1)).toEqual({ offset: 1, control: "ABORT" });
  });
});

describe("invalid input is refused with its path", () => {
  it.each([
    [{ broker: { "offsets.retention.check.interval.ms": -1 } }, "broker.offsets.retention.check.interval.ms: Invalid value -1"],
    [{ broker: { "log.retention.check.interval.ms": "abc" } }, "broker.log.retention.check.interval.ms: Invalid value abc"],
    [{ topics: [{ name: "t", partitions: 1 }], clients: [consumer("c1")], steps: [{ at: 0, do: "commit", client: "c1", offsets: { foo: 1 } }] }, "steps[0].offsets.foo"],
    [{ steps: [{ at: 0, do: "createTopic", topic: "a b", partitions: 1 }] }, 'steps[0].topic: Topic name "a b" is illegal'],
  ])("%j", (scenario, line) => {
    const result = tryRun(scenario as Json);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.line).toContain(line);
  });

  it("lets kafka-console-producer run next to a scenario client named console-producer", () => {
    const obs = run({
      topics: [{ name: "t", partitions: 1 }],
      clients: [{ id: "console-producer", kind: "producer" }],
      steps: [{ at: 0, do: "cli", command: "kafka-console-producer --bootstrap-server localhost:9092 --topic t\nhello" }, { at: 1, do: "produce", client: "console-producer", topic: "t", key: "k", value: "v" }],
    });
    expect(partitionLog(obs, "t").records.map((r) => ("value" in r ? r.value : null))).toEqual(["hello", "v"]);
  });
});
