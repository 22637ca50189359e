/**
 * The one error type the app throws on purpose. Each code maps to one HTTP status; anything that
 * is not an AppError is a bug and becomes a generic 500 after being logged.
 */
export const APP_ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  DB_UNAVAILABLE: 503,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

const DEFAULT_USER_MESSAGE: Record<AppErrorCode, string> = {
  BAD_REQUEST: "The request is not valid.",
  UNAUTHORIZED: "Please sign in first.",
  FORBIDDEN: "You do not have access to this.",
  NOT_FOUND: "Not found.",
  METHOD_NOT_ALLOWED: "Method not allowed.",
  CONFLICT: "This changed in the meantime; reload and try again.",
  PAYLOAD_TOO_LARGE: "The request is too large.",
  UNPROCESSABLE: "The request cannot be processed.",
  RATE_LIMITED: "Too many attempts; please wait and try again.",
  DB_UNAVAILABLE: "The service is temporarily unavailable; please try again shortly.",
};

export interface AppErrorOptions {
  /** For logs only; never shown to users. */
  message?: string;
  /** Safe to show to users. */
  userMessage?: string;
  /** Per-field messages, for form and API validation errors. */
  fieldErrors?: Record<string, string[]>;
  /** Seconds, for RATE_LIMITED and DB_UNAVAILABLE. */
  retryAfter?: number;
  cause?: unknown;
}

/**
 * Whether `error` is a unique-constraint violation: Prisma's P2002, or a raw query's failure
 * (P2010) whose driver error is one (PostgreSQL's 23505).
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } } | null;
  return e?.code === "P2002" || (e?.code === "P2010" && e.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation");
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;
  readonly fieldErrors?: Record<string, string[]>;
  readonly retryAfter?: number;

  constructor(code: AppErrorCode, options: AppErrorOptions = {}) {
    super(options.message ?? options.userMessage ?? DEFAULT_USER_MESSAGE[code], { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.userMessage = options.userMessage ?? DEFAULT_USER_MESSAGE[code];
    this.fieldErrors = options.fieldErrors;
    this.retryAfter = options.retryAfter;
  }

  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}

/** Driver-adapter error kinds that mean the database is out of reach, not that a query was wrong. */
const UNREACHABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/** True for errors meaning "the database could not be reached", which deserve a 503, not a 500. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof AppError) return error.code === "DB_UNAVAILABLE";
  // A raw query's failure (P2010) carries the driver's error as a kind, and its message is
  // Prisma's own ("Server has closed the connection"), which the patterns below do not name.
  const kind = (error as { meta?: { driverAdapterError?: { cause?: { kind?: string } } } } | null)?.meta?.driverAdapterError?.cause?.kind;
  if (kind && UNREACHABLE_KINDS.has(kind)) return true;
  const text = error instanceof Error ? `${error.name} ${error.message} ${String((error as { code?: unknown }).code ?? "")}` : "";
  // Also the server's own refusals while it is up: a database closed to connections, a server
  // starting, stopping or recovering, or an administrator ending our sessions.
  return /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection terminated|timeout exceeded when trying to connect|P1001|P1017|DatabaseNotReachable|Can't reach database|not currently accepting connections|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command|server closed the connection unexpectedly/i.test(
    text,
  );
}
