/**
 * The rules for combining progress evidence, as SQL `ON CONFLICT … DO UPDATE SET` lists, for the
 * existing row `e` and the incoming row `EXCLUDED`. Each write is a single statement per row, so
 * it is atomic under concurrent writers.
 *
 * Both rules: first visit and first read are the earliest, last visit the latest, the section the
 * one seen at the later time (ties keep the existing one), try-it goals the union with the
 * earliest time each was reached. Applying the same evidence again changes nothing.
 *
 * - MERGE_PROGRESS_SET (a learner's own writes): the latest reset of the two wins, and evidence
 *   from before it no longer counts, so a write queued before a reset cannot undo it.
 * - MERGE_GUEST_SET (a guest's rows into an account at sign-in): each row already holds only
 *   evidence since its own reset, so both sides count in full (the union); the merged row keeps
 *   the earlier reset, or none if either side never reset, so that quiz attempts of both count
 *   towards the best result.
 */
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/** Column list of `INSERT INTO lesson_progress AS e …` for the values that follow. */
export const PROGRESS_INSERT_COLUMNS = Prisma.sql`(id, user_id, guest_id, guide, lesson, first_visited_at, last_visited_at, read_at, section, section_at, try_it_goals, reset_at)`;

const COLUMNS = {
  first: [Prisma.sql`e.first_visited_at`, Prisma.sql`EXCLUDED.first_visited_at`],
  last: [Prisma.sql`e.last_visited_at`, Prisma.sql`EXCLUDED.last_visited_at`],
  read: [Prisma.sql`e.read_at`, Prisma.sql`EXCLUDED.read_at`],
  sectionAt: [Prisma.sql`e.section_at`, Prisma.sql`EXCLUDED.section_at`],
} as const;

/** The SET list where a time counts only if `counts` keeps it, and `since` bounds try-it goals. */
function mergeSet(counts: (column: Prisma.Sql) => Prisma.Sql, since: Prisma.Sql, resetAt: Prisma.Sql): Prisma.Sql {
  const [eFirst, xFirst] = COLUMNS.first;
  const [eLast, xLast] = COLUMNS.last;
  const [eRead, xRead] = COLUMNS.read;
  const [eSection, xSection] = COLUMNS.sectionAt;
  return Prisma.sql`
    first_visited_at = LEAST(${counts(eFirst)}, ${counts(xFirst)}),
    last_visited_at = GREATEST(${counts(eLast)}, ${counts(xLast)}),
    read_at = LEAST(${counts(eRead)}, ${counts(xRead)}),
    section = CASE
      WHEN ${counts(xSection)} IS NOT NULL AND (${counts(eSection)} IS NULL OR EXCLUDED.section_at > e.section_at) THEN EXCLUDED.section
      WHEN ${counts(eSection)} IS NOT NULL THEN e.section
    END,
    section_at = GREATEST(${counts(eSection)}, ${counts(xSection)}),
    try_it_goals = (
      SELECT COALESCE(jsonb_object_agg(goal, to_char(reached AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')), '{}'::jsonb)
      FROM (
        SELECT g.key AS goal, min(g.value::timestamptz) AS reached
        FROM (SELECT * FROM jsonb_each_text(e.try_it_goals) UNION ALL SELECT * FROM jsonb_each_text(EXCLUDED.try_it_goals)) AS g
        WHERE g.value::timestamptz >= ${since}
        GROUP BY g.key
      ) AS goals
    ),
    reset_at = ${resetAt}`;
}

const latestReset = Prisma.sql`COALESCE(GREATEST(e.reset_at, EXCLUDED.reset_at), '-infinity'::timestamptz)`;

/** For a learner's own writes (see the module comment). */
export const MERGE_PROGRESS_SET = mergeSet(
  (column) => Prisma.sql`CASE WHEN ${column} >= ${latestReset} THEN ${column} END`,
  latestReset,
  Prisma.sql`GREATEST(e.reset_at, EXCLUDED.reset_at)`,
);

/** For moving a guest's rows into an account (see the module comment). */
export const MERGE_GUEST_SET = mergeSet(
  (column) => column,
  Prisma.sql`'-infinity'::timestamptz`,
  Prisma.sql`CASE WHEN e.reset_at IS NULL OR EXCLUDED.reset_at IS NULL THEN NULL ELSE LEAST(e.reset_at, EXCLUDED.reset_at) END`,
);
