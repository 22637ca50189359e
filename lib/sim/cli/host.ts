/**
 * What the emulated Kafka command-line tools need from the simulated cluster: plain data in,
 * plain data out. The engine implements it over its state; the tools never see engine types.
 * Every mutating call re-validates on the engine side and answers with a Kafka error
 * (exception simple name + message) when Kafka's broker would refuse.
 */

/** A Kafka error as the broker or client would raise it: `type` is the exception's simple name. */
export interface CliError {
  type: string;
  message: string;
}

/** The outcome of a mutating call. */
export type CliResult = { ok: true } | { ok: false; error: CliError };

/** A topic as the tools see it. */
export interface CliTopic {
  name: string;
  /** 22-character URL-safe base64 topic id. */
  topicId: string;
  partitions: number;
  /** Dynamic topic config overrides, as Kafka stores them (normalized strings). */
  overrides: Record<string, string>;
}

/** A partition's offsets as ListOffsets reports them. */
export interface CliPartitionOffsets {
  logStartOffset: number;
  highWatermark: number;
  /** The transactional last stable offset. */
  lastStableOffset: number;
}

/** A classic group's state as DescribeGroups reports it. */
export type CliGroupState = "Empty" | "PreparingRebalance" | "CompletingRebalance" | "Stable" | "Dead";

/** A topic partition. */
export interface CliTopicPartition {
  topic: string;
  partition: number;
}

/** A group member as DescribeGroups reports it. */
export interface CliGroupMember {
  /** The coordinator's member id, e.g. `c1-<uuid>`. */
  memberId: string;
  /** The CLIENT-ID column: the scenario's client id. */
  clientId: string;
  /** group.instance.id of a static member, else null. */
  instanceId: string | null;
  /** The HOST column, e.g. "/127.0.0.1". */
  host: string;
  assignment: CliTopicPartition[];
}

/** A consumer group: state, members and committed offsets. */
export interface CliGroup {
  id: string;
  state: CliGroupState;
  /** The chosen assignor ("range", …); "" while none is chosen (e.g. an Empty group). */
  assignor: string;
  members: CliGroupMember[];
  committed: (CliTopicPartition & { offset: number })[];
}

/** What kafka-console-consumer asks for, resolved from its options. */
export interface CliConsumeRequest {
  topic: string;
  /** --group; null = a throw-away group that commits nothing, as the tool's generated group. */
  group: string | null;
  /** auto.offset.reset=earliest when there is no committed offset (or --offset earliest with --partition). */
  fromBeginning: boolean;
  maxMessages: number | null;
  /** --partition: read that partition only (assign, no group). */
  partition: number | null;
  /** --offset N with --partition; null = earliest/latest per fromBeginning. */
  offset: number | null;
  isolationLevel: "read_uncommitted" | "read_committed";
}

/** A record as the console consumer receives it. */
export interface CliRecord {
  key: string | null;
  value: string | null;
  partition: number;
  offset: number;
  /** The record timestamp (CreateTime, or LogAppendTime if the topic says so). */
  timestamp: number;
}

/** The records the console consumer would print, or the error that stops it. */
export type CliConsumeResult = { records: CliRecord[] } | { error: CliError };

/** The simulated cluster as the CLI tools see it. */
export interface CliHost {
  /** Static broker configs (server.properties), as strings. */
  staticBrokerConfigs: Record<string, string>;
  /** All topic names, sorted. */
  listTopics(): string[];
  topic(name: string): CliTopic | null;
  /** One entry per partition, index = partition number. */
  partitionOffsets(topic: string): CliPartitionOffsets[];
  createTopic(name: string, partitions: number, overrides: Record<string, string>): CliResult;
  deleteTopic(name: string): CliResult;
  alterPartitions(name: string, partitions: number): CliResult;
  /** incrementalAlterConfigs: set and delete overrides, all or nothing. */
  alterTopicConfig(name: string, set: Record<string, string>, del: string[]): CliResult;
  /** All consumer group ids the coordinator knows, sorted. */
  listGroups(): string[];
  /** null for an unknown group (the tools treat it as Dead). */
  group(id: string): CliGroup | null;
  /** Used by --reset-offsets --execute (only on Empty/Dead groups). */
  commitOffsets(group: string, offsets: (CliTopicPartition & { offset: number })[]): CliResult;
  /** One record per call, sent and acknowledged (kafka-console-producer). */
  produce(topic: string, key: string | null, value: string | null): CliResult;
  /** What kafka-console-consumer would receive before it stops (see CliConsumeRequest). */
  consume(request: CliConsumeRequest): CliConsumeResult;
}
