import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { QuizWithKey } from "@/lib/content/source";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Learner } from "@/lib/learners/identity";
import { mergeGuestIntoUser } from "@/lib/learners/merge";
import type { AttemptResult } from "@/lib/quizzes/dto";
import { listAttempts, requireQuiz, startAttempt } from "@/lib/quizzes/queries";
import { DEFAULT_QUIZ_SETTINGS, type QuizSettings } from "@/lib/quizzes/scoring";
import { submitAttempt } from "@/lib/quizzes/submit";
import { rejection } from "./helpers/errors";
import { keyFor } from "./helpers/quiz-keys";
import { createActor } from "./helpers/users";

let lessonCounter = 0;
/** A three-question quiz under a lesson slug of its own, so counts per lesson start at zero. */
function fixtureQuiz(settings: Partial<QuizSettings> = {}): QuizWithKey {
  lessonCounter += 1;
  const question = (id: string, answer: number) => ({ id, q: `Question ${id}?`, choices: ["zero", "one", "two"], answer, explain: `Explanation of ${id}.`, version: `${id}-v1` });
  return {
    guide: "fixture",
    lesson: `lesson-${process.pid}-${lessonCounter}-${randomUUID().slice(0, 8)}`,
    file: "content/guides/fixture/01-x.quiz.json",
    version: "quiz-v1",
    settings: { ...DEFAULT_QUIZ_SETTINGS, ...settings },
    questions: [question("a", 0), question("b", 1), question("c", 2)],
  };
}


const guest = (): Learner => ({ kind: "guest", guestId: randomUUID() });
async function userLearner(): Promise<Learner> {
  return { kind: "user", userId: (await createActor()).id };
}


const attemptRows = (quiz: QuizWithKey) => db.quizAttempt.count({ where: { guide: quiz.guide, lesson: quiz.lesson } });

