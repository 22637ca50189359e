/**
 * The simulated cluster's state: plain JSON data (no classes, no Maps, no undefined values), so it
 * can be stored, sent and `JSON.parse(JSON.stringify(state))`-resumed exactly. Everything the
 * engine knows lives here, including the PRNG state and the simulated clock (milliseconds).
 *
 * What Kafka keeps on the broker (logs, groups, transactions) and what clients keep (positions,
 * assignments, buffers) are separate, because the simulator's lessons are about the gaps between
 * them: a crashed consumer still "owns" partitions on the broker until its session expires.
 */
import type { AssignorName, TopicPartitionRef } from "./assignors";
import type { PartitionLog } from "./log";
import type { StickyState } from "./partitioner";
import type { PVec } from "./pvec";
import type { RngState } from "./rng";

/** "topic-partition" as Kafka prints it (e.g. `payments-0`); build with `tpKey`. */
export type TpKey = string & { readonly __brand: "TpKey" };

/** The `topic-partition` key of a partition. */
export function tpKey(topic: string, partition: number): TpKey {
  return `${topic}-${partition}` as TpKey;
}

/** Splits a `topic-partition` key at its last dash (topic names may contain dashes). */
export function parseTpKey(key: string): TopicPartitionRef | null {
  const dash = key.lastIndexOf("-");
  if (dash <= 0) return null;
  const partition = Number(key.slice(dash + 1));
  if (!Number.isInteger(partition) || partition < 0 || key.slice(dash + 1) !== String(partition)) return null;
  return { topic: key.slice(0, dash), partition };
}

/** A config value as a scenario gives it (JSON); Kafka stores configs as strings. */
export type ConfigValue = string | number | boolean | null | string[];

/** An aborted transaction's range in one partition (the broker's aborted-transaction index). */
export interface AbortedTxnEntry {
  producerId: number;
  firstOffset: number;
  /** Offset of the ABORT marker. */
  lastOffset: number;
}

/** One partition on the broker: its log and transaction bookkeeping. */
export interface PartitionState {
  log: PartitionLog;
  /** Open transactions: producer id → first offset (the last stable offset is the smallest). */
  openTxns: Record<string, number>;
  /** Aborted transactions (read_committed skips their records; the cleaner drops them). */
  aborted: AbortedTxnEntry[];
  /** The cleaner's checkpoint (first dirty offset). */
  cleanerCheckpoint: number;
}

/** A topic: its id, config overrides and partitions (index = partition number). */
export interface TopicState {
  name: string;
  /** 22-character base64 id, drawn from the PRNG at creation. */
  topicId: string;
  /** Overrides only, as Kafka stores them: strings. */
  config: Record<string, string>;
  partitions: PartitionState[];
}

/** The classic group states (KIP-848 states are not modelled). */
export type GroupStateName = "Empty" | "PreparingRebalance" | "CompletingRebalance" | "Stable" | "Dead";

/** A group member as the coordinator knows it (a crashed client's member lives on until it expires). */
export interface MemberState {
  memberId: string;
  clientId: string;
  instanceId: string | null;
  subscription: string[];
  assignors: AssignorName[];
  /** The member's `max.poll.interval.ms` (its rebalance timeout). */
  rebalanceTimeoutMs: number;
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  /** Heartbeats happen at heartbeatBase + k·interval while the heartbeat thread runs. */
  heartbeatBase: number;
  /** When the heartbeat thread stopped (crash, static poll timeout, static close); null while it runs. */
  heartbeatStoppedAt: number | null;
  /** Rejoined during the rebalance in progress. */
  rejoined: boolean;
  /** Partitions the member reported owning at its last join (Subscription.ownedPartitions). */
  owned: TopicPartitionRef[];
  /** Its assignment before it revoked for this join (the eager StickyAssignor's userData). */
  previous: TopicPartitionRef[];
  ownedGeneration: number;
  assignment: TopicPartitionRef[];
}

/** A committed offset: the next offset to read, and when it was committed (offsets retention). */
export interface CommittedOffset {
  offset: number;
  committedAt: number;
}

/** A consumer group on the coordinator: membership, rebalance progress and committed offsets. */
export interface GroupState {
  id: string;
  state: GroupStateName;
  generation: number;
  /** The assignor chosen at the last rebalance (null before the first). */
  assignor: AssignorName | null;
  leader: string | null;
  members: Record<string, MemberState>;
  committed: Record<string, CommittedOffset>;
  /** Set while PreparingRebalance: when the join phase times out, and the initial-delay timer. */
  rebalance: {
    startedAt: number;
    /** The join phase ends here at the latest (the largest member rebalance timeout). */
    deadline: number;
    /** group.initial.rebalance.delay.ms timer of a rebalance that started from Empty. */
    delayUntil: number | null;
    /** A new member joined since the delay timer last started (Kafka then extends it). */
    joinedDuringDelay: boolean;
    reason: string;
  } | null;
  /** Since when the group has been Empty (offsets retention counts from it). */
  emptySince: number | null;
}

