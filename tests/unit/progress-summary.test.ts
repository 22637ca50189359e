import { describe, expect, it } from "vitest";
import type { Guide, LessonMeta } from "@/lib/content/load";
import { continuePoint, guideProgress, lessonProgress, percentOf, type ProgressRecord, type QuizRecord } from "@/lib/progress/summary";

const meta = (slug: string, phase: number, questionCount = 3): LessonMeta => ({
  guide: "g",
  slug,
  title: slug.toUpperCase(),
  summary: "",
  phase,
  order: 1,
  updated: "2026-11-01",
  minutes: 5,
  tryIt: [],
  version: "v",
  questionCount,
  headings: [{ depth: 2, id: "why", text: "Why it matters" }],
});
const lessons = [meta("a", 1), meta("b", 1, 0), meta("c", 2)];
const guide: Guide = {
  slug: "g",
  title: "G",
  summary: "",
  level: "beginner",
  minutes: 15,
  lessons,
  phases: [
    { order: 1, title: "One", lessons: lessons.slice(0, 2) },
    { order: 2, title: "Two", lessons: lessons.slice(2) },
  ],
};
const t = (m: number) => new Date(Date.UTC(2026, 10, 1, 0, m));
const rec = (lesson: string, r: Partial<ProgressRecord> = {}): ProgressRecord => ({
  guide: "g",
  lesson,
  firstVisitedAt: t(0),
  lastVisitedAt: t(0),
  readAt: null,
  section: null,
  tryItGoals: {},
  ...r,
});
const quiz = (lesson: string, passed: boolean): QuizRecord => ({ guide: "g", lesson, attempts: 1, passed, bestScore: passed ? 3 : 1, bestTotal: 3, lastAttemptAt: t(1) });

describe("lesson completion", () => {
  it("needs the end of the body and, when there is a quiz, a passed attempt", () => {
    expect(lessonProgress(lessons[0]!, rec("a", { readAt: t(1) }), undefined).completed).toBe(false);
    expect(lessonProgress(lessons[0]!, rec("a"), quiz("a", true)).completed).toBe(false);
    expect(lessonProgress(lessons[0]!, rec("a", { readAt: t(1) }), quiz("a", false)).completed).toBe(false);
    expect(lessonProgress(lessons[0]!, rec("a", { readAt: t(1) }), quiz("a", true)).completed).toBe(true);
  });

  it("is reading alone for a lesson without a quiz", () => {
    expect(lessonProgress(lessons[1]!, rec("b", { readAt: t(1) }), undefined)).toMatchObject({ completed: true, quiz: { required: false } });
    expect(lessonProgress(lessons[1]!, rec("b"), undefined).completed).toBe(false);
  });

  it("lists try-it goals in the order they were reached", () => {
    const p = lessonProgress(lessons[0]!, rec("a", { tryItGoals: { late: t(9).toISOString(), early: t(2).toISOString() } }), undefined);
    expect(p.tryItGoals).toEqual(["early", "late"]);
  });
});

describe("guide progress", () => {
  it("rounds percentages down, so 100 % means finished", () => {
    expect(percentOf(2, 3)).toBe(66);
    expect(percentOf(199, 200)).toBe(99);
    expect(percentOf(3, 3)).toBe(100);
    expect(percentOf(0, 0)).toBe(0);
  });

  it("is null for a guide never started", () => {
    expect(guideProgress(guide, new Map(), new Map())).toBeNull();
  });

  it("counts completed lessons per guide and per phase", () => {
    const records = new Map([["a", rec("a", { readAt: t(1) })], ["b", rec("b", { readAt: t(2), lastVisitedAt: t(2) })]]);
    const p = guideProgress(guide, records, new Map([["a", quiz("a", true)]]))!;
    expect(p).toMatchObject({ lessons: 3, completed: 2, percent: 66, lastActivityAt: t(2).toISOString() });
    expect(p.phases).toEqual([
      { order: 1, title: "One", lessons: 2, completed: 2, percent: 100 },
      { order: 2, title: "Two", lessons: 1, completed: 0, percent: 0 },
    ]);
  });
});

describe("continue where you left off", () => {
  const progressOf = (records: ProgressRecord[], quizzes: QuizRecord[] = []) =>
    lessons.map((m) => lessonProgress(m, records.find((r) => r.lesson === m.slug), quizzes.find((q) => q.lesson === m.slug)));

  it("goes to the most recently visited unfinished lesson, at its last section", () => {
    const p = progressOf([rec("a", { lastVisitedAt: t(5), section: "why" }), rec("c", { lastVisitedAt: t(3), section: "how" })]);
    expect(continuePoint(guide, p)).toEqual({ lesson: "a", title: "A", section: "why", sectionTitle: "Why it matters", href: "/guides/g/a#why", kind: "resume" });
  });

  it("skips finished lessons, and offers the next unfinished one once every visited lesson is done", () => {
    const p = progressOf([rec("a", { lastVisitedAt: t(5), readAt: t(5) }), rec("b", { readAt: t(1), section: "x" })], [quiz("a", true)]);
    expect(continuePoint(guide, p)).toEqual({ lesson: "c", title: "C", section: null, sectionTitle: null, href: "/guides/g/c", kind: "next" });
  });

  it("is null before the guide is started and after it is finished", () => {
    expect(continuePoint(guide, progressOf([]))).toBeNull();
    const done = progressOf([rec("a", { readAt: t(1) }), rec("b", { readAt: t(1) }), rec("c", { readAt: t(1) })], [quiz("a", true), quiz("c", true)]);
    expect(continuePoint(guide, done)).toBeNull();
  });
});
