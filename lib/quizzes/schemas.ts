/**
 * Quiz settings (lesson frontmatter `quiz:`) and the API's input shapes. zod only.
 */
import { z } from "zod";

const REVEAL_POLICIES = ["after-submit", "after-pass", "never"] as const;
export type RevealPolicy = (typeof REVEAL_POLICIES)[number];

/** Frontmatter `quiz:`: every field optional, defaults in DEFAULT_QUIZ_SETTINGS. */
export const quizSettingsSchema = z
  .object({
    shuffle: z.boolean().optional(),
    reveal: z.enum(REVEAL_POLICIES).optional(),
    passAt: z.number().gt(0, "must be more than 0").max(1, "must be at most 1 (all questions right)").optional(),
  })
  .strict();
export type QuizSettingsInput = z.infer<typeof quizSettingsSchema>;

/** Longest attemptKey the server issues is ~200 characters; anything much longer is not ours. */
const attemptKey = z.string({ error: "is required" }).min(1, "is required").max(512, "is not an attempt key");

/**
 * POST …/quiz/attempts. Unknown fields (a client's own `score` or `correct`) are dropped, not
 * trusted.
 */
export const submitAttemptSchema = z.object({
  attemptKey,
  answers: z
    .array(z.number({ error: "must be a number" }).int("must be a whole number (a choice index)").min(0, "must be 0 or more"), {
      error: "must be an array of choice indexes",
    })
    .max(100, "has too many answers"),
});

/** GET /api/me/attempts?guide=&lesson= */
export const attemptFilterSchema = z.object({
  guide: z.string().regex(/^[a-z0-9-]{1,80}$/, "must be a guide slug").optional(),
  lesson: z.string().regex(/^[a-z0-9-]{1,80}$/, "must be a lesson slug").optional(),
});
