/**
 * Log compaction (kafka-semantics §1.1 cleaner configs, §3.5, §6.4) on one partition's log:
 * what the cleaner sees, and what one pass keeps.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanerView, cleanLog, type AbortedTxn, type CleanerConfig } from "@/lib/sim/cleaner";
import { appendRecord, emptyLog, fetchFrom, segmentRecords, type PartitionLog, type RollConfig, type StoredRecord } from "@/lib/sim/log";
import { batchSize } from "@/lib/sim/record-size";
import { runRetention } from "@/lib/sim/retention";

const NO_ROLL: RollConfig = { "segment.bytes": 1073741824, "segment.ms": 604800000, "segment.jitter.ms": 0 };
const FORCE_ROLL: RollConfig = { ...NO_ROLL, "segment.bytes": 0 };
/** Kafka's topic defaults (kafka-semantics §1.1). */
const DEFAULTS: CleanerConfig = { minCleanableDirtyRatio: 0.5, deleteRetentionMs: 86400000, minCompactionLagMs: 0, maxCompactionLagMs: 9223372036854775807 };
/** Bytes of a transaction marker batch (control key 4 bytes, value 6 bytes). */
const MARKER = 78;

type Extra = { pid?: number; txn?: true; control?: "COMMIT" | "ABORT" };
type Rec = [key: string | null, value: string | null, timestamp: number, extra?: Extra];

function stored([key, value, timestamp, extra]: Rec): Omit<StoredRecord, "offset"> {
  return {
    key,
    value,
    timestamp,
    size: extra?.control ? MARKER : batchSize(key, value),
    ...(extra?.pid !== undefined ? { producerId: extra.pid } : {}),
    ...(extra?.txn ? { transactional: true as const } : {}),
    ...(extra?.control ? { control: extra.control } : {}),
  };
}

/** Appends `rows` as one new segment after the current active one (rolled if not empty). */
function appendSegment(log: PartitionLog, rows: Rec[]): PartitionLog {
  return rows.reduce((l, row, j) => {
    const active = l.segments[l.segments.length - 1]!;
    return appendRecord(l, stored(row), j === 0 && active.size > 0 ? FORCE_ROLL : NO_ROLL).log;
  }, log);
}

/** A log with exactly these segments; the last one is the active segment. */
function layout(...segments: Rec[][]): PartitionLog {
  return segments.reduce(appendSegment, emptyLog());
}

/** [base offset, offsets] per segment. */
const shape = (log: PartitionLog) => log.segments.map((s) => [s.baseOffset, segmentRecords(s).map((r) => r.offset)]);
const recordAt = (log: PartitionLog, offset: number) => log.segments.flatMap(segmentRecords).find((r) => r.offset === offset);

/** One pass with the log's HW as last stable offset. */
function clean(log: PartitionLog, checkpoint: number, now: number, config: Partial<CleanerConfig> = {}, aborted: AbortedTxn[] = []) {
  return cleanLog(log, checkpoint, log.highWatermark, aborted, { ...DEFAULTS, ...config }, now);
}

/** New dirty data: two segments with fresh keys after the active one (the second becomes active). */
function redirty(log: PartitionLog, tag: string, t: number): PartitionLog {
  return appendSegment(appendSegment(log, [[`fresh-${tag}-a`, "v", t]]), [[`fresh-${tag}-b`, "v", t]]);
}

