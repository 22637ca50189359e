/**
 * Reads a cohort's progress matrix: its members, their lesson progress and their quiz results in
 * the cohort's guides (three queries, whatever the cohort's size), for its instructor or an admin.
 */
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { requireManagedCohort, type ManagedCohort } from "@/lib/cohorts/access";
import { getGuide } from "@/lib/content/source";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { QUIZ_RECORD_AGGREGATES, toQuizRecord, type QuizRecordRow } from "@/lib/progress/queries";
import type { ProgressRecord } from "@/lib/progress/summary";
import { parseInput } from "@/lib/validation";
import { buildMatrix, type ProgressMatrix } from "./matrix";
import { matrixQuerySchema, type MatrixQuery } from "./schemas";

/** The matrix of cohort `id` as `rawQuery` (URL parameters) asks; 400 naming a bad parameter. */
export async function getCohortMatrix(user: SessionUser | null, id: unknown, rawQuery: unknown, now = new Date()): Promise<ProgressMatrix> {
  const cohort = await requireManagedCohort(user, id);
  return matrixOf(cohort, parseInput(matrixQuerySchema, rawQuery), now);
}

/** Every learner's row of cohort `id`, by name (for the CSV export). */
export async function getFullCohortMatrix(user: SessionUser | null, id: unknown, now = new Date()): Promise<ProgressMatrix> {
  const cohort = await requireManagedCohort(user, id);
  return matrixOf(cohort, { ...matrixQuerySchema.parse({}), pageSize: Number.MAX_SAFE_INTEGER }, now);
}

/** One learner's row of cohort `id` (no row when they are not in it), with the lessons' columns. */
export async function getLearnerMatrix(user: SessionUser | null, id: unknown, learnerId: string, now = new Date()): Promise<ProgressMatrix> {
  const cohort = await requireManagedCohort(user, id);
  return matrixOf(cohort, matrixQuerySchema.parse({}), now, learnerId);
}

/** The matrix of `cohort` as `query` asks; with `onlyUserId`, just that member's row. */
async function matrixOf(cohort: ManagedCohort, query: MatrixQuery, now: Date, onlyUserId?: string): Promise<ProgressMatrix> {
  const guides = cohort.guides.flatMap((slug) => getGuide(slug) ?? []);
  const lessons = guides.flatMap((g) => g.lessons);
  if (query.sort.startsWith("lesson:") && !lessons.some((l) => query.sort === `lesson:${l.guide}/${l.slug}`)) {
    throw new AppError("BAD_REQUEST", { userMessage: "sort: no such lesson in this cohort's guides.", fieldErrors: { sort: ["no such lesson in this cohort's guides"] } });
  }
  if (query.phase !== undefined && !lessons.some((l) => l.phase === query.phase)) {
    throw new AppError("BAD_REQUEST", { userMessage: `phase: this cohort's guides have no phase ${query.phase}.`, fieldErrors: { phase: [`no phase ${query.phase}`] } });
  }
  const [members, progress, quizzes] = await Promise.all([
    db.cohortMember.findMany({ where: { cohortId: cohort.id, ...(onlyUserId ? { userId: onlyUserId } : {}) }, select: { user: { select: { id: true, name: true, email: true } } } }),
    db.lessonProgress.findMany({
      where: { user: { memberships: { some: { cohortId: cohort.id } } }, guide: { in: cohort.guides }, ...(onlyUserId ? { userId: onlyUserId } : {}) },
      select: { userId: true, guide: true, lesson: true, firstVisitedAt: true, lastVisitedAt: true, readAt: true, section: true, tryItGoals: true },
    }),
    // Attempts since each lesson's last reset, as the learner's own progress page counts them.
    db.$queryRaw<(QuizRecordRow & { user_id: string })[]>`
      SELECT a.user_id, a.guide, a.lesson, ${QUIZ_RECORD_AGGREGATES}
      FROM quiz_attempts a
      JOIN cohort_members m ON m.user_id = a.user_id AND m.cohort_id = ${cohort.id}::uuid
      LEFT JOIN lesson_progress p ON p.user_id = a.user_id AND p.guide = a.guide AND p.lesson = a.lesson
      WHERE a.guide = ANY(${cohort.guides}::text[]) AND (p.reset_at IS NULL OR a.submitted_at >= p.reset_at)
        ${onlyUserId ? Prisma.sql`AND a.user_id = ${onlyUserId}::uuid` : Prisma.empty}
      GROUP BY a.user_id, a.guide, a.lesson`,
  ]);
  const progressRows = progress.map((p) => ({ ...p, userId: p.userId!, tryItGoals: (p.tryItGoals ?? {}) as Record<string, string> })) satisfies (ProgressRecord & { userId: string })[];
  const quizRows = quizzes.map((q) => ({ ...toQuizRecord(q), userId: q.user_id }));
  return buildMatrix(
    guides,
    members.map((m) => ({ userId: m.user.id, name: m.user.name, email: m.user.email })),
    progressRows,
    quizRows,
    query,
    now,
  );
}
