/**
 * The producer client and the broker's append path: partition choice (murmur2 / sticky), acks,
 * idempotence (a retried batch with a known sequence is answered, not appended again), lost
 * acknowledgements, and sends inside a transaction. The broker's per-producer sequence table is
 * not kept: the only retry the simulator makes is the one `ackLost` asks for, and it knows that
 * the retry repeats the sequence it just appended.
 */
import { emit, patchProducer, producer, reportError, setPartition, type Ctx } from "./context";
import type { KafkaError } from "./events";
import { appendRecords, type StoredRecord } from "./log";
import { choosePartition } from "./partitioner";
import { batchSize } from "./record-size";
import { rollConfig, topicSettings } from "./settings";
import { autoCreateTopic } from "./topics";
import { addPartitionToTxn, checkTxnSend } from "./transactions";
import { tpKey, type PartitionState, type ProducerState } from "./types";

/**
 * Partition count as the producer's metadata has it: fetched on first use of a topic, and again
 * when a record names a partition beyond it (KafkaProducer.waitOnMetadata refreshes for that).
 */
function knownPartitions(ctx: Ctx, p: ProducerState, topic: string, wanted = 0): number {
  const actual = ctx.state.topics[topic]!.partitions.length;
  const known = p.knownPartitions[topic];
  if (known !== undefined && known > wanted && known <= actual) return known;
  patchProducer(ctx, p.id, { knownPartitions: { ...p.knownPartitions, [topic]: actual } });
  return actual;
}

/** One record to send: one batch (the simulator's producer never lingers). */
export interface OutgoingRecord {
  key: string | null;
  value: string | null;
  timestamp?: number;
  partition?: number;
  /** The broker appends but the acknowledgement is lost; the producer retries once. */
  ackLost?: boolean;
}

/**
 * send().get() of each record in order (one batch each): partition choice, then one append per
 * touched partition, then the acknowledgements. Gives exactly the log and offsets of sending the
 * records one by one, at the cost of one state copy per partition rather than per record.
 * Kafka-level failures become error events for the records concerned. `bulk` reports the whole
 * call as one `produced-batch` event instead of one `produced` event per record.
 */
