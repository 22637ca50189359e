/**
 * Log compaction for one partition's log: what the cleaner sees (LogCleanerManager.cleanableOffsets,
 * LogToClean, grabFilthiestCompactedLog) and one cleaning pass (Cleaner.doClean: buildOffsetMap,
 * groupSegmentsBySize, cleanSegments with the MemoryRecords.filterTo rules and
 * CleanedTransactionMetadata for transaction markers). kafka-semantics §1.1 and §3.5.
 *
 * The model is one record per batch (the simulator's producers send and acknowledge one record at a
 * time), so every batch-level rule of Kafka applies to a single record here.
 *
 * Compaction never changes offsets (gaps stay), never touches the active segment or anything at or
 * after the first uncleanable offset, and never moves the log start offset, LEO or HW.
 */
import { indexOfOffset, segmentIndexFor, segmentOf, type PartitionLog, type Segment, type StoredRecord } from "./log";
import { forEachFrom } from "./pvec";
import { varintSize } from "./record-size";

export interface CleanerConfig {
  /** min.cleanable.dirty.ratio: clean when cleanable / (clean + cleanable) is strictly above it. */
  minCleanableDirtyRatio: number;
  /** delete.retention.ms: how long a tombstone or marker survives after the pass that first recopies it. */
  deleteRetentionMs: number;
  /** min.compaction.lag.ms: a dirty segment with a record newer than now − lag is uncleanable (and so is all after it). */
  minCompactionLagMs: number;
  /** max.compaction.lag.ms: dirty data older than this forces a pass whatever the ratio. */
  maxCompactionLagMs: number;
  /**
   * segment.bytes (default 1073741824): the cleaner writes consecutive segments into one cleaned
   * segment while their sizes before cleaning add up to at most this (Cleaner.groupSegmentsBySize).
   */
  segmentBytes?: number;
}

export interface AbortedTxn {
  producerId: number;
  firstOffset: number;
  /** The ABORT marker's offset. */
  lastOffset: number;
}

export interface CleanerView {
  /** Where the dirty section starts: the checkpoint, or the log start offset if the checkpoint is below it or past the LEO. */
  firstDirty: number;
  /**
   * Where cleaning stops (exclusive): always a segment's base offset, the base of the segment
   * holding min(last stable offset, active segment base, first segment inside min.compaction.lag),
   * and never below firstDirty's segment.
   */
  firstUncleanable: number;
  /** Bytes of the segments that start below firstDirty. */
  cleanBytes: number;
  /** Bytes of the segments from the one holding firstDirty up to firstUncleanable. */
  cleanableBytes: number;
  /** cleanableBytes / (cleanBytes + cleanableBytes); 0 for a log without bytes. */
  ratio: number;
  /** Whether the cleaner would pick this log now: bytes to look at, and ratio > min.cleanable.dirty.ratio or forced. */
  eligible: boolean;
  /** max.compaction.lag.ms forces a pass: dirty data is older than the lag and there are cleanable bytes. */
  forced: boolean;
}

const DEFAULT_SEGMENT_BYTES = 1073741824;
/** Offsets in one segment must stay within an int of its base (Cleaner.groupSegmentsBySize). */
const INT_MAX = 2147483647;
/** DefaultRecordBatch.RECORD_BATCH_OVERHEAD (as in record-size.ts). */
const BATCH_OVERHEAD = 61;

/** Sum of sizes of the segments overlapping [from, to) (LocalLog.logSegments(from, to)). */
function bytesBetween(log: PartitionLog, from: number, to: number): number {
  let sum = 0;
  for (let i = segmentIndexFor(log, from); i < log.segments.length && log.segments[i]!.baseOffset < to; i++) sum += log.segments[i]!.size;
  return sum;
}

