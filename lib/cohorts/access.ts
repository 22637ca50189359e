/**
 * Who may manage a cohort: its instructor (the one who created it) and admins. Checked next to
 * the data by every cohort query and mutation, never by the routes alone.
 */
import "server-only";
import { cache } from "react";
import { assertRole, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { cohortIdSchema } from "./schemas";

export interface ManagedCohort {
  id: string;
  name: string;
  ownerId: string;
  guides: string[];
  joinCode: string;
  archivedAt: Date | null;
}

// A cohort page runs several queries, each checking the caller: the row is read once per render
// (React's cache is per request; outside a render it simply calls through).
const findCohort = cache((id: string) =>
  db.cohort.findUnique({ where: { id }, select: { id: true, name: true, ownerId: true, guides: true, joinCode: true, archivedAt: true } }),
);

/**
 * The cohort `id` if `user` may manage it. 401 signed out; 403 for learners, and for an instructor
 * who is not the cohort's (whether it exists or not, so ids cannot be probed); 404 for an admin
 * asking for one that does not exist; 400 for a malformed id.
 */
export async function requireManagedCohort(user: SessionUser | null, id: unknown): Promise<ManagedCohort> {
  assertRole(user, "INSTRUCTOR", "ADMIN");
  const cohortId = parseInput(cohortIdSchema, id);
  const cohort = await findCohort(cohortId);
  if (user.role === "ADMIN") {
    if (!cohort) throw new AppError("NOT_FOUND", { userMessage: "There is no such cohort." });
    return cohort;
  }
  if (!cohort || cohort.ownerId !== user.id) throw new AppError("FORBIDDEN", { userMessage: "This is not one of your cohorts." });
  return cohort;
}

/**
 * Whether `user` teaches `learnerId` in `guide`: owns a cohort that the learner is in and that
 * follows that guide (admins: always).
 */
export async function teachesLearner(user: SessionUser | null, learnerId: string, guide: string): Promise<boolean> {
  if (!user) return false;
  if (user.role === "ADMIN") return true;
  if (user.role !== "INSTRUCTOR") return false;
  const found = await db.cohortMember.findFirst({ where: { userId: learnerId, cohort: { ownerId: user.id, guides: { has: guide } } }, select: { cohortId: true } });
  return found !== null;
}
