/**
 * What the quiz API sends to browsers. Types only, shared by the route handlers and the quiz
 * island. Nothing here can carry an answer before submission: QuizForAttempt has no field for it.
 */
import type { RevealPolicy } from "./schemas";

export interface QuizForAttempt {
  /** `guide/lesson` */
  quizId: string;
  /** Content version of the quiz; statistics are kept per version. */
  version: string;
  questions: { id: string; q: string; choices: string[] }[];
  /** Identifies this attempt and its choice order; send it back with the answers. */
  attemptKey: string;
  /** ISO time after which attemptKey is refused. */
  expiresAt: string;
  reveal: RevealPolicy;
  /** Correct answers needed to pass. */
  passMark: number;
}

export interface QuestionResult {
  questionId: string;
  correct: boolean;
  /** Displayed index chosen. */
  chosen: number;
  /** Displayed index of the right choice; only when the reveal policy allows. */
  correctChoice?: number;
  explain?: string;
}

export interface AttemptResult {
  attemptId: string;
  score: number;
  total: number;
  passed: boolean;
  /** Whether correct choices and explanations are included (reveal policy). */
  revealed: boolean;
  submittedAt: string;
  results: QuestionResult[];
}

export interface AttemptSummary {
  attemptId: string;
  quizId: string;
  guide: string;
  lesson: string;
  version: string;
  score: number;
  total: number;
  passed: boolean;
  submittedAt: string;
}