describe("submitAttempt", () => {
  it("scores on the server and stores the attempt with every answer in canonical and displayed form", async () => {
    const quiz = fixtureQuiz();
    const learner = await userLearner();
    const { attemptKey, answers } = keyFor(quiz, [0, 1, 0]); // third one wrong
    const { result, replayed } = await submitAttempt(learner, quiz, { attemptKey, answers, score: 3, correct: true });
    expect(replayed).toBe(false);
    expect(result).toMatchObject({ score: 2, total: 3, passed: true, revealed: true });
    expect(result.results.map((r) => r.correct)).toEqual([true, true, false]);
    expect(result.results[2]).toMatchObject({ chosen: answers[2], explain: "Explanation of c." });

    const row = await db.quizAttempt.findUniqueOrThrow({ where: { id: result.attemptId }, include: { answers: { orderBy: { position: "asc" } } } });
    expect(row).toMatchObject({ userId: learner.kind === "user" ? learner.userId : null, guestId: null, quizVersion: "quiz-v1", score: 2, total: 3, passed: true, submitted: answers });
    expect(row.answers.map((a) => [a.questionId, a.questionVersion, a.chosen, a.displayed, a.correct])).toEqual([
      ["a", "a-v1", 0, answers[0], true],
      ["b", "b-v1", 1, answers[1], true],
      ["c", "c-v1", 0, answers[2], false],
    ]);
    expect((row.choiceOrder as number[][]).length).toBe(3);
    // The stored choice order maps the displayed answers back to what was scored.
    expect(row.answers.every((a) => (row.choiceOrder as number[][])[a.position]![a.displayed] === a.chosen)).toBe(true);
  });

  it("is idempotent: the same key and answers return the same response and keep one row", async () => {
    const quiz = fixtureQuiz();
    const learner = await userLearner();
    const body = keyFor(quiz, [0, 0, 0]);
    const first = await submitAttempt(learner, quiz, body);
    const again = await submitAttempt(learner, quiz, body);
    expect(again.replayed).toBe(true);
    expect(again.result).toEqual(first.result);
    expect(await attemptRows(quiz)).toBe(1);
  });

  it("refuses the same key with different answers (422) and stores nothing more", async () => {
    const quiz = fixtureQuiz();
    const learner = await userLearner();
    const body = keyFor(quiz, [0, 0, 0]);
    await submitAttempt(learner, quiz, body);
    const error = await rejection(submitAttempt(learner, quiz, { ...body, answers: [...body.answers].reverse().map((a) => (a + 1) % 3) }));
    expect(error.status).toBe(422);
    expect(error.fieldErrors).toHaveProperty("attemptKey");
    expect(await attemptRows(quiz)).toBe(1);
  });

  it("refuses a key already used by another learner (422)", async () => {
    const quiz = fixtureQuiz();
    const body = keyFor(quiz, [0, 1, 2]);
    await submitAttempt(guest(), quiz, body);
    expect((await rejection(submitAttempt(guest(), quiz, body))).status).toBe(422);
    expect(await attemptRows(quiz)).toBe(1);
  });

  it("gives a fresh guest (whose first response and cookie were lost) the stored attempt and its owner", async () => {
    const quiz = fixtureQuiz();
    const body = keyFor(quiz, [0, 1, 2]);
    const first = await submitAttempt({ kind: "guest", guestId: randomUUID(), fresh: true }, quiz, body);
    const retry = await submitAttempt({ kind: "guest", guestId: randomUUID(), fresh: true }, quiz, body);
    const row = await db.quizAttempt.findUniqueOrThrow({ where: { id: first.result.attemptId } });
    expect(retry).toMatchObject({ replayed: true, body: first.body, ownerGuestId: row.guestId });
    expect(await attemptRows(quiz)).toBe(1);
    // A signed-in user's attempt is never handed to a cookieless client.
    const userQuiz = fixtureQuiz();
    const userBody = keyFor(userQuiz, [0, 1, 2]);
    await submitAttempt(await userLearner(), userQuiz, userBody);
    expect((await rejection(submitAttempt({ kind: "guest", guestId: randomUUID(), fresh: true }, userQuiz, userBody))).status).toBe(422);
  });

  it("stores exactly one attempt for ten concurrent identical submissions, and answers them all alike", async () => {
    const quiz = fixtureQuiz();
    const learner = await userLearner();
    const body = keyFor(quiz, [0, 1, 1]);
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => submitAttempt(learner, quiz, body)));
    expect(await attemptRows(quiz)).toBe(1);
    expect(new Set(outcomes.map((o) => o.result.attemptId)).size).toBe(1);
    expect(outcomes.filter((o) => !o.replayed)).toHaveLength(1);
    expect(await db.quizAnswer.count({ where: { attemptId: outcomes[0]!.result.attemptId } })).toBe(3);
  });

  it.each([
    ["answers", { answers: [0, 1] }, "must hold 3 answers"],
    ["answers.1", { answers: [0, 3, 0] }, "from 0 to 2"],
    ["answers.0", { answers: [-1, 0, 0] }, "0 or more"],
    ["answers.2", { answers: [0, 1, 1.5] }, "whole number"],
    ["answers.0", { answers: ["1", 0, 0] }, "must be a number"],
    ["answers", { answers: "0,1,2" }, "array"],
    ["attemptKey", { attemptKey: "forged.key" }, "not a key this server issued"],
    ["attemptKey", { attemptKey: undefined }, "required"],
  ])("refuses a bad %s with a 400 naming it, storing nothing", async (field, patch, message) => {
    const quiz = fixtureQuiz();
    const error = await rejection(submitAttempt(guest(), quiz, { ...keyFor(quiz, [0, 1, 2]), ...patch }));
    expect(error.status).toBe(400);
    expect(error.fieldErrors?.[field]?.join(" ")).toContain(message);
    expect(await attemptRows(quiz)).toBe(0);
  });

  it("refuses an expired key and a key for an edited quiz, naming attemptKey", async () => {
    const quiz = fixtureQuiz();
    const expired = await rejection(submitAttempt(guest(), quiz, keyFor(quiz, [0, 1, 2]), { now: Date.now() + 25 * 3600 * 1000 }));
    expect(expired.fieldErrors?.attemptKey?.[0]).toContain("expired");
    const edited = await rejection(submitAttempt(guest(), { ...quiz, version: "quiz-v2" }, keyFor(quiz, [0, 1, 2])));
    expect(edited.fieldErrors?.attemptKey?.[0]).toContain("older version");
    const otherQuiz = fixtureQuiz();
    const foreign = await rejection(submitAttempt(guest(), otherQuiz, keyFor(quiz, [0, 1, 2])));
    expect(foreign.fieldErrors?.attemptKey?.[0]).toContain("another quiz");
    expect(await attemptRows(quiz)).toBe(0);
  });

  it("keeps the choice order fixed when shuffling is off", async () => {
    const quiz = fixtureQuiz({ shuffle: false });
    const { result } = await submitAttempt(guest(), quiz, keyFor(quiz, [0, 1, 2]));
    expect(result.results.map((r) => r.chosen)).toEqual([0, 1, 2]);
    expect(result.score).toBe(3);
  });

  it("applies the pass mark of the quiz", async () => {
    const strict = fixtureQuiz({ passAt: 1 });
    expect((await submitAttempt(guest(), strict, keyFor(strict, [0, 1, 0]))).result.passed).toBe(false);
    const lenient = fixtureQuiz({ passAt: 0.3 });
    expect((await submitAttempt(guest(), lenient, keyFor(lenient, [0, 0, 0]))).result.passed).toBe(true);
  });
});