describe("when the cleaner runs (dirty ratio, active segment)", () => {
  it("never compacts a tiny topic with default segment settings: everything is in the active segment", () => {
    const log = Array.from({ length: 100 }, (_, i) => i).reduce((l, i) => appendRecord(l, stored([`k${i % 10}`, `v${i}`, i * 1000]), NO_ROLL).log, emptyLog());
    expect(log.segments).toHaveLength(1);
    expect(cleanerView(log, 0, log.highWatermark, DEFAULTS, 10 ** 12)).toEqual({
      firstDirty: 0,
      firstUncleanable: 0,
      cleanBytes: 0,
      cleanableBytes: 0,
      ratio: 0,
      eligible: false,
      forced: false,
    });
    const result = clean(log, 0, 10 ** 12, { minCleanableDirtyRatio: 0, maxCompactionLagMs: 0 });
    expect(result).toEqual({ log, checkpoint: 0, cleaned: false, removedOffsets: [] });
    expect(result.log).toBe(log);
  });

  // Clean section [k1, k2] = 144 bytes; dirty section [k1, k2 + value] = 144 or 145 bytes.
  it.each([
    // k2's dirty value, checkpoint, min ratio, clean bytes, cleanable bytes, eligible
    ["v1", 2, 0.5, 144, 144, false],
    ["v12", 2, 0.5, 144, 145, true],
    ["v1", 2, 0.49, 144, 144, true],
    ["v1", 2, 0.99, 144, 144, false],
    ["v1", 0, 0.99, 0, 288, true],
  ])("dirty value %j from checkpoint %i with ratio %f: clean %i, cleanable %i, eligible %s", (value, checkpoint, minRatio, cleanBytes, cleanableBytes, eligible) => {
    const log = layout([["k1", "v1", 0], ["k2", "v1", 0]], [["k1", "v1", 0], ["k2", value, 0]], [["k3", "v1", 0]]);
    const view = cleanerView(log, checkpoint, log.highWatermark, { ...DEFAULTS, minCleanableDirtyRatio: minRatio }, 0);
    expect(view).toMatchObject({ firstDirty: checkpoint, firstUncleanable: 4, cleanBytes, cleanableBytes, eligible, forced: false });
    expect(view.ratio).toBeCloseTo(cleanableBytes / (cleanBytes + cleanableBytes), 12);
    const result = clean(log, checkpoint, 0, { minCleanableDirtyRatio: minRatio });
    expect(result.cleaned).toBe(eligible);
    expect(result.log === log).toBe(!eligible);
    if (eligible) {
      expect(result.removedOffsets).toEqual([0, 1]);
      expect(result.checkpoint).toBe(4);
    } else {
      expect(result.checkpoint).toBe(checkpoint);
    }
  });

  it("never cleans the active segment: its duplicates stay, and the segment is shared", () => {
    const log = layout([["k9", "x", 0]], [["k1", "a", 0], ["k1", "b", 0], ["k1", "c", 0]]);
    const result = clean(log, 0, 0);
    expect(result.cleaned).toBe(true);
    expect(result.removedOffsets).toEqual([]);
    expect(shape(result.log)).toEqual([[0, [0]], [1, [1, 2, 3]]]);
    expect(result.log.segments[1]).toBe(log.segments[1]);
    expect(result.checkpoint).toBe(1);
  });

  it("keeps a stale value while the newer one is only in the active segment", () => {
    const log = layout([["k1", "old", 0], ["k2", "b", 0]], [["k1", "new", 0]]);
    const result = clean(log, 0, 0);
    expect(result.cleaned).toBe(true);
    expect(result.removedOffsets).toEqual([]);
    expect(recordAt(result.log, 0)?.value).toBe("old");
    // Nothing changed in the only cleaned segment: it is shared.
    expect(result.log.segments[0]).toBe(log.segments[0]);
  });

  it("moves the checkpoint to the first uncleanable offset; the next check finds nothing dirty", () => {
    const log = layout([["k1", "a", 0], ["k1", "b", 0]], [["k2", "c", 0]], [["k3", "d", 0]]);
    const first = clean(log, 0, 0);
    expect(first.checkpoint).toBe(3);
    const view = cleanerView(first.log, first.checkpoint, first.log.highWatermark, DEFAULTS, 0);
    expect(view).toMatchObject({ firstDirty: 3, firstUncleanable: 3, cleanableBytes: 0, ratio: 0, eligible: false });
    const second = clean(first.log, first.checkpoint, 0, { minCleanableDirtyRatio: 0 });
    expect(second).toEqual({ log: first.log, checkpoint: 3, cleaned: false, removedOffsets: [] });
  });

  it.each([
    ["below the log start offset", -1],
    ["past the log end offset", 99],
  ])("resets a checkpoint %s to the log start offset", (_label, checkpoint) => {
    const log = { ...layout([["k1", "a", 0], ["k1", "b", 0]], [["k1", "c", 0], ["k2", "d", 0]], [["k3", "e", 0]]), logStartOffset: 1 };
    expect(cleanerView(log, checkpoint, log.highWatermark, DEFAULTS, 0)).toMatchObject({ firstDirty: 1, firstUncleanable: 4, cleanBytes: 142, cleanableBytes: 284 });
    const result = clean(log, checkpoint, 0);
    expect(result.removedOffsets).toEqual([0, 1]);
    // Compaction does not move the log start offset.
    expect(result.log.logStartOffset).toBe(1);
  });
});

