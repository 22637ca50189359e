/**
 * Item analysis of one quiz question over a group of learners, from their first attempts: how many
 * answered, facility (the share who got it right), how the choices were spread, and a
 * discrimination index (the facility among the top 27% of learners by quiz score minus that
 * among the bottom 27%). Pure: the database queries feed it plain rows.
 */

/** One learner's first attempt at the quiz: their total score, and the choice made on this question. */
export interface FirstResponse {
  learner: string;
  /** The learner's score on the whole quiz in that attempt (any scale: only the order matters). */
  total: number;
  /** The choice picked on this question (an index into the question's choices). */
  choice: number;
  correct: boolean;
}

export interface QuestionStats {
  responses: number;
  /** Share of first attempts that were right, 0–1 (null with no responses). */
  facility: number | null;
  /** How many picked each choice, by choice index. */
  choices: number[];
  /** Upper-group facility minus lower-group facility, −1…1 (null with fewer than 2 learners). */
  discrimination: number | null;
  /** Fewer responses than make these numbers trustworthy. */
  fewResponses: boolean;
  /** Why the question looks broken, if it does. */
  flags: ("low-facility" | "distractor-beats-key")[];
}

/** Below this many responses the figures come with a warning. */
export const MIN_RESPONSES = 20;
/** The share of learners in each of the upper and lower groups (Kelley's 27%). */
export const GROUP_SHARE = 0.27;
/** Facility under this flags a question as possibly broken. */
export const LOW_FACILITY = 0.2;

const facilityOf = (rs: readonly FirstResponse[]) => (rs.length ? rs.filter((r) => r.correct).length / rs.length : 0);

/**
 * The statistics of a question with `choiceCount` choices whose right answer is `key`, over
 * `responses` (one per learner: their first attempt). Ties in total score are broken by learner
 * id, so the groups are the same on every run.
 */
export function questionStats(responses: readonly FirstResponse[], choiceCount: number, key: number): QuestionStats {
  const choices = Array.from({ length: choiceCount }, () => 0);
  for (const r of responses) if (r.choice >= 0 && r.choice < choiceCount) choices[r.choice]! += 1;
  const n = responses.length;
  const facility = n ? facilityOf(responses) : null;
  let discrimination: number | null = null;
  if (n >= 2) {
    const ranked = [...responses].sort((a, b) => b.total - a.total || (a.learner < b.learner ? -1 : a.learner > b.learner ? 1 : 0));
    const size = Math.max(1, Math.round(n * GROUP_SHARE));
    discrimination = facilityOf(ranked.slice(0, size)) - facilityOf(ranked.slice(n - size));
  }
  const flags: QuestionStats["flags"] = [];
  if (facility !== null && facility < LOW_FACILITY) flags.push("low-facility");
  if (choices.some((count, i) => i !== key && count > choices[key]!)) flags.push("distractor-beats-key");
  return { responses: n, facility, choices, discrimination, fewResponses: n < MIN_RESPONSES, flags };
}
