/**
 * Retention (kafka-semantics §1.1 retention.ms / retention.bytes, §3.3, §6.1, scenario contract E4)
 * and DeleteRecords (KIP-107) on one partition's log.
 */
import { describe, expect, it } from "vitest";
import { appendRecord, emptyLog, fetchFrom, logSize, segmentRecords, type PartitionLog, type RollConfig } from "@/lib/sim/log";
import { batchSize } from "@/lib/sim/record-size";
import { deleteRecords, runRetention, type RetentionConfig } from "@/lib/sim/retention";

const NO_ROLL: RollConfig = { "segment.bytes": 1073741824, "segment.ms": 604800000, "segment.jitter.ms": 0 };
/** Makes the next append roll (only used when the active segment is not empty). */
const FORCE_ROLL: RollConfig = { ...NO_ROLL, "segment.bytes": 0 };

type Rec = [key: string | null, value: string | null, timestamp: number];

/** Appends `rows` as one new segment after the current (non-empty) active one, or into the empty active one. */
function appendSegment(log: PartitionLog, rows: Rec[]): PartitionLog {
  return rows.reduce((l, [key, value, timestamp], j) => {
    const active = l.segments[l.segments.length - 1]!;
    const config = j === 0 && active.size > 0 ? FORCE_ROLL : NO_ROLL;
    return appendRecord(l, { key, value, timestamp, size: batchSize(key, value) }, config).log;
  }, log);
}

/** A log with exactly these segments (the last one is the active segment). */
function layout(...segments: Rec[][]): PartitionLog {
  return segments.reduce(appendSegment, emptyLog());
}

/** E4: retention.ms 60000, segment.ms 20000, e0..e5 at t = 0, 5000, 10000, 25000, 30000, 46000. */
function e4(): PartitionLog {
  const times = [0, 5000, 10000, 25000, 30000, 46000];
  return times.reduce(
    (l, t, i) => appendRecord(l, { key: null, value: `e${i}`, timestamp: t, size: batchSize(null, `e${i}`) }, { ...NO_ROLL, "segment.ms": 20000 }).log,
    emptyLog(),
  );
}

const E4_CONFIG: RetentionConfig = { retentionMs: 60000, retentionBytes: -1, deletePolicy: true };
const bases = (log: PartitionLog) => log.segments.map((s) => s.baseOffset);
const offsets = (log: PartitionLog) => log.segments.flatMap((s) => segmentRecords(s).map((r) => r.offset));

