/**
 * Which errors mean "the database cannot serve us right now" (503 with Retry-After) rather than a
 * bug (500): the messages as Prisma's pg adapter words them.
 */
import { describe, expect, it } from "vitest";
import { AppError, isDatabaseUnavailable } from "@/lib/errors";

const prisma = (message: string, code = "P2039") => Object.assign(new Error(message), { name: "PrismaClientKnownRequestError", code });
/** A raw query's failure as Prisma 7 wraps it: P2010, the driver's error as a kind in `meta`. */
const rawQuery = (kind: string, message: string) =>
  Object.assign(prisma(`Raw query failed. Code: \`N/A\`. Message: \`${message}\``, "P2010"), { meta: { driverAdapterError: { cause: { kind } } } });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["server down", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["pool timeout", new Error("timeout exceeded when trying to connect")],
    ["database closed to connections", prisma('Database error. Code: `55000`. Message: `database "guides" is not currently accepting connections`')],
    ["server starting", prisma("Database error. Code: `57P03`. Message: `the database system is starting up`")],
    ["server stopping", prisma("Database error. Code: `57P03`. Message: `the database system is shutting down`")],
    ["sessions ended by an administrator", prisma("Database error. Code: `57P01`. Message: `terminating connection due to administrator command`")],
    ["connection lost", new Error("Connection terminated unexpectedly")],
    ["our own 503", new AppError("DB_UNAVAILABLE")],
    ["a raw query on a closed connection", rawQuery("ConnectionClosed", "Server has closed the connection.")],
    ["a raw query timing out on its socket", rawQuery("SocketTimeout", "Operation has timed out")],
    ["a raw query finding no server", rawQuery("DatabaseNotReachable", "Can't reach database server")],
  ])("yes: %s", (_why, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", prisma("Unique constraint failed on the fields: (`email`)", "P2002")],
    ["a check violation", prisma('Database error. Code: `23514`. Message: `new row violates check constraint "cohorts_name_check"`')],
    ["a bug", new TypeError("Cannot read properties of undefined")],
    ["a raw query's unique violation", rawQuery("UniqueConstraintViolation", "duplicate key value")],
    ["another AppError", new AppError("NOT_FOUND")],
  ])("no: %s", (_why, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
