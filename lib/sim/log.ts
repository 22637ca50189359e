/**
 * One partition's log, as Kafka keeps it: segments of records with dense offsets that are never
 * reused, a log start offset (the earliest fetchable offset), a log end offset (the next offset to
 * write) and a high watermark (HW = LEO after every acknowledged append: one broker, replication
 * factor 1). Segments roll only when a batch is appended (`segment.bytes`, `segment.ms`).
 *
 * Functions never change their arguments: each returns a new log that shares every untouched
 * segment and chunk with the old one, so a step costs what it touches, not the log's size.
 */

export interface StoredRecord {
  offset: number;
  key: string | null;
  value: string | null;
  /** CreateTime: the producer's clock when it sent the record. */
  timestamp: number;
  /** Bytes of the record's batch (record-size.ts). */
  size: number;
}

export interface Segment {
  baseOffset: number;
  /** Bytes of all batches in the segment. */
  size: number;
  /** Timestamp of the first batch appended (drives `segment.ms`); null while empty. */
  firstTimestamp: number | null;
  /** Largest record timestamp (drives time retention); -1 while empty. */
  largestTimestamp: number;
  /** Records in offset order, in chunks so that an append copies one small chunk. */
  chunks: StoredRecord[][];
}

export interface PartitionLog {
  /** Oldest first; the last one is the active segment. Never empty. */
  segments: Segment[];
  logStartOffset: number;
  logEndOffset: number;
  highWatermark: number;
}

export interface RollConfig {
  "segment.bytes": number;
  "segment.ms": number;
  "segment.jitter.ms": number;
}

const CHUNK = 256;

function emptySegment(baseOffset: number): Segment {
  return { baseOffset, size: 0, firstTimestamp: null, largestTimestamp: -1, chunks: [] };
}

/** A new, empty partition log (all offsets 0). */
export function emptyLog(): PartitionLog {
  return { segments: [emptySegment(0)], logStartOffset: 0, logEndOffset: 0, highWatermark: 0 };
}

/**
 * Whether appending a batch of `size` bytes with max timestamp `timestamp` rolls the active
 * segment first (LogSegment.shouldRoll): the segment would pass `segment.bytes`, or it is not
 * empty and the batch is more than `segment.ms − jitter` after the segment's first batch.
 */
function shouldRoll(active: Segment, size: number, timestamp: number, config: RollConfig): boolean {
  if (active.size > config["segment.bytes"] - size) return true;
  return active.size > 0 && active.firstTimestamp !== null && timestamp - active.firstTimestamp > config["segment.ms"] - config["segment.jitter.ms"];
}

/**
 * Appends one record (one batch) at the log end offset and moves the HW with it. Returns the new
 * log, the record's offset and whether a new segment was rolled for it.
 */
export function appendRecord(
  log: PartitionLog,
  record: { key: string | null; value: string | null; timestamp: number; size: number },
  config: RollConfig,
): { log: PartitionLog; offset: number; rolled: boolean } {
  const offset = log.logEndOffset;
  let segments = log.segments;
  let active = segments[segments.length - 1]!;
  const rolled = shouldRoll(active, record.size, record.timestamp, config);
  if (rolled) {
    segments = [...segments, emptySegment(offset)];
    active = segments[segments.length - 1]!;
  }
  const stored: StoredRecord = { offset, key: record.key, value: record.value, timestamp: record.timestamp, size: record.size };
  const last = active.chunks[active.chunks.length - 1];
  const chunks = last && last.length < CHUNK ? [...active.chunks.slice(0, -1), [...last, stored]] : [...active.chunks, [stored]];
  const next: Segment = {
    baseOffset: active.baseOffset,
    size: active.size + record.size,
    firstTimestamp: active.firstTimestamp ?? record.timestamp,
    largestTimestamp: Math.max(active.largestTimestamp, record.timestamp),
    chunks,
  };
  return {
    log: { ...log, segments: [...segments.slice(0, -1), next], logEndOffset: offset + 1, highWatermark: offset + 1 },
    offset,
    rolled,
  };
}

/** Every record of a segment, in offset order. */
export function segmentRecords(segment: Segment): StoredRecord[] {
  return segment.chunks.flat();
}

/** Bytes held by the partition (the sum of its segments; what `retention.bytes` compares). */
export function logSize(log: PartitionLog): number {
  return log.segments.reduce((sum, s) => sum + s.size, 0);
}

export type FetchResult = { kind: "records"; records: StoredRecord[] } | { kind: "out-of-range"; logStartOffset: number; highWatermark: number };

/**
 * Up to `max` records from `offset` (inclusive) that are below the high watermark. An offset
 * below the log start offset or above the HW is out of range (the consumer then applies
 * `auto.offset.reset`); an offset equal to the HW returns no records.
 */
export function fetchFrom(log: PartitionLog, offset: number, max: number): FetchResult {
  if (offset < log.logStartOffset || offset > log.highWatermark) return { kind: "out-of-range", logStartOffset: log.logStartOffset, highWatermark: log.highWatermark };
  const out: StoredRecord[] = [];
  let s = segmentIndexFor(log, offset);
  for (; s < log.segments.length && out.length < max; s++) {
    for (const chunk of log.segments[s]!.chunks) {
      if (chunk.length === 0 || chunk[chunk.length - 1]!.offset < offset) continue;
      for (const r of chunk) {
        if (r.offset < offset || r.offset >= log.highWatermark) continue;
        out.push(r);
        if (out.length === max) break;
      }
      if (out.length === max) break;
    }
  }
  return { kind: "records", records: out };
}

/** Index of the segment holding `offset` (binary search on base offsets). */
function segmentIndexFor(log: PartitionLog, offset: number): number {
  let lo = 0;
  let hi = log.segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (log.segments[mid]!.baseOffset <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