describe("time retention, scenario E4", () => {
  it("rolls the E4 segments [0-2], [3-4], [5]", () => {
    expect(bases(e4())).toEqual([0, 3, 5]);
  });

  it.each([
    // now, log start offset, segments left, deleted bases
    [65000, 0, [0, 3, 5], []],
    // Strict >: at 70000 the first segment's newest record (10000) is exactly 60000 old.
    [70000, 0, [0, 3, 5], []],
    [70001, 3, [3, 5], [0]],
    [71000, 3, [3, 5], [0]],
    [90000, 3, [3, 5], [0]],
    [90001, 5, [5], [0, 3]],
  ])("at t=%i the log start offset is %i", (now, lso, left, gone) => {
    const { log, deleted } = runRetention(e4(), E4_CONFIG, now);
    expect(log.logStartOffset).toBe(lso);
    expect(bases(log)).toEqual(left);
    expect(deleted.map((d) => d.baseOffset)).toEqual(gone);
    expect(deleted.every((d) => d.reason === "retention.ms")).toBe(true);
    expect(log.logEndOffset).toBe(6);
  });

  it("keeps an expired record readable while its segment holds a younger one", () => {
    const { log } = runRetention(e4(), E4_CONFIG, 65000);
    const fetched = fetchFrom(log, 0, 1);
    expect(fetched.kind === "records" && fetched.records[0]!.value).toBe("e0");
  });

  it("at t=107000 rolls an empty segment and deletes the expired active one: LSO 6 = LEO, no records", () => {
    const { log, deleted } = runRetention(e4(), E4_CONFIG, 107000);
    expect(log).toMatchObject({ logStartOffset: 6, logEndOffset: 6, highWatermark: 6 });
    expect(log.segments).toHaveLength(1);
    expect(log.segments[0]).toMatchObject({ baseOffset: 6, size: 0, firstTimestamp: null, largestTimestamp: -1 });
    expect(logSize(log)).toBe(0);
    expect(deleted).toEqual([
      { baseOffset: 0, sizeBytes: 3 * batchSize(null, "e0"), records: 3, reason: "retention.ms" },
      { baseOffset: 3, sizeBytes: 2 * batchSize(null, "e0"), records: 2, reason: "retention.ms" },
      { baseOffset: 5, sizeBytes: batchSize(null, "e0"), records: 1, reason: "retention.ms" },
    ]);
    expect(fetchFrom(log, 6, 10)).toEqual({ kind: "records", records: [], next: 6 });
    expect(fetchFrom(log, 0, 10).kind).toBe("out-of-range");
  });

  it("gives the next record offset 6, not 0 (offsets are never reused)", () => {
    const { log } = runRetention(e4(), E4_CONFIG, 107000);
    const appended = appendRecord(log, { key: null, value: "e6", timestamp: 110000, size: batchSize(null, "e6") }, { ...NO_ROLL, "segment.ms": 20000 });
    expect(appended.offset).toBe(6);
    expect(appended.rolled).toBe(false);
    expect(appended.log.segments.map((s) => [s.baseOffset, s.records.size])).toEqual([[6, 1]]);
  });

  it("never deletes the empty last segment, however late the check", () => {
    const { log } = runRetention(e4(), E4_CONFIG, 107000);
    const again = runRetention(log, E4_CONFIG, 10 ** 12);
    expect(again.deleted).toEqual([]);
    expect(again.log).toBe(log);
  });

  it("does nothing with retention.ms = -1 or without the delete policy", () => {
    for (const config of [{ ...E4_CONFIG, retentionMs: -1 }, { ...E4_CONFIG, deletePolicy: false }]) {
      const before = e4();
      const { log, deleted } = runRetention(before, config, 10 ** 12);
      expect(deleted).toEqual([]);
      expect(log).toBe(before);
    }
  });
});

describe("time retention: what pins segments", () => {
  it("a future timestamp pins its segment and every later one", () => {
    const log = layout([["a", "1", 0]], [["b", "2", 1000], ["c", "3", 500000]], [["d", "4", 2000]], [["e", "5", 3000]]);
    const { log: after, deleted } = runRetention(log, { retentionMs: 1000, retentionBytes: -1, deletePolicy: true }, 100000);
    expect(deleted.map((d) => d.baseOffset)).toEqual([0]);
    expect(bases(after)).toEqual([1, 3, 4]);
    expect(after.logStartOffset).toBe(1);
  });

  it("never deletes a segment reaching past the high watermark", () => {
    const log = layout([["a", "1", 0]], [["b", "2", 0]], [["c", "3", 0]]);
    // HW inside the second segment: only the first segment ends at or below it.
    const { log: after, deleted } = runRetention({ ...log, highWatermark: 1 }, E4_CONFIG, 10 ** 9);
    expect(deleted.map((d) => d.baseOffset)).toEqual([0]);
    expect(after.logStartOffset).toBe(1);
    // HW = LEO − 1: the expired active segment stays (its upper bound is the LEO).
    const second = runRetention({ ...log, highWatermark: 2 }, E4_CONFIG, 10 ** 9);
    expect(bases(second.log)).toEqual([2]);
    expect(second.log.logStartOffset).toBe(2);
  });

  it("never changes its input and shares the surviving segments", () => {
    const before = e4();
    const snapshot = JSON.stringify(before);
    const { log } = runRetention(before, E4_CONFIG, 71000);
    expect(JSON.stringify(before)).toBe(snapshot);
    expect(log.segments[0]).toBe(before.segments[1]);
    expect(log.segments[1]).toBe(before.segments[2]);
  });
});

