/**
 * One learner of a cohort, in detail, for the cohort's instructor or an admin: where they are in
 * each lesson, what they did when (a timeline), every quiz attempt with the choices made, and
 * their "try it" sessions (replayed step by step through lib/try-it/replay.ts).
 */
import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { requireManagedCohort } from "@/lib/cohorts/access";
import { getGuide, getQuizWithKey } from "@/lib/content/source";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findTryItScenario } from "@/lib/try-it/source";
import { parseInput } from "@/lib/validation";
import type { MatrixCell } from "./matrix";
import { getLearnerMatrix } from "./matrix-query";

/** The most attempts and timeline events one page lists (the newest). */
export const DETAIL_LIMIT = 200;

/** What a timeline entry records: joining the cohort, a lesson's first visit or reading, a quiz, a vote, a panel started, a goal reached. */
export type ActivityKind = "joined" | "opened" | "read" | "quiz" | "rating" | "try-it" | "goal";

/** One entry of a learner's timeline. */
export interface ActivityEvent {
  at: string;
  kind: ActivityKind;
  /** The lesson it happened in (null for joining the cohort). */
  lesson: { guide: string; lesson: string; title: string } | null;
  /** What happened, in words ("Quiz: 3 of 5, passed"). */
  text: string;
}

/** One answered question of an attempt, with the texts the learner saw when they are still those of the lesson. */
export interface AnswerDetail {
  position: number;
  questionId: string;
  /** The question and the choice texts as the lesson has them now; null for an earlier wording. */
  question: string | null;
  chosen: { index: number; text: string | null };
  correct: boolean;
  key: string | null;
}

/** One submitted quiz attempt with its answers. */
export interface AttemptDetail {
  id: string;
  guide: string;
  lesson: string;
  lessonTitle: string;
  submittedAt: string;
  score: number;
  total: number;
  passed: boolean;
  /** Made before the learner started the lesson over: it no longer counts toward their progress. */
  beforeReset: boolean;
  answers: AnswerDetail[];
}

/** One "try it" session of the learner, for the list and its replay. */
export interface TryItSessionSummary {
  id: string;
  lessonTitle: string;
  guide: string;
  lesson: string;
  scenario: { id: string; title: string };
  /** Commands in the session's log. */
  steps: number;
  goals: { id: string; title: string; reachedAt: string | null }[];
  startedAt: string;
  updatedAt: string;
  /** False when the scenario changed since the session ran (its log no longer replays). */
  replayable: boolean;
}

/** Everything the learner's page shows; timeline and attempts newest first, at most DETAIL_LIMIT each. */
export interface LearnerDetail {
  cohort: { id: string; name: string };
  learner: { id: string; name: string; email: string; joinedAt: string };
  lessons: ({ guide: string; lesson: string; title: string; phase: number } & MatrixCell)[];
  percentComplete: number;
  lastActiveAt: string | null;
  activity: ActivityEvent[];
  attempts: AttemptDetail[];
  attemptCount: number;
  sessions: TryItSessionSummary[];
}

const learnerParamSchema = z.object({ learner: z.uuid({ error: "Not a valid learner id." }) });

interface AttemptRow {
  id: string;
  guide: string;
  lesson: string;
  submitted_at: Date;
  score: number;
  total: number;
  passed: boolean;
  answers: { position: number; question_id: string; question_version: string; chosen: number; correct: boolean }[];
}

/**
 * Cohort `cohortId` (checked for `user`) and its member `learnerId`: who they are and when they
 * joined. 400 for a malformed id; 404 when the learner is not (or no longer) in the cohort, so
 * removed learners' records stay out of reach.
 */
