/**
 * What happened during a step, in order. Events are the engine's narrative: the runner builds the
 * observation's histories (acks, delivered, processed, errors, CLI output) from them, and the
 * panels build their timelines from them. Every event carries the simulated time `at`.
 */
import type { TopicPartitionRef } from "./assignors";
import type { DeliveredRecord, SinkRow, SinkSpec } from "./types";

/** A Kafka-level error as the client application sees it (Kafka's exception name and text). */
export interface KafkaError {
  type: string;
  message: string;
}

/** One thing that happened, at simulated time `at`. */
export type SimEvent = { at: number } & (
  | { type: "topic-created"; topic: string; partitions: number; auto: boolean }
  | { type: "topic-deleted"; topic: string }
  | { type: "partitions-added"; topic: string; from: number; to: number }
  | { type: "topic-config-changed"; topic: string; set: Record<string, string>; deleted: string[] }
  /** `ack`: what the producer heard back: the offset, -1 with acks=0, null when the acknowledgement was lost. */
  | { type: "produced"; client: string; topic: string; partition: number; offset: number; key: string | null; value: string | null; timestamp: number; retry: boolean; transactional: boolean; ack: number | null }
  /** A bulk `produce` (records): record i went to partitions[i] at offsets[i]; `acked` false with acks=0. */
  | { type: "produced-batch"; client: string; topic: string; partitions: number[]; offsets: number[]; acked: boolean }
  /** An idempotent producer's retry of a batch the broker already has: answered with the original offset. */
  | { type: "duplicate-ignored"; client: string; topic: string; partition: number; offset: number; ack: number }
  | { type: "segment-rolled"; topic: string; partition: number; baseOffset: number }
  | { type: "marker"; topic: string; partition: number; offset: number; control: "COMMIT" | "ABORT"; producerId: number }
  | { type: "txn"; client: string | null; transactionalId: string; action: "init" | "begin" | "commit" | "abort" | "timeout-abort" | "fenced" }
  | { type: "error"; client: string; error: KafkaError }
  | { type: "joined"; group: string; client: string; memberId: string; static: boolean }
  | { type: "rebalance-started"; group: string; reason: string }
  | { type: "rebalance-completed"; group: string; generation: number; assignor: string; protocol: "eager" | "cooperative"; assignment: Record<string, TopicPartitionRef[]> }
  | { type: "member-removed"; group: string; client: string; memberId: string; reason: "leave" | "session-timeout" | "poll-timeout" | "rebalance-timeout" }
  | { type: "assigned"; group: string; client: string; partitions: TopicPartitionRef[] }
  | { type: "revoked"; group: string; client: string; partitions: TopicPartitionRef[]; lost: boolean }
  | { type: "position-reset"; client: string; topic: string; partition: number; from: number | null; to: number; reason: "no-committed-offset" | "out-of-range" | "committed" }
  | { type: "delivered"; client: string; records: DeliveredRecord[] }
  | { type: "processing"; client: string; records: DeliveredRecord[]; until: number }
  | { type: "processed"; client: string; records: DeliveredRecord[] }
  | { type: "sink-write"; sink: string; row: SinkRow; duplicate: boolean; overwrite: boolean }
  | { type: "committed"; group: string; client: string | null; offsets: Record<string, number>; auto: boolean }
  | { type: "seek"; client: string; topic: string; partition: number; offset: number }
  | { type: "sink-changed"; client: string; sink: SinkSpec | null }
  | { type: "client"; client: string; action: "crashed" | "closed" | "restarted" | "kicked-out" }
  | { type: "segments-deleted"; topic: string; partition: number; reason: string; baseOffsets: number[]; logStartOffset: number }
  | { type: "records-deleted"; topic: string; partition: number; logStartOffset: number }
  | { type: "cleaned"; topic: string; partition: number; removedOffsets: number[] }
  | { type: "offsets-expired"; group: string; partitions: string[] }
  | { type: "group-removed"; group: string }
  | { type: "metadata"; client: string; topic: string; partitions: number }
  | { type: "cli"; command: string; stdout: string; stderr: string; exitCode: number }
);

/** An event's `type`. */
export type SimEventType = SimEvent["type"];
