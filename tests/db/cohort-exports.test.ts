/**
 * The cohort CSV exports on the real database: only the cohort's learners and guides, one row per
 * answered question (read in batches without losing or repeating a row), a comment with
 * commas, quotes and line breaks intact, formulas neutralised, and access for the instructor only.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { joinCohort } from "@/lib/cohorts/join";
import { createCohort } from "@/lib/cohorts/manage";
import { db } from "@/lib/db";
import { attemptsCsv, progressCsv, ratingsCsv } from "@/lib/instructor/exports";
import { parseCsv } from "../fixtures/csv";
import { rejection } from "./helpers/errors";
import { createActor } from "./helpers/users";

const read = async (stream: ReadableStream<Uint8Array>) => parseCsv(new TextDecoder().decode(new Uint8Array(await new Response(stream).arrayBuffer()).slice(3)));

async function attemptWithAnswers(userId: string, at: Date, answers: boolean[]) {
  const attempt = await db.quizAttempt.create({
    data: { nonce: randomUUID().replace(/-/g, ""), userId, guide: "kafka", lesson: "the-log", quizVersion: "v", seed: 1, choiceOrder: [], submitted: [], score: answers.filter(Boolean).length, total: answers.length, passed: true, response: "{}", startedAt: at, submittedAt: at },
  });
  await db.quizAnswer.createMany({ data: answers.map((correct, position) => ({ attemptId: attempt.id, position, questionId: `q${position}`, questionVersion: "v1", chosen: correct ? 1 : 0, displayed: 0, correct })) });
}

describe("cohort CSV exports", () => {
  it("exports every answered question of the cohort's learners, across batches, and nobody else's", async () => {
    const instructor = await createActor("INSTRUCTOR");
    const { id, joinCode } = await createCohort(instructor, { name: "Export class", guides: ["kafka"] });
    const member = await createActor();
    await joinCohort(member, { code: joinCode });
    const outsider = await createActor();
    const base = Date.parse("2026-11-20T10:00:00Z");
    // Several attempts at the same instant: the order is by attempt id and position too. Batches of
    // 3 attempts: the export spans two queries.
    for (let i = 0; i < 4; i++) await attemptWithAnswers(member.id, new Date(base + (i < 2 ? 0 : i * 1000)), [true, false, true]);
    await attemptWithAnswers(outsider.id, new Date(base), [true]);
    const rows = await read(await attemptsCsv(instructor, id, 3));
    expect(rows[0]).toEqual(["submitted_at", "attempt_id", "name", "email", "guide", "lesson", "attempt_score", "attempt_total", "attempt_passed", "question_position", "question_id", "question_version", "chosen_choice", "correct"]);
    const body = rows.slice(1);
    expect(body).toHaveLength(12);
    expect(new Set(body.map((r) => `${r[1]}:${r[9]}`)).size).toBe(12);
    expect(body.every((r) => r[3] === member.email)).toBe(true);
    expect(body.filter((r) => r[13] === "true")).toHaveLength(8);
    const order = body.map((r) => [r[0]!, r[1]!, r[9]!] as const);
    expect(order).toEqual([...order].sort((x, y) => x[0].localeCompare(y[0]) || x[1].localeCompare(y[1]) || Number(x[2]) - Number(y[2])));
  });

  it("keeps a comment with commas, quotes and line breaks, and neutralises one that starts like a formula", async () => {
    const instructor = await createActor("INSTRUCTOR");
    const { id, joinCode } = await createCohort(instructor, { name: "Ratings class", guides: ["kafka"] });
    const [a, b] = [await createActor(), await createActor()];
    for (const u of [a, b]) await joinCohort(u, { code: joinCode });
    const tricky = 'Good, but "exactly once"\nis oversold, I think';
    await db.pageRating.create({ data: { userId: a.id, guide: "kafka", lesson: "the-log", helpful: false, reason: "unclear", comment: tricky, contentVersion: "c1" } });
    await db.pageRating.create({ data: { userId: b.id, guide: "kafka", lesson: "the-log", helpful: true, comment: "=HYPERLINK(\"http://x\")", contentVersion: "c1" } });
    const rows = await read(await ratingsCsv(instructor, id));
    const comments = rows.slice(1).map((r) => r[7]);
    expect(comments).toEqual(expect.arrayContaining([tricky, "'=HYPERLINK(\"http://x\")"]));
    const progress = await read(await progressCsv(instructor, id));
    expect(progress[0]!.slice(0, 4)).toEqual(["name", "email", "percent_complete", "last_active_at"]);
    expect(progress.slice(1).map((r) => r[1]).sort()).toEqual([a.email, b.email].sort());
  });

  it("is for the cohort's instructor and admins only", async () => {
    const instructor = await createActor("INSTRUCTOR");
    const { id } = await createCohort(instructor, { name: "Private class", guides: ["kafka"] });
    for (const other of [await createActor(), await createActor("INSTRUCTOR")]) {
      expect(await rejection(attemptsCsv(other, id))).toMatchObject({ code: "FORBIDDEN" });
      expect(await rejection(ratingsCsv(other, id))).toMatchObject({ code: "FORBIDDEN" });
      expect(await rejection(progressCsv(other, id))).toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await read(await attemptsCsv(await createActor("ADMIN"), id))).length).toBe(1);
  });
});
