import { describe, expect, it } from "vitest";
import { hitRateLimit } from "@/lib/rate-limit";

describe("hitRateLimit", () => {
  it("should count concurrent hits exactly once each", async () => {
    const key = `test:concurrent:${Math.random()}`;
    const results = await Promise.all(Array.from({ length: 20 }, () => hitRateLimit(key, { limit: 5, windowSeconds: 60 })));
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
  });

  it("should say how long until the window resets", async () => {
    const key = `test:retry:${Math.random()}`;
    const now = Date.UTC(2026, 0, 1, 12, 0, 10);
    await hitRateLimit(key, { limit: 1, windowSeconds: 60 }, now);
    const over = await hitRateLimit(key, { limit: 1, windowSeconds: 60 }, now);
    expect(over).toMatchObject({ allowed: false, count: 2, retryAfter: 50 });
  });

  it("should start counting afresh in the next window", async () => {
    const key = `test:window:${Math.random()}`;
    const t0 = Date.UTC(2026, 0, 1, 12, 0, 0);
    await hitRateLimit(key, { limit: 1, windowSeconds: 60 }, t0);
    expect((await hitRateLimit(key, { limit: 1, windowSeconds: 60 }, t0 + 1000)).allowed).toBe(false);
    expect((await hitRateLimit(key, { limit: 1, windowSeconds: 60 }, t0 + 60_000)).allowed).toBe(true);
  });
});
