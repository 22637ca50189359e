/**
 * The cohort CSV exports (for its instructor or an admin): the progress matrix, every answered
 * question of every attempt, and page ratings, each limited to the cohort's learners and guides.
 * Attempts are read in batches and streamed, so memory stays flat however many answers there are.
 */
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { requireManagedCohort } from "@/lib/cohorts/access";
import { db } from "@/lib/db";
import { csvStream } from "./csv";
import { getFullCohortMatrix } from "./matrix-query";

/** Attempts whose answers are read per query while streaming attempts.csv (about 4–5 answers each). */
const ATTEMPTS_BATCH = 500;

/** progress.csv: one row per learner; per lesson its status and best score. */
export async function progressCsv(user: SessionUser | null, id: unknown): Promise<ReadableStream<Uint8Array>> {
  const matrix = await getFullCohortMatrix(user, id);
  const header = ["name", "email", "percent_complete", "last_active_at", ...matrix.lessons.flatMap((l) => [`${l.guide}/${l.lesson} status`, `${l.guide}/${l.lesson} best_score`])];
  async function* rows() {
    for (const r of matrix.rows) {
      yield [r.name, r.email, r.percentComplete, r.lastActiveAt, ...r.cells.flatMap((c) => [c.status, c.bestScore ? `${c.bestScore.score}/${c.bestScore.total}` : null])];
    }
  }
  return csvStream(header, rows());
}

interface AnswerRow {
  attempt_id: string;
  position: number;
  submitted_at: Date;
  name: string;
  email: string;
  guide: string;
  lesson: string;
  score: number;
  total: number;
  passed: boolean;
  question_id: string;
  question_version: string;
  chosen: number;
  correct: boolean;
}

/**
 * attempts.csv: one row per answered question of every attempt, oldest attempt first. The
 * cohort's attempt ids are listed once (in export order); their answers are then read
 * `batchSize` attempts at a time by primary key and streamed, so each query costs the same however
 * far into the export it is, and memory holds the ids, never the answers.
 */
export async function attemptsCsv(user: SessionUser | null, id: unknown, batchSize = ATTEMPTS_BATCH): Promise<ReadableStream<Uint8Array>> {
  const cohort = await requireManagedCohort(user, id);
  const header = ["submitted_at", "attempt_id", "name", "email", "guide", "lesson", "attempt_score", "attempt_total", "attempt_passed", "question_position", "question_id", "question_version", "chosen_choice", "correct"];
  const attempts = await db.$queryRaw<{ id: string }[]>`
    SELECT a.id FROM quiz_attempts a
    JOIN cohort_members m ON m.user_id = a.user_id AND m.cohort_id = ${cohort.id}::uuid
    WHERE a.guide = ANY(${cohort.guides}::text[])
    ORDER BY a.submitted_at, a.id`;
  async function* rows() {
    for (let start = 0; start < attempts.length; start += batchSize) {
      const ids = attempts.slice(start, start + batchSize).map((a) => a.id);
      const batch = await db.$queryRaw<AnswerRow[]>`
        SELECT a.id AS attempt_id, q.position, a.submitted_at, u.name, u.email, a.guide, a.lesson, a.score, a.total, a.passed,
          q.question_id, q.question_version, q.chosen, q.correct
        FROM quiz_attempts a
        JOIN users u ON u.id = a.user_id
        JOIN quiz_answers q ON q.attempt_id = a.id
        WHERE a.id = ANY(${ids}::uuid[])
        ORDER BY a.submitted_at, a.id, q.position`;
      for (const r of batch) yield [r.submitted_at, r.attempt_id, r.name, r.email, r.guide, r.lesson, r.score, r.total, r.passed, r.position, r.question_id, r.question_version, r.chosen, r.correct];
    }
  }
  return csvStream(header, rows());
}

/** ratings.csv: the cohort's learners' votes on its guides' pages, newest first. */
export async function ratingsCsv(user: SessionUser | null, id: unknown): Promise<ReadableStream<Uint8Array>> {
  const cohort = await requireManagedCohort(user, id);
  const ratings = await db.pageRating.findMany({
    where: { guide: { in: cohort.guides }, user: { memberships: { some: { cohortId: cohort.id } } } },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: { guide: true, lesson: true, helpful: true, reason: true, comment: true, contentVersion: true, updatedAt: true, user: { select: { name: true, email: true } } },
  });
  const header = ["updated_at", "name", "email", "guide", "lesson", "helpful", "reason", "comment", "content_version"];
  async function* rows() {
    for (const r of ratings) yield [r.updatedAt, r.user?.name, r.user?.email, r.guide, r.lesson, r.helpful, r.reason, r.comment, r.contentVersion];
  }
  return csvStream(header, rows());
}