/**
 * What the cleaner sees for this log at `now` (LogCleanerManager.cleanableOffsets and LogToClean).
 * `checkpoint` is the cleaner's first dirty offset (initially the log start offset);
 * `lastStableOffset` is the first offset of the oldest open transaction, or the HW.
 *
 * Rules, as Kafka has them:
 * - firstUncleanable is rounded down to the base of the segment holding it, so a last stable
 *   offset inside a segment keeps that whole segment dirty (calculateCleanableBytes);
 * - min.compaction.lag.ms: the first non-active segment from firstDirty's with
 *   largestTimestamp > now − lag is uncleanable;
 * - max.compaction.lag.ms forces a pass when the earliest first-batch timestamp of the dirty
 *   non-active segments is below now − lag. Kafka ignores first timestamps ≤ 0 there
 *   (`filter(_ > 0)`), so a segment that starts at t=0 never forces;
 * - a log with no bytes to look at is skipped.
 */
export function cleanerView(log: PartitionLog, checkpoint: number, lastStableOffset: number, config: CleanerConfig, now: number): CleanerView {
  const segments = log.segments;
  const activeIndex = segments.length - 1;
  const activeBase = segments[activeIndex]!.baseOffset;
  // An invalid checkpoint (below the log start offset after retention or DeleteRecords, or past
  // the LEO) restarts at the log start offset.
  const firstDirty = checkpoint < log.logStartOffset || checkpoint > log.logEndOffset ? log.logStartOffset : checkpoint;
  // Dirty non-active segments: from the one holding firstDirty up to (not including) the active one.
  const dirtyFrom = firstDirty > activeBase ? activeIndex : segmentIndexFor(log, firstDirty);

  let lagBound = Number.POSITIVE_INFINITY;
  const minLag = Math.max(config.minCompactionLagMs, 0);
  if (minLag > 0) {
    for (let i = dirtyFrom; i < activeIndex; i++) {
      if (segments[i]!.largestTimestamp > now - minLag) {
        lagBound = segments[i]!.baseOffset;
        break;
      }
    }
  }
  const uncleanableDirty = Math.max(firstDirty, Math.min(lastStableOffset, activeBase, lagBound));
  const firstUncleanable = segments[Math.min(segmentIndexFor(log, uncleanableDirty), activeIndex)]!.baseOffset;

  let cleanBytes = 0;
  for (const s of segments) if (s.baseOffset < firstDirty) cleanBytes += s.size;
  const cleanableBytes = bytesBetween(log, Math.min(firstDirty, firstUncleanable), firstUncleanable);
  const total = cleanBytes + cleanableBytes;
  const ratio = total > 0 ? cleanableBytes / total : 0;

  let earliest = Number.POSITIVE_INFINITY;
  for (let i = dirtyFrom; i < activeIndex; i++) {
    const t = segments[i]!.firstTimestamp;
    if (t !== null && t > 0 && t < earliest) earliest = t;
  }
  const forced = earliest < now - Math.max(config.maxCompactionLagMs, 0) && cleanableBytes > 0;
  const eligible = total > 0 && (forced || ratio > config.minCleanableDirtyRatio);
  return { firstDirty, firstUncleanable, cleanBytes, cleanableBytes, ratio, eligible, forced };
}

/**
 * Bytes of a one-record batch of `size` bytes once rewritten with a delete horizon: the batch's
 * base timestamp becomes the horizon, so the record's timestamp delta (0 when produced) becomes
 * `timestamp − horizon`, a longer varlong, and the record's length prefix may grow with it.
 */
function sizeWithTimestampDelta(size: number, delta: number): number {
  const framed = size - BATCH_OVERHEAD;
  for (let prefix = 1; prefix <= 5; prefix++) {
    const body = framed - prefix;
    if (body >= 0 && varintSize(body) === prefix) {
      const grown = body - varintSize(0) + varintSize(delta);
      return BATCH_OVERHEAD + varintSize(grown) + grown;
    }
  }
  // Not a size the byte model produces: grow by the delta's extra bytes only.
  return size - varintSize(0) + varintSize(delta);
}

/**
 * Cleaner.groupSegmentsBySize: consecutive segments go into one cleaned segment while their sizes
 * before cleaning add up to at most segment.bytes and their offsets stay within an int of the
 * group's last base offset (an empty segment skips that check). The index-size limits
 * (segment.index.bytes) are not modelled: they cannot bind before segment.bytes does here.
 */
