/**
 * The quiz island's calls to the quiz API. Errors come back as values with a message fit to show.
 */
import type { AttemptResult, AttemptSummary, QuizForAttempt } from "@/lib/quizzes/dto";

type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string; fieldErrors?: Record<string, string[]>; retryAfter?: number };

async function call<T>(url: string, init?: RequestInit): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { accept: "application/json", ...(init?.body ? { "content-type": "application/json" } : {}) }, cache: "no-store" });
  } catch {
    return { ok: false, status: 0, message: "Could not reach the server. Check your connection and try again." };
  }
  const body = (await res.json().catch(() => null)) as unknown;
  if (res.ok) return { ok: true, data: body as T };
  const error = (body as { error?: { message?: string; fieldErrors?: Record<string, string[]> } } | null)?.error;
  const retryAfter = Number(res.headers.get("retry-after")) || undefined;
  return { ok: false, status: res.status, message: error?.message ?? `The server answered ${res.status}.`, fieldErrors: error?.fieldErrors, retryAfter };
}

const base = (guide: string, lesson: string) => `/api/guides/${encodeURIComponent(guide)}/lessons/${encodeURIComponent(lesson)}/quiz`;

export const fetchQuiz = (guide: string, lesson: string) => call<QuizForAttempt>(base(guide, lesson));

export const fetchAttempts = (guide: string, lesson: string) => call<{ attempts: AttemptSummary[] }>(`${base(guide, lesson)}/attempts`);

export const submitAnswers = (guide: string, lesson: string, attemptKey: string, answers: number[]) =>
  call<AttemptResult>(`${base(guide, lesson)}/attempts`, { method: "POST", body: JSON.stringify({ attemptKey, answers }) });
