/**
 * The progress matrix of a cohort: learners × the lessons of its guides, each cell a status (not
 * started, visited, read, quiz passed, complete) with the best quiz score, totals per learner (%
 * complete, last active) and per lesson (% complete over every learner the filters keep). Pure:
 * the rows come from lib/instructor/matrix-query.ts. Sorting, filtering and paging happen here on
 * every member, so totals never depend on the page.
 */
import type { Guide, LessonMeta } from "@/lib/content/load";
import { lessonProgress, percentOf, type ProgressRecord, type QuizRecord } from "@/lib/progress/summary";
import type { CellStatus, MatrixQuery } from "./schemas";

export interface MatrixMember {
  userId: string;
  name: string;
  email: string;
}

export interface MatrixCell {
  status: CellStatus;
  /** Best quiz result as "score/total", or null without an attempt. */
  bestScore: { score: number; total: number } | null;
}

export interface MatrixRow {
  userId: string;
  name: string;
  email: string;
  cells: MatrixCell[];
  percentComplete: number;
  lastActiveAt: string | null;
}

export interface ProgressMatrix {
  lessons: { guide: string; lesson: string; title: string; phase: number; percentComplete: number }[];
  rows: MatrixRow[];
  /** Learners the filters keep (all pages). */
  total: number;
  /** The page shown: the one asked for, or the last one when that is past the end. */
  page: number;
  pageSize: number;
}

const RANK: Record<CellStatus, number> = { "not-started": 0, visited: 1, read: 2, "quiz-passed": 3, complete: 4 };

function cellOf(meta: LessonMeta, record: ProgressRecord | undefined, quiz: QuizRecord | undefined): MatrixCell {
  const p = lessonProgress(meta, record, quiz);
  const status: CellStatus = p.completed ? "complete" : p.quiz.passed ? "quiz-passed" : p.readAt ? "read" : p.lastVisitedAt || p.quiz.attempts > 0 ? "visited" : "not-started";
  return { status, bestScore: p.quiz.bestScore === null ? null : { score: p.quiz.bestScore, total: p.quiz.bestTotal! } };
}

const latest = (dates: (Date | null | undefined)[]) => dates.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null);

/** The matrix for `members` over `guides`, as `query` sorts, filters and pages it, at `now`. */
export function buildMatrix(
  guides: readonly Guide[],
  members: readonly MatrixMember[],
  progress: readonly (ProgressRecord & { userId: string })[],
  quizzes: readonly (QuizRecord & { userId: string })[],
  query: MatrixQuery,
  now: Date,
): ProgressMatrix {
  const lessons = guides.flatMap((g) => g.lessons).filter((l) => query.phase === undefined || l.phase === query.phase);
  const key = (userId: string, guide: string, lesson: string) => `${userId}\u0000${guide}\u0000${lesson}`;
  const progressBy = new Map(progress.map((p) => [key(p.userId, p.guide, p.lesson), p]));
  const quizBy = new Map(quizzes.map((q) => [key(q.userId, q.guide, q.lesson), q]));

  let rows = members.map((m): MatrixRow & { active: Date | null } => {
    const cells = lessons.map((l) => cellOf(l, progressBy.get(key(m.userId, l.guide, l.slug)), quizBy.get(key(m.userId, l.guide, l.slug))));
    const active = latest(lessons.flatMap((l) => [progressBy.get(key(m.userId, l.guide, l.slug))?.lastVisitedAt, quizBy.get(key(m.userId, l.guide, l.slug))?.lastAttemptAt]));
    const done = cells.filter((c) => c.status === "complete").length;
    return { userId: m.userId, name: m.name, email: m.email, cells, percentComplete: percentOf(done, lessons.length), lastActiveAt: active?.toISOString() ?? null, active };
  });

  const q = query.q?.toLowerCase();
  if (q) rows = rows.filter((r) => r.name.toLowerCase().includes(q) || r.email.toLowerCase().includes(q));
  if (query.status) rows = rows.filter((r) => r.cells.some((c) => c.status === query.status));
  if (query.inactiveDays !== undefined) {
    const since = now.getTime() - query.inactiveDays * 24 * 3600 * 1000;
    rows = rows.filter((r) => !r.active || r.active.getTime() <= since);
  }

  const lessonIndex = query.sort.startsWith("lesson:") ? lessons.findIndex((l) => `lesson:${l.guide}/${l.slug}` === query.sort) : -1;
  const compare = (a: (typeof rows)[number], b: (typeof rows)[number]): number => {
    switch (query.sort) {
      case "email":
        return a.email.localeCompare(b.email);
      case "complete":
        return a.percentComplete - b.percentComplete;
      case "active":
        return (a.active?.getTime() ?? -Infinity) - (b.active?.getTime() ?? -Infinity);
      case "name":
        return a.name.localeCompare(b.name);
      default: {
        if (lessonIndex < 0) return 0;
        const [x, y] = [a.cells[lessonIndex]!, b.cells[lessonIndex]!];
        const ratio = (c: MatrixCell) => (c.bestScore ? c.bestScore.score / c.bestScore.total : -1);
        return RANK[x.status] - RANK[y.status] || ratio(x) - ratio(y);
      }
    }
  };
  const sign = query.dir === "desc" ? -1 : 1;
  // Ties go by name, then e-mail, always ascending: pages never overlap or skip a learner.
  rows.sort((a, b) => sign * compare(a, b) || a.name.localeCompare(b.name) || a.email.localeCompare(b.email));

  const totals = lessons.map((l, i) => ({
    guide: l.guide,
    lesson: l.slug,
    title: l.title,
    phase: l.phase,
    percentComplete: percentOf(rows.filter((r) => r.cells[i]!.status === "complete").length, rows.length),
  }));
  // A page past the end (a bookmark from before learners left) shows the last page instead.
  const page = Math.min(query.page, Math.max(1, Math.ceil(rows.length / query.pageSize)));
  const start = (page - 1) * query.pageSize;
  return {
    lessons: totals,
    rows: rows.slice(start, start + query.pageSize).map(({ active: _active, ...row }) => row),
    total: rows.length,
    page,
    pageSize: query.pageSize,
  };
}
