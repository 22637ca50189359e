/**
 * The reasons a reader can give for "not helpful", and the comment limit. Plain constants (no
 * zod) so the rating panel can import them without pulling the validation library into the page.
 */
export const RATING_REASONS = ["inaccurate", "unclear", "missing-information", "code-doesnt-work", "other"] as const;
export type RatingReason = (typeof RATING_REASONS)[number];

/** How the reasons read in the UI. */
export const RATING_REASON_LABELS: Record<RatingReason, string> = {
  inaccurate: "Inaccurate",
  unclear: "Hard to understand",
  "missing-information": "Missing information",
  "code-doesnt-work": "Code doesn't work",
  other: "Something else",
};

export const MAX_COMMENT_CHARACTERS = 1000;
