/**
 * Server logs as one JSON object per line on stderr: time, level, what happened, the request id
 * users are shown, and the error with its stack (stacks go to the log, never into a response).
 * Plain lines so `grep <request id>` finds the whole story, and any log store can parse them.
 */

export interface LogFields {
  requestId?: string;
  error?: unknown;
  [field: string]: unknown;
}

function errorFields(error: unknown): Record<string, unknown> | undefined {
  if (error === undefined) return undefined;
  if (!(error instanceof Error)) return { message: String(error) };
  const cause = (error as { cause?: unknown }).cause;
  return { name: error.name, message: error.message, stack: error.stack, ...(cause !== undefined ? { cause: errorFields(cause) } : {}) };
}

/** Writes one error line: `event` names what failed ("unexpected-error", "database-unavailable", …). */
export function logError(event: string, { error, ...fields }: LogFields = {}): void {
  const err = errorFields(error);
  console.error(JSON.stringify({ time: new Date().toISOString(), level: "error", event, ...fields, ...(err ? { error: err } : {}) }));
}
