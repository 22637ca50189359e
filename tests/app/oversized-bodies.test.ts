/**
 * No API route reads an oversized body. For every mutating method of every route (found by reading
 * app/api) and next-auth's sign-in endpoint:
 *   - a body declared (Content-Length) at 10 MB is refused with 413 naming `_body` although only a
 *     few bytes of it were ever sent: the answer comes from the header alone, before any parsing;
 *   - a body streamed without a declared length never gets read to its end: the answer (413 where
 *     the route reads bodies; the route's own refusal of this learner otherwise, or Node's 400 for
 *     a DELETE with a body) arrives while the client is still sending a 32 MB body.
 */
import { request } from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import { apiRoutes, MUTATING } from "./helpers/api-routes";
import { baseUrl, newLearner, type Client } from "./helpers/http-client";

const CHUNK = Buffer.alloc(16 * 1024, "a");
/** Sent at most, streaming (about 4 s of paced writes): a server that reads bodies to their end answers only after it. */
const STREAM_CAP = 32 * 1024 * 1024;

interface Answer {
  status: number;
  body: string;
  /** Body bytes written before the answer's status line arrived. */
  sentBeforeAnswer: number;
  /** Whether the answer came before the client had sent the whole body. */
  beforeEnd: boolean;
}

/** Sends `method url` with a body; declared: a 10 MB Content-Length and 10 bytes; else chunked 16 KiB writes until answered. */
function sendOversized(url: string, method: string, headers: Record<string, string>, declared: boolean): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    let ended = false;
    const req = request(url, { method, headers: { ...headers, "content-type": "application/json", ...(declared ? { "content-length": String(10 * 1024 * 1024) } : {}) } }, (res) => {
      answered = true;
      const sentBeforeAnswer = sent;
      const beforeEnd = !ended;
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, body, sentBeforeAnswer, beforeEnd });
        req.destroy();
      });
    });
    // The server may close the connection on its answer while we are still writing.
    req.on("error", (error) => (answered ? undefined : reject(error)));
    if (declared) {
      req.write('{"padding":');
      sent = 11;
      return;
    }
    // Paced (a chunk every 2 ms), so that "sent before the answer" measures the server, not how
    // much the loopback socket buffers can swallow at once.
    const pump = () => {
      if (answered) return;
      if (sent >= STREAM_CAP) {
        ended = true;
        return void req.end();
      }
      sent += CHUNK.length;
      req.write(CHUNK, () => setTimeout(pump, 2));
    };
    pump();
  });
}

const targets = [
  ...apiRoutes()
    .filter((r) => !r.url.startsWith("/api/auth/"))
    .flatMap((r) => r.methods.filter((m) => (MUTATING as readonly string[]).includes(m)).map((method) => ({ method, url: r.url }))),
  // next-auth reads its forms itself; the route bounds them first.
  { method: "POST", url: "/api/auth/callback/credentials" },
  { method: "POST", url: "/api/auth/signout" },
];

describe("oversized request bodies", () => {
  let learner: Client;
  beforeAll(async () => {
    learner = (await newLearner("oversized")).client;
  });
  const headers = () => ({ cookie: learner.cookieHeader(), "x-forwarded-for": learner.ip });

  it("covers every mutating route", () => {
    expect(targets.length).toBeGreaterThan(15);
  });

  it.each(targets)("$method $url: refuses a 10 MB declared body from its header alone (413 naming _body)", async ({ method, url }) => {
    const answer = await sendOversized(`${baseUrl()}${url}`, method, headers(), true);
    expect(answer.status, answer.body).toBe(413);
    expect(answer.sentBeforeAnswer).toBeLessThan(100);
    const parsed = JSON.parse(answer.body) as { error: { fieldErrors?: Record<string, string[]> } };
    expect(parsed.error.fieldErrors?._body?.[0]).toMatch(/at most \d+ bytes/);
  });

  it.each(targets)("$method $url: answers a streamed oversized body without reading it to the end", async ({ method, url }) => {
    const answer = await sendOversized(`${baseUrl()}${url}`, method, headers(), false);
    expect(answer.status, answer.body).toBeLessThan(500);
    expect(answer.status).not.toBe(200);
    // Whatever the route does, it did not wait for the end of a 32 MB body (limit: 16 KiB).
    expect(answer.beforeEnd).toBe(true);
    if (answer.status === 413) expect(answer.body).toContain("_body");
  });

  it("refuses a streamed oversized body with 413 on the routes a learner may write to", async () => {
    const learnerRoutes = ["/api/guides/kafka/lessons/the-log/progress", "/api/guides/kafka/lessons/the-log/rating"];
    for (const url of learnerRoutes) {
      const answer = await sendOversized(`${baseUrl()}${url}`, "PUT", headers(), false);
      expect([url, answer.status]).toEqual([url, 413]);
    }
    for (const url of ["/api/guides/kafka/lessons/the-log/quiz/attempts", "/api/sim/sessions", "/api/users", "/api/cohorts/join", "/api/auth/callback/credentials"]) {
      const answer = await sendOversized(`${baseUrl()}${url}`, "POST", headers(), false);
      expect([url, answer.status]).toEqual([url, 413]);
    }
  });
});
