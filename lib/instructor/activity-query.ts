/**
 * A cohort's activity over time: per UTC day, how many of its learners did something in its
 * guides, how many quizzes they submitted and how many lessons they finished reading.
 */
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { requireManagedCohort } from "@/lib/cohorts/access";
import { db } from "@/lib/db";

/** How many days the dashboard's activity chart covers (today included). */
export const ACTIVITY_DAYS = 28;

/** One UTC day of a cohort's activity. */
export interface ActivityDay {
  /** "2026-11-27" (UTC). */
  day: string;
  activeLearners: number;
  quizAttempts: number;
  lessonsRead: number;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * The last `days` days of cohort `id` up to `now`, oldest first, every day present (zeros
 * included). "Active" counts what the records keep: lesson visits are kept as the first and latest
 * one per lesson, while quiz submissions and "try it" commands are all kept.
 */
export async function getCohortActivity(user: SessionUser | null, id: unknown, now = new Date(), days = ACTIVITY_DAYS): Promise<ActivityDay[]> {
  const cohort = await requireManagedCohort(user, id);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const since = new Date(today - (days - 1) * DAY_MS);
  const rows = await db.$queryRaw<{ day: string; active: number; quizzes: number; reads: number }[]>`
    WITH members AS (SELECT user_id FROM cohort_members WHERE cohort_id = ${cohort.id}::uuid),
    events AS (
      SELECT p.user_id, t.at, 'visit' AS kind
      FROM lesson_progress p JOIN members USING (user_id)
      CROSS JOIN LATERAL unnest(ARRAY[p.first_visited_at, p.last_visited_at, p.section_at]) AS t(at)
      WHERE p.guide = ANY(${cohort.guides}::text[])
      UNION ALL
      SELECT p.user_id, p.read_at, 'read' FROM lesson_progress p JOIN members USING (user_id)
      WHERE p.guide = ANY(${cohort.guides}::text[]) AND p.read_at >= ${since}
      UNION ALL
      SELECT a.user_id, a.submitted_at, 'quiz' FROM quiz_attempts a JOIN members USING (user_id)
      WHERE a.guide = ANY(${cohort.guides}::text[]) AND a.submitted_at >= ${since}
      UNION ALL
      SELECT s.user_id, c.created_at, 'try-it' FROM sim_commands c
      JOIN sim_sessions s ON s.id = c.session_id JOIN members USING (user_id)
      WHERE s.guide = ANY(${cohort.guides}::text[]) AND c.created_at >= ${since}
    )
    SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
      count(DISTINCT user_id)::int AS active,
      (count(*) FILTER (WHERE kind = 'quiz'))::int AS quizzes,
      (count(*) FILTER (WHERE kind = 'read'))::int AS reads
    FROM events WHERE at >= ${since}
    GROUP BY 1`;
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(since.getTime() + i * DAY_MS).toISOString().slice(0, 10);
    const r = byDay.get(day);
    return { day, activeLearners: r?.active ?? 0, quizAttempts: r?.quizzes ?? 0, lessonsRead: r?.reads ?? 0 };
  });
}
