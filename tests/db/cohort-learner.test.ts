/**
 * An instructor's view of one learner, and the cohort's activity over time, on the real database.
 * The learner's history is made by the demo seed's own script (scripts/db/demo-activity.ts), which
 * goes through the same library functions as the API: so these tests also show that the demo
 * cohort's history is well-formed.
 */
import { describe, expect, it } from "vitest";
import { joinCohort } from "@/lib/cohorts/join";
import { createCohort, removeMember } from "@/lib/cohorts/manage";
import { getGuide, getQuizWithKey } from "@/lib/content/source";
import { db } from "@/lib/db";
import { getCohortActivity } from "@/lib/instructor/activity-query";
import { getCohortLearner } from "@/lib/instructor/learner-query";
import { getQuestionAnalysis } from "@/lib/instructor/questions-query";
import { resetLessonProgress } from "@/lib/progress/record";
import { percentOf } from "@/lib/progress/summary";
import { DEMO_HISTORY, seedDemoHistory } from "../../scripts/db/demo-activity";
import { rejection } from "./helpers/errors";
import { createActor } from "./helpers/users";

const DAY = 24 * 3600 * 1000;
const lessons = getGuide("kafka")!.lessons;

async function cohortWithLearner() {
  const instructor = await createActor("INSTRUCTOR");
  const { id, joinCode } = await createCohort(instructor, { name: "Drill-down class", guides: ["kafka"] });
  const learner = await createActor();
  await joinCohort(learner, { code: joinCode });
  return { instructor, id, joinCode, learner };
}