export function produceRecords(ctx: Ctx, client: string, topic: string, records: readonly OutgoingRecord[], bulk = false): void {
  let p = producer(ctx, client);
  const txnError = checkTxnSend(ctx, p);
  if (txnError) return records.forEach(() => reportError(ctx, client, txnError));
  if (!autoCreateTopic(ctx, topic)) {
    return records.forEach(() => reportError(ctx, client, { type: "TimeoutException", message: `Topic ${topic} not present in metadata after 60000 ms.` }));
  }
  let highest = -1;
  for (const r of records) if (r.partition !== undefined && r.partition > highest) highest = r.partition;
  const count = knownPartitions(ctx, p, topic, highest);
  p = producer(ctx, client);
  const settings = topicSettings(ctx.state, topic);
  const now = ctx.state.time;
  const transactional = p.config.transactionalId !== null;
  const idempotent = p.producerId !== null;
  const acked = p.config.acks !== "0";
  let rng = ctx.state.rng;
  let sticky = p.sticky[topic] ?? null;
  // Per record: its (first) stored batch, or the error that stopped it.
  const sent: (StoredRecord | KafkaError)[] = [];
  const partitionOf: number[] = [];
  const retries = new Map<number, StoredRecord>();
  const byPartition = new Map<number, StoredRecord[]>();
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const size = batchSize(r.key, r.value);
    let partition: number;
    if (r.partition !== undefined) {
      partition = r.partition;
      if (partition >= count) {
        sent.push({ type: "TimeoutException", message: `Partition ${partition} of topic ${topic} with partition count ${count} is not present in metadata after 60000 ms.` });
        partitionOf.push(partition);
        continue;
      }
    } else {
      const choice = choosePartition(r.key, size, count, sticky, p.config.batchSize, rng);
      partition = choice.partition;
      sticky = choice.sticky;
      rng = choice.rng;
    }
    partitionOf.push(partition);
    if (settings.compactPolicy && r.key === null) {
      sent.push({ type: "InvalidRecordException", message: `Compacted topic cannot accept message without key in topic partition ${tpKey(topic, partition)}.` });
      continue;
    }
    let batches = byPartition.get(partition);
    if (!batches) byPartition.set(partition, (batches = []));
    const stored = newBatch(p, r, size, now, transactional);
    batches.push(stored);
    sent.push(stored);
    // A lost acknowledgement makes a non-idempotent producer send the same batch again.
    if (r.ackLost && !idempotent && acked) {
      const retry = newBatch(p, r, size, now, transactional);
      batches.push(retry);
      retries.set(i, retry);
    }
  }
  ctx.state = { ...ctx.state, rng };
  if (sticky !== (p.sticky[topic] ?? null)) p = patchProducer(ctx, client, { sticky: { ...p.sticky, [topic]: sticky! } });
  const rolls = new Set<string>();
  for (const [partition, batches] of byPartition) {
    if (transactional) addPartitionToTxn(ctx, producer(ctx, client), tpKey(topic, partition));
    const part = ctx.state.topics[topic]!.partitions[partition]!;
    const appended = appendRecords(part.log, batches, rollConfig(settings));
    let next: PartitionState = { ...part, log: appended.log };
    if (transactional && p.producerId !== null && next.openTxns[p.producerId] === undefined) next = { ...next, openTxns: { ...next.openTxns, [p.producerId]: batches[0]!.offset } };
    setPartition(ctx, topic, partition, next);
    for (const base of appended.rolled) rolls.add(`${partition}:${base}`);
  }
  if (bulk) return reportBulk(ctx, client, topic, sent, partitionOf, rolls, acked);
  for (let i = 0; i < sent.length; i++) {
    const stored = sent[i]!;
    if (!("offset" in stored)) {
      reportError(ctx, client, stored);
      continue;
    }
    const r = records[i]!;
    const partition = partitionOf[i]!;
    const lost = r.ackLost === true && acked;
    const retry = retries.get(i);
    for (const [attempt, batch] of (retry ? [stored, retry] : [stored]).entries()) {
      if (rolls.has(`${partition}:${batch.offset}`)) emit(ctx, { type: "segment-rolled", topic, partition, baseOffset: batch.offset });
      // What the producer hears back: nothing for a lost ack, -1 with acks=0, else the offset.
      const ack = lost && attempt === 0 ? null : acked ? batch.offset : -1;
      emit(ctx, { type: "produced", client, topic, partition, offset: batch.offset, key: r.key, value: r.value, timestamp: batch.timestamp, retry: attempt > 0, transactional, ack });
    }
    if (lost && idempotent) emit(ctx, { type: "duplicate-ignored", client, topic, partition, offset: stored.offset, ack: stored.offset });
  }
}

function newBatch(p: ProducerState, r: OutgoingRecord, size: number, now: number, transactional: boolean): StoredRecord {
  const stored: StoredRecord = { offset: -1, key: r.key, value: r.value, timestamp: r.timestamp ?? now, size };
  // Only transactional batches need their producer id here (read_committed and the cleaner match
  // them against aborted transactions); leaving it off the others keeps a million records lighter.
  if (transactional) {
    stored.producerId = p.producerId!;
    stored.transactional = true;
  }
  return stored;
}

/** One event for a bulk send: where each record went (errors still get their own events). */
function reportBulk(ctx: Ctx, client: string, topic: string, sent: (StoredRecord | KafkaError)[], partitionOf: number[], rolls: Set<string>, acked: boolean): void {
  const partitions: number[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < sent.length; i++) {
    const stored = sent[i]!;
    if (!("offset" in stored)) reportError(ctx, client, stored);
    else {
      partitions.push(partitionOf[i]!);
      offsets.push(stored.offset);
    }
  }
  const rolled = [...rolls].map((r) => r.split(":").map(Number) as [number, number]);
  for (const [partition, baseOffset] of rolled) emit(ctx, { type: "segment-rolled", topic, partition, baseOffset });
  emit(ctx, { type: "produced-batch", client, topic, partitions, offsets, acked });
}
