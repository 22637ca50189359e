/**
 * Casting or changing a vote: one INSERT … ON CONFLICT per vote, so there is never a second row
 * for the same reader and page, and concurrent or replayed votes end as one row.
 */
import "server-only";
import { requireLesson } from "@/lib/content/source";
import { db } from "@/lib/db";
import { ownerConflictTarget, ownerOf, type Learner } from "@/lib/learners/learner";
import { enforceLearnerRateLimit, type RateLimitRule } from "@/lib/rate-limit";
import { parseInput } from "@/lib/validation";
import type { OwnRating } from "./dto";
import { RATING_COLUMNS, toOwnRating, type RatingRow } from "./queries";
import { ratingInputSchema } from "./schemas";

/** Enough to change one's mind a few times on every page read in a sitting. */
const RATING_LIMIT: RateLimitRule = { limit: 60, windowSeconds: 10 * 60 };
const RATING_GUEST_IP_LIMIT: RateLimitRule = { limit: 300, windowSeconds: 10 * 60 };

/**
 * Stores `input` (`{ helpful, reason?, comment? }`, validated: 400 naming the field) as the
 * learner's vote on the lesson, replacing any earlier one, with the lesson's current content
 * version. 404 for an unknown lesson, 429 over the rate limit. Returns the vote as stored.
 */
export async function rateLesson(
  learner: Learner,
  guide: string,
  lesson: string,
  input: unknown,
  options: { ip?: string; now?: number } = {},
): Promise<OwnRating> {
  const meta = requireLesson(guide, lesson);
  const vote = parseInput(ratingInputSchema, input);
  await enforceLearnerRateLimit("rating", learner, options.ip, RATING_LIMIT, RATING_GUEST_IP_LIMIT, options.now);
  const { userId, guestId } = ownerOf(learner);
  // updated_at only moves when the vote changes, so a replay leaves the row as it was.
  const [row] = await db.$queryRaw<RatingRow[]>`
    INSERT INTO page_ratings AS r (id, user_id, guest_id, guide, lesson, helpful, reason, comment, content_version)
    VALUES (gen_random_uuid(), ${userId}::uuid, ${guestId}::uuid, ${guide}, ${lesson}, ${vote.helpful}, ${vote.reason ?? null}, ${vote.comment ?? null}, ${meta.version})
    ON CONFLICT ${ownerConflictTarget(learner)} DO UPDATE SET
      helpful = EXCLUDED.helpful, reason = EXCLUDED.reason, comment = EXCLUDED.comment, content_version = EXCLUDED.content_version,
      updated_at = CASE
        WHEN (r.helpful, r.reason, r.comment, r.content_version) IS DISTINCT FROM (EXCLUDED.helpful, EXCLUDED.reason, EXCLUDED.comment, EXCLUDED.content_version) THEN now()
        ELSE r.updated_at
      END
    RETURNING ${RATING_COLUMNS}`;
  return toOwnRating(row!, meta.version);
}