function groupSegments(segments: readonly Segment[], maxSize: number, firstUncleanable: number): Segment[][] {
  const groups: Segment[][] = [];
  let i = 0;
  while (i < segments.length) {
    const group = [segments[i]!];
    let size = segments[i]!.size;
    i += 1;
    while (i < segments.length) {
      const candidate = segments[i]!;
      const lastOffset = i + 1 < segments.length ? segments[i + 1]!.baseOffset - 1 : firstUncleanable - 1;
      const fits = size + candidate.size <= maxSize && (candidate.size === 0 || lastOffset - group[group.length - 1]!.baseOffset <= INT_MAX);
      if (!fits) break;
      group.push(candidate);
      size += candidate.size;
      i += 1;
    }
    groups.push(group);
  }
  return groups;
}

/**
 * One cleaning pass at `now` if the log is eligible (ratio strictly above min.cleanable.dirty.ratio,
 * or forced by max.compaction.lag.ms with cleanable bytes); otherwise the log is returned unchanged
 * with cleaned=false (and the checkpoint reset to the log start offset if it was invalid, as Kafka
 * rewrites an invalid checkpoint before choosing).
 *
 * A pass, as Cleaner.doClean does it:
 * 1. Offset map: key → latest offset over [firstDirty, firstUncleanable) only, skipping markers
 *    and records of aborted transactions. Its latest offset is firstUncleanable − 1 (Kafka
 *    fast-forwards it to each dirty segment's end), so the new checkpoint is firstUncleanable.
 * 2. Every segment below that (clean and dirty, from the first one) is recopied, in groups of
 *    consecutive segments whose sizes before cleaning fit in segment.bytes; each group becomes one
 *    segment with the first one's base offset, possibly empty (Kafka swaps an empty cleaned
 *    segment in too; a later pass folds it into its neighbours).
 * 3. A data record is kept iff it is not in an aborted transaction (those go at once, key or
 *    not), and: its offset is past the map's latest, or it has a key, no newer offset for that key
 *    is in the map, and it has a value or is a tombstone whose delete horizon is unset or still
 *    ahead (now < horizon). A keyless record inside the map's range goes.
 * 4. Transaction markers (KIP-534 and CleanedTransactionMetadata): a COMMIT marker can go once no
 *    data of its transaction was read earlier in this pass; an ABORT marker once no data of its
 *    aborted transaction was read in this pass (so it outlives its data by at least one pass).
 *    Until then it is kept and not stamped; the first pass that finds it removable stamps it, and a
 *    later pass with now ≥ horizon drops it.
 * 5. The first pass that keeps a tombstone (or a removable marker) without a horizon stamps
 *    `deleteHorizonMs = now + delete.retention.ms`; the rewritten batch's base timestamp becomes
 *    the horizon, so its size grows by the longer timestamp delta (exact for the byte model).
 *
 * Guarantees: offsets never change and order is kept; the active segment and all segments from
 * firstUncleanable on are shared untouched; the log start offset, LEO and HW are unchanged; a key's
 * older value survives while its newer one is only at or after firstUncleanable. `removedOffsets`
 * lists the offsets removed, ascending; `checkpoint` is the next first dirty offset.
 */
