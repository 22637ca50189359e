/**
 * The producer client and the broker's append path: partition choice (murmur2 / sticky), acks,
 * idempotence (a retried batch with a known sequence is answered, not appended again), lost
 * acknowledgements, and sends inside a transaction. The broker's per-producer sequence table is
 * not kept: the only retry the simulator makes is the one `ackLost` asks for, and it knows that
 * the retry repeats the sequence it just appended.
 */
import { emit, patchProducer, producer, setPartition, type Ctx } from "./context";
import type { KafkaError } from "./events";
import { appendRecord, type StoredRecord } from "./log";
import { choosePartition } from "./partitioner";
import { batchSize } from "./record-size";
import { topicSettings } from "./settings";
import { autoCreateTopic } from "./topics";
import { addPartitionToTxn, checkTxnSend } from "./transactions";
import { tpKey, type PartitionState, type ProducerState } from "./types";

export interface ProduceRequest {
  client: string;
  topic: string;
  key: string | null;
  value: string | null;
  timestamp?: number;
  partition?: number;
  ackLost?: boolean;
}

function fail(ctx: Ctx, client: string, error: KafkaError): void {
  emit(ctx, { type: "error", client, error });
}

/** Partition count as the producer's metadata has it (fetched on first use of a topic). */
function knownPartitions(ctx: Ctx, p: ProducerState, topic: string): number {
  const known = p.knownPartitions[topic];
  if (known !== undefined) return known;
  const actual = ctx.state.topics[topic]!.partitions.length;
  patchProducer(ctx, p.id, { knownPartitions: { ...p.knownPartitions, [topic]: actual } });
  return actual;
}

/** send().get() of one record: one batch, appended and acknowledged (or an error event). */
export function produce(ctx: Ctx, req: ProduceRequest): void {
  let p = producer(ctx, req.client);
  const txnError = checkTxnSend(ctx, p);
  if (txnError) return fail(ctx, p.id, txnError);
  if (!autoCreateTopic(ctx, req.topic)) {
    return fail(ctx, p.id, { type: "TimeoutException", message: `Topic ${req.topic} not present in metadata after 60000 ms.` });
  }
  const count = knownPartitions(ctx, producer(ctx, p.id), req.topic);
  p = producer(ctx, req.client);
  const size = batchSize(req.key, req.value);
  let partition: number;
  if (req.partition !== undefined) {
    if (req.partition >= count) {
      return fail(ctx, p.id, { type: "KafkaException", message: `Invalid partition given with record: ${req.partition} is not in the range [0...${count}).` });
    }
    partition = req.partition;
  } else {
    const choice = choosePartition(req.key, size, count, p.sticky[req.topic] ?? null, p.config.batchSize, ctx.state.rng);
    partition = choice.partition;
    ctx.state = { ...ctx.state, rng: choice.rng };
    if (choice.sticky) p = patchProducer(ctx, p.id, { sticky: { ...p.sticky, [req.topic]: choice.sticky } });
  }
  const settings = topicSettings(ctx.state, req.topic);
  const key = tpKey(req.topic, partition);
  if (settings.compactPolicy && req.key === null) {
    return fail(ctx, p.id, { type: "InvalidRecordException", message: `Compacted topic cannot accept message without key in topic partition ${key}.` });
  }
  const idempotent = p.producerId !== null;
  const timestamp = req.timestamp ?? ctx.state.time;
  const transactional = p.config.transactionalId !== null;
  if (transactional) addPartitionToTxn(ctx, p, key);
  let offset = append(ctx, p, req, partition, size, timestamp, false);
  if (req.ackLost && p.config.acks !== "0") {
    emit(ctx, { type: "ack-lost", client: p.id, topic: req.topic, partition, offset });
    if (idempotent) emit(ctx, { type: "duplicate-ignored", client: p.id, topic: req.topic, partition, offset });
    else offset = append(ctx, p, req, partition, size, timestamp, true);
  }
  emit(ctx, { type: "ack", client: p.id, topic: req.topic, partition, offset: p.config.acks === "0" ? -1 : offset });
}

/** The broker's append of one batch (an open transaction's first batch sets its first offset). */
function append(ctx: Ctx, p: ProducerState, req: ProduceRequest, partition: number, size: number, timestamp: number, retry: boolean): number {
  const settings = topicSettings(ctx.state, req.topic);
  const part = ctx.state.topics[req.topic]!.partitions[partition]!;
  const transactional = p.config.transactionalId !== null;
  const record: Omit<StoredRecord, "offset"> = { key: req.key, value: req.value, timestamp, size };
  if (p.producerId !== null) record.producerId = p.producerId;
  if (transactional) record.transactional = true;
  const appended = appendRecord(part.log, record, { "segment.bytes": settings.segmentBytes, "segment.ms": settings.segmentMs, "segment.jitter.ms": settings.segmentJitterMs });
  let next: PartitionState = { ...part, log: appended.log };
  if (transactional && p.producerId !== null && next.openTxns[p.producerId] === undefined) next = { ...next, openTxns: { ...next.openTxns, [p.producerId]: appended.offset } };
  setPartition(ctx, req.topic, partition, next);
  if (appended.rolled) emit(ctx, { type: "segment-rolled", topic: req.topic, partition, baseOffset: appended.offset });
  emit(ctx, { type: "produced", client: p.id, topic: req.topic, partition, offset: appended.offset, key: req.key, value: req.value, timestamp, retry, transactional });
  return appended.offset;
}