describe("reveal policies", () => {
  const hidden = (r: AttemptResult) => r.results.every((q) => !("correctChoice" in q) && !("explain" in q));

  it("after-pass: nothing revealed until the learner passes, then explanations for every later attempt", async () => {
    const quiz = fixtureQuiz({ reveal: "after-pass" });
    const learner = guest();
    const failed = await submitAttempt(learner, quiz, keyFor(quiz, [1, 0, 0]));
    expect(failed.result.passed).toBe(false);
    expect(failed.result.revealed).toBe(false);
    expect(hidden(failed.result)).toBe(true);
    const passed = await submitAttempt(learner, quiz, keyFor(quiz, [0, 1, 2]));
    expect(passed.result.revealed).toBe(true);
    expect(passed.result.results[0]).toMatchObject({ explain: "Explanation of a." });
    const failedAfterPassing = await submitAttempt(learner, quiz, keyFor(quiz, [1, 0, 0]));
    expect(failedAfterPassing.result.revealed).toBe(true);
    // Another learner who never passed still sees nothing.
    expect(hidden((await submitAttempt(guest(), quiz, keyFor(quiz, [1, 0, 0]))).result)).toBe(true);
  });

  it("never: the score only, even after a perfect attempt", async () => {
    const quiz = fixtureQuiz({ reveal: "never" });
    const { result } = await submitAttempt(guest(), quiz, keyFor(quiz, [0, 1, 2]));
    expect(result).toMatchObject({ score: 3, passed: true, revealed: false });
    expect(hidden(result)).toBe(true);
  });
});

describe("listAttempts and merging", () => {
  it("lists only the learner's own attempts, newest first", async () => {
    const quiz = fixtureQuiz();
    const a = await userLearner();
    const b = await userLearner();
    const first = await submitAttempt(a, quiz, keyFor(quiz, [0, 0, 0]));
    const second = await submitAttempt(a, quiz, keyFor(quiz, [0, 1, 2]));
    await submitAttempt(b, quiz, keyFor(quiz, [1, 1, 1]));
    const listed = await listAttempts(a, { guide: quiz.guide, lesson: quiz.lesson });
    expect(listed.map((x) => x.attemptId).sort()).toEqual([first.result.attemptId, second.result.attemptId].sort());
    expect(listed[0]!.submittedAt >= listed[1]!.submittedAt).toBe(true);
    expect((await listAttempts(b, { lesson: quiz.lesson })).map((x) => x.score)).toEqual([1]);
  });

  it("moves a guest's attempts to the account, once, losing nothing", async () => {
    const quiz = fixtureQuiz();
    const visitor = guest();
    await submitAttempt(visitor, quiz, keyFor(quiz, [0, 0, 0]));
    await submitAttempt(visitor, quiz, keyFor(quiz, [0, 1, 2]));
    const user = await userLearner();
    if (user.kind !== "user" || visitor.kind !== "guest") throw new Error("fixture");
    await submitAttempt(user, quiz, keyFor(quiz, [2, 2, 2]));
    const [merged, again] = await Promise.all([mergeGuestIntoUser(visitor.guestId, user.userId), mergeGuestIntoUser(visitor.guestId, user.userId)]);
    expect(merged.quizAttempts + again.quizAttempts).toBe(2);
    expect((await listAttempts(user, { lesson: quiz.lesson })).map((x) => x.score).sort()).toEqual([1, 1, 3].sort());
    expect(await listAttempts(visitor)).toEqual([]);
  });
});

describe("startAttempt", () => {
  it("hands out questions and choices of a real lesson without answers or explanations", () => {
    const quiz = requireQuiz("kafka", "production-reality");
    const started = startAttempt("kafka", "production-reality");
    expect(started.questions.map((q) => q.id)).toEqual(quiz.questions.map((q) => q.id));
    started.questions.forEach((q, i) => expect([...q.choices].sort()).toEqual([...quiz.questions[i]!.choices].sort()));
    const text = JSON.stringify(started);
    for (const q of quiz.questions) expect(text).not.toContain(q.explain);
    expect(text).not.toMatch(/"(answer|explain|correct|correctChoice)"/);
  });

  it("404s for a lesson without a quiz", () => {
    expect(() => startAttempt("kafka", "no-such-lesson")).toThrow(AppError);
  });
});
