/**
 * The one rule for combining progress evidence, as SQL: used when a write meets the learner's
 * existing row (INSERT … ON CONFLICT) and when a guest's rows meet an account's at sign-in. Being
 * a single statement per row, it is atomic under concurrent writers.
 *
 * The rule, for the existing row `e` and the incoming evidence `EXCLUDED`:
 * - the latest reset of the two wins, and any time before it no longer counts;
 * - first visit and first read: the earliest that counts; last visit: the latest;
 * - section: the one seen at the later time (ties keep the existing one);
 * - try-it goals: the union, each with the earliest time it was reached.
 * So applying the same evidence again changes nothing, and the order writes arrive in does not
 * matter (except for section ties).
 */
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/** Column list of `INSERT INTO lesson_progress AS e …` for the values that follow. */
export const PROGRESS_INSERT_COLUMNS = Prisma.sql`(id, user_id, guest_id, guide, lesson, first_visited_at, last_visited_at, read_at, section, section_at, try_it_goals, reset_at)`;

const resetAt = Prisma.sql`COALESCE(GREATEST(e.reset_at, EXCLUDED.reset_at), '-infinity'::timestamptz)`;
const counts = (column: Prisma.Sql) => Prisma.sql`CASE WHEN ${column} >= ${resetAt} THEN ${column} END`;

const existing = {
  first: Prisma.sql`e.first_visited_at`,
  last: Prisma.sql`e.last_visited_at`,
  read: Prisma.sql`e.read_at`,
  sectionAt: Prisma.sql`e.section_at`,
};
const incoming = {
  first: Prisma.sql`EXCLUDED.first_visited_at`,
  last: Prisma.sql`EXCLUDED.last_visited_at`,
  read: Prisma.sql`EXCLUDED.read_at`,
  sectionAt: Prisma.sql`EXCLUDED.section_at`,
};

/** The `DO UPDATE SET …` list. Every expression reads the row as it was before the update. */
export const MERGE_PROGRESS_SET = Prisma.sql`
  first_visited_at = LEAST(${counts(existing.first)}, ${counts(incoming.first)}),
  last_visited_at = GREATEST(${counts(existing.last)}, ${counts(incoming.last)}),
  read_at = LEAST(${counts(existing.read)}, ${counts(incoming.read)}),
  section = CASE
    WHEN ${counts(incoming.sectionAt)} IS NOT NULL AND (${counts(existing.sectionAt)} IS NULL OR EXCLUDED.section_at > e.section_at) THEN EXCLUDED.section
    WHEN ${counts(existing.sectionAt)} IS NOT NULL THEN e.section
  END,
  section_at = GREATEST(${counts(existing.sectionAt)}, ${counts(incoming.sectionAt)}),
  try_it_goals = (
    SELECT COALESCE(jsonb_object_agg(goal, to_char(reached AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')), '{}'::jsonb)
    FROM (
      SELECT g.key AS goal, min(g.value::timestamptz) AS reached
      FROM (SELECT * FROM jsonb_each_text(e.try_it_goals) UNION ALL SELECT * FROM jsonb_each_text(EXCLUDED.try_it_goals)) AS g
      WHERE g.value::timestamptz >= ${resetAt}
      GROUP BY g.key
    ) AS goals
  ),
  reset_at = GREATEST(e.reset_at, EXCLUDED.reset_at)`;
