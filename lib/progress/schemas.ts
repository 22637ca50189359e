/**
 * What the progress API accepts. zod only; lib/progress/record.ts applies it.
 */
import { z } from "zod";

/** The longest heading id a lesson may have (checked with the content) and a write may name. */
export const MAX_SECTION_ID_LENGTH = 120;

/** Letters, digits and the characters a heading id may hold; no control characters. */
export const sectionIdSchema = z
  .string()
  .min(1, "must not be empty")
  .max(MAX_SECTION_ID_LENGTH, `must be at most ${MAX_SECTION_ID_LENGTH} characters`)
  .regex(/^[^\s\p{Cc}#]+$/u, "must be a heading id (no spaces or control characters)");

/**
 * One progress write: `visited`, `read` and `section` are evidence (each also counts as a visit);
 * `at` is when it happened in the browser, for writes that were queued and sent later. The server
 * clamps `at` to the last 30 days and never later than its own clock.
 */
export const progressEventSchema = z
  .object({
    visited: z.literal(true, { error: "must be true when given" }).optional(),
    read: z.literal(true, { error: "must be true when given (reading cannot be undone; reset the lesson instead)" }).optional(),
    section: sectionIdSchema.optional(),
    at: z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time, e.g. 2026-11-27T10:00:00Z" }).optional(),
  })
  .strict()
  .refine((e) => e.visited || e.read || e.section !== undefined, { error: "send at least one of visited, read or section", path: ["_body"] });
export type ProgressEventInput = z.infer<typeof progressEventSchema>;
