/**
 * Retention for one partition's log: the periodic segment deletion of `UnifiedLog.deleteOldSegments`
 * and the log start offset move of DeleteRecords (KIP-107). kafka-semantics §1.1 (retention.ms,
 * retention.bytes) and §3.3.
 *
 * Deletion is whole-segment, oldest first, and only at a retention check: a record older than
 * retention.ms stays readable while anything else in its segment is younger. Offsets are never
 * reused: when every segment goes, an empty segment is rolled at the log end offset first.
 */
import { emptySegment, logSize, type PartitionLog, type Segment } from "./log";

export interface RetentionConfig {
  /** retention.ms; negative (-1) = no time limit. */
  retentionMs: number;
  /** retention.bytes, per partition; negative (-1) = no size limit. */
  retentionBytes: number;
  /** cleanup.policy contains delete. Without it only segments below the log start offset go. */
  deletePolicy: boolean;
}

export interface DeletedSegment {
  baseOffset: number;
  sizeBytes: number;
  /** Records the segment still held (including any below the log start offset). */
  records: number;
  reason: "log-start-offset" | "retention.bytes" | "retention.ms";
}

/** Whether `segment` (followed by `next`, if any) may go under one deletion rule. */
type Predicate = (segment: Segment, next: Segment | undefined) => boolean;

/**
 * One `deleteOldSegments(predicate)` round (UnifiedLog.deletableSegments + deleteSegments).
 * Walks segments oldest first and stops at the first one that may not go. A segment may go iff
 * the HW is at or past its upper bound (the next segment's base offset, or the LEO for the last
 * one: the log start offset must never pass the HW), the predicate holds, and it is not an empty
 * last segment. The predicate runs only once the HW test passes, as in Kafka, because the size
 * rule counts bytes down as it accepts segments.
 */
function deleteOld(log: PartitionLog, predicate: Predicate, reason: DeletedSegment["reason"], deleted: DeletedSegment[]): PartitionLog {
  const segments = log.segments;
  let count = 0;
  while (count < segments.length) {
    const segment = segments[count]!;
    const next = segments[count + 1];
    const upperBound = next ? next.baseOffset : log.logEndOffset;
    const lastAndEmpty = next === undefined && segment.size === 0;
    if (!(log.highWatermark >= upperBound && predicate(segment, next)) || lastAndEmpty) break;
    count += 1;
  }
  if (count === 0) return log;
  for (const s of segments.slice(0, count)) deleted.push({ baseOffset: s.baseOffset, sizeBytes: s.size, records: s.records.size, reason });
  // A log always has a segment: deleting them all first rolls an empty one at the LEO, so the
  // next record still gets the next offset (never 0 again).
  const remaining = count === segments.length ? [emptySegment(log.logEndOffset)] : segments.slice(count);
  // The log start offset only moves forward: DeleteRecords may already have put it inside the
  // first remaining segment (maybeIncrementLogStartOffset).
  const logStartOffset = Math.max(log.logStartOffset, remaining[0]!.baseOffset);
  return { ...log, segments: remaining, logStartOffset };
}

/**
 * One retention check at `now`, in UnifiedLog.deleteOldSegments order: segments wholly below the
 * log start offset (always, whatever the policy), then, with the delete policy, retention.bytes,
 * then retention.ms. Each rule sees the log the previous one left.
 *
 * Guarantees: only whole segments go, oldest first, stopping at the first one that may not; no
 * segment at or past the HW goes; the log start offset never moves backwards; the LEO and HW never
 * change; the result always has a segment (an empty one at the LEO if everything went). The input
 * is not changed and surviving segments are shared with it.
 */
export function runRetention(log: PartitionLog, config: RetentionConfig, now: number): { log: PartitionLog; deleted: DeletedSegment[] } {
  const deleted: DeletedSegment[] = [];
  // Segments whose successor starts at or below the log start offset hold nothing fetchable
  // (DeleteRecords moved past them). The last segment never goes this way.
  let next = deleteOld(log, (_segment, following) => following !== undefined && following.baseOffset <= log.logStartOffset, "log-start-offset", deleted);
  if (config.deletePolicy) {
    const size = logSize(next);
    // Nothing happens below the limit; at or above it, the oldest segments go while what is left
    // stays ≥ retention.bytes (diff − segment.size ≥ 0). With retention.bytes = 0 that is every
    // segment, active one included (an empty one is rolled in its place).
    if (config.retentionBytes >= 0 && size >= config.retentionBytes) {
      let diff = size - config.retentionBytes;
      next = deleteOld(
        next,
        (segment) => {
          if (diff - segment.size < 0) return false;
          diff -= segment.size;
          return true;
        },
        "retention.bytes",
        deleted,
      );
    }
    if (config.retentionMs >= 0) {
      // Strict >: a segment whose newest record is exactly retention.ms old stays. A future
      // timestamp makes the difference negative, so it pins its segment and every later one.
      next = deleteOld(next, (segment) => now - segment.largestTimestamp > config.retentionMs, "retention.ms", deleted);
    }
  }
  return { log: next, deleted };
}

export type DeleteRecordsResult = { ok: true; log: PartitionLog; lowWatermark: number } | { ok: false; error: { type: string; message: string } };

/**
 * DeleteRecords (KIP-107, `kafka-delete-records`, `Admin.deleteRecords`): moves the log start
 * offset to `offset` (-1 = the high watermark), as Partition.deleteRecordsOnLeader and
 * UnifiedLog.maybeIncrementLogStartOffset do, with Kafka's exception types and messages:
 * - a topic without the delete policy: PolicyViolationException;
 * - a negative offset other than -1: OffsetOutOfRangeException "The offset … is not valid";
 * - an offset above the HW: OffsetOutOfRangeException "Cannot increment the log start offset …".
 * An offset at or below the current log start offset succeeds and changes nothing. The records
 * below the new log start offset stay stored until a retention check deletes their segment (only
 * whole segments below it go), but a fetch below it is out of range. `lowWatermark` is the log
 * start offset afterwards (one replica). Segments are untouched.
 *
 * `topicPartition` ("topic-0") only appears in the messages.
 */
export function deleteRecords(
  log: PartitionLog,
  offset: number,
  options: { topicPartition?: string; deletePolicy?: boolean } = {},
): DeleteRecordsResult {
  const tp = options.topicPartition ?? "topic-0";
  if (options.deletePolicy === false) {
    return { ok: false, error: { type: "PolicyViolationException", message: `Records of partition ${tp} can not be deleted due to the configured policy` } };
  }
  const target = offset === -1 ? log.highWatermark : offset;
  if (target < 0) {
    return { ok: false, error: { type: "OffsetOutOfRangeException", message: `The offset ${target} for partition ${tp} is not valid` } };
  }
  if (target > log.highWatermark) {
    return {
      ok: false,
      error: {
        type: "OffsetOutOfRangeException",
        message: `Cannot increment the log start offset to ${target} of partition ${tp} since it is larger than the high watermark ${log.highWatermark}`,
      },
    };
  }
  if (target <= log.logStartOffset) return { ok: true, log, lowWatermark: log.logStartOffset };
  return { ok: true, log: { ...log, logStartOffset: target }, lowWatermark: target };
}
