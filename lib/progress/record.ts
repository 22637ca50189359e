/**
 * Writing progress evidence: a visit, reaching the end of the body, the current section, a try-it
 * goal, or a reset. Every write is one INSERT … ON CONFLICT statement merging the evidence into the
 * learner's row for the lesson (lib/progress/merge-sql.ts): idempotent, order-independent and
 * atomic, so retries and queued writes from flaky networks are safe.
 */
import "server-only";
import { requireLesson } from "@/lib/content/source";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ownerConflictTarget, ownerOf, type Learner } from "@/lib/learners/learner";
import { enforceLearnerRateLimit, type RateLimitRule } from "@/lib/rate-limit";
import { parseInput } from "@/lib/validation";
import type { LessonProgress } from "./dto";
import { MERGE_PROGRESS_SET, PROGRESS_INSERT_COLUMNS } from "./merge-sql";
import { getLessonProgress, PROGRESS_RECORD_COLUMNS } from "./queries";
import type { ProgressRecord } from "./summary";
import { progressEventSchema } from "./schemas";

/** A reader sends a few writes per page (visit, sections, end); this is far above that. */
const PROGRESS_LIMIT: RateLimitRule = { limit: 600, windowSeconds: 10 * 60 };
const PROGRESS_GUEST_IP_LIMIT: RateLimitRule = { limit: 3000, windowSeconds: 10 * 60 };
/** How far back a queued write's `at` may reach; older ones count as that old. */
const MAX_DELAY_MS = 30 * 24 * 60 * 60 * 1000;

interface Evidence {
  visitedAt?: Date;
  readAt?: Date;
  section?: string;
  goals?: Record<string, string>;
  resetAt?: Date;
}

const isoOrNull = (d: Date | undefined) => (d ? d.toISOString() : null);

/** Merges `evidence` into the learner's row for the lesson; returns the row as it now is. */
async function applyEvidence(learner: Learner, guide: string, lesson: string, evidence: Evidence): Promise<ProgressRecord> {
  const { userId, guestId } = ownerOf(learner);
  const visited = isoOrNull(evidence.visitedAt);
  const [row] = await db.$queryRaw<ProgressRecord[]>`
    INSERT INTO lesson_progress AS e ${PROGRESS_INSERT_COLUMNS}
    VALUES (gen_random_uuid(), ${userId}::uuid, ${guestId}::uuid, ${guide}, ${lesson},
      ${visited}::timestamptz, ${visited}::timestamptz, ${isoOrNull(evidence.readAt)}::timestamptz,
      ${evidence.section ?? null}, ${evidence.section ? visited : null}::timestamptz,
      ${JSON.stringify(evidence.goals ?? {})}::jsonb, ${isoOrNull(evidence.resetAt)}::timestamptz)
    ON CONFLICT ${ownerConflictTarget(learner)} DO UPDATE SET ${MERGE_PROGRESS_SET}
    RETURNING ${PROGRESS_RECORD_COLUMNS}`;
  return row!;
}

/**
 * Records `input` (`{ visited?, read?, section?, at? }`, validated here: 400 naming the field) for
 * the learner's lesson and returns the lesson's progress after it. 404 for an unknown lesson, 429
 * over the rate limit. Replaying the same input leaves the row exactly as it was.
 */
export async function recordProgress(
  learner: Learner,
  guide: string,
  lesson: string,
  input: unknown,
  options: { ip?: string; now?: number } = {},
): Promise<LessonProgress> {
  const meta = requireLesson(guide, lesson);
  const event = parseInput(progressEventSchema, input);
  if (event.section !== undefined && !meta.headings.some((h) => h.id === event.section)) {
    const message = "is not a section of this lesson";
    throw new AppError("BAD_REQUEST", { userMessage: `section: ${message}.`, fieldErrors: { section: [message] } });
  }
  await enforceLearnerRateLimit("progress", learner, options.ip, PROGRESS_LIMIT, PROGRESS_GUEST_IP_LIMIT);
  const now = options.now ?? Date.now();
  // A queued write says when it happened; the browser's clock is trusted only within limits.
  const at = new Date(event.at ? Math.min(now, Math.max(now - MAX_DELAY_MS, Date.parse(event.at))) : now);
  const row = await applyEvidence(learner, guide, lesson, { visitedAt: at, readAt: event.read ? at : undefined, section: event.section });
  return getLessonProgress(learner, meta, row);
}

/**
 * Starts the lesson over for this learner: visits, reading, section, try-it goals and quiz attempts
 * from before now stop counting (the attempts themselves are kept for the quiz history and for
 * instructors). Idempotent.
 */
export async function resetLessonProgress(learner: Learner, guide: string, lesson: string, options: { ip?: string; now?: number } = {}): Promise<LessonProgress> {
  const meta = requireLesson(guide, lesson);
  await enforceLearnerRateLimit("progress", learner, options.ip, PROGRESS_LIMIT, PROGRESS_GUEST_IP_LIMIT);
  const row = await applyEvidence(learner, guide, lesson, { resetAt: new Date(options.now ?? Date.now()) });
  return getLessonProgress(learner, meta, row);
}

/** Records that the learner reached try-it goal `goal` in the lesson (kept with the first time). */
export async function recordTryItGoal(learner: Learner, guide: string, lesson: string, goal: string, now = Date.now()): Promise<void> {
  requireLesson(guide, lesson);
  const at = new Date(now);
  await applyEvidence(learner, guide, lesson, { visitedAt: at, goals: { [goal]: at.toISOString() } });
}