export function cleanLog(
  log: PartitionLog,
  checkpoint: number,
  lastStableOffset: number,
  aborted: readonly AbortedTxn[],
  config: CleanerConfig,
  now: number,
): { log: PartitionLog; checkpoint: number; cleaned: boolean; removedOffsets: number[] } {
  const view = cleanerView(log, checkpoint, lastStableOffset, config, now);
  if (!view.eligible) return { log, checkpoint: view.firstDirty, cleaned: false, removedOffsets: [] };
  const { firstDirty, firstUncleanable } = view;
  const segments = log.segments;

  const abortedByProducer = new Map<number, AbortedTxn[]>();
  for (const txn of aborted) {
    const list = abortedByProducer.get(txn.producerId);
    if (list) list.push(txn);
    else abortedByProducer.set(txn.producerId, [txn]);
  }
  const abortedTxnOf = (producerId: number, offset: number): AbortedTxn | undefined =>
    abortedByProducer.get(producerId)?.find((t) => t.firstOffset <= offset && offset <= t.lastOffset);
  const isAbortedData = (r: StoredRecord): boolean => r.control === undefined && r.transactional === true && r.producerId !== undefined && abortedTxnOf(r.producerId, r.offset) !== undefined;

  // 1. The offset map over the dirty, cleanable range.
  const map = new Map<string, number>();
  let latestOffset = -1;
  for (let i = segmentIndexFor(log, firstDirty); i < segments.length && segments[i]!.baseOffset < firstUncleanable; i++) {
    const records = segments[i]!.records;
    forEachFrom(records, indexOfOffset(records, firstDirty), (r) => {
      if (r.control === undefined && !isAbortedData(r) && r.key !== null) map.set(r.key, r.offset);
      latestOffset = Math.max(latestOffset, r.offset);
    });
    const nextBase = i + 1 < segments.length && segments[i + 1]!.baseOffset < firstUncleanable ? segments[i + 1]!.baseOffset : firstUncleanable;
    latestOffset = Math.max(latestOffset, nextBase - 1);
  }
  const endOffset = latestOffset + 1;

  // 2–5. Recopy every segment below endOffset, carrying transaction state across the whole pass.
  const committedOpen = new Set<number>();
  const abortedDataSeen = new Set<AbortedTxn>();
  const horizon = now + config.deleteRetentionMs;
  const removedOffsets: number[] = [];
  const stamp = (r: StoredRecord): StoredRecord => ({ ...r, deleteHorizonMs: horizon, size: sizeWithTimestampDelta(r.size, r.timestamp - horizon) });

  /** The record as it stays in the log, or null if the pass removes it. */
  const clean = (r: StoredRecord): StoredRecord | null => {
    const producerId = r.producerId ?? -1;
    if (r.control !== undefined) {
      let removable: boolean;
      if (r.control === "COMMIT") removable = !committedOpen.delete(producerId);
      else {
        const txn = abortedTxnOf(producerId, r.offset);
        removable = txn === undefined || !abortedDataSeen.has(txn);
      }
      if (!removable) return r;
      if (r.deleteHorizonMs !== undefined) return r.deleteHorizonMs <= now ? null : r;
      return stamp(r);
    }
    if (r.transactional === true && r.producerId !== undefined) {
      const txn = abortedTxnOf(r.producerId, r.offset);
      if (txn !== undefined) {
        abortedDataSeen.add(txn);
        return null;
      }
      committedOpen.add(r.producerId);
    }
    let keep: boolean;
    if (r.offset > latestOffset) keep = true;
    else if (r.key === null) keep = false;
    else {
      const latestForKey = r.offset >= (map.get(r.key) ?? -1);
      const retainDelete = r.deleteHorizonMs === undefined || now < r.deleteHorizonMs;
      keep = latestForKey && (r.value !== null || retainDelete);
    }
    if (!keep) return null;
    return r.value === null && r.deleteHorizonMs === undefined ? stamp(r) : r;
  };

  let recopied = 0;
  while (recopied < segments.length && segments[recopied]!.baseOffset < endOffset) recopied += 1;
  const cleaned: Segment[] = [];
  for (const group of groupSegments(segments.slice(0, recopied), config.segmentBytes ?? DEFAULT_SEGMENT_BYTES, firstUncleanable)) {
    const kept: StoredRecord[] = [];
    let changed = false;
    for (const segment of group) {
      forEachFrom(segment.records, 0, (r) => {
        const out = clean(r);
        if (out === null) removedOffsets.push(r.offset);
        else kept.push(out);
        if (out !== r) changed = true;
      });
    }
    if (group.length === 1 && !changed) {
      // Nothing to rewrite: share the segment.
      cleaned.push(group[0]!);
      continue;
    }
    // A reopened cleaned segment's first-batch timestamp is its first kept record's.
    const segment = segmentOf(group[0]!.baseOffset, kept, kept[0]?.timestamp ?? null);
    // An empty segment's largest timestamp is its file's mtime in Kafka, which the cleaner copies
    // from the group's last segment: keep that segment's largest timestamp as the stand-in.
    cleaned.push(kept.length > 0 ? segment : { ...segment, largestTimestamp: group[group.length - 1]!.largestTimestamp });
  }

  return {
    log: { ...log, segments: [...cleaned, ...segments.slice(recopied)] },
    checkpoint: endOffset,
    cleaned: true,
    removedOffsets,
  };
}
