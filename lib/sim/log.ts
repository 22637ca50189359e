/**
 * One partition's log, as Kafka keeps it: segments of records with dense offsets that are never
 * reused, a log start offset (the earliest fetchable offset), a log end offset (the next offset to
 * write) and a high watermark (HW = LEO after every acknowledged append: one broker, replication
 * factor 1). Segments roll only when a batch is appended (`segment.bytes`, `segment.ms`).
 *
 * Functions never change their arguments: each returns a new log that shares every untouched
 * segment (and, through the persistent vector, every untouched record) with the old one, so a
 * step costs what it touches, not the log's size.
 */
import { emptyVec, forEachFrom, fromArray, get, push, pushAll, toArray, type PVec } from "./pvec";

/** One record as the log keeps it (one record per batch, so batch fields live here too). */
export interface StoredRecord {
  offset: number;
  key: string | null;
  value: string | null;
  /** CreateTime: the producer's clock when it sent the record. */
  timestamp: number;
  /** Bytes of the record's batch (record-size.ts). */
  size: number;
  /** Producer id of a transactional batch or marker (read_committed filters aborted ones by it). */
  producerId?: number;
  /** Set on batches of a transaction (data, not markers). */
  transactional?: true;
  /** KIP-534: stamped by the first cleaner pass that recopies a tombstone or marker; dropped once now ≥ it. */
  deleteHorizonMs?: number;
  /** Set on a transaction marker (a control batch): it takes an offset but is never delivered. */
  control?: "COMMIT" | "ABORT";
}

/** A log segment: its base offset, byte size, timestamps that drive rolls and retention, and records. */
export interface Segment {
  baseOffset: number;
  /** Bytes of all batches in the segment. */
  size: number;
  /** Timestamp of the first batch appended (drives `segment.ms`); null while empty. */
  firstTimestamp: number | null;
  /** Largest record timestamp (drives time retention); -1 while empty. */
  largestTimestamp: number;
  /** Records in offset order (offsets may have gaps after compaction). */
  records: PVec<StoredRecord>;
}

/** A partition's log with its offsets markers. */
export interface PartitionLog {
  /** Oldest first; the last one is the active segment. Never empty. */
  segments: Segment[];
  logStartOffset: number;
  logEndOffset: number;
  highWatermark: number;
}

/** The topic configs that decide when the active segment rolls. */
export interface RollConfig {
  "segment.bytes": number;
  "segment.ms": number;
  "segment.jitter.ms": number;
}

/** An empty segment starting at `baseOffset`. */
export function emptySegment(baseOffset: number): Segment {
  return { baseOffset, size: 0, firstTimestamp: null, largestTimestamp: -1, records: emptyVec() };
}

/** A segment holding `records` (offset order), e.g. a segment rewritten by the cleaner. */
export function segmentOf(baseOffset: number, records: readonly StoredRecord[], firstTimestamp: number | null): Segment {
  let size = 0;
  let largest = -1;
  for (const r of records) {
    size += r.size;
    if (r.timestamp > largest) largest = r.timestamp;
  }
  return { baseOffset, size, firstTimestamp: records.length ? firstTimestamp : null, largestTimestamp: largest, records: fromArray(records) };
}

/** A new, empty partition log (all offsets 0). */
export function emptyLog(): PartitionLog {
  return { segments: [emptySegment(0)], logStartOffset: 0, logEndOffset: 0, highWatermark: 0 };
}

/**
 * Whether appending a batch of `size` bytes with max timestamp `timestamp` rolls the active
 * segment first (LogSegment.shouldRoll): the segment is not empty and either would pass
 * `segment.bytes`, or the batch is more than `segment.ms − jitter` after the segment's first batch.
 */
function shouldRoll(activeSize: number, firstTimestamp: number | null, size: number, timestamp: number, config: RollConfig): boolean {
  // An empty active segment is never rolled: Kafka's roll replaces it by one at the same base offset.
  if (activeSize === 0) return false;
  if (activeSize > config["segment.bytes"] - size) return true;
  return firstTimestamp !== null && timestamp - firstTimestamp > config["segment.ms"] - config["segment.jitter.ms"];
}

/**
 * Appends one record (one batch) at the log end offset and moves the HW with it. Returns the new
 * log, the record's offset and whether a new segment was rolled for it.
 */
