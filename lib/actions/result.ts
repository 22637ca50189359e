/**
 * What every server action returns: data, or a message plus per-field errors a form can show next
 * to its inputs. Never echoes submitted secrets back.
 */
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import { logError } from "@/lib/log";

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

/** Maps a thrown error to a failed ActionResult; unexpected errors are logged, not shown. */
export function actionError(error: unknown): { ok: false; message: string; fieldErrors?: Record<string, string[]> } {
  if (error instanceof AppError) return { ok: false, message: error.userMessage, fieldErrors: error.fieldErrors };
  const requestId = randomUUID();
  logError("server-action-failed", { requestId, error });
  return { ok: false, message: `Something went wrong. Please try again (request ${requestId}).` };
}
