/**
 * The quiz island's calls to the quiz API. Errors come back as values with a message fit to show.
 */
import type { AttemptResult, AttemptSummary, QuizForAttempt } from "@/lib/quizzes/dto";
import { callApi, lessonApi } from "../api/call";
import { identityWrite } from "../api/identity-gate";

const base = (guide: string, lesson: string) => `${lessonApi(guide, lesson)}/quiz`;

export const fetchQuiz = (guide: string, lesson: string) => callApi<QuizForAttempt>(base(guide, lesson));

export const fetchAttempts = (guide: string, lesson: string) => callApi<{ attempts: AttemptSummary[] }>(`${base(guide, lesson)}/attempts`);

export const submitAnswers = (guide: string, lesson: string, attemptKey: string, answers: number[]) =>
  identityWrite(() => callApi<AttemptResult>(`${base(guide, lesson)}/attempts`, { method: "POST", body: JSON.stringify({ attemptKey, answers }) }), (r) => r.ok);
