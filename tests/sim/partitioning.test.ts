import { describe, expect, it } from "vitest";
import { murmur2, partitionForKey, utf8 } from "@/lib/sim/murmur2";
import { choosePartition, type StickyState } from "@/lib/sim/partitioner";
import { seedRng } from "@/lib/sim/rng";

describe("murmur2", () => {
  // Source: Kafka's UtilsTest.testMurmur2 vectors.
  it.each([
    ["21", -973932308],
    ["foobar", -790332482],
    ["a-little-bit-long-string", -985981536],
    ["a-little-bit-longer-string", -1486304829],
    ["lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58897971],
    ["abc", 479470107],
  ])("hashes %j to %i like Utils.murmur2", (input, expected) => {
    expect(murmur2(utf8(input))).toBe(expected);
  });

  it("hashes the empty key and multi-byte UTF-8 without throwing, to a signed 32-bit int", () => {
    for (const key of ["", "é", "日本語", "🙂"]) {
      const h = murmur2(utf8(key));
      expect(Number.isInteger(h)).toBe(true);
      expect(h).toBeGreaterThanOrEqual(-(2 ** 31));
      expect(h).toBeLessThan(2 ** 31);
    }
  });
});

describe("keyed records", () => {
  // Source: kafka-semantics.md §3.1 reference mapping (key → partition for N = 2 / 3 / 6).
  it.each([
    ["k1", 1, 2, 5],
    ["k2", 1, 0, 3],
    ["k3", 0, 1, 4],
    ["k4", 0, 1, 4],
    ["k5", 0, 0, 0],
    ["k6", 1, 1, 1],
    ["user-42", 0, 1, 4],
  ])("puts %s on partition %i of 2, %i of 3, %i of 6", (key, p2, p3, p6) => {
    expect([partitionForKey(key, 2), partitionForKey(key, 3), partitionForKey(key, 6)]).toEqual([p2, p3, p6]);
  });

  it("moves keys when partitions are added (no data migration: % N changes)", () => {
    const moved = ["k1", "k2", "k3", "k4", "k5", "k6"].filter((k) => partitionForKey(k, 3) !== partitionForKey(k, 6));
    expect(moved).toEqual(["k1", "k2", "k3", "k4"]);
  });
});

describe("keyless records (sticky partitioner)", () => {
  it("keeps keyless records on one partition until batch.size bytes went to it, then draws again", () => {
    let sticky: StickyState | null = null;
    let rng = seedRng(7);
    const seen: number[] = [];
    for (let i = 0; i < 40; i++) {
      const choice = choosePartition(null, 100, 6, sticky, 1000, rng);
      ({ sticky, rng } = choice);
      seen.push(choice.partition);
    }
    // Ten records of 100 bytes reach 1000 bytes: the partition can change only every 10 records.
    for (let i = 0; i < 40; i++) if (i % 10 !== 0) expect(seen[i]).toBe(seen[i - 1]);
    expect(new Set(seen).size).toBeGreaterThan(1);
  });

  it("puts a small demo's keyless records all on one partition (not round-robin)", () => {
    let sticky: StickyState | null = null;
    let rng = seedRng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 20; i++) {
      const choice = choosePartition(null, 72, 3, sticky, 16384, rng);
      ({ sticky, rng } = choice);
      seen.add(choice.partition);
    }
    expect(seen.size).toBe(1);
  });

  it("is deterministic for a seed, and does not touch the PRNG for keyed records", () => {
    const run = (seed: number) => {
      let sticky: StickyState | null = null;
      let rng = seedRng(seed);
      return Array.from({ length: 30 }, () => {
        const c = choosePartition(null, 4000, 5, sticky, 16384, rng);
        ({ sticky, rng } = c);
        return c.partition;
      });
    };
    expect(run(3)).toEqual(run(3));
    const rng = seedRng(9);
    expect(choosePartition("k1", 72, 3, null, 16384, rng).rng).toBe(rng);
  });
});
