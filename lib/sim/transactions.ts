/**
 * Transactions (KIP-98): the producer's transactional calls and the transaction coordinator.
 * A commit or abort writes a control marker into every partition of the transaction, and each
 * marker takes an offset; aborted ranges are remembered so read_committed can skip them; offsets
 * sent with sendOffsetsToTransaction reach the group only on commit. initTransactions with the same
 * transactional.id bumps the epoch, fencing the older instance and aborting its open transaction.
 */
import { emit, patchProducer, producer, reportError, setPartition, type Ctx } from "./context";
import type { KafkaError } from "./events";
import { storeOffsets } from "./group";
import { appendRecord } from "./log";
import { batchSize } from "./record-size";
import { rollConfig, topicSettings } from "./settings";
import { parseTpKey, type ProducerState, type TxnState } from "./types";

/** A control batch: key = version + type (4 bytes), value = version + coordinator epoch (6 bytes). */
const MARKER_SIZE = batchSize("0000", "000000");

const FENCED: KafkaError = { type: "ProducerFencedException", message: "There is a newer producer with the same transactionalId which fences the current one." };
const NOT_TRANSACTIONAL: KafkaError = { type: "IllegalStateException", message: "Transactional method invoked on a non-transactional producer." };

function setTxn(ctx: Ctx, txn: TxnState): void {
  ctx.state = { ...ctx.state, txns: { ...ctx.state.txns, [txn.transactionalId]: txn } };
}

/** Whether the coordinator has moved past this producer instance (a newer epoch exists). */
function isFenced(ctx: Ctx, p: ProducerState): boolean {
  const txn = p.config.transactionalId === null ? undefined : ctx.state.txns[p.config.transactionalId];
  return p.txn === "fenced" || (!!txn && p.producerId === txn.producerId && p.epoch < txn.epoch);
}

/** Why a send cannot happen now, for a transactional producer (null if it can). */
export function checkTxnSend(ctx: Ctx, p: ProducerState): KafkaError | null {
  if (p.config.transactionalId === null) return null;
  if (isFenced(ctx, p)) return FENCED;
  if (p.txn === "uninitialized") return { type: "IllegalStateException", message: "Cannot perform a 'send' before completing a call to initTransactions when transactions are enabled." };
  if (p.txn !== "in-transaction") return { type: "IllegalStateException", message: "Cannot call send in state READY" };
  return null;
}

/** AddPartitionsToTxn: the first partition starts the transaction's timeout. */
export function addPartitionToTxn(ctx: Ctx, p: ProducerState, tp: string): void {
  const txn = ctx.state.txns[p.config.transactionalId!]!;
  if (txn.partitions.includes(tp)) return;
  setTxn(ctx, { ...txn, state: "Ongoing", partitions: [...txn.partitions, tp], startedAt: txn.startedAt ?? ctx.state.time });
}

/** Writes COMMIT or ABORT markers and closes the transaction on the coordinator. */
function endTxn(ctx: Ctx, txn: TxnState, control: "COMMIT" | "ABORT"): void {
  for (const key of txn.partitions) {
    const ref = parseTpKey(key)!;
    const part = ctx.state.topics[ref.topic]?.partitions[ref.partition];
    if (!part) continue;
    const s = topicSettings(ctx.state, ref.topic);
    const appended = appendRecord(
      part.log,
      { key: null, value: null, timestamp: ctx.state.time, size: MARKER_SIZE, producerId: txn.producerId, control },
      rollConfig(s),
    );
    const openTxns = { ...part.openTxns };
    const first = openTxns[txn.producerId];
    delete openTxns[txn.producerId];
    const aborted = control === "ABORT" && first !== undefined ? [...part.aborted, { producerId: txn.producerId, firstOffset: first, lastOffset: appended.offset }] : part.aborted;
    setPartition(ctx, ref.topic, ref.partition, { ...part, log: appended.log, openTxns, aborted });
    emit(ctx, { type: "marker", topic: ref.topic, partition: ref.partition, offset: appended.offset, control, producerId: txn.producerId });
  }
  if (control === "COMMIT") for (const [group, offsets] of Object.entries(txn.pendingOffsets)) storeOffsets(ctx, group, offsets);
  setTxn(ctx, { ...txn, state: "Empty", partitions: [], startedAt: null, pendingOffsets: {} });
}

/** initTransactions(): a producer id and a new epoch; an open transaction of an older instance is aborted. */
export function initTransactions(ctx: Ctx, id: string): void {
  const p = producer(ctx, id);
  const tid = p.config.transactionalId;
  if (tid === null) return reportError(ctx, id, NOT_TRANSACTIONAL);
  let txn = ctx.state.txns[tid];
  if (txn && txn.state === "Ongoing") {
    endTxn(ctx, txn, "ABORT");
    emit(ctx, { type: "txn", client: id, transactionalId: tid, action: "fenced" });
  }
  txn = ctx.state.txns[tid];
  const producerId = txn?.producerId ?? ctx.state.nextProducerId;
  if (!txn) ctx.state = { ...ctx.state, nextProducerId: ctx.state.nextProducerId + 1 };
  const epoch = txn ? txn.epoch + 1 : 0;
  setTxn(ctx, { transactionalId: tid, producerId, epoch, state: "Empty", partitions: [], startedAt: null, timeoutMs: p.config.transactionTimeoutMs, pendingOffsets: {} });
  patchProducer(ctx, id, { producerId, epoch, txn: "ready" });
  emit(ctx, { type: "txn", client: id, transactionalId: tid, action: "init" });
}

