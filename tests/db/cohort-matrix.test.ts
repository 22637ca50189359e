/**
 * The progress matrix of a cohort on the real database, on fixtures with known answers: each
 * cell's status and best score, the totals per learner and per lesson, sorting, filtering,
 * paging, and bad parameters named.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { joinCohort } from "@/lib/cohorts/join";
import { createCohort } from "@/lib/cohorts/manage";
import { getGuide } from "@/lib/content/source";
import { db } from "@/lib/db";
import { getCohortMatrix } from "@/lib/instructor/matrix-query";
import { rejection } from "./helpers/errors";
import { createActor } from "./helpers/users";

const kafka = getGuide("kafka")!;
const [first, second] = kafka.lessons;
const DAY = 24 * 3600 * 1000;
const NOW = new Date("2026-11-27T12:00:00Z");

async function attempt(userId: string, lesson: string, score: number, total: number, at: Date) {
  await db.quizAttempt.create({
    data: { nonce: randomUUID().replace(/-/g, ""), userId, guide: "kafka", lesson, quizVersion: "v", seed: 1, choiceOrder: [], submitted: [], score, total, passed: score / total >= 2 / 3, response: "{}", startedAt: at, submittedAt: at },
  });
}

/** A cohort of three: Ada finished the first lesson, Bo visited it and failed its quiz, Cy did nothing. */
async function fixture(): Promise<{ instructor: SessionUser; id: string; ada: SessionUser; bo: SessionUser; cy: SessionUser }> {
  const instructor = await createActor("INSTRUCTOR");
  const { id, joinCode } = await createCohort(instructor, { name: "Matrix class", guides: ["kafka"] });
  const [ada, bo, cy] = [await createActor(), await createActor(), await createActor()];
  await db.user.update({ where: { id: ada.id }, data: { name: "Ada" } });
  await db.user.update({ where: { id: bo.id }, data: { name: "Bo" } });
  await db.user.update({ where: { id: cy.id }, data: { name: "Cy" } });
  for (const u of [ada, bo, cy]) await joinCohort(u, { code: joinCode });
  const recent = new Date(NOW.getTime() - DAY);
  const old = new Date(NOW.getTime() - 30 * DAY);
  await db.lessonProgress.create({ data: { userId: ada.id, guide: "kafka", lesson: first!.slug, firstVisitedAt: recent, lastVisitedAt: recent, readAt: recent } });
  await attempt(ada.id, first!.slug, 2, 3, recent);
  await attempt(ada.id, first!.slug, 3, 3, recent);
  await db.lessonProgress.create({ data: { userId: bo.id, guide: "kafka", lesson: first!.slug, firstVisitedAt: old, lastVisitedAt: old } });
  await attempt(bo.id, first!.slug, 1, 3, old);
  return { instructor, id, ada: { ...ada, name: "Ada" }, bo: { ...bo, name: "Bo" }, cy: { ...cy, name: "Cy" } };
}

describe("cohort progress matrix", () => {
  it("gives each cell its status and best score, and totals per learner and per lesson", async () => {
    const { instructor, id } = await fixture();
    const m = await getCohortMatrix(instructor, id, {}, NOW);
    expect(m.lessons.map((l) => l.lesson)).toEqual(kafka.lessons.map((l) => l.slug));
    expect(m.rows.map((r) => r.name)).toEqual(["Ada", "Bo", "Cy"]);
    const [ada, bo, cy] = m.rows;
    expect(ada!.cells[0]).toEqual({ status: "complete", bestScore: { score: 3, total: 3 } });
    expect(bo!.cells[0]).toEqual({ status: "visited", bestScore: { score: 1, total: 3 } });
    expect(cy!.cells[0]).toEqual({ status: "not-started", bestScore: null });
    expect(ada!.cells[1]).toEqual({ status: "not-started", bestScore: null });
    expect(ada!.percentComplete).toBe(Math.floor(100 / kafka.lessons.length));
    expect(cy!.lastActiveAt).toBeNull();
    expect(m.lessons[0]!.percentComplete).toBe(33);
    expect(m.lessons[1]!.percentComplete).toBe(0);
    expect(m.total).toBe(3);
  });

  it("sorts by completion, activity or one lesson, filters by status, inactivity, phase and search, and pages", async () => {
    const { instructor, id } = await fixture();
    const names = async (query: Record<string, string>) => (await getCohortMatrix(instructor, id, query, NOW)).rows.map((r) => r.name);
    expect(await names({ sort: "complete", dir: "desc" })).toEqual(["Ada", "Bo", "Cy"]);
    expect(await names({ sort: "active", dir: "desc" })).toEqual(["Ada", "Bo", "Cy"]);
    expect(await names({ sort: `lesson:kafka/${first!.slug}`, dir: "asc" })).toEqual(["Cy", "Bo", "Ada"]);
    expect(await names({ status: "visited" })).toEqual(["Bo"]);
    expect(await names({ inactiveDays: "7" })).toEqual(["Bo", "Cy"]);
    expect(await names({ q: "ADA" })).toEqual(["Ada"]);
    expect(await names({ page: "2", pageSize: "2" })).toEqual(["Cy"]);
    // A page past the end (an old bookmark) shows the last page, and says which.
    const past = await getCohortMatrix(instructor, id, { page: "9", pageSize: "2" }, NOW);
    expect([past.page, past.rows.map((r) => r.name)]).toEqual([2, ["Cy"]]);
    const phase2 = await getCohortMatrix(instructor, id, { phase: String(second!.phase === first!.phase ? 2 : second!.phase) }, NOW);
    expect(phase2.lessons.every((l) => l.phase === phase2.lessons[0]!.phase)).toBe(true);
    expect(phase2.lessons.map((l) => l.lesson)).not.toContain(first!.slug);
  });

  it.each([
    [{ pageSize: "101" }, "pageSize"],
    [{ sort: "password" }, "sort"],
    [{ sort: "lesson:kafka/nope" }, "sort"],
    [{ status: "failed" }, "status"],
    [{ phase: "99" }, "phase"],
    [{ page: "0" }, "page"],
    [{ extra: "1" }, "_form"],
  ])("refuses %j naming %s", async (query, field) => {
    const { instructor, id } = await fixture();
    const error = await rejection(getCohortMatrix(instructor, id, query, NOW));
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect(Object.keys(error.fieldErrors ?? {})).toContain(field);
  });

  it("is for the cohort's instructor and admins only", async () => {
    const { id, ada } = await fixture();
    expect(await rejection(getCohortMatrix(ada, id, {}))).toMatchObject({ code: "FORBIDDEN" });
    expect(await rejection(getCohortMatrix(await createActor("INSTRUCTOR"), id, {}))).toMatchObject({ code: "FORBIDDEN" });
    expect((await getCohortMatrix(await createActor("ADMIN"), id, {})).total).toBe(3);
  });
});
