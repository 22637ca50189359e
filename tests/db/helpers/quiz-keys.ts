import type { QuizWithKey } from "@/lib/content/source";
import { issueAttemptKey } from "@/lib/quizzes/attempt-key";
import { choiceOrders, toDisplayed } from "@/lib/quizzes/shuffle";

/** A key for `quiz` and the displayed indexes that pick `canonical` choices in its order. */
export function keyFor(quiz: QuizWithKey, canonical: number[]): { attemptKey: string; answers: number[] } {
  const { key, claims } = issueAttemptKey(`${quiz.guide}/${quiz.lesson}`, quiz.version);
  const orders = choiceOrders(claims.seed, quiz.questions.map((q) => q.choices.length), quiz.settings.shuffle);
  return { attemptKey: key, answers: canonical.map((c, i) => toDisplayed(orders[i]!, c)) };
}

/** Answers that are all right (`wrong` = how many of the first questions to get wrong instead). */
export function answersScoring(quiz: QuizWithKey, wrong = 0): number[] {
  return quiz.questions.map((q, i) => (i < wrong ? (q.answer + 1) % q.choices.length : q.answer));
}
