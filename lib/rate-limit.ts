/**
 * Fixed-window rate limits kept in the database, so every server instance (and a restarted one)
 * counts the same attempts. One atomic upsert per hit.
 */
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { learnerKey, type Learner } from "@/lib/learners/identity";

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

/** Counts one hit on `key` and says whether it is within `rule`. */
export async function hitRateLimit(key: string, rule: RateLimitRule, now = Date.now()): Promise<RateLimitResult> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
  const expiresAt = new Date(windowStart.getTime() + windowMs);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO rate_limit_buckets (key, window_start, count, expires_at)
    VALUES (${key}, ${windowStart}, 1, ${expiresAt})
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_buckets.count + 1
    RETURNING count`;
  const count = Number(rows[0]?.count ?? 1);
  // Old windows are useless; sweep them now and then instead of on every hit.
  if (count === 1 && Math.random() < 0.05) {
    await db.rateLimitBucket.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
  }
  return { allowed: count <= rule.limit, count, retryAfter: Math.max(1, Math.ceil((expiresAt.getTime() - now) / 1000)) };
}

/** Like hitRateLimit, but throws AppError RATE_LIMITED (429 with Retry-After) when over. */
export async function enforceRateLimit(key: string, rule: RateLimitRule, now = Date.now()): Promise<void> {
  const result = await hitRateLimit(key, rule, now);
  if (!result.allowed) throw new AppError("RATE_LIMITED", { retryAfter: result.retryAfter });
}

/**
 * The usual pair of limits for a learner's writes: `perLearner` on the learner's own key, and for
 * guests also `perGuestIp` on the client IP, because a reader without cookies is a new guest on
 * every request.
 */
export async function enforceLearnerRateLimit(
  action: string,
  learner: Learner,
  ip: string | undefined,
  perLearner: RateLimitRule,
  perGuestIp: RateLimitRule,
  now = Date.now(),
): Promise<void> {
  await enforceRateLimit(`${action}:${learnerKey(learner)}`, perLearner, now);
  if (learner.kind === "guest" && ip) await enforceRateLimit(`${action}:ip:${ip}`, perGuestIp, now);
}

export const SIGN_IN_LIMITS = {
  perAccount: { limit: 10, windowSeconds: 15 * 60 },
  perIp: { limit: 50, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimitRule>;

export const SIGN_UP_LIMIT_PER_IP: RateLimitRule = { limit: 20, windowSeconds: 60 * 60 };
