/**
 * Question analysis of a cohort on the real database: each learner's first attempt only, one
 * series per question version (an edited question starts a new one; the old one stays), the
 * statistics on known answers, and access for the instructor only.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { joinCohort } from "@/lib/cohorts/join";
import { createCohort } from "@/lib/cohorts/manage";
import { getQuizWithKey } from "@/lib/content/source";
import { db } from "@/lib/db";
import { getQuestionAnalysis } from "@/lib/instructor/questions-query";
import { rejection } from "./helpers/errors";
import { createActor } from "./helpers/users";

const quiz = getQuizWithKey("kafka", "the-log")!;
const q0 = quiz.questions[0]!;

/** An attempt answering question 0 with `chosen` (at `version`), scored `score` of 3. */
async function answer(userId: string, chosen: number, score: number, at: number, version = q0.version) {
  const attempt = await db.quizAttempt.create({
    data: { nonce: randomUUID().replace(/-/g, ""), userId, guide: "kafka", lesson: "the-log", quizVersion: "v", seed: 1, choiceOrder: [], submitted: [], score, total: 3, passed: score >= 2, response: "{}", startedAt: new Date(at), submittedAt: new Date(at) },
  });
  await db.quizAnswer.create({ data: { attemptId: attempt.id, position: 0, questionId: q0.id, questionVersion: version, chosen, displayed: chosen, correct: version === q0.version ? chosen === q0.answer : chosen === 0 } });
}

describe("question analysis", () => {
  it("counts each learner's first attempt only, per question version, with facility, spread and discrimination", async () => {
    const instructor = await createActor("INSTRUCTOR");
    const { id, joinCode } = await createCohort(instructor, { name: "Analysis class", guides: ["kafka"] });
    const learners: { id: string }[] = [];
    for (let i = 0; i < 4; i++) {
      const l = await createActor();
      await joinCohort(l, { code: joinCode });
      learners.push(l);
    }
    const wrong = (q0.answer + 1) % q0.choices.length;
    // Two strong learners right (score 3), two weak ones wrong (score 0); later attempts do not count.
    await answer(learners[0]!.id, q0.answer, 3, 1000);
    await answer(learners[1]!.id, q0.answer, 3, 1000);
    await answer(learners[2]!.id, wrong, 0, 1000);
    await answer(learners[3]!.id, wrong, 0, 1000);
    await answer(learners[3]!.id, q0.answer, 3, 2000);
    // An earlier wording of the question, answered once.
    await answer(learners[0]!.id, 0, 1, 500, "old-version");
    const outsider = await createActor();
    await answer(outsider.id, wrong, 0, 1000);

    const all = await getQuestionAnalysis(instructor, id);
    const series = all.filter((s) => s.lesson === "the-log" && s.questionId === q0.id);
    expect(series.map((s) => [s.version, s.current])).toEqual([[q0.version, true], ["old-version", false]]);
    const [now, old] = series;
    expect(now!.text).toBe(q0.q);
    expect(now!.choices!.filter((c) => c.key).map((c) => c.text)).toEqual([q0.choices[q0.answer]]);
    expect(now!.stats.responses).toBe(4);
    expect(now!.stats.facility).toBe(0.5);
    expect(now!.stats.choices[q0.answer]).toBe(2);
    expect(now!.stats.choices[wrong]).toBe(2);
    expect(now!.stats.discrimination).toBe(1);
    expect(now!.stats.fewResponses).toBe(true);
    expect(old!.stats).toMatchObject({ responses: 1, facility: 1 });
    expect(old!.text).toBeNull();
    // Every question of the cohort's quizzes is listed, answered or not.
    expect(all.filter((s) => s.current && s.lesson === "the-log").map((s) => s.questionId)).toEqual(quiz.questions.map((q) => q.id));
  });

  it("is for the cohort's instructor and admins only", async () => {
    const instructor = await createActor("INSTRUCTOR");
    const { id } = await createCohort(instructor, { name: "Closed class", guides: ["kafka"] });
    expect(await rejection(getQuestionAnalysis(await createActor(), id))).toMatchObject({ code: "FORBIDDEN" });
    expect(await rejection(getQuestionAnalysis(await createActor("INSTRUCTOR"), id))).toMatchObject({ code: "FORBIDDEN" });
    expect((await getQuestionAnalysis(await createActor("ADMIN"), id)).every((s) => s.stats.responses === 0)).toBe(true);
  });
});
