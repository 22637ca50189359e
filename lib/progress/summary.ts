/**
 * From evidence to progress: completion per lesson, per phase and per guide, and where to continue.
 * Pure (no database), so the rules are tested on their own.
 */
import type { Guide, LessonMeta } from "@/lib/content/load";
import type { ContinuePoint, GuideProgress, LessonProgress, QuizProgress } from "./dto";

/** A lesson_progress row as read from the database. */
export interface ProgressRecord {
  guide: string;
  lesson: string;
  firstVisitedAt: Date | null;
  lastVisitedAt: Date | null;
  readAt: Date | null;
  section: string | null;
  tryItGoals: Record<string, string>;
}

/** Quiz attempts at one lesson since its last reset, aggregated. */
export interface QuizRecord {
  guide: string;
  lesson: string;
  attempts: number;
  passed: boolean;
  bestScore: number;
  bestTotal: number;
  lastAttemptAt: Date;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** Rounded down, so a guide shows 100 % only when it is finished. */
export function percentOf(done: number, total: number): number {
  return total === 0 ? 0 : Math.floor((done / total) * 100);
}

/** Whether the learner has done anything in the lesson: visited it or attempted its quiz. */
export function isStarted(p: LessonProgress): boolean {
  return p.lastVisitedAt !== null || p.quiz.attempts > 0;
}

/** One lesson's progress; `completed` is read plus, when the lesson has a quiz, a passed attempt. */
export function lessonProgress(meta: LessonMeta, record: ProgressRecord | undefined, quiz: QuizRecord | undefined): LessonProgress {
  const quizProgress: QuizProgress = {
    required: meta.questionCount > 0,
    passed: quiz?.passed ?? false,
    attempts: quiz?.attempts ?? 0,
    bestScore: quiz ? quiz.bestScore : null,
    bestTotal: quiz ? quiz.bestTotal : null,
  };
  const read = Boolean(record?.readAt);
  const goals = Object.entries(record?.tryItGoals ?? {})
    .sort(([, a], [, b]) => a.localeCompare(b))
    .map(([goal]) => goal);
  return {
    guide: meta.guide,
    lesson: meta.slug,
    title: meta.title,
    phase: meta.phase,
    firstVisitedAt: iso(record?.firstVisitedAt),
    lastVisitedAt: iso(record?.lastVisitedAt),
    readAt: iso(record?.readAt),
    section: record?.section ?? null,
    sectionTitle: meta.headings.find((h) => h.id === record?.section)?.text ?? null,
    quiz: quizProgress,
    tryItGoals: goals,
    completed: read && (!quizProgress.required || quizProgress.passed),
  };
}

/**
 * Where "Continue where you left off" goes: the most recently visited lesson that is not complete
 * (at its last section); when every visited lesson is complete, the first unfinished lesson in
 * reading order; null when the guide is finished or was never started.
 */
export function continuePoint(guide: Guide, lessons: LessonProgress[]): ContinuePoint | null {
  const link = (p: LessonProgress, kind: ContinuePoint["kind"]): ContinuePoint => {
    const section = kind === "resume" ? p.section : null;
    const sectionTitle = kind === "resume" ? p.sectionTitle : null;
    return { lesson: p.lesson, title: p.title, section, sectionTitle, href: `/guides/${guide.slug}/${p.lesson}${section ? `#${section}` : ""}`, kind };
  };
  if (!lessons.some(isStarted)) return null;
  const unfinishedVisited = lessons
    .filter((p) => !p.completed && p.lastVisitedAt)
    .sort((a, b) => b.lastVisitedAt!.localeCompare(a.lastVisitedAt!))[0];
  if (unfinishedVisited) return link(unfinishedVisited, "resume");
  const next = lessons.find((p) => !p.completed);
  return next ? link(next, "next") : null;
}

/** The guide's progress for one learner, or null if they have not started it. */
export function guideProgress(guide: Guide, records: Map<string, ProgressRecord>, quizzes: Map<string, QuizRecord>): GuideProgress | null {
  const lessons = guide.lessons.map((meta) => lessonProgress(meta, records.get(meta.slug), quizzes.get(meta.slug)));
  const activity = lessons.flatMap((p) => [p.lastVisitedAt, iso(quizzes.get(p.lesson)?.lastAttemptAt)]).filter((t): t is string => t !== null);
  if (activity.length === 0) return null;
  const completed = lessons.filter((p) => p.completed).length;
  return {
    guide: guide.slug,
    title: guide.title,
    lessons: lessons.length,
    completed,
    percent: percentOf(completed, lessons.length),
    phases: guide.phases.map((phase) => {
      const inPhase = lessons.filter((p) => p.phase === phase.order);
      const done = inPhase.filter((p) => p.completed).length;
      return { order: phase.order, title: phase.title, lessons: inPhase.length, completed: done, percent: percentOf(done, inPhase.length) };
    }),
    lastActivityAt: activity.sort().at(-1) ?? null,
    continueAt: continuePoint(guide, lessons),
    lessonProgress: lessons,
  };
}