describe("size retention (retention.bytes)", () => {
  // Four 144-byte segments and a 72-byte active one: 648 bytes.
  const sized = () => layout([["k1", "v1", 0], ["k2", "v2", 0]], [["k1", "v1", 0], ["k2", "v2", 0]], [["k1", "v1", 0], ["k2", "v2", 0]], [["k1", "v1", 0], ["k2", "v2", 0]], [["k1", "v1", 0]]);

  it("builds 648 bytes in five segments", () => {
    expect(logSize(sized())).toBe(648);
    expect(bases(sized())).toEqual([0, 2, 4, 6, 8]);
  });

  it.each([
    // retention.bytes, bases left, size left
    [-1, [0, 2, 4, 6, 8], 648],
    [700, [0, 2, 4, 6, 8], 648],
    // size = limit: diff 0 deletes nothing that has bytes.
    [648, [0, 2, 4, 6, 8], 648],
    [647, [0, 2, 4, 6, 8], 648],
    [504, [2, 4, 6, 8], 504],
    [500, [2, 4, 6, 8], 504],
    [200, [6, 8], 216],
    [72, [8], 72],
    [71, [8], 72],
    // 0 deletes every segment, the active one included: an empty one is rolled at the LEO.
    [0, [9], 0],
  ])("retention.bytes %i keeps segments %j (%i bytes)", (limit, left, size) => {
    const { log, deleted } = runRetention(sized(), { retentionMs: -1, retentionBytes: limit, deletePolicy: true }, 0);
    expect(bases(log)).toEqual(left);
    expect(logSize(log)).toBe(size);
    if (limit >= 0 && limit <= 648) expect(logSize(log)).toBeGreaterThanOrEqual(limit);
    expect(log.logStartOffset).toBe(left[0]);
    expect(log.logEndOffset).toBe(9);
    expect(deleted.every((d) => d.reason === "retention.bytes")).toBe(true);
  });

  it("retention.bytes = 0 leaves an empty log alone and respects the HW", () => {
    const zero: RetentionConfig = { retentionMs: -1, retentionBytes: 0, deletePolicy: true };
    const empty = emptyLog();
    expect(runRetention(empty, zero, 0).log).toBe(empty);
    const log = layout([["k1", "v1", 0]], [["k2", "v2", 0]]);
    const { log: after } = runRetention({ ...log, highWatermark: 1 }, zero, 0);
    expect(bases(after)).toEqual([1]);
    expect(offsets(after)).toEqual([1]);
  });
});

