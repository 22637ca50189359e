/**
 * Read-side rules of one partition: the last stable offset (transactions) and which records a
 * consumer at a given isolation level may see.
 */
import { emptyLog, fetchFrom, type FetchResult, type StoredRecord } from "./log";
import { forEachFrom } from "./pvec";
import type { PartitionState } from "./types";

/** A new partition: one empty segment at offset 0, no transactions. */
export function emptyPartition(): PartitionState {
  return { log: emptyLog(), openTxns: {}, aborted: [], cleanerCheckpoint: 0 };
}

/** The Last Stable Offset: the first offset of the oldest open transaction, else the HW. */
export function lastStableOffset(p: PartitionState): number {
  let lso = p.log.highWatermark;
  for (const first in p.openTxns) lso = Math.min(lso, p.openTxns[first]!);
  return lso;
}

/** Whether `r` belongs to an aborted transaction (read_committed never returns it). */
export function isAborted(p: PartitionState, r: StoredRecord): boolean {
  if (!r.transactional || r.producerId === undefined) return false;
  for (const a of p.aborted) if (a.producerId === r.producerId && r.offset >= a.firstOffset && r.offset <= a.lastOffset) return true;
  return false;
}

/** The records a reader could still reach (at or above the log start offset), markers included, oldest first. */
export function readableRecords(p: PartitionState): StoredRecord[] {
  const out: StoredRecord[] = [];
  for (const segment of p.log.segments) {
    forEachFrom(segment.records, 0, (r) => {
      if (r.offset >= p.log.logStartOffset) out.push(r);
    });
  }
  return out;
}

const notControl = (r: StoredRecord) => r.control === undefined;

/**
 * A consumer fetch: read_uncommitted reads to the HW and sees aborted records; read_committed
 * stops at the last stable offset and skips aborted records. Neither ever returns a marker, but the
 * position moves past markers and skipped records.
 */
export function fetchPartition(p: PartitionState, offset: number, max: number, isolation: "read_uncommitted" | "read_committed"): FetchResult {
  if (isolation === "read_uncommitted") return fetchFrom(p.log, offset, max, p.log.highWatermark, notControl);
  return fetchFrom(p.log, offset, max, lastStableOffset(p), (r) => notControl(r) && !isAborted(p, r));
}
