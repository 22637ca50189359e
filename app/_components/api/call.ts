/**
 * How client islands call the JSON API: errors come back as values with a message fit to show
 * (the server's own message when it sent one), never as exceptions.
 */
export type ApiResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; message: string; fieldErrors?: Record<string, string[]>; retryAfter?: number };

const REQUEST_TIMEOUT_MS = 20_000;

export async function callApi<T>(url: string, init?: RequestInit): Promise<ApiResult<T>> {
  let res: Response;
  try {
    // A bounded wait: a request that never answers must not hold up the island (or writes queued behind it).
    res = await fetch(url, {
      ...init,
      headers: { accept: "application/json", ...(init?.body ? { "content-type": "application/json" } : {}) },
      cache: "no-store",
      signal: init?.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    if ((error as Error | null)?.name === "TimeoutError") return { ok: false, status: 0, message: "The server took too long to answer. Try again." };
    return { ok: false, status: 0, message: "Could not reach the server. Check your connection and try again." };
  }
  const body = (await res.json().catch(() => null)) as unknown;
  if (res.ok) return { ok: true, data: body as T };
  const error = (body as { error?: { message?: string; fieldErrors?: Record<string, string[]> } } | null)?.error;
  const retryAfter = Number(res.headers.get("retry-after")) || undefined;
  return { ok: false, status: res.status, message: error?.message ?? `The server answered ${res.status}.`, fieldErrors: error?.fieldErrors, retryAfter };
}

/** The API path of a lesson, with both slugs encoded. */
export const lessonApi = (guide: string, lesson: string) => `/api/guides/${encodeURIComponent(guide)}/lessons/${encodeURIComponent(lesson)}`;
