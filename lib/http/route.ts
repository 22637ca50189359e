/**
 * The wrapper every route handler goes through: one place that turns errors into JSON responses
 * (AppError → its status, validation → 400 naming the fields, database down → 503, anything else →
 * a logged, generic 500) and refuses cross-site mutations.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { AppError, isDatabaseUnavailable } from "@/lib/errors";
import { logError } from "@/lib/log";
import { parseInput } from "@/lib/validation";

export interface ErrorBody {
  error: { code: string; message: string; fieldErrors?: Record<string, string[]>; requestId?: string };
}

/** A JSON response that no cache may keep (every API answer is about the caller). */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/** The response for `error`; unexpected errors are logged with a request id the user can quote. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (error.retryAfter !== undefined) headers["Retry-After"] = String(error.retryAfter);
    const body: ErrorBody = { error: { code: error.code, message: error.userMessage, fieldErrors: error.fieldErrors } };
    return json(body, error.status, headers);
  }
  // The id the user is shown is the one the log line carries: quoting it finds the whole story.
  const requestId = randomUUID();
  if (isDatabaseUnavailable(error)) {
    logError("database-unavailable", { requestId, error });
    const e = new AppError("DB_UNAVAILABLE");
    return json({ error: { code: e.code, message: `${e.userMessage} (request ${requestId})`, requestId } }, 503, { "Retry-After": "5" });
  }
  logError("unexpected-error", { requestId, error });
  return json({ error: { code: "INTERNAL", message: `Something went wrong (request ${requestId}).`, requestId } }, 500);
}

/** Rejects a mutation whose Origin or Sec-Fetch-Site says it came from another site (CSRF). */
export function assertSameOrigin(req: Request): void {
  if (req.method === "GET" || req.method === "HEAD") return;
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw new AppError("FORBIDDEN", { userMessage: "Cross-site request refused." });
  const origin = req.headers.get("origin");
  if (!origin) return;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError("FORBIDDEN", { userMessage: "Cross-site request refused." });
  }
  if (originHost !== host) throw new AppError("FORBIDDEN", { userMessage: "Cross-site request refused." });
}

type Handler<C> = (req: Request, context: C) => Promise<Response>;

/**
 * Wraps a route handler with origin checks, a bound on the declared body size (16 KiB, also for
 * routes that read no body) and error mapping.
 */
export function withRoute<C>(handler: Handler<C>): Handler<C> {
  return async (req, context) => {
    try {
      assertSameOrigin(req);
      assertDeclaredBodyWithin(req);
      return await handler(req, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** The largest JSON body any route accepts unless it says otherwise. */
const MAX_JSON_BYTES = 16 * 1024;

function tooLarge(maxBytes: number): AppError {
  const message = `must be at most ${maxBytes} bytes`;
  return new AppError("PAYLOAD_TOO_LARGE", { userMessage: `The request body ${message}.`, fieldErrors: { _body: [message] } });
}

/**
 * Refuses (413 naming `_body`) a request whose declared Content-Length is over `maxBytes`, before
 * anything reads its body. withRoute does this for every route.
 */
export function assertDeclaredBodyWithin(req: Request, maxBytes = MAX_JSON_BYTES): void {
  if (Number(req.headers.get("content-length") ?? "0") > maxBytes) throw tooLarge(maxBytes);
}

/**
 * The whole body as bytes, at most `maxBytes`: a larger one is refused (413 naming `_body`) by its
 * Content-Length when declared, else as soon as the streamed bytes pass the limit, so no more than
 * `maxBytes` (plus one chunk) is ever held.
 */
export async function readBodyBytes(req: Request, maxBytes = MAX_JSON_BYTES): Promise<Buffer> {
  assertDeclaredBodyWithin(req, maxBytes);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    const reader = req.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks);
}

/**
 * Reads a JSON body of at most `maxBytes` (see readBodyBytes), refusing a larger one before parsing
 * it. AppErrors naming `_body`: 413 for too large, 400 for not JSON.
 */
export async function readJsonBody(req: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const bytes = await readBodyBytes(req, maxBytes);
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new AppError("BAD_REQUEST", { userMessage: "The request body must be valid JSON.", fieldErrors: { _body: ["not valid JSON"] } });
  }
}

/** Reads a JSON body (see readJsonBody) and validates it: 400 naming the field otherwise. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S, maxBytes = MAX_JSON_BYTES): Promise<z.infer<S>> {
  return parseInput(schema, await readJsonBody(req, maxBytes));
}