describe("one learner of a cohort", () => {
  it("shows lesson statuses, every attempt with the choices made, the try-it session and a newest-first timeline", async () => {
    const { instructor, id, learner } = await cohortWithLearner();
    const now = Date.now();
    await seedDemoHistory({ kind: "user", userId: learner.id }, "kafka", DEMO_HISTORY["learner@example.com"]!, now);

    const detail = await getCohortLearner(instructor, id, learner.id);
    expect(detail.learner).toMatchObject({ id: learner.id, email: learner.email });
    // Lessons 1–3 read with a passed quiz; lesson 4 only visited.
    expect(detail.lessons.slice(0, 5).map((l) => l.status)).toEqual(["complete", "complete", "complete", "visited", "not-started"]);
    expect(detail.percentComplete).toBe(percentOf(3, lessons.length));

    // Four attempts, newest first; the failed one on lesson 2 got its first two questions wrong.
    expect(detail.attemptCount).toBe(4);
    expect(detail.attempts.map((a) => [a.lesson, a.passed])).toEqual([
      [lessons[2]!.slug, true],
      [lessons[1]!.slug, true],
      [lessons[1]!.slug, false],
      [lessons[0]!.slug, true],
    ]);
    const failed = detail.attempts[2]!;
    const quiz = getQuizWithKey("kafka", lessons[1]!.slug)!;
    expect(failed.answers.map((a) => a.correct)).toEqual(quiz.questions.map((_, i) => i >= 2));
    const first = failed.answers[0]!;
    const q = quiz.questions[0]!;
    const wrongChoice = (q.answer + 1) % q.choices.length;
    expect(first).toMatchObject({ question: q.q, chosen: { index: wrongChoice, text: q.choices[wrongChoice] }, correct: false, key: q.choices[q.answer] });

    // The panel pressed in lesson 2: its steps and goals, replayable.
    expect(detail.sessions).toHaveLength(1);
    const session = detail.sessions[0]!;
    expect(session).toMatchObject({ lesson: lessons[1]!.slug, scenario: { id: "keys-and-partitions" }, steps: 7, replayable: true });
    expect(session.goals.filter((g) => g.reachedAt).length).toBeGreaterThan(0);

    // The timeline: newest first, with joining, reading, quizzes, the rating and the panel.
    const at = detail.activity.map((e) => e.at);
    expect(at).toEqual([...at].sort().reverse());
    const kinds = new Set(detail.activity.map((e) => e.kind));
    for (const kind of ["joined", "opened", "read", "quiz", "rating", "try-it", "goal"]) expect(kinds).toContain(kind);
    expect(detail.activity.filter((e) => e.kind === "quiz").map((e) => e.text)).toContain(`Quiz: ${quiz.questions.length - 2} of ${quiz.questions.length}, not passed`);
  });

  it("marks an answer to an earlier wording without showing today's texts for it", async () => {
    const { instructor, id, learner } = await cohortWithLearner();
    const q = getQuizWithKey("kafka", "the-log")!.questions[0]!;
    const attempt = await db.quizAttempt.create({
      data: { nonce: `old${Date.now()}${Math.random()}`.replace(/\D/g, "").slice(0, 30), userId: learner.id, guide: "kafka", lesson: "the-log", quizVersion: "v0", seed: 1, choiceOrder: [], submitted: [1], score: 0, total: 1, passed: false, response: "{}", startedAt: new Date(), submittedAt: new Date() },
    });
    await db.quizAnswer.create({ data: { attemptId: attempt.id, position: 0, questionId: q.id, questionVersion: "an-old-version", chosen: 1, displayed: 1, correct: false } });
    const [shown] = (await getCohortLearner(instructor, id, learner.id)).attempts;
    expect(shown!.answers[0]).toEqual({ position: 0, questionId: q.id, question: null, chosen: { index: 1, text: null }, correct: false, key: null });
  });

  it("marks the attempts made before the learner started a lesson over", async () => {
    const { instructor, id, learner } = await cohortWithLearner();
    const now = Date.now();
    await seedDemoHistory({ kind: "user", userId: learner.id }, "kafka", DEMO_HISTORY["learner@example.com"]!, now);
    await resetLessonProgress({ kind: "user", userId: learner.id }, "kafka", lessons[1]!.slug);
    const detail = await getCohortLearner(instructor, id, learner.id);
    expect(detail.attempts.map((a) => [a.lesson, a.beforeReset])).toEqual([
      [lessons[2]!.slug, false],
      [lessons[1]!.slug, true],
      [lessons[1]!.slug, true],
      [lessons[0]!.slug, false],
    ]);
    expect(detail.lessons[1]!.bestScore).toBeNull();
  });

  it("is for the cohort's instructor and admins, and only while the learner is in the cohort", async () => {
    const { instructor, id, learner } = await cohortWithLearner();
    expect(await rejection(getCohortLearner(null, id, learner.id))).toMatchObject({ code: "UNAUTHORIZED" });
    expect(await rejection(getCohortLearner(learner, id, learner.id))).toMatchObject({ code: "FORBIDDEN" });
    expect(await rejection(getCohortLearner(await createActor("INSTRUCTOR"), id, learner.id))).toMatchObject({ code: "FORBIDDEN" });
    expect((await getCohortLearner(await createActor("ADMIN"), id, learner.id)).learner.id).toBe(learner.id);
    // Someone who is not in the cohort, or no longer is, is not found; a malformed id names the field.
    const stranger = await createActor();
    expect(await rejection(getCohortLearner(instructor, id, stranger.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await rejection(getCohortLearner(instructor, id, "not-a-uuid"))).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { learner: [expect.any(String)] } });
    await removeMember(instructor, id, learner.id);
    expect(await rejection(getCohortLearner(instructor, id, learner.id))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("a cohort's activity over time", () => {
  it("counts active learners, quiz attempts and lessons read per UTC day, with every day present", async () => {
    const { instructor, id, learner, joinCode } = await cohortWithLearner();
    const other = await createActor();
    await joinCohort(other, { code: joinCode });
    const now = Date.now();
    await seedDemoHistory({ kind: "user", userId: learner.id }, "kafka", DEMO_HISTORY["learner@example.com"]!, now);
    await seedDemoHistory({ kind: "user", userId: other.id }, "kafka", DEMO_HISTORY["learner2@example.com"]!, now);
    // Someone outside the cohort does not count, nor someone removed from it.
    await seedDemoHistory({ kind: "user", userId: (await createActor()).id }, "kafka", DEMO_HISTORY["learner@example.com"]!, now);
    const removed = await createActor();
    await joinCohort(removed, { code: joinCode });
    await seedDemoHistory({ kind: "user", userId: removed.id }, "kafka", DEMO_HISTORY["learner@example.com"]!, now);
    await removeMember(instructor, id, removed.id);

    const days = await getCohortActivity(instructor, id, new Date(now));
    expect(days).toHaveLength(28);
    expect(days.at(-1)!.day).toBe(new Date(now).toISOString().slice(0, 10));
    const day = (daysAgo: number) => days.find((d) => d.day === new Date(now - daysAgo * DAY).toISOString().slice(0, 10))!;
    // 7 days ago: the first learner read lesson 2, used its panel and failed its quiz.
    expect(day(7)).toMatchObject({ activeLearners: 1, quizAttempts: 1, lessonsRead: 1 });
    // 11 days ago: the second learner read lesson 1 and failed its quiz.
    expect(day(11)).toMatchObject({ activeLearners: 1, quizAttempts: 1, lessonsRead: 1 });
    expect(day(5)).toMatchObject({ activeLearners: 0, quizAttempts: 0, lessonsRead: 0 });
    // The history is all in the past: the panel's session and commands too.
    expect(day(0)).toMatchObject({ activeLearners: 0, quizAttempts: 0, lessonsRead: 0 });
    expect(days.reduce((n, d) => n + d.quizAttempts, 0)).toBe(5);
    expect(days.reduce((n, d) => n + d.lessonsRead, 0)).toBe(4);

    expect(await rejection(getCohortActivity(await createActor("INSTRUCTOR"), id))).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("question analysis over every learner", () => {
  it("is for admins only, and counts learners outside the cohort too", async () => {
    const { instructor, id, learner } = await cohortWithLearner();
    const now = Date.now();
    await seedDemoHistory({ kind: "user", userId: learner.id }, "kafka", DEMO_HISTORY["learner2@example.com"]!, now);
    const outsider = await createActor();
    await seedDemoHistory({ kind: "user", userId: outsider.id }, "kafka", DEMO_HISTORY["learner2@example.com"]!, now);
    const admin = await createActor("ADMIN");

    const first = (series: Awaited<ReturnType<typeof getQuestionAnalysis>>) => series.find((s) => s.lesson === "the-log" && s.current)!;
    expect(first(await getQuestionAnalysis(admin, id)).stats.responses).toBe(1);
    expect(first(await getQuestionAnalysis(admin, id, { scope: "all" })).stats.responses).toBeGreaterThanOrEqual(2);
    expect(await rejection(getQuestionAnalysis(instructor, id, { scope: "all" }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await rejection(getQuestionAnalysis(admin, id, { scope: "everyone" }))).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { scope: [expect.any(String)] } });
  });
});