describe("what a pass keeps", () => {
  const sample = () => layout([["k1", "a", 100], ["k2", "b", 200], ["k1", "c", 300]], [["k2", "d", 400], ["k3", "e", 500]], [["k1", "z", 600]]);

  it("keeps the latest value per key, never changes offsets, and merges the cleaned segments", () => {
    const log = sample();
    const result = clean(log, 0, 1000);
    expect(result.removedOffsets).toEqual([0, 1]);
    expect(shape(result.log)).toEqual([[0, [2, 3, 4]], [5, [5]]]);
    expect(result.log.segments[0]).toMatchObject({ baseOffset: 0, size: 3 * 71, firstTimestamp: 300, largestTimestamp: 500 });
    expect(result.log.segments[1]).toBe(log.segments[2]);
    expect(result.checkpoint).toBe(5);
    expect(result.log).toMatchObject({ logStartOffset: 0, logEndOffset: 6, highWatermark: 6 });
  });

  it("leaves the log start offset at 0 and fetches across the gap from the next record", () => {
    const { log } = clean(sample(), 0, 1000);
    const fromZero = fetchFrom(log, 0, 10);
    expect(fromZero.kind === "records" && fromZero.records.map((r) => [r.offset, r.value])).toEqual([[2, "c"], [3, "d"], [4, "e"], [5, "z"]]);
    const fromGap = fetchFrom(log, 1, 1);
    expect(fromGap).toMatchObject({ kind: "records", next: 3 });
    expect(fromGap.kind === "records" && fromGap.records.map((r) => r.offset)).toEqual([2]);
  });

  it("never changes its input, and its result survives a JSON round-trip", () => {
    const log = sample();
    const snapshot = JSON.stringify(log);
    const result = clean(log, 0, 1000);
    expect(JSON.stringify(log)).toBe(snapshot);
    expect(JSON.parse(JSON.stringify(result.log))).toEqual(result.log);
  });

  it("drops a keyless record inside the cleaned range", () => {
    const log = layout([[null, "x", 0], ["k1", "a", 0]], [["k2", "b", 0]]);
    expect(clean(log, 0, 0).removedOffsets).toEqual([0]);
  });

  it("matches the offset-map rule on random logs (one pass, no transactions)", () => {
    const rec = fc.tuple(fc.constantFrom("k1", "k2", "k3", "k4", null), fc.option(fc.constantFrom("a", "bb"), { nil: null }));
    const segment = fc.array(rec, { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), fc.nat(40), fc.nat(40), (segments, checkpointPick, lsoPick) => {
        const l = layout(...segments.map((rows) => rows.map(([key, value]): Rec => [key, value, 0])));
        const checkpoint = checkpointPick % (l.logEndOffset + 1);
        const lastStable = lsoPick % (l.highWatermark + 1);
        const view = cleanerView(l, checkpoint, lastStable, DEFAULTS, 0);
        const result = cleanLog(l, checkpoint, lastStable, [], { ...DEFAULTS, minCleanableDirtyRatio: 0 }, 0);
        const all = l.segments.flatMap(segmentRecords);
        const dirty = all.filter((r) => r.offset >= view.firstDirty && r.offset < view.firstUncleanable);
        // Model: below the first uncleanable offset a record goes iff it is keyless or the dirty range has a newer offset for its key.
        const expectedRemoved = result.cleaned
          ? all.filter((r) => r.offset < view.firstUncleanable && (r.key === null || dirty.some((d) => d.key === r.key && d.offset > r.offset))).map((r) => r.offset)
          : [];
        expect(result.removedOffsets).toEqual(expectedRemoved);
        expect(result.log.segments.flatMap(segmentRecords).map((r) => r.offset)).toEqual(all.map((r) => r.offset).filter((o) => !expectedRemoved.includes(o)));
        expect(result.log.segments[result.log.segments.length - 1]).toBe(l.segments[l.segments.length - 1]);
        expect(result.log).toMatchObject({ logStartOffset: l.logStartOffset, logEndOffset: l.logEndOffset, highWatermark: l.highWatermark });
        if (result.cleaned) expect(result.checkpoint).toBe(view.firstUncleanable);
      }),
      { numRuns: 300 },
    );
  });
});

