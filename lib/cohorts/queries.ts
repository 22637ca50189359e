/**
 * Cohort reads. Each one checks the caller next to the data (lib/cohorts/access.ts) and returns
 * plain objects.
 */
import "server-only";
import { assertRole, type SessionUser } from "@/lib/auth/session";
import { getGuide } from "@/lib/content/source";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/validation";
import { requireManagedCohort } from "./access";
import type { CohortInvitation, CohortMemberDto, CohortSummary } from "./dto";
import { joinCodeSchema } from "./schemas";

const guidesOf = (slugs: string[]) => slugs.map((slug) => ({ slug, title: getGuide(slug)?.title ?? slug }));

const summarySelect = {
  id: true,
  name: true,
  guides: true,
  joinCode: true,
  archivedAt: true,
  createdAt: true,
  owner: { select: { id: true, name: true } },
  _count: { select: { members: true } },
} satisfies Prisma.CohortSelect;

function toSummary(c: Prisma.CohortGetPayload<{ select: typeof summarySelect }>): CohortSummary {
  return {
    id: c.id,
    name: c.name,
    guides: guidesOf(c.guides),
    joinCode: c.joinCode,
    archived: c.archivedAt !== null,
    owner: c.owner,
    memberCount: c._count.members,
    createdAt: c.createdAt.toISOString(),
  };
}

/** The cohorts `user` manages: an instructor's own, every cohort for an admin. Active ones first, newest first. */
export async function listCohorts(user: SessionUser | null): Promise<CohortSummary[]> {
  assertRole(user, "INSTRUCTOR", "ADMIN");
  const rows = await db.cohort.findMany({
    where: user.role === "ADMIN" ? {} : { ownerId: user.id },
    orderBy: [{ archivedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: summarySelect,
  });
  return rows.map(toSummary);
}

/** One cohort `user` manages: its name, guides, code, owner and member count. */
export async function getCohortSummary(user: SessionUser | null, id: unknown): Promise<CohortSummary> {
  const cohort = await requireManagedCohort(user, id);
  return toSummary(await db.cohort.findUniqueOrThrow({ where: { id: cohort.id }, select: summarySelect }));
}

/** One cohort `user` manages, with its members (by name). */
export async function getCohort(user: SessionUser | null, id: unknown): Promise<CohortSummary & { members: CohortMemberDto[] }> {
  const summary = await getCohortSummary(user, id);
  const members = await db.cohortMember.findMany({
    where: { cohortId: summary.id },
    orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
    select: { joinedAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  return { ...summary, members: members.map((m) => ({ userId: m.user.id, name: m.user.name, email: m.user.email, joinedAt: m.joinedAt.toISOString() })) };
}

/** What a join link shows before joining; 404 for an unknown code or an archived cohort. */
export async function getInvitation(code: unknown): Promise<CohortInvitation> {
  const joinCode = parseInput(joinCodeSchema, code);
  const cohort = await db.cohort.findUnique({ where: { joinCode }, select: { name: true, guides: true, archivedAt: true, owner: { select: { name: true } } } });
  if (!cohort || cohort.archivedAt) throw new AppError("NOT_FOUND", { userMessage: "No open cohort has this code. Ask your instructor for the current link." });
  return { name: cohort.name, guides: guidesOf(cohort.guides), instructor: cohort.owner.name };
}
