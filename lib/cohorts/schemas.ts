/** Cohort inputs (zod only). */
import { z } from "zod";

const slug = z.string().min(1).max(80).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "a guide slug");

export const cohortIdSchema = z.uuid({ error: "Not a valid cohort id." });

/** POST /api/instructor/cohorts: a name and the guide(s) the cohort follows. */
export const createCohortSchema = z.strictObject({
  name: z.string().trim().min(1, "Give the cohort a name.").max(100, "At most 100 characters."),
  guides: z
    .array(slug)
    .min(1, "Choose at least one guide.")
    .max(10)
    .refine((g) => new Set(g).size === g.length, "A guide is listed twice."),
});
export type CreateCohortInput = z.infer<typeof createCohortSchema>;

/** PATCH /api/instructor/cohorts/{id}: archive (no new members) or reopen. */
export const updateCohortSchema = z.strictObject({ archived: z.boolean() });

/** The letters and digits of join codes: no 0/O, 1/I/L, so a code read aloud or copied by hand works. */
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 10;

/** A join code as typed: case, spaces and dashes do not matter. */
export const joinCodeSchema = z
  .string()
  .max(40)
  .transform((s) => s.toUpperCase().replace(/[\s-]/g, ""))
  .pipe(z.string().regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`), `A join code is ${JOIN_CODE_LENGTH} letters and digits.`));

/** POST /api/cohorts/join. */
export const joinCohortSchema = z.strictObject({ code: joinCodeSchema });
