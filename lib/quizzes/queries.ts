/**
 * Reads for the quiz API: a quiz as a learner may see it before submitting, and a learner's own
 * attempts. Server-only; returns plain objects.
 */
import "server-only";
import { lessonKey } from "@/lib/content/load";
import { getQuizWithKey, type QuizWithKey } from "@/lib/content/source";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ownerOf, type Learner } from "@/lib/learners/learner";
import { ATTEMPT_KEY_TTL_SECONDS, issueAttemptKey } from "./attempt-key";
import type { AttemptSummary, QuizForAttempt } from "./dto";
import { passMark } from "./scoring";
import { applyOrder, choiceOrders } from "./shuffle";

/** The quiz with its answer key, or a 404 AppError naming what is missing. */
export function requireQuiz(guide: string, lesson: string): QuizWithKey {
  const quiz = getQuizWithKey(guide, lesson);
  if (!quiz) throw new AppError("NOT_FOUND", { userMessage: `There is no quiz for lesson "${lesson}" of guide "${guide}".` });
  return quiz;
}

/**
 * A fresh attempt at a lesson's quiz: questions and choices in this attempt's order, and the
 * attemptKey to submit with. Built field by field from the questions: answers and explanations
 * are never copied into it.
 */
export function startAttempt(guide: string, lesson: string, now = Date.now()): QuizForAttempt {
  const quiz = requireQuiz(guide, lesson);
  const quizId = lessonKey(guide, lesson);
  const { key, claims } = issueAttemptKey(quizId, quiz.version, now);
  const orders = choiceOrders(claims.seed, quiz.questions.map((q) => q.choices.length), quiz.settings.shuffle);
  return {
    quizId,
    version: quiz.version,
    questions: quiz.questions.map((q, i) => ({ id: q.id, q: q.q, choices: applyOrder(q.choices, orders[i]!) })),
    attemptKey: key,
    expiresAt: new Date((claims.issuedAt + ATTEMPT_KEY_TTL_SECONDS) * 1000).toISOString(),
    reveal: quiz.settings.reveal,
    passMark: passMark(quiz.questions.length, quiz.settings.passAt),
  };
}

/**
 * The learner's own attempts, newest first (at most 500), optionally for one guide or lesson; none
 * for a reader with no identity yet.
 */
export async function listAttempts(learner: Learner | null, filter: { guide?: string; lesson?: string } = {}): Promise<AttemptSummary[]> {
  if (!learner) return [];
  const rows = await db.quizAttempt.findMany({
    where: { ...ownerOf(learner), guide: filter.guide, lesson: filter.lesson },
    orderBy: { submittedAt: "desc" },
    take: 500,
    select: { id: true, guide: true, lesson: true, quizVersion: true, score: true, total: true, passed: true, submittedAt: true },
  });
  return rows.map((r) => ({
    attemptId: r.id,
    quizId: lessonKey(r.guide, r.lesson),
    guide: r.guide,
    lesson: r.lesson,
    version: r.quizVersion,
    score: r.score,
    total: r.total,
    passed: r.passed,
    submittedAt: r.submittedAt.toISOString(),
  }));
}
