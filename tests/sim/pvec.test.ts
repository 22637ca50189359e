/**
 * The persistent vector segments keep their records in: behaves like an array, keeps every older
 * version intact, and survives a JSON round-trip (simulation state is serialised).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emptyVec, forEachFrom, fromArray, get, last, push, toArray, type PVec } from "@/lib/sim/pvec";

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Every value through `get`, index by index. */
function viaGet<T>(v: PVec<T>): (T | undefined)[] {
  return range(v.size).map((i) => get(v, i));
}

describe("persistent vector", () => {
  it("starts empty", () => {
    const v = emptyVec<number>();
    expect(v.size).toBe(0);
    expect(get(v, 0)).toBeUndefined();
    expect(toArray(v)).toEqual([]);
    expect(last(v)).toBeUndefined();
    const seen: number[] = [];
    forEachFrom(v, 0, (x) => {
      seen.push(x);
    });
    expect(seen).toEqual([]);
  });

  // Around the tail (32), the first trie level (32 × 32 = 1024) and the second (32³ = 32768).
  it.each([1, 31, 32, 33, 63, 64, 65, 1023, 1024, 1025, 1056, 1057, 2048, 32767, 32768, 32769, 32800, 32801, 33000])("holds %i values in order", (n) => {
    const values = range(n);
    const pushed = values.reduce((v, x) => push(v, x), emptyVec<number>());
    for (const v of [pushed, fromArray(values)]) {
      expect(v.size).toBe(n);
      expect(toArray(v)).toEqual(values);
      expect(viaGet(v)).toEqual(values);
      expect(last(v)).toBe(n - 1);
      expect(get(v, -1)).toBeUndefined();
      expect(get(v, n)).toBeUndefined();
      expect(v.tail.length).toBeGreaterThanOrEqual(1);
      expect(v.tail.length).toBeLessThanOrEqual(32);
    }
    expect(fromArray(values)).toEqual(pushed);
  });

  it("grows the trie a level past 32 × 32 + 32 and 32³ + 32 values", () => {
    expect(fromArray(range(1056)).shift).toBe(5);
    expect(fromArray(range(1057)).shift).toBe(10);
    expect(fromArray(range(32800)).shift).toBe(10);
    expect(fromArray(range(32801)).shift).toBe(15);
  });

  it.each([
    // size, start, stop after (visits), expected visited
    [100, 0, Infinity, range(100)],
    [100, 95, Infinity, [95, 96, 97, 98, 99]],
    [100, 31, 3, [31, 32, 33]],
    [2000, 1020, 6, [1020, 1021, 1022, 1023, 1024, 1025]],
    [100, -5, 2, [0, 1]],
    [100, 100, Infinity, []],
    [100, 500, Infinity, []],
  ])("forEachFrom over %i values from %i visits in order and stops when told", (n, start, max, expected) => {
    const visited: number[] = [];
    const indexes: number[] = [];
    forEachFrom(fromArray(range(n)), start, (x, i) => {
      visited.push(x);
      indexes.push(i);
      return visited.length < max;
    });
    expect(visited).toEqual(expected);
    expect(indexes).toEqual(expected);
  });

  it("keeps every older version unchanged after pushes (persistence)", () => {
    const versions: PVec<string>[] = [emptyVec()];
    for (let i = 0; i < 1100; i++) versions.push(push(versions[versions.length - 1]!, `v${i}`));
    versions.forEach((v, n) => {
      expect(v.size).toBe(n);
      expect(last(v)).toBe(n === 0 ? undefined : `v${n - 1}`);
    });
    expect(toArray(versions[33]!)).toEqual(range(33).map((i) => `v${i}`));
    expect(toArray(versions[1024]!)).toEqual(range(1024).map((i) => `v${i}`));
  });

  it("branches: two pushes onto one version do not see each other", () => {
    for (const n of [0, 31, 32, 1056]) {
      const base = fromArray(range(n));
      const snapshot = JSON.stringify(base);
      const a = push(base, -1);
      const b = push(base, -2);
      expect(get(a, n)).toBe(-1);
      expect(get(b, n)).toBe(-2);
      expect(toArray(a).slice(0, n)).toEqual(range(n));
      expect(JSON.stringify(base)).toBe(snapshot);
      expect(base.size).toBe(n);
    }
  });

  it("survives a JSON round-trip, and the copy keeps working", () => {
    for (const n of [0, 5, 32, 33, 1100, 33000]) {
      const v = fromArray(range(n).map((i) => ({ offset: i, key: i % 2 ? null : `k${i}` })));
      const copy = JSON.parse(JSON.stringify(v)) as typeof v;
      expect(copy).toEqual(v);
      expect(toArray(copy)).toEqual(toArray(v));
      const grown = push(copy, { offset: n, key: "new" });
      expect(grown.size).toBe(n + 1);
      expect(get(grown, n)).toEqual({ offset: n, key: "new" });
      if (n > 0) expect(get(grown, n >> 1)).toEqual(get(v, n >> 1));
    }
  });

  it("matches a plain array under any sequence of pushes, keeping old versions (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer().map((x) => x + 0), { maxLength: 1500 }), fc.array(fc.nat(), { maxLength: 10 }), fc.nat(), (values, snapshotPicks, startPick) => {
        const snapshots = new Set(snapshotPicks.map((p) => p % (values.length + 1)));
        const kept: [number, PVec<number>][] = [];
        let v = emptyVec<number>();
        values.forEach((x, i) => {
          if (snapshots.has(i)) kept.push([i, v]);
          v = push(v, x);
        });
        expect(toArray(v)).toEqual(values);
        expect(viaGet(v)).toEqual(values);
        expect(fromArray(values)).toEqual(v);
        expect(last(v)).toBe(values[values.length - 1]);
        const start = values.length === 0 ? 0 : startPick % values.length;
        const tail: number[] = [];
        forEachFrom(v, start, (x) => {
          tail.push(x);
        });
        expect(tail).toEqual(values.slice(start));
        for (const [n, old] of kept) expect(toArray(old)).toEqual(values.slice(0, n));
        expect(JSON.parse(JSON.stringify(v))).toEqual(v);
      }),
      { numRuns: 200 },
    );
  });
});
