/** A learner joining a cohort with its code. */
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { joinCohortSchema } from "./schemas";

/**
 * Adds the signed-in user to the open cohort with this code (401 signed out, 404 for an unknown
 * code or an archived cohort). Joining twice is fine: the first join date stays.
 */
export async function joinCohort(user: SessionUser | null, input: unknown): Promise<{ cohortId: string; name: string; guides: string[] }> {
  if (!user) throw new AppError("UNAUTHORIZED", { userMessage: "Sign in (or create an account) to join a cohort." });
  const { code } = parseInput(joinCohortSchema, input);
  const cohort = await db.cohort.findUnique({ where: { joinCode: code }, select: { id: true, name: true, guides: true, archivedAt: true } });
  if (!cohort || cohort.archivedAt) throw new AppError("NOT_FOUND", { userMessage: "No open cohort has this code. Ask your instructor for the current link.", fieldErrors: { code: ["no open cohort has this code"] } });
  await db.cohortMember.upsert({ where: { cohortId_userId: { cohortId: cohort.id, userId: user.id } }, create: { cohortId: cohort.id, userId: user.id }, update: {} });
  return { cohortId: cohort.id, name: cohort.name, guides: cohort.guides };
}
