import { describe, expect, it } from "vitest";
import { appendRecord, emptyLog, fetchFrom, logSize, segmentRecords, type PartitionLog, type RollConfig } from "@/lib/sim/log";
import { batchSize } from "@/lib/sim/record-size";
import { nextFloat, nextUuid, seedRng } from "@/lib/sim/rng";

const DEFAULTS: RollConfig = { "segment.bytes": 1073741824, "segment.ms": 604800000, "segment.jitter.ms": 0 };

function produce(log: PartitionLog, records: [string | null, string | null, number][], config: Partial<RollConfig> = {}): PartitionLog {
  return records.reduce((l, [key, value, timestamp]) => appendRecord(l, { key, value, timestamp, size: batchSize(key, value) }, { ...DEFAULTS, ...config }).log, log);
}

describe("byte model (v2 format, one record per batch)", () => {
  // Source: kafka-semantics.md §0: 61 + 7 + k + v; tombstone 68 + k. That shortcut holds while the
  // record body is under 64 bytes: its own length is a zig-zag varint too (ByteUtils.writeVarint),
  // so a body of 64+ bytes takes a two-byte length prefix.
  it.each([
    ["k1", "v1", 72],
    ["k", "", 69],
    [null, "v", 69],
    ["k1", null, 70],
    ["k".repeat(28), "v".repeat(28), 68 + 56],
    ["k".repeat(63), "v".repeat(63), 68 + 126 + 1],
  ])("sizes key %j value %j at %i bytes", (key, value, expected) => {
    expect(batchSize(key, value)).toBe(expected);
  });

  it("grows the length varints past 63 bytes", () => {
    // value length 64 → 2-byte varint; body 72 bytes → 2-byte record length.
    expect(batchSize("k", "v".repeat(64))).toBe(68 + 1 + 64 + 1 + 1);
  });
});

describe("partition log", () => {
  it("gives dense offsets from 0 and moves LEO and HW with every append", () => {
    const log = produce(emptyLog(), [["k1", "a", 0], ["k1", "b", 1], [null, "c", 2]]);
    expect(log).toMatchObject({ logStartOffset: 0, logEndOffset: 3, highWatermark: 3 });
    expect(segmentRecords(log.segments[0]!).map((r) => [r.offset, r.value])).toEqual([[0, "a"], [1, "b"], [2, "c"]]);
    expect(logSize(log)).toBe(72 - 1 + 71 + 69);
  });

  it("rolls on segment.bytes before a batch that would pass it (activeSegment.size > segment.bytes − m)", () => {
    // Three 72-byte records with segment.bytes = 144: the third does not fit (144 > 144 − 72).
    const log = produce(emptyLog(), [["k1", "v1", 0], ["k2", "v2", 0], ["k3", "v3", 0]], { "segment.bytes": 144 });
    expect(log.segments.map((s) => [s.baseOffset, s.size])).toEqual([[0, 144], [2, 72]]);
  });

  it("rolls on segment.ms only at append, measured from the segment's first batch (strict >)", () => {
    const log = produce(emptyLog(), [["k", "a", 0], ["k", "b", 20000], ["k", "c", 20001]], { "segment.ms": 20000 });
    expect(log.segments.map((s) => s.baseOffset)).toEqual([0, 2]);
    // No background roll: time passing without appends changes nothing.
    expect(produce(emptyLog(), [["k", "a", 0]], { "segment.ms": 1 }).segments).toHaveLength(1);
  });

  it("keeps the segment's largest timestamp (a future timestamp pins it)", () => {
    const log = produce(emptyLog(), [["k", "a", 500], ["k", "b", 100]]);
    expect(log.segments[0]).toMatchObject({ firstTimestamp: 500, largestTimestamp: 500 });
  });

  it("fetches from an offset up to max records, and reports offsets outside [log start, HW] as out of range", () => {
    const log = produce(emptyLog(), Array.from({ length: 600 }, (_, i) => [`k${i}`, `v${i}`, i] as [string, string, number]), { "segment.bytes": 10_000 });
    expect(log.segments.length).toBeGreaterThan(3);
    const fetched = fetchFrom(log, 250, 500);
    expect(fetched.kind === "records" && fetched.records.map((r) => r.offset)).toEqual(Array.from({ length: 350 }, (_, i) => 250 + i));
    expect(fetchFrom(log, 600, 10)).toEqual({ kind: "records", records: [], next: 600 });
    expect(fetchFrom(log, 601, 10)).toEqual({ kind: "out-of-range", logStartOffset: 0, highWatermark: 600 });
    expect(fetchFrom({ ...log, logStartOffset: 100 }, 99, 10).kind).toBe("out-of-range");
  });

  it("never changes the log it was given, and shares untouched segments", () => {
    const before = produce(emptyLog(), [["k1", "a", 0], ["k2", "b", 0]], { "segment.bytes": 72 });
    const snapshot = JSON.stringify(before);
    const after = appendRecord(before, { key: "k3", value: "c", timestamp: 0, size: 71 }, { ...DEFAULTS, "segment.bytes": 72 }).log;
    expect(JSON.stringify(before)).toBe(snapshot);
    expect(after.segments[0]).toBe(before.segments[0]);
    expect(JSON.parse(JSON.stringify(after))).toEqual(after);
  });
});

describe("seeded PRNG", () => {
  it("repeats for a seed, differs between seeds, and resumes after a JSON round-trip", () => {
    const draw = (state: number, n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const [f, next] = nextFloat(state);
        out.push(f);
        state = next;
      }
      return { out, state };
    };
    expect(draw(seedRng(1), 5).out).toEqual(draw(seedRng(1), 5).out);
    expect(draw(seedRng(1), 5).out).not.toEqual(draw(seedRng(2), 5).out);
    const half = draw(seedRng(5), 3);
    expect([...half.out, ...draw(JSON.parse(JSON.stringify(half.state)) as number, 3).out]).toEqual(draw(seedRng(5), 6).out);
    for (const f of draw(seedRng(11), 1000).out) expect(f >= 0 && f < 1).toBe(true);
  });

  it("makes UUID-shaped member ids", () => {
    const [id] = nextUuid(seedRng(3));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
