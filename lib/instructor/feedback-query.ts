/**
 * Page feedback of a cohort: per lesson of its guides, how many of its learners found the page
 * helpful, why the others did not, their latest comments, and the lessons that most need
 * attention (most "not helpful" votes first). Comments are returned as text; pages render them
 * escaped like any text.
 */
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { requireManagedCohort } from "@/lib/cohorts/access";
import { getGuide } from "@/lib/content/source";
import { db } from "@/lib/db";
import { percentOf } from "@/lib/progress/summary";
import { RATING_REASONS, type RatingReason } from "@/lib/ratings/reasons";

/** Latest comments kept per lesson. */
export const COMMENTS_PER_LESSON = 5;

export interface LessonFeedback {
  guide: string;
  lesson: string;
  title: string;
  helpful: number;
  notHelpful: number;
  /** Share of votes that were "helpful", 0–100 (null without votes). */
  helpfulPercent: number | null;
  reasons: Record<RatingReason, number>;
  comments: { helpful: boolean; comment: string; name: string; at: string }[];
}

export interface CohortFeedback {
  lessons: LessonFeedback[];
  /** Lessons with at least one "not helpful" vote, most such votes first. */
  needsAttention: { guide: string; lesson: string; title: string; notHelpful: number }[];
}

export async function getCohortFeedback(user: SessionUser | null, id: unknown): Promise<CohortFeedback> {
  const cohort = await requireManagedCohort(user, id);
  const ratings = await db.pageRating.findMany({
    where: { guide: { in: cohort.guides }, user: { memberships: { some: { cohortId: cohort.id } } } },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: { guide: true, lesson: true, helpful: true, reason: true, comment: true, updatedAt: true, user: { select: { name: true } } },
  });
  const lessons = cohort.guides.flatMap((slug) =>
    (getGuide(slug)?.lessons ?? []).map((l): LessonFeedback => {
      const votes = ratings.filter((r) => r.guide === slug && r.lesson === l.slug);
      const helpful = votes.filter((v) => v.helpful).length;
      const reasons = Object.fromEntries(RATING_REASONS.map((r) => [r, 0])) as Record<RatingReason, number>;
      for (const v of votes) if (!v.helpful && v.reason && v.reason in reasons) reasons[v.reason as RatingReason] += 1;
      return {
        guide: slug,
        lesson: l.slug,
        title: l.title,
        helpful,
        notHelpful: votes.length - helpful,
        helpfulPercent: votes.length ? percentOf(helpful, votes.length) : null,
        reasons,
        comments: votes
          .filter((v) => v.comment)
          .slice(0, COMMENTS_PER_LESSON)
          .map((v) => ({ helpful: v.helpful, comment: v.comment!, name: v.user?.name ?? "", at: v.updatedAt.toISOString() })),
      };
    }),
  );
  const needsAttention = lessons
    .filter((l) => l.notHelpful > 0)
    .sort((a, b) => b.notHelpful - a.notHelpful || (a.helpfulPercent ?? 0) - (b.helpfulPercent ?? 0))
    .map(({ guide, lesson, title, notHelpful }) => ({ guide, lesson, title, notHelpful }));
  return { lessons, needsAttention };
}
