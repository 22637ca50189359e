/**
 * Reads of a learner's own progress, as plain objects. Server-only. Every query is scoped to the
 * learner passed in (ownerOf): there is no way to ask for someone else's.
 */
import "server-only";
import { listGuides, type LessonMeta } from "@/lib/content/source";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { ownerOf, type Learner } from "@/lib/learners/learner";
import type { GuideProgress, LessonProgress, MyProgress } from "./dto";
import { guideProgress, lessonProgress, type ProgressRecord, type QuizRecord } from "./summary";

const progressSelect = { guide: true, lesson: true, firstVisitedAt: true, lastVisitedAt: true, readAt: true, section: true, tryItGoals: true } as const;

/** The same columns as `progressSelect`, for raw `RETURNING` (named as ProgressRecord's fields). */
export const PROGRESS_RECORD_COLUMNS = Prisma.sql`guide, lesson, first_visited_at AS "firstVisitedAt", last_visited_at AS "lastVisitedAt", read_at AS "readAt", section, try_it_goals AS "tryItGoals"`;

function toRecord(row: Prisma.LessonProgressGetPayload<{ select: typeof progressSelect }>): ProgressRecord {
  return { ...row, tryItGoals: (row.tryItGoals ?? {}) as Record<string, string> };
}

/**
 * The aggregates of QuizRecord over attempts `a` grouped by lesson: count, whether one passed, the
 * best score (best ratio, earliest first) and the latest attempt time. Read back with toQuizRecord.
 */
export const QUIZ_RECORD_AGGREGATES = Prisma.sql`count(*)::int AS attempts,
      bool_or(a.passed) AS passed,
      (array_agg(a.score ORDER BY a.score::float8 / a.total DESC, a.submitted_at))[1] AS best_score,
      (array_agg(a.total ORDER BY a.score::float8 / a.total DESC, a.submitted_at))[1] AS best_total,
      max(a.submitted_at) AS last_attempt_at`;

/** A row of QUIZ_RECORD_AGGREGATES with the lesson it is grouped by. */
export interface QuizRecordRow {
  guide: string;
  lesson: string;
  attempts: number;
  passed: boolean;
  best_score: number;
  best_total: number;
  last_attempt_at: Date;
}

export function toQuizRecord(r: QuizRecordRow): QuizRecord {
  return { guide: r.guide, lesson: r.lesson, attempts: Number(r.attempts), passed: r.passed, bestScore: Number(r.best_score), bestTotal: Number(r.best_total), lastAttemptAt: new Date(r.last_attempt_at) };
}

/**
 * Quiz attempts per lesson since that lesson's last reset: count, best score (best ratio, earliest
 * first), whether one passed, and the latest attempt time. Aggregated in the database.
 */
async function quizRecords(learner: Learner, lesson?: { guide: string; lesson: string }): Promise<QuizRecord[]> {
  const { userId, guestId } = ownerOf(learner);
  const [owner, progressOwner] =
    userId !== null
      ? [Prisma.sql`a.user_id = ${userId}::uuid`, Prisma.sql`p.user_id = ${userId}::uuid`]
      : [Prisma.sql`a.guest_id = ${guestId}::uuid`, Prisma.sql`p.guest_id = ${guestId}::uuid`];
  const onlyLesson = lesson ? Prisma.sql`AND a.guide = ${lesson.guide} AND a.lesson = ${lesson.lesson}` : Prisma.empty;
  const rows = await db.$queryRaw<QuizRecordRow[]>`
    SELECT a.guide, a.lesson,
      ${QUIZ_RECORD_AGGREGATES}
    FROM quiz_attempts a
    LEFT JOIN lesson_progress p ON ${progressOwner} AND p.guide = a.guide AND p.lesson = a.lesson
    WHERE ${owner} ${onlyLesson}
      AND (p.reset_at IS NULL OR a.submitted_at >= p.reset_at)
    GROUP BY a.guide, a.lesson`;
  return rows.map(toQuizRecord);
}

/**
 * The learner's progress in one lesson (all nulls and zeros for a reader with no identity or who
 * never touched it). `row`: the lesson's row when the caller has just written it.
 */
export async function getLessonProgress(learner: Learner | null, meta: LessonMeta, row?: ProgressRecord): Promise<LessonProgress> {
  if (!learner) return lessonProgress(meta, undefined, undefined);
  const where = { ...ownerOf(learner), guide: meta.guide, lesson: meta.slug };
  const [found, quizzes] = await Promise.all([
    row ?? db.lessonProgress.findFirst({ where, select: progressSelect }).then((r) => (r ? toRecord(r) : undefined)),
    quizRecords(learner, { guide: meta.guide, lesson: meta.slug }),
  ]);
  return lessonProgress(meta, found && { ...found, tryItGoals: found.tryItGoals ?? {} }, quizzes[0]);
}

const byLesson = <T extends { guide: string; lesson: string }>(rows: T[], guide: string) =>
  new Map(rows.filter((r) => r.guide === guide).map((r) => [r.lesson, r]));

/**
 * Every guide the learner has started, most recent activity first; `learner: null` (a reader
 * with no identity yet) has none. Rows for lessons no longer in the content are ignored.
 */
export async function getMyProgress(learner: Learner | null): Promise<MyProgress> {
  if (!learner) return { learner: null, guides: [] };
  const [rows, quizzes] = await Promise.all([
    db.lessonProgress.findMany({ where: ownerOf(learner), select: progressSelect }),
    quizRecords(learner),
  ]);
  const records = rows.map(toRecord);
  const guides = listGuides()
    .map((guide) => guideProgress(guide, byLesson(records, guide.slug), byLesson(quizzes, guide.slug)))
    .filter((g): g is GuideProgress => g !== null)
    .sort((a, b) => (b.lastActivityAt ?? "").localeCompare(a.lastActivityAt ?? ""));
  return { learner: learner.kind, guides };
}