describe("DeleteRecords (KIP-107)", () => {
  it("moves the log start offset into a segment without deleting anything", () => {
    const before = e4();
    const result = deleteRecords(before, 4);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.lowWatermark).toBe(4);
    expect(result.log.logStartOffset).toBe(4);
    expect(result.log.segments).toBe(before.segments);
    expect(offsets(result.log)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(fetchFrom(result.log, 3, 10).kind).toBe("out-of-range");
    const fetched = fetchFrom(result.log, 4, 10);
    expect(fetched.kind === "records" && fetched.records.map((r) => r.offset)).toEqual([4, 5]);
  });

  it("then deletes the segments wholly below it at the next check, even without the delete policy", () => {
    const moved = deleteRecords(e4(), 4);
    if (!moved.ok) throw new Error("deleteRecords failed");
    for (const deletePolicy of [true, false]) {
      const { log, deleted } = runRetention(moved.log, { retentionMs: -1, retentionBytes: -1, deletePolicy }, 0);
      expect(deleted).toEqual([{ baseOffset: 0, sizeBytes: 3 * batchSize(null, "e0"), records: 3, reason: "log-start-offset" }]);
      // The segment holding offset 4 stays, and the log start offset does not fall back to its base (3).
      expect(bases(log)).toEqual([3, 5]);
      expect(log.logStartOffset).toBe(4);
    }
  });

  it("-1 means the high watermark; the active segment is kept (the rule needs a next segment)", () => {
    const moved = deleteRecords(e4(), -1);
    expect(moved.ok && moved.lowWatermark).toBe(6);
    if (!moved.ok) return;
    const { log, deleted } = runRetention(moved.log, { retentionMs: -1, retentionBytes: -1, deletePolicy: false }, 0);
    expect(deleted.map((d) => [d.baseOffset, d.reason])).toEqual([[0, "log-start-offset"], [3, "log-start-offset"]]);
    expect(bases(log)).toEqual([5]);
    expect(log.logStartOffset).toBe(6);
    // Record 5 is still stored but below the log start offset.
    expect(offsets(log)).toEqual([5]);
    expect(fetchFrom(log, 5, 10).kind).toBe("out-of-range");
    expect(fetchFrom(log, 6, 10)).toEqual({ kind: "records", records: [], next: 6 });
  });

  it("is a successful no-op at or below the log start offset", () => {
    const moved = deleteRecords(e4(), 4);
    if (!moved.ok) throw new Error("deleteRecords failed");
    for (const offset of [0, 3, 4]) {
      const again = deleteRecords(moved.log, offset);
      expect(again).toEqual({ ok: true, log: moved.log, lowWatermark: 4 });
      expect(again.ok && again.log).toBe(moved.log);
    }
  });

  it.each([
    [7, {}, "OffsetOutOfRangeException", "Cannot increment the log start offset to 7 of partition topic-0 since it is larger than the high watermark 6"],
    [101, { topicPartition: "events-2" }, "OffsetOutOfRangeException", "Cannot increment the log start offset to 101 of partition events-2 since it is larger than the high watermark 6"],
    [-101, {}, "OffsetOutOfRangeException", "The offset -101 for partition topic-0 is not valid"],
    [2, { topicPartition: "orders-0", deletePolicy: false }, "PolicyViolationException", "Records of partition orders-0 can not be deleted due to the configured policy"],
  ])("fails for offset %i %j with %s", (offset, options, type, message) => {
    expect(deleteRecords(e4(), offset, options)).toEqual({ ok: false, error: { type, message } });
  });

  it("the offset may equal the high watermark", () => {
    const result = deleteRecords(e4(), 6);
    expect(result.ok && result.log.logStartOffset).toBe(6);
  });
});

describe("rule order: log start offset, then size, then time", () => {
  it("applies the three rules in turn, each on what the previous one left", () => {
    // Segments of 72 bytes at t = 0, 1000, 2000, 3000 and an active one at 50000.
    const log = layout([["k1", "v1", 0]], [["k2", "v1", 1000]], [["k3", "v1", 2000]], [["k4", "v1", 3000]], [["k5", "v1", 50000]]);
    const moved = deleteRecords(log, 1);
    if (!moved.ok) throw new Error("deleteRecords failed");
    // After the first rule 288 bytes remain; 216 bytes lets one more go; time takes the rest up to the young active segment.
    const { log: after, deleted } = runRetention(moved.log, { retentionMs: 10000, retentionBytes: 216, deletePolicy: true }, 20000);
    expect(deleted.map((d) => [d.baseOffset, d.reason])).toEqual([
      [0, "log-start-offset"],
      [1, "retention.bytes"],
      [2, "retention.ms"],
      [3, "retention.ms"],
    ]);
    expect(bases(after)).toEqual([4]);
    expect(after.logStartOffset).toBe(4);
  });

  it("a later time deletion moves the log start offset past a DeleteRecords offset", () => {
    const moved = deleteRecords(e4(), 4);
    if (!moved.ok) throw new Error("deleteRecords failed");
    const { log } = runRetention(moved.log, E4_CONFIG, 91000);
    expect(bases(log)).toEqual([5]);
    expect(log.logStartOffset).toBe(5);
  });
});