async function requireMember(user: SessionUser | null, cohortId: unknown, learnerId: unknown) {
  const cohort = await requireManagedCohort(user, cohortId);
  const { learner: userId } = parseInput(learnerParamSchema, { learner: learnerId });
  const member = await db.cohortMember.findUnique({
    where: { cohortId_userId: { cohortId: cohort.id, userId } },
    select: { joinedAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  if (!member) throw new AppError("NOT_FOUND", { userMessage: "This learner is not in this cohort." });
  return { cohort, userId, member };
}

/** The name of learner `learnerId` of cohort `cohortId` (page titles); errors as getCohortLearner. */
export async function getCohortLearnerName(user: SessionUser | null, cohortId: unknown, learnerId: unknown): Promise<string> {
  return (await requireMember(user, cohortId, learnerId)).member.user.name;
}

/**
 * Learner `learnerId` of cohort `cohortId`. 401/403/404 as requireManagedCohort; 404 when the
 * learner is not (or no longer) in the cohort, so removed learners' records stay out of reach.
 */
export async function getCohortLearner(user: SessionUser | null, cohortId: unknown, learnerId: unknown, now = new Date()): Promise<LearnerDetail> {
  const { cohort, userId, member } = await requireMember(user, cohortId, learnerId);
  const inGuides = { userId, guide: { in: cohort.guides } };
  const [matrix, progress, attemptCount, attempts, ratings, sessions] = await Promise.all([
    getLearnerMatrix(user, cohort.id, userId, now),
    db.lessonProgress.findMany({ where: inGuides, select: { guide: true, lesson: true, firstVisitedAt: true, readAt: true, resetAt: true } }),
    db.quizAttempt.count({ where: inGuides }),
    db.$queryRaw<AttemptRow[]>`
      SELECT a.id, a.guide, a.lesson, a.submitted_at, a.score, a.total, a.passed,
        (SELECT coalesce(json_agg(json_build_object('position', q.position, 'question_id', q.question_id,
            'question_version', q.question_version, 'chosen', q.chosen, 'correct', q.correct) ORDER BY q.position), '[]')
         FROM quiz_answers q WHERE q.attempt_id = a.id) AS answers
      FROM quiz_attempts a
      WHERE a.user_id = ${userId}::uuid AND a.guide = ANY(${cohort.guides}::text[])
      ORDER BY a.submitted_at DESC, a.id
      LIMIT ${DETAIL_LIMIT}`,
    db.pageRating.findMany({ where: inGuides, select: { guide: true, lesson: true, helpful: true, updatedAt: true }, orderBy: { updatedAt: "desc" }, take: DETAIL_LIMIT }),
    db.simSession.findMany({
      where: inGuides,
      select: { id: true, guide: true, lesson: true, scenario: true, scenarioVersion: true, version: true, goals: true, createdAt: true, updatedAt: true },
      orderBy: { updatedAt: "desc" },
      take: DETAIL_LIMIT,
    }),
  ]);

  const resetAt = new Map(progress.filter((p) => p.resetAt).map((p) => [`${p.guide}/${p.lesson}`, p.resetAt!]));
  const lessonOf = (guide: string, lesson: string) => ({ guide, lesson, title: getGuide(guide)?.lessons.find((l) => l.slug === lesson)?.title ?? lesson });
  const row = matrix.rows[0];

  const attemptDetails = attempts.map((a): AttemptDetail => {
    const quiz = getQuizWithKey(a.guide, a.lesson);
    return {
      id: a.id,
      guide: a.guide,
      lesson: a.lesson,
      lessonTitle: lessonOf(a.guide, a.lesson).title,
      submittedAt: a.submitted_at.toISOString(),
      score: a.score,
      total: a.total,
      passed: a.passed,
      beforeReset: a.submitted_at < (resetAt.get(`${a.guide}/${a.lesson}`) ?? new Date(0)),
      answers: a.answers.map((ans) => {
        // Texts only for the wording the learner saw: an edited question's choices may differ.
        const q = quiz?.questions.find((x) => x.id === ans.question_id && x.version === ans.question_version);
        return {
          position: ans.position,
          questionId: ans.question_id,
          question: q?.q ?? null,
          chosen: { index: ans.chosen, text: q?.choices[ans.chosen] ?? null },
          correct: ans.correct,
          key: q ? (q.choices[q.answer] ?? null) : null,
        };
      }),
    };
  });

  const sessionSummaries = sessions.map((s): TryItSessionSummary => {
    const scenario = findTryItScenario(s.scenario);
    const reached = (s.goals ?? {}) as Record<string, string>;
    return {
      id: s.id,
      guide: s.guide,
      lesson: s.lesson,
      lessonTitle: lessonOf(s.guide, s.lesson).title,
      scenario: { id: s.scenario, title: scenario?.title ?? s.scenario },
      steps: s.version,
      goals: (scenario?.goals ?? []).map((g) => ({ id: g.id, title: g.title, reachedAt: reached[g.id] ?? null })),
      startedAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
      replayable: scenario !== undefined && scenario.version === s.scenarioVersion,
    };
  });

  const activity: ActivityEvent[] = [{ at: member.joinedAt.toISOString(), kind: "joined", lesson: null, text: `Joined ${cohort.name}` }];
  for (const p of progress) {
    const lesson = lessonOf(p.guide, p.lesson);
    if (p.firstVisitedAt) activity.push({ at: p.firstVisitedAt.toISOString(), kind: "opened", lesson, text: "Opened the lesson" });
    if (p.readAt) activity.push({ at: p.readAt.toISOString(), kind: "read", lesson, text: "Read to the end" });
  }
  for (const a of attemptDetails) {
    activity.push({ at: a.submittedAt, kind: "quiz", lesson: lessonOf(a.guide, a.lesson), text: `Quiz: ${a.score} of ${a.total}, ${a.passed ? "passed" : "not passed"}` });
  }
  for (const r of ratings) {
    activity.push({ at: r.updatedAt.toISOString(), kind: "rating", lesson: lessonOf(r.guide, r.lesson), text: `Rated the page ${r.helpful ? "helpful" : "not helpful"}` });
  }
  for (const s of sessionSummaries) {
    const lesson = lessonOf(s.guide, s.lesson);
    activity.push({ at: s.startedAt, kind: "try-it", lesson, text: `Started the "${s.scenario.title}" panel` });
    for (const g of s.goals) if (g.reachedAt) activity.push({ at: g.reachedAt, kind: "goal", lesson, text: `Reached the goal "${g.title}"` });
  }
  activity.sort((a, b) => b.at.localeCompare(a.at));

  return {
    cohort: { id: cohort.id, name: cohort.name },
    learner: { id: member.user.id, name: member.user.name, email: member.user.email, joinedAt: member.joinedAt.toISOString() },
    lessons: matrix.lessons.map((l, i) => ({ guide: l.guide, lesson: l.lesson, title: l.title, phase: l.phase, ...(row?.cells[i] ?? { status: "not-started", bestScore: null }) })),
    percentComplete: row?.percentComplete ?? 0,
    lastActiveAt: row?.lastActiveAt ?? null,
    activity: activity.slice(0, DETAIL_LIMIT),
    attempts: attemptDetails,
    attemptCount,
    sessions: sessionSummaries,
  };
}
