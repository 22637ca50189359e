/**
 * Fixed-window rate limits kept in the database, so every server instance (and a restarted one)
 * counts the same attempts. One atomic upsert per hit; several hits (and a caller's own read) can
 * share one statement.
 */
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { learnerKey, type Learner } from "@/lib/learners/learner";

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  /** Seconds until the window resets (for Retry-After). */
  retryAfter: number;
}

/** One hit to count: on `key`, within `rule`. */
export interface RateLimitHit {
  key: string;
  rule: RateLimitRule;
}

function windowOf(rule: RateLimitRule, now: number): { windowStart: Date; expiresAt: Date } {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
  return { windowStart, expiresAt: new Date(windowStart.getTime() + windowMs) };
}

/**
 * A CTE named `rate_limit_hits` (columns `key`, `count`) that counts one hit on each of `hits`
 * atomically. Lets a caller count hits in the same statement as its own read, saving a round
 * trip; pass the counts it returns to `rateLimitVerdict`.
 */
export function rateLimitHitsCte(hits: readonly RateLimitHit[], now = Date.now()): Prisma.Sql {
  const rows = hits.map(({ key, rule }) => {
    const { windowStart, expiresAt } = windowOf(rule, now);
    return Prisma.sql`(${key}, ${windowStart}, 1, ${expiresAt})`;
  });
  return Prisma.sql`rate_limit_hits AS (
    INSERT INTO rate_limit_buckets (key, window_start, count, expires_at)
    VALUES ${Prisma.join(rows)}
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_buckets.count + 1
    RETURNING key, count
  )`;
}

/** Whether each of `hits` (counted to `counts` by key) is within its rule; sweeps old windows now and then. */
export async function rateLimitVerdict(hits: readonly RateLimitHit[], counts: Record<string, number>, now = Date.now()): Promise<RateLimitResult[]> {
  const results = hits.map(({ key, rule }) => {
    const count = Number(counts[key] ?? 1);
    const { expiresAt } = windowOf(rule, now);
    return { allowed: count <= rule.limit, count, retryAfter: Math.max(1, Math.ceil((expiresAt.getTime() - now) / 1000)) };
  });
  // Old windows are useless; sweep them now and then instead of on every hit.
  if (results.some((r) => r.count === 1) && Math.random() < 0.05) {
    await db.rateLimitBucket.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
  }
  return results;
}

/** Throws AppError RATE_LIMITED (429 with Retry-After) for the first of `results` over its limit. */
export function assertWithinLimits(results: readonly RateLimitResult[]): void {
  const over = results.find((r) => !r.allowed);
  if (over) throw new AppError("RATE_LIMITED", { retryAfter: over.retryAfter });
}

/** Counts `hits` in one statement; a verdict for each. */
async function countHits(hits: readonly RateLimitHit[], now: number): Promise<RateLimitResult[]> {
  const rows = await db.$queryRaw<{ key: string; count: number }[]>`WITH ${rateLimitHitsCte(hits, now)} SELECT key, count FROM rate_limit_hits`;
  return rateLimitVerdict(hits, Object.fromEntries(rows.map((r) => [r.key, r.count])), now);
}

/** Counts one hit on `key` and says whether it is within `rule`. */
export async function hitRateLimit(key: string, rule: RateLimitRule, now = Date.now()): Promise<RateLimitResult> {
  return (await countHits([{ key, rule }], now))[0]!;
}

/** Like hitRateLimit, but throws AppError RATE_LIMITED (429 with Retry-After) when over. */
export async function enforceRateLimit(key: string, rule: RateLimitRule, now = Date.now()): Promise<void> {
  assertWithinLimits([await hitRateLimit(key, rule, now)]);
}

/**
 * The usual pair of limits for a learner's writes: `perLearner` on the learner's own key, and for
 * guests also `perGuestIp` on the client IP, because a reader without cookies is a new guest on
 * every request.
 */
export function learnerRateLimitHits(action: string, learner: Learner, ip: string | undefined, perLearner: RateLimitRule, perGuestIp: RateLimitRule): RateLimitHit[] {
  const hits = [{ key: `${action}:${learnerKey(learner)}`, rule: perLearner }];
  if (learner.kind === "guest" && ip) hits.push({ key: `${action}:ip:${ip}`, rule: perGuestIp });
  return hits;
}

/** Counts `learnerRateLimitHits` in one statement; throws RATE_LIMITED when one is over. */
export async function enforceLearnerRateLimit(
  action: string,
  learner: Learner,
  ip: string | undefined,
  perLearner: RateLimitRule,
  perGuestIp: RateLimitRule,
  now = Date.now(),
): Promise<void> {
  assertWithinLimits(await countHits(learnerRateLimitHits(action, learner, ip, perLearner, perGuestIp), now));
}

export const SIGN_IN_LIMITS = {
  perAccount: { limit: 10, windowSeconds: 15 * 60 },
  perIp: { limit: 50, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimitRule>;

export const SIGN_UP_LIMIT_PER_IP: RateLimitRule = { limit: 20, windowSeconds: 60 * 60 };
