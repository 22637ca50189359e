/**
 * Question analysis of a cohort: for every question of its guides' quizzes, the item statistics of
 * lib/instructor/question-stats.ts over each learner's first attempt. A series per question
 * version: editing a question starts a new series, and the old one stays listed.
 */
import "server-only";
import { assertRole, type SessionUser } from "@/lib/auth/session";
import { requireManagedCohort } from "@/lib/cohorts/access";
import { getGuide, getQuizWithKey } from "@/lib/content/source";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/validation";
import { questionStats, type QuestionStats } from "./question-stats";
import { questionsQuerySchema } from "./schemas";

export interface QuestionSeries {
  guide: string;
  lesson: string;
  lessonTitle: string;
  questionId: string;
  version: string;
  /** Whether this is the question as the lesson has it now (else an earlier wording). */
  current: boolean;
  /** The question and its choices (key marked) when current; null for an earlier version. */
  text: string | null;
  choices: { text: string; key: boolean }[] | null;
  stats: QuestionStats;
}

interface FirstAnswer {
  learner: string;
  guide: string;
  lesson: string;
  question_id: string;
  question_version: string;
  chosen: number;
  correct: boolean;
  score: number;
  total: number;
}

/**
 * Every question series of the cohort's guides, in lesson and question order (earlier versions
 * after the current one), over the cohort's learners, or with `scope: "all"` over every learner of
 * those guides (guests included): admins only, 403 for instructors.
 */
export async function getQuestionAnalysis(user: SessionUser | null, id: unknown, rawQuery: unknown = {}): Promise<QuestionSeries[]> {
  const cohort = await requireManagedCohort(user, id);
  const { scope } = parseInput(questionsQuerySchema, rawQuery);
  if (scope === "all") assertRole(user, "ADMIN");
  // Each learner's first answer to each question version (their first attempt that asked it).
  const rows = await db.$queryRaw<FirstAnswer[]>`
    SELECT DISTINCT ON (learner, a.guide, a.lesson, q.question_id, q.question_version)
      coalesce(a.user_id, a.guest_id) AS learner, a.guide, a.lesson, q.question_id, q.question_version, q.chosen, q.correct, a.score, a.total
    FROM quiz_attempts a
    ${scope === "all" ? Prisma.empty : Prisma.sql`JOIN cohort_members m ON m.user_id = a.user_id AND m.cohort_id = ${cohort.id}::uuid`}
    JOIN quiz_answers q ON q.attempt_id = a.id
    WHERE a.guide = ANY(${cohort.guides}::text[])
    ORDER BY learner, a.guide, a.lesson, q.question_id, q.question_version, a.submitted_at, a.id`;
  // Grouped once: answers per question version, versions per question, questions per lesson.
  const keyOf = (...parts: string[]) => parts.join("\u0000");
  const series = new Map<string, FirstAnswer[]>();
  const versionsOf = new Map<string, Set<string>>();
  const answeredIn = new Map<string, Set<string>>();
  for (const r of rows) {
    const seriesKey = keyOf(r.guide, r.lesson, r.question_id, r.question_version);
    const list = series.get(seriesKey);
    if (list) list.push(r);
    else series.set(seriesKey, [r]);
    const questionKey = keyOf(r.guide, r.lesson, r.question_id);
    if (!versionsOf.has(questionKey)) versionsOf.set(questionKey, new Set());
    versionsOf.get(questionKey)!.add(r.question_version);
    const lessonKey = keyOf(r.guide, r.lesson);
    if (!answeredIn.has(lessonKey)) answeredIn.set(lessonKey, new Set());
    answeredIn.get(lessonKey)!.add(r.question_id);
  }

  const out: QuestionSeries[] = [];
  for (const slug of cohort.guides) {
    for (const lesson of getGuide(slug)?.lessons ?? []) {
      const quiz = getQuizWithKey(slug, lesson.slug);
      // Today's questions in quiz order, then questions since removed from the quiz that were answered.
      const ids = [...new Set([...(quiz?.questions.map((q) => q.id) ?? []), ...(answeredIn.get(keyOf(slug, lesson.slug)) ?? [])])];
      for (const questionId of ids) {
        const question = quiz?.questions.find((q) => q.id === questionId);
        const versions = new Set(versionsOf.get(keyOf(slug, lesson.slug, questionId)));
        if (question) versions.delete(question.version);
        const ordered = [...(question ? [question.version] : []), ...[...versions].sort()];
        for (const version of ordered) {
          const answers = series.get(keyOf(slug, lesson.slug, questionId, version)) ?? [];
          const current = question?.version === version;
          // An earlier wording's key is the choice its right answers picked; its choices are not kept.
          const key = current ? question!.answer : (answers.find((a) => a.correct)?.chosen ?? -1);
          const choiceCount = current ? question!.choices.length : Math.max(0, ...answers.map((a) => a.chosen + 1));
          const responses = answers.map((a) => ({ learner: a.learner, total: a.total ? a.score / a.total : 0, choice: a.chosen, correct: a.correct }));
          out.push({
            guide: slug,
            lesson: lesson.slug,
            lessonTitle: lesson.title,
            questionId,
            version,
            current,
            text: current ? question!.q : null,
            choices: current ? question!.choices.map((text, i) => ({ text, key: i === question!.answer })) : null,
            stats: questionStats(responses, choiceCount, key),
          });
        }
      }
    }
  }
  return out;
}