export function appendRecord(
  log: PartitionLog,
  record: Omit<StoredRecord, "offset">,
  config: RollConfig,
): { log: PartitionLog; offset: number; rolled: boolean } {
  const offset = log.logEndOffset;
  let segments = log.segments;
  let active = segments[segments.length - 1]!;
  const rolled = shouldRoll(active.size, active.firstTimestamp, record.size, record.timestamp, config);
  if (rolled) {
    segments = [...segments, emptySegment(offset)];
    active = segments[segments.length - 1]!;
  }
  const stored: StoredRecord = { offset, key: record.key, value: record.value, timestamp: record.timestamp, size: record.size };
  if (record.producerId !== undefined) stored.producerId = record.producerId;
  if (record.transactional) stored.transactional = true;
  if (record.control) stored.control = record.control;
  const next: Segment = {
    baseOffset: active.baseOffset,
    size: active.size + record.size,
    firstTimestamp: active.firstTimestamp ?? record.timestamp,
    largestTimestamp: active.largestTimestamp > record.timestamp ? active.largestTimestamp : record.timestamp,
    records: push(active.records, stored),
  };
  const nextSegments = segments === log.segments ? segments.slice() : segments;
  nextSegments[nextSegments.length - 1] = next;
  return { log: { segments: nextSegments, logStartOffset: log.logStartOffset, logEndOffset: offset + 1, highWatermark: offset + 1 }, offset, rolled };
}

/**
 * Appends records in order, each as its own batch: the same log, offsets and rolls as calling
 * appendRecord once per record, built with one copy of each touched segment instead of one per
 * record. The records must be new objects owned by the caller: their `offset` is filled in and
 * they are stored as they are (no copy per record). Returns the base offsets of rolled segments.
 */
export function appendRecords(log: PartitionLog, records: readonly StoredRecord[], config: RollConfig): { log: PartitionLog; rolled: number[] } {
  const segments = log.segments.slice(0, -1);
  let active = log.segments[log.segments.length - 1]!;
  let pending: StoredRecord[] = [];
  let size = active.size;
  let first = active.firstTimestamp;
  let largest = active.largestTimestamp;
  let offset = log.logEndOffset;
  const rolled: number[] = [];
  const seal = (): Segment => ({ baseOffset: active.baseOffset, size, firstTimestamp: first, largestTimestamp: largest, records: pushAll(active.records, pending) });
  for (const record of records) {
    if (shouldRoll(size, first, record.size, record.timestamp, config)) {
      segments.push(seal());
      active = emptySegment(offset);
      pending = [];
      size = 0;
      first = null;
      largest = -1;
      rolled.push(offset);
    }
    record.offset = offset;
    pending.push(record);
    size += record.size;
    first ??= record.timestamp;
    if (record.timestamp > largest) largest = record.timestamp;
    offset++;
  }
  segments.push(seal());
  return { log: { segments, logStartOffset: log.logStartOffset, logEndOffset: offset, highWatermark: offset }, rolled };
}

/** Every record of a segment, in offset order. */
export function segmentRecords(segment: Segment): StoredRecord[] {
  return toArray(segment.records);
}

/** Bytes held by the partition (the sum of its segments; what `retention.bytes` compares). */
export function logSize(log: PartitionLog): number {
  return log.segments.reduce((sum, s) => sum + s.size, 0);
}

/** A fetch's records and next position, or out of range (the consumer then resets). */
export type FetchResult = { kind: "records"; records: StoredRecord[]; next: number } | { kind: "out-of-range"; logStartOffset: number; highWatermark: number };

/**
 * Up to `max` records from `offset` (inclusive) that are below `limit` (the high watermark, or
 * the last stable offset for read_committed) and accepted by `keep` (e.g. markers and aborted
 * records are skipped for delivery but still counted as passed). An offset below the log start
 * offset or above the HW is out of range (the consumer then applies `auto.offset.reset`); a
 * compaction gap is not an error: the fetch starts at the next existing record.
 * `next` is where the position moves to: past everything scanned, delivered or skipped.
 */
export function fetchFrom(
  log: PartitionLog,
  offset: number,
  max: number,
  limit: number = log.highWatermark,
  keep: (record: StoredRecord) => boolean = () => true,
): FetchResult {
  if (offset < log.logStartOffset || offset > log.highWatermark) return { kind: "out-of-range", logStartOffset: log.logStartOffset, highWatermark: log.highWatermark };
  const out: StoredRecord[] = [];
  let next = offset;
  for (let s = segmentIndexFor(log, offset); s < log.segments.length && out.length < max; s++) {
    const records = log.segments[s]!.records;
    let stop = false;
    forEachFrom(records, indexOfOffset(records, offset), (r) => {
      if (r.offset >= limit || out.length === max) {
        stop = true;
        return false;
      }
      if (keep(r)) out.push(r);
      next = r.offset + 1;
    });
    if (stop) break;
  }
  // Past the last record scanned but below the limit there may be nothing (compacted away):
  // a caught-up reader's position is the limit itself.
  if (out.length < max) next = Math.max(next, limit);
  return { kind: "records", records: out, next };
}

/** Index in `records` of the first record with an offset ≥ `offset` (binary search). */
export function indexOfOffset(records: PVec<StoredRecord>, offset: number): number {
  let lo = 0;
  let hi = records.size;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (get(records, mid)!.offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the segment holding `offset` (binary search on base offsets). */
export function segmentIndexFor(log: PartitionLog, offset: number): number {
  let lo = 0;
  let hi = log.segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (log.segments[mid]!.baseOffset <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
