/**
 * What an unexpected failure looks like from outside and in the log: the response carries a
 * generic message with a request id and nothing of the failure (no stack, SQL, Prisma or file
 * path); the server logs one JSON line with the same request id, the error and its stack.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { actionError } from "@/lib/actions/result";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/route";

const LEAKS = /stack|at .*\.(ts|js):\d+|SELECT|INSERT|prisma|\/work\/|node_modules|ECONNREFUSED|Invalid `/i;

/** An error as Prisma would throw it for a failing query. */
function prismaError(): Error {
  const error = new Error("Invalid `prisma.user.findMany()` invocation in /work/main/lib/users/queries.ts:12:3\n\nSELECT \"users\".\"id\" FROM \"users\" failed: relation does not exist");
  error.name = "PrismaClientUnknownRequestError";
  return error;
}

function loggedLines(spy: { mock: { calls: unknown[][] } }): Record<string, unknown>[] {
  return spy.mock.calls.map((args) => JSON.parse(String(args[0])) as Record<string, unknown>);
}

describe("error responses and their log lines", () => {
  afterEach(() => vi.restoreAllMocks());

  it("answers an unexpected error 500 with only a request id, logged with the error and its stack", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const res = errorResponse(prismaError());
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(LEAKS);
    const { error } = JSON.parse(text) as { error: { code: string; message: string; requestId: string } };
    expect(error.code).toBe("INTERNAL");
    expect(error.message).toBe(`Something went wrong (request ${error.requestId}).`);
    const [line] = loggedLines(spy);
    expect(line).toMatchObject({ level: "error", event: "unexpected-error", requestId: error.requestId, error: { name: "PrismaClientUnknownRequestError" } });
    expect(String((line!.error as { stack: string }).stack)).toContain("error-responses.test.ts");
  });

  it("answers the database being down 503 with Retry-After, the request id in the message, and logs it", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const down = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const res = errorResponse(down);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    const text = await res.text();
    expect(text).not.toMatch(LEAKS);
    const { error } = JSON.parse(text) as { error: { message: string; requestId: string } };
    expect(error.message).toContain(`(request ${error.requestId})`);
    expect(loggedLines(spy)[0]).toMatchObject({ event: "database-unavailable", requestId: error.requestId, error: { message: down.message } });
  });

  it("shows an expected error's own message, logs nothing", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const res = errorResponse(new AppError("NOT_FOUND", { userMessage: "There is no such cohort." }));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "NOT_FOUND", message: "There is no such cohort." } });
    expect(spy).not.toHaveBeenCalled();
  });

  it("gives a failed server action the same treatment", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const result = actionError(prismaError());
    expect(result.message).not.toMatch(LEAKS);
    const id = /\(request ([0-9a-f-]{36})\)/.exec(result.message)![1];
    expect(loggedLines(spy)[0]).toMatchObject({ event: "server-action-failed", requestId: id });
  });
});
