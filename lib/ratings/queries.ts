/**
 * Reading a reader's own vote. Server-only; scoped to the learner passed in.
 */
import "server-only";
import { getLesson } from "@/lib/content/source";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { ownerOf, type Learner } from "@/lib/learners/learner";
import type { OwnRating } from "./dto";
import type { RatingReason } from "./reasons";

/** A page_ratings row as OwnRating needs it. */
export interface RatingRow {
  helpful: boolean;
  reason: string | null;
  comment: string | null;
  contentVersion: string;
  updatedAt: Date;
}

/** The same columns for raw `RETURNING`, named as RatingRow's fields. */
export const RATING_COLUMNS = Prisma.sql`helpful, reason, comment, content_version AS "contentVersion", updated_at AS "updatedAt"`;

/** The vote as the API returns it; `outdated` when the lesson's current version differs. */
export function toOwnRating(row: RatingRow, currentVersion: string | undefined): OwnRating {
  return {
    helpful: row.helpful,
    reason: row.reason as RatingReason | null,
    comment: row.comment,
    contentVersion: row.contentVersion,
    outdated: currentVersion !== row.contentVersion,
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** The learner's vote on the lesson, or null if they have not voted (or have no identity yet). */
export async function getOwnRating(learner: Learner | null, guide: string, lesson: string): Promise<OwnRating | null> {
  if (!learner) return null;
  const row = await db.pageRating.findFirst({
    where: { ...ownerOf(learner), guide, lesson },
    select: { helpful: true, reason: true, comment: true, contentVersion: true, updatedAt: true },
  });
  return row ? toOwnRating(row, getLesson(guide, lesson)?.version) : null;
}
