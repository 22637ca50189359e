/**
 * "Was this page helpful?" votes as the API accepts them. zod only.
 */
import { z } from "zod";
import { MAX_COMMENT_CHARACTERS, RATING_REASONS } from "./reasons";

// Counted in characters as the database counts them (code points), not UTF-16 units. NUL and
// other control characters (but tabs and line breaks) are refused rather than stored.
const comment = z
  .string()
  .trim()
  .refine((s) => [...s].length <= MAX_COMMENT_CHARACTERS, `must be at most ${MAX_COMMENT_CHARACTERS} characters`)
  .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), "must not contain control characters")
  .transform((s) => (s === "" ? undefined : s));

/** A vote replaces the reader's previous one entirely: leaving out reason or comment clears them. */
export const ratingInputSchema = z
  .object({
    helpful: z.boolean({ error: "must be true or false" }),
    reason: z.enum(RATING_REASONS, { error: `must be one of ${RATING_REASONS.join(", ")}` }).nullish(),
    comment: comment.nullish(),
  })
  .strict();
export type RatingInput = z.infer<typeof ratingInputSchema>;
