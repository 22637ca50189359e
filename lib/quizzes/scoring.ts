/**
 * Scoring an attempt and deciding what the learner may see afterwards. Pure functions over the
 * quiz (with its answer key) and the displayed indexes the learner submitted.
 */
import type { RevealPolicy } from "./schemas";
import { toCanonical, toDisplayed, type ChoiceOrder } from "./shuffle";

export interface QuizSettings {
  /** Shuffle choices per attempt. */
  shuffle: boolean;
  /** When correct choices and explanations are shown. */
  reveal: RevealPolicy;
  /** Fraction of questions to answer correctly to pass, in (0, 1]. */
  passAt: number;
}

export const DEFAULT_QUIZ_SETTINGS: QuizSettings = { shuffle: true, reveal: "after-submit", passAt: 2 / 3 };

export interface ScorableQuestion {
  id: string;
  version: string;
  answer: number;
  explain: string;
}

interface QuestionOutcome {
  questionId: string;
  questionVersion: string;
  /** Displayed index the learner chose (what their screen showed). */
  chosen: number;
  /** The same choice as an index into the quiz file. */
  chosenCanonical: number;
  correct: boolean;
  /** Displayed index of the right choice in this attempt's order. */
  correctChoice: number;
  explain: string;
}

interface ScoredAttempt {
  score: number;
  total: number;
  passed: boolean;
  outcomes: QuestionOutcome[];
}

/** Fewest correct answers that pass a quiz of `total` questions. */
export function passMark(total: number, passAt: number): number {
  // The epsilon keeps 2/3 of 3 at 2 despite 2/3 not being exact in floating point.
  return Math.max(1, Math.ceil(total * passAt - 1e-9));
}

/**
 * Scores `displayedAnswers` (one displayed index per question, already range-checked by the
 * caller) against the key, in this attempt's `orders`.
 */
export function scoreAttempt(questions: readonly ScorableQuestion[], orders: readonly ChoiceOrder[], displayedAnswers: readonly number[], passAt: number): ScoredAttempt {
  if (displayedAnswers.length !== questions.length || orders.length !== questions.length) {
    throw new RangeError(`expected ${questions.length} answers and orders, got ${displayedAnswers.length} and ${orders.length}`);
  }
  const outcomes = questions.map((question, i): QuestionOutcome => {
    const order = orders[i]!;
    const chosen = displayedAnswers[i]!;
    const chosenCanonical = toCanonical(order, chosen);
    return {
      questionId: question.id,
      questionVersion: question.version,
      chosen,
      chosenCanonical,
      correct: chosenCanonical === question.answer,
      correctChoice: toDisplayed(order, question.answer),
      explain: question.explain,
    };
  });
  const score = outcomes.filter((o) => o.correct).length;
  return { score, total: questions.length, passed: score >= passMark(questions.length, passAt), outcomes };
}

/**
 * Whether correct choices and explanations may be shown after an attempt.
 * `passedBefore`: the learner passed this quiz in an earlier attempt.
 */
export function mayReveal(policy: RevealPolicy, passedNow: boolean, passedBefore: boolean): boolean {
  if (policy === "never") return false;
  if (policy === "after-pass") return passedNow || passedBefore;
  return true;
}