function checkCall(ctx: Ctx, p: ProducerState, method: string, need: "ready" | "in-transaction"): KafkaError | null {
  if (p.config.transactionalId === null) return NOT_TRANSACTIONAL;
  if (isFenced(ctx, p)) return FENCED;
  if (p.txn === "uninitialized") return { type: "IllegalStateException", message: `Cannot call ${method} before completing a call to initTransactions.` };
  if (p.txn !== need) {
    const from = p.txn === "ready" ? "READY" : "IN_TRANSACTION";
    const to = method === "beginTransaction" ? "IN_TRANSACTION" : method === "commitTransaction" ? "COMMITTING_TRANSACTION" : "ABORTING_TRANSACTION";
    return { type: "IllegalStateException", message: `Invalid transition attempted from state ${from} to state ${to}` };
  }
  return null;
}

/** beginTransaction(): only from READY; the transaction starts on the coordinator with its first partition or offsets. */
export function beginTransaction(ctx: Ctx, id: string): void {
  const p = producer(ctx, id);
  const error = checkCall(ctx, p, "beginTransaction", "ready");
  if (error) return reportError(ctx, id, error);
  patchProducer(ctx, id, { txn: "in-transaction" });
  emit(ctx, { type: "txn", client: id, transactionalId: p.config.transactionalId!, action: "begin" });
}

/** commitTransaction(): COMMIT markers in every partition of the transaction, then its offsets reach the groups. */
export function commitTransaction(ctx: Ctx, id: string): void {
  finish(ctx, id, "commitTransaction", "COMMIT");
}

/** abortTransaction(): ABORT markers; read_committed readers skip the transaction's records. */
export function abortTransaction(ctx: Ctx, id: string): void {
  finish(ctx, id, "abortTransaction", "ABORT");
}

function finish(ctx: Ctx, id: string, method: string, control: "COMMIT" | "ABORT"): void {
  const p = producer(ctx, id);
  const error = checkCall(ctx, p, method, "in-transaction");
  if (error) {
    if (error === FENCED) patchProducer(ctx, id, { txn: "fenced" });
    return reportError(ctx, id, error);
  }
  endTxn(ctx, ctx.state.txns[p.config.transactionalId!]!, control);
  patchProducer(ctx, id, { txn: "ready" });
  emit(ctx, { type: "txn", client: id, transactionalId: p.config.transactionalId!, action: control === "COMMIT" ? "commit" : "abort" });
}

/** sendOffsetsToTransaction: the group's offsets become visible only if the transaction commits. */
export function sendOffsetsToTransaction(ctx: Ctx, id: string, group: string, offsets: Record<string, number>): void {
  const p = producer(ctx, id);
  const error = checkCall(ctx, p, "sendOffsetsToTransaction", "in-transaction");
  if (error?.type === "IllegalStateException" && p.txn === "ready") {
    return reportError(ctx, id, { type: "IllegalStateException", message: "Cannot send offsets if a transaction is not in progress (currentState= READY)" });
  }
  if (error) return reportError(ctx, id, error);
  const txn = ctx.state.txns[p.config.transactionalId!]!;
  const pending = { ...txn.pendingOffsets, [group]: { ...txn.pendingOffsets[group], ...offsets } };
  setTxn(ctx, { ...txn, state: "Ongoing", pendingOffsets: pending, startedAt: txn.startedAt ?? ctx.state.time });
}

/** close(): a producer with a transaction in progress aborts it ("Aborting incomplete transaction due to shutdown"). */
export function abortOnClose(ctx: Ctx, id: string): void {
  const p = producer(ctx, id);
  if (p.config.transactionalId === null || p.txn !== "in-transaction" || isFenced(ctx, p)) return;
  const txn = ctx.state.txns[p.config.transactionalId];
  if (txn?.state === "Ongoing") endTxn(ctx, txn, "ABORT");
  emit(ctx, { type: "txn", client: id, transactionalId: p.config.transactionalId, action: "abort" });
}

/** The coordinator aborts transactions open longer than transaction.timeout.ms and bumps the epoch. */
export function onTxnTimeout(ctx: Ctx, tid: string): void {
  const txn = ctx.state.txns[tid];
  if (!txn || txn.state !== "Ongoing") return;
  endTxn(ctx, txn, "ABORT");
  setTxn(ctx, { ...ctx.state.txns[tid]!, epoch: txn.epoch + 1 });
  emit(ctx, { type: "txn", client: null, transactionalId: tid, action: "timeout-abort" });
}

/** When an open transaction times out, or Infinity. */
export function txnDeadline(txn: TxnState): number {
  return txn.state === "Ongoing" && txn.startedAt !== null ? txn.startedAt + txn.timeoutMs : Infinity;
}
