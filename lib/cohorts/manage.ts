/**
 * Cohort mutations for instructors and admins: create, rotate the join code, archive or reopen,
 * remove a member. Each checks the caller next to the data and writes its audit record in the
 * same transaction.
 */
import "server-only";
import { assertRole, type SessionUser } from "@/lib/auth/session";
import { getGuide } from "@/lib/content/source";
import { db } from "@/lib/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { userIdSchema } from "@/lib/users/schemas";
import { requireManagedCohort } from "./access";
import { newJoinCode } from "./join-code";
import { createCohortSchema } from "./schemas";

/** Runs `write` with a fresh code, again with another on the (unlikely) clash with an existing one. */
async function withFreshCode<T>(write: (code: string) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write(newJoinCode());
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 4) throw error;
    }
  }
}

/** Instructors and admins: a new cohort they own, following existing guides. Returns its id. */
export async function createCohort(user: SessionUser | null, input: unknown): Promise<{ id: string; joinCode: string }> {
  assertRole(user, "INSTRUCTOR", "ADMIN");
  const { name, guides } = parseInput(createCohortSchema, input);
  const unknown = guides.filter((g) => !getGuide(g));
  if (unknown.length) throw new AppError("BAD_REQUEST", { userMessage: `guides: no guide "${unknown[0]}".`, fieldErrors: { guides: [`no guide "${unknown[0]}"`] } });
  return withFreshCode((joinCode) =>
    db.$transaction(async (tx) => {
      const cohort = await tx.cohort.create({ data: { name, guides, ownerId: user.id, joinCode }, select: { id: true, joinCode: true } });
      await tx.auditEvent.create({ data: { actorId: user.id, action: "cohort.create", targetId: cohort.id, detail: { name, guides } } });
      return cohort;
    }),
  );
}

/** A new join code for the cohort; the old one stops working at once. */
export async function rotateJoinCode(user: SessionUser | null, id: unknown): Promise<{ joinCode: string }> {
  const cohort = await requireManagedCohort(user, id);
  return withFreshCode((joinCode) =>
    db.$transaction(async (tx) => {
      await tx.cohort.update({ where: { id: cohort.id }, data: { joinCode } });
      await tx.auditEvent.create({ data: { actorId: user!.id, action: "cohort.rotate-code", targetId: cohort.id } });
      return { joinCode };
    }),
  );
}

/** Archives the cohort (no one can join; everything stays readable), or reopens it. */
export async function setCohortArchived(user: SessionUser | null, id: unknown, archived: boolean): Promise<void> {
  const cohort = await requireManagedCohort(user, id);
  await db.$transaction([
    db.cohort.update({ where: { id: cohort.id }, data: { archivedAt: archived ? (cohort.archivedAt ?? new Date()) : null } }),
    db.auditEvent.create({ data: { actorId: user!.id, action: archived ? "cohort.archive" : "cohort.reopen", targetId: cohort.id } }),
  ]);
}

/** Takes a learner out of the cohort (their own progress stays theirs); 404 if they are not in it. */
export async function removeMember(user: SessionUser | null, id: unknown, memberId: unknown): Promise<void> {
  const cohort = await requireManagedCohort(user, id);
  const userId = parseInput(userIdSchema, memberId);
  await db.$transaction(async (tx) => {
    const removed = await tx.cohortMember.deleteMany({ where: { cohortId: cohort.id, userId } });
    if (removed.count === 0) throw new AppError("NOT_FOUND", { userMessage: "This learner is not in the cohort." });
    await tx.auditEvent.create({ data: { actorId: user!.id, action: "cohort.remove-member", targetId: cohort.id, detail: { userId } } });
  });
}
