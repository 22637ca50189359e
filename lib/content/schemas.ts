/**
 * The shape of guide content (guide.json, lesson frontmatter, quiz files). zod only; the loader
 * (lib/content/load.ts) applies these and reports errors with the file and field.
 */
import { z } from "zod";
import { quizSettingsSchema } from "@/lib/quizzes/schemas";

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const slugSchema = z.string().regex(SLUG, "must be lowercase words joined by hyphens");

export const LEVELS = ["beginner", "intermediate", "advanced"] as const;
export type Level = (typeof LEVELS)[number];

export const guideManifestSchema = z
  .object({
    title: z.string().trim().min(1).max(80),
    summary: z.string().trim().min(1).max(400),
    level: z.enum(LEVELS),
    phases: z
      .array(z.object({ order: z.number().int().min(1), title: z.string().trim().min(1).max(80) }).strict())
      .min(1),
  })
  .strict()
  .superRefine((guide, ctx) => {
    guide.phases.forEach((phase, i) => {
      if (phase.order !== i + 1) {
        ctx.addIssue({ code: "custom", path: ["phases", i, "order"], message: `must be ${i + 1} (phases are numbered 1, 2, 3, ... in order)` });
      }
    });
  });
export type GuideManifest = z.infer<typeof guideManifestSchema>;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "is not a real date");

export const lessonFrontmatterSchema = z
  .object({
    title: z.string().trim().min(1).max(80),
    summary: z.string().trim().min(1).max(300),
    phase: z.number().int().min(1),
    order: z.number().int().min(1),
    // YAML turns an unquoted 2026-06-30 into a Date; accept both spellings.
    updated: z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), isoDate),
    minutes: z.number().int().min(1).max(120),
    /** How this lesson's quiz behaves (shuffle, reveal policy, pass mark); see docs/content-format.md. */
    quiz: quizSettingsSchema.optional(),
  })
  .strict();
export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;

const text = z.string().trim().min(1, "must not be empty");

export const quizQuestionSchema = z
  .object({
    id: slugSchema.optional(),
    q: text.max(500),
    choices: z.array(text.max(300)).min(2, "needs at least 2 choices").max(8, "allows at most 8 choices"),
    answer: z.number().int().min(0),
    explain: text.max(2000),
  })
  .strict()
  .superRefine((question, ctx) => {
    if (question.answer >= question.choices.length) {
      ctx.addIssue({ code: "custom", path: ["answer"], message: `must be an index into choices (0-${question.choices.length - 1})` });
    }
    const seen = new Set<string>();
    question.choices.forEach((choice, i) => {
      if (seen.has(choice.trim())) ctx.addIssue({ code: "custom", path: ["choices", i], message: "repeats another choice" });
      seen.add(choice.trim());
    });
  });
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;

export const quizFileSchema = z.array(quizQuestionSchema).min(1, "needs at least one question");

/** The MDX components authors may use (docs/content-format.md). */
export const CALLOUT_KINDS = ["key", "warning", "term", "note", "tip"] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];
export const AUTHOR_COMPONENTS = ["Callout", "Explain", "Recap", "TryIt"] as const;