/** Where a consumer's processing writes: a named sink, insert or upsert by key / value / offset. */
export interface SinkSpec {
  name: string;
  mode: "insert" | "upsert";
  key: "key" | "value" | "offset";
}

/** A record as a consumer application receives it from poll(). */
export interface DeliveredRecord {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  value: string | null;
  timestamp: number;
}

/** A consumer client's status; "idle" (created, not yet started) is observed as "active". */
export type ConsumerStatus = "idle" | "active" | "busy" | "crashed" | "closed" | "left";

/** The consumer configs the engine runs on, resolved from Kafka names (client-config.ts). */
export interface ConsumerConfig {
  groupId: string | null;
  enableAutoCommit: boolean;
  autoCommitIntervalMs: number;
  autoOffsetReset: "earliest" | "latest" | "none";
  maxPollRecords: number;
  maxPollIntervalMs: number;
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  assignors: AssignorName[];
  isolationLevel: "read_uncommitted" | "read_committed";
  groupInstanceId: string | null;
  metadataMaxAgeMs: number;
}

/** A consumer client instance: what the KafkaConsumer knows, which can differ from the coordinator. */
export interface ConsumerState {
  kind: "consumer";
  id: string;
  config: ConsumerConfig;
  subscribe: string[];
  sink: SinkSpec | null;
  status: ConsumerStatus;
  /** Removed from the group by its poll timeout; it finds out (onPartitionsLost) at its next poll. */
  kicked: boolean;
  /** When this instance was created (the auto-commit and metadata timers start here). */
  createdAt: number;
  memberId: string | null;
  generation: number;
  /** The client's view of what it owns, sorted by (topic, partition). */
  assignment: TopicPartitionRef[];
  /** Next offset to fetch per owned partition, once resolved (at the first fetch). */
  positions: Record<string, number>;
  /** Partition order for fetching: partitions that returned records move to the end (Kafka's fairness). */
  fetchOrder: string[];
  lastPollAt: number | null;
  nextAutoCommitAt: number;
  /** Learned (from a heartbeat, poll or metadata) that it must rejoin. */
  rejoinNeeded: boolean;
  /** Delivered by poll, not yet processed. */
  pending: DeliveredRecord[];
  /** Being processed until `busyUntil`. */
  inProgress: DeliveredRecord[];
  busyUntil: number | null;
  /** Partition counts as this client last saw them (refreshed every metadata.max.age.ms from createdAt). */
  knownPartitions: Record<string, number>;
}

/** The producer configs the engine runs on, resolved from Kafka names (client-config.ts). */
export interface ProducerConfig {
  acks: "0" | "1" | "all";
  enableIdempotence: boolean;
  transactionalId: string | null;
  batchSize: number;
  transactionTimeoutMs: number;
  metadataMaxAgeMs: number;
}

/** Where a transactional producer is in its transaction calls. */
export type ProducerTxnState = "uninitialized" | "ready" | "in-transaction" | "fenced";

/** A producer client instance. */
export interface ProducerState {
  kind: "producer";
  id: string;
  config: ProducerConfig;
  status: "active" | "crashed" | "closed";
  createdAt: number;
  producerId: number | null;
  epoch: number;
  sticky: Record<string, StickyState>;
  knownPartitions: Record<string, number>;
  txn: ProducerTxnState;
}

/** Any scenario client. */
export type ClientState = ConsumerState | ProducerState;

/** The transaction coordinator's record of one transactional.id. */
export interface TxnState {
  transactionalId: string;
  producerId: number;
  epoch: number;
  state: "Empty" | "Ongoing";
  partitions: string[];
  startedAt: number | null;
  timeoutMs: number;
  /** sendOffsetsToTransaction: committed to the group only when the transaction commits. */
  pendingOffsets: Record<string, Record<string, number>>;
}

/** One row of a sink: the record written and who wrote it when. */
export interface SinkRow {
  key: string | null;
  value: string | null;
  topic: string;
  partition: number;
  offset: number;
  /** Which client wrote it and when (the panels highlight duplicates by these). */
  client: string;
  at: number;
  /** How many times this row was written (upsert: overwrites; insert: always 1). */
  writes: number;
}

/** A sink's rows (a persistent vector) and, for upserts, the key → row index. */
export interface SinkState {
  name: string;
  mode: "insert" | "upsert";
  key: "key" | "value" | "offset";
  rows: PVec<SinkRow>;
  /** upsert: dedupe key → row index. */
  index: Record<string, number>;
}

/** The whole simulated world at one instant. */
export interface ClusterState {
  version: 1;
  time: number;
  rng: RngState;
  /** Static broker configs (server.properties) given by the setup, as strings. */
  broker: Record<string, string>;
  topics: Record<string, TopicState>;
  groups: Record<string, GroupState>;
  clients: Record<string, ClientState>;
  txns: Record<string, TxnState>;
  sinks: Record<string, SinkState>;
  nextProducerId: number;
  /** Last run of each periodic broker task (they run at t = k·interval, k ≥ 1). */
  lastRetentionCheck: number;
  lastCleanerRun: number;
  lastOffsetsCheck: number;
}
