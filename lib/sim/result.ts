/**
 * Expected failures are values (chessops' Result): an invalid command is reported, never thrown.
 * Thrown errors inside the engine are bugs.
 */

export const SimErrorCode = {
  InvalidCommand: "ERR_INVALID_COMMAND",
  UnknownClient: "ERR_UNKNOWN_CLIENT",
  WrongClientKind: "ERR_WRONG_CLIENT_KIND",
  ClientNotRunning: "ERR_CLIENT_NOT_RUNNING",
  ClientBusy: "ERR_CLIENT_BUSY",
  TimeWentBackwards: "ERR_TIME_WENT_BACKWARDS",
  InvalidSetup: "ERR_INVALID_SETUP",
} as const;
/** One of SimErrorCode's values. */
export type SimErrorCode = (typeof SimErrorCode)[keyof typeof SimErrorCode];

/** Why a command or setup cannot run at all (a Kafka-level error is an event, not this). */
export interface SimError {
  code: SimErrorCode;
  /** One line naming what is wrong, e.g. `client: unknown client "c9"`. */
  message: string;
  /** Path inside the command or setup that is wrong, e.g. ["client"]. */
  path: (string | number)[];
}

/** A value or the reason there is none. */
export type Result<T, E = SimError> = { ok: true; value: T } | { ok: false; error: E };

/** A successful Result. */
export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

/** A failed Result naming the path (inside the command or setup) that is wrong. */
export function fail(code: SimErrorCode, path: (string | number)[], message: string): Result<never, SimError> {
  return { ok: false, error: { code, path, message } };
}