describe("segment grouping (Cleaner.groupSegmentsBySize)", () => {
  // Four closed segments of 144 bytes with distinct keys (nothing to remove) and an active one.
  const four = () => layout([["a1", "v1", 0], ["a2", "v1", 0]], [["b1", "v1", 0], ["b2", "v1", 0]], [["c1", "v1", 0], ["c2", "v1", 0]], [["d1", "v1", 0], ["d2", "v1", 0]], [["e1", "v1", 0]]);

  it.each([
    [144, [0, 2, 4, 6, 8]],
    [287, [0, 2, 4, 6, 8]],
    [288, [0, 4, 8]],
    [432, [0, 6, 8]],
    [undefined, [0, 8]],
  ])("with segment.bytes %s the segments become %j", (segmentBytes, bases) => {
    const log = four();
    const result = clean(log, 0, 0, segmentBytes === undefined ? {} : { segmentBytes });
    expect(result.log.segments.map((s) => s.baseOffset)).toEqual(bases);
    expect(result.log.segments.flatMap(segmentRecords).map((r) => r.offset)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(result.log.segments.reduce((sum, s) => sum + s.size, 0)).toBe(4 * 144 + 72);
    // A group of one unchanged segment is shared as it is.
    if (segmentBytes !== undefined && segmentBytes < 288) expect(result.log.segments[0]).toBe(log.segments[0]);
  });

  it("keeps an emptied segment, then folds it into its neighbour at a later pass", () => {
    const log = layout([["k1", "a", 10]], [["k1", "b", 20]], [["k2", "z", 30]]);
    const first = clean(log, 0, 100, { segmentBytes: 72 });
    expect(first.removedOffsets).toEqual([0]);
    expect(shape(first.log)).toEqual([[0, []], [1, [1]], [2, [2]]]);
    // An empty segment keeps the group's last segment's largest timestamp (Kafka copies its mtime).
    expect(first.log.segments[0]).toMatchObject({ size: 0, firstTimestamp: null, largestTimestamp: 10 });

    const more = appendSegment(appendSegment(first.log, [["k1", "c", 40]]), [["k3", "w", 50]]);
    const second = clean(more, first.checkpoint, 100, { segmentBytes: 72 });
    expect(second.cleaned).toBe(true);
    expect(second.removedOffsets).toEqual([1]);
    // The empty segment 0 and segment 1 fit in 72 bytes together and become one (empty) segment.
    expect(shape(second.log)).toEqual([[0, []], [2, [2]], [3, [3]], [4, [4]]]);
    expect(second.log.segments[1]).toBe(more.segments[2]);
  });

  it("time retention on a compact,delete topic sees the merged segment's newest kept record", () => {
    const { log } = clean(layout([["k1", "a", 1000], ["k2", "b", 2000]], [["k1", "c", 3000]], [["k3", "d", 9000]]), 0, 0);
    expect(shape(log)).toEqual([[0, [1, 2]], [3, [3]]]);
    expect(log.segments[0]!.largestTimestamp).toBe(3000);
    expect(runRetention(log, { retentionMs: 1000, retentionBytes: -1, deletePolicy: true }, 4000).log.logStartOffset).toBe(0);
    expect(runRetention(log, { retentionMs: 1000, retentionBytes: -1, deletePolicy: true }, 4001).log.logStartOffset).toBe(3);
  });
});

describe("tombstones (delete.retention.ms, KIP-534 delete horizon)", () => {
  const cfg = { deleteRetentionMs: 5000, minCleanableDirtyRatio: 0.1 };
  const withTombstone = () => layout([["k1", "a", 0], ["k2", "b", 0]], [["k1", null, 1000]], [["k3", "x", 2000]]);

  it("survives the first pass, stamped with now + delete.retention.ms, and stays fetchable", () => {
    const first = clean(withTombstone(), 0, 10000, cfg);
    expect(first.removedOffsets).toEqual([0]);
    const tombstone = recordAt(first.log, 2)!;
    expect(tombstone).toMatchObject({ key: "k1", value: null, deleteHorizonMs: 15000 });
    const fetched = fetchFrom(first.log, 0, 10);
    expect(fetched.kind === "records" && fetched.records.map((r) => [r.offset, r.value])).toEqual([[1, "b"], [2, null], [3, "x"]]);
  });

  it.each([
    // now of the second pass, tombstone kept
    [10001, true],
    [14999, true],
    [15000, false],
    [99999, false],
  ])("is dropped by a later pass only once now ≥ the horizon (second pass at %i keeps it: %s)", (now, kept) => {
    const first = clean(withTombstone(), 0, 10000, cfg);
    const second = clean(redirty(first.log, "x", 3000), first.checkpoint, now, cfg);
    expect(second.cleaned).toBe(true);
    expect(second.removedOffsets).toEqual(kept ? [] : [2]);
    if (kept) {
      // Stamped once: the horizon and the size do not change again.
      expect(recordAt(second.log, 2)).toEqual(recordAt(first.log, 2));
    } else {
      expect(second.log.segments.flatMap(segmentRecords).some((r) => r.key === "k1")).toBe(false);
    }
  });

  it("with delete.retention.ms = 0 still survives the pass that stamps it", () => {
    const first = clean(withTombstone(), 0, 10000, { ...cfg, deleteRetentionMs: 0 });
    expect(recordAt(first.log, 2)?.deleteHorizonMs).toBe(10000);
    const second = clean(redirty(first.log, "x", 3000), first.checkpoint, 10000, cfg);
    expect(second.removedOffsets).toEqual([2]);
  });

  it("goes at once when a newer value of its key is in the map", () => {
    const log = layout([["k1", null, 0]], [["k1", "back", 0]], [["k2", "x", 0]]);
    const result = clean(log, 0, 0);
    expect(result.removedOffsets).toEqual([0]);
    expect(recordAt(result.log, 1)).not.toHaveProperty("deleteHorizonMs");
  });

  it("grows by its longer timestamp delta when stamped (exact byte model)", () => {
    // Default delete.retention.ms: delta 1000 − (10000 + 86400000) needs a 4-byte varlong instead of 1.
    const log = withTombstone();
    const result = clean(log, 0, 10000);
    expect(recordAt(log, 2)!.size).toBe(70);
    expect(recordAt(result.log, 2)).toMatchObject({ deleteHorizonMs: 86410000, size: 73 });
    expect(result.log.segments[0]!.size).toBe(batchSize("k2", "b") + 73);
  });
});

describe("min.compaction.lag.ms and max.compaction.lag.ms", () => {
  // k1 at t=0, 5000, 9000 in three segments, then an old-timestamped segment, then the active one.
  const lagged = () => layout([["k1", "a", 0]], [["k1", "b", 5000]], [["k1", "c", 9000]], [["k1", "d", 1000]], [["k2", "z", 9500]]);

  it.each([
    // lag, first uncleanable, removed, eligible
    [0, 4, [0, 1, 2], true],
    [3000, 2, [0], true],
    [5000, 2, [0], true],
    // 10000 − 5001 < 5000: the second segment is too young as well.
    [5001, 1, [], true],
    [10001, 0, [], false],
  ])("with min.compaction.lag.ms %i cleaning stops at %i", (lag, firstUncleanable, removed, eligible) => {
    const log = lagged();
    const view = cleanerView(log, 0, log.highWatermark, { ...DEFAULTS, minCompactionLagMs: lag }, 10000);
    expect(view).toMatchObject({ firstUncleanable, eligible });
    const result = clean(log, 0, 10000, { minCompactionLagMs: lag });
    expect(result.removedOffsets).toEqual(removed);
    expect(result.cleaned).toBe(eligible);
    // The young segment pins everything after it, even the old-timestamped segment 3.
    if (lag > 0) expect(recordAt(result.log, 3)?.value).toBe("d");
  });

  it("keeps a key's older value while its newer one sits in the lag-pinned region", () => {
    const result = clean(lagged(), 0, 10000, { minCompactionLagMs: 3000 });
    expect(recordAt(result.log, 1)?.value).toBe("b");
    expect(result.checkpoint).toBe(2);
  });

  // 288 clean bytes, 72 dirty bytes: ratio 0.2, below the default 0.5.
  it.each([
    // first timestamp of the dirty segment, now, max lag, forced
    [200, 1201, 1000, true],
    [200, 1200, 1000, false],
    [200, 10 ** 12, 9223372036854775807, false],
    // Kafka ignores first-batch timestamps ≤ 0 (LogCleanerManager.maxCompactionDelay filters > 0).
    [0, 10 ** 9, 1000, false],
  ])("a dirty segment starting at t=%i at now=%i with max.compaction.lag.ms %i is forced: %s", (t, now, maxLag, forced) => {
    const log = layout([["k1", "v1", 100], ["k2", "v1", 100], ["k3", "v1", 100], ["k4", "v1", 100]], [["k1", "v2", t]], [["k9", "v1", t]]);
    const view = cleanerView(log, 4, log.highWatermark, { ...DEFAULTS, maxCompactionLagMs: maxLag }, now);
    expect(view).toMatchObject({ cleanBytes: 288, cleanableBytes: 72, ratio: 0.2, forced, eligible: forced });
    const result = clean(log, 4, now, { maxCompactionLagMs: maxLag });
    expect(result.removedOffsets).toEqual(forced ? [0] : []);
  });
});

describe("transactions", () => {
  it("never cleans past the last stable offset: a segment holding it stays dirty as a whole", () => {
    const log = layout([["k1", "a", 0], ["k2", "b", 0]], [["k1", "c", 0], ["k2", "d", 0]], [["k3", "e", 0]]);
    for (const [lastStable, firstUncleanable, removed] of [
      [3, 2, []],
      [2, 2, []],
      [4, 4, [0, 1]],
      [5, 4, [0, 1]],
    ] as const) {
      expect(cleanerView(log, 0, lastStable, DEFAULTS, 0).firstUncleanable).toBe(firstUncleanable);
      const result = cleanLog(log, 0, lastStable, [], DEFAULTS, 0);
      expect(result.removedOffsets).toEqual(removed);
      expect(result.checkpoint).toBe(firstUncleanable);
    }
  });

  const cfg = { deleteRetentionMs: 5000, minCleanableDirtyRatio: 0.1 };

  it("drops aborted records at once, and keeps their ABORT marker one pass longer, then until its horizon", () => {
    const log = layout(
      [["k1", "x", 0, { pid: 7, txn: true }], ["k2", "y", 0, { pid: 7, txn: true }], [null, null, 0, { pid: 7, control: "ABORT" }]],
      [["k1", "z", 0, { pid: 9 }]],
      [["k9", "q", 0]],
    );
    const aborted = [{ producerId: 7, firstOffset: 0, lastOffset: 2 }];
    const first = clean(log, 0, 1000, cfg, aborted);
    expect(first.removedOffsets).toEqual([0, 1]);
    // The pass read the transaction's data, so the marker stays, without a horizon.
    expect(recordAt(first.log, 2)).toEqual(recordAt(log, 2));

    const second = clean(redirty(first.log, "a", 0), first.checkpoint, 2000, cfg, aborted);
    expect(second.removedOffsets).toEqual([]);
    expect(recordAt(second.log, 2)).toMatchObject({ control: "ABORT", deleteHorizonMs: 7000 });
    expect(recordAt(second.log, 2)!.size).toBeGreaterThan(MARKER);

    const third = clean(redirty(second.log, "b", 0), second.checkpoint, 6999, cfg, aborted);
    expect(third.removedOffsets).toEqual([]);
    const fourth = clean(redirty(third.log, "c", 0), third.checkpoint, 7000, cfg, aborted);
    expect(fourth.removedOffsets).toEqual([2]);
    expect(fourth.log.segments.flatMap(segmentRecords).map((r) => r.offset)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("an aborted record never hides an older committed value of its key", () => {
    const log = layout([["k1", "old", 0]], [["k1", "x", 0, { pid: 7, txn: true }], [null, null, 0, { pid: 7, control: "ABORT" }]], [["k9", "q", 0]]);
    const result = clean(log, 0, 0, {}, [{ producerId: 7, firstOffset: 1, lastOffset: 2 }]);
    expect(result.removedOffsets).toEqual([1]);
    expect(recordAt(result.log, 0)?.value).toBe("old");
  });

  it("keeps a COMMIT marker while its transaction's data is read, then stamps it and drops it after the horizon", () => {
    const log = layout([["k1", "a", 0, { pid: 5, txn: true }], [null, null, 0, { pid: 5, control: "COMMIT" }]], [["k1", "b", 0]], [["k9", "q", 0]]);
    const first = clean(log, 0, 1000, cfg);
    expect(first.removedOffsets).toEqual([0]);
    expect(recordAt(first.log, 1)).not.toHaveProperty("deleteHorizonMs");
    const second = clean(redirty(first.log, "a", 0), first.checkpoint, 2000, cfg);
    expect(recordAt(second.log, 1)).toMatchObject({ control: "COMMIT", deleteHorizonMs: 7000 });
    const third = clean(redirty(second.log, "b", 0), second.checkpoint, 7000, cfg);
    expect(third.removedOffsets).toEqual([1]);
  });

  it("keeps a COMMIT marker as long as its transaction's data survives", () => {
    let log = layout([["k1", "a", 0, { pid: 5, txn: true }], [null, null, 0, { pid: 5, control: "COMMIT" }]], [["k2", "b", 0]], [["k9", "q", 0]]);
    let checkpoint = 0;
    for (let pass = 0; pass < 3; pass++) {
      const result = clean(log, checkpoint, 10 ** 9 * (pass + 1), cfg);
      expect(result.cleaned).toBe(true);
      expect(result.removedOffsets).toEqual([]);
      expect(recordAt(result.log, 1)).not.toHaveProperty("deleteHorizonMs");
      log = redirty(result.log, `p${pass}`, 0);
      checkpoint = result.checkpoint;
    }
  });
});
