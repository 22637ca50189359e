/**
 * Reading a reader's own vote. Server-only; scoped to the learner passed in.
 */
import "server-only";
import { getLesson } from "@/lib/content/source";
import { db } from "@/lib/db";
import { ownerOf, type Learner } from "@/lib/learners/identity";
import type { OwnRating } from "./dto";
import type { RatingReason } from "./reasons";

/** The learner's vote on the lesson, or null if they have not voted (or have no identity yet). */
export async function getOwnRating(learner: Learner | null, guide: string, lesson: string): Promise<OwnRating | null> {
  if (!learner) return null;
  const row = await db.pageRating.findFirst({
    where: { ...ownerOf(learner), guide, lesson },
    select: { helpful: true, reason: true, comment: true, contentVersion: true, updatedAt: true },
  });
  if (!row) return null;
  return {
    helpful: row.helpful,
    reason: row.reason as RatingReason | null,
    comment: row.comment,
    contentVersion: row.contentVersion,
    outdated: getLesson(guide, lesson)?.version !== row.contentVersion,
    updatedAt: row.updatedAt.toISOString(),
  };
}
