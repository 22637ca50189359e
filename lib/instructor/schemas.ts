/** Inputs of the instructor dashboard (zod only). Sort keys and filters are allow-listed; page sizes capped. */
import { z } from "zod";

export const CELL_STATUSES = ["not-started", "visited", "read", "quiz-passed", "complete"] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];

/** The most learners one page of the matrix shows. */
export const MAX_PAGE_SIZE = 100;

/** GET /api/instructor/cohorts/{id}?… : which page of the progress matrix, how sorted and filtered. */
export const matrixQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(25),
  /** name, email, complete (% of lessons), active (last active), or lesson:<guide>/<lesson>. */
  sort: z
    .string()
    .regex(/^(name|email|complete|active|lesson:[a-z0-9-]+\/[a-z0-9-]+)$/, "name, email, complete, active or lesson:<guide>/<lesson>")
    .default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  /** Part of a learner's name or e-mail. */
  q: z.string().trim().max(100).optional(),
  /** Only this phase's lessons (as columns and in the totals). */
  phase: z.coerce.number().int().min(1).max(100).optional(),
  /** Only learners with at least one lesson in this state. */
  status: z.enum(CELL_STATUSES).optional(),
  /** Only learners not active for at least this many days (or never). */
  inactiveDays: z.coerce.number().int().min(1).max(3650).optional(),
});
export type MatrixQuery = z.infer<typeof matrixQuerySchema>;

/** GET /api/instructor/cohorts/{id}/questions?scope=… : the cohort's learners, or (admins only) every learner of its guides. */
export const questionsQuerySchema = z.strictObject({
  scope: z.enum(["cohort", "all"]).default("cohort"),
});
export type QuestionsQuery = z.infer<typeof questionsQuerySchema>;
