/**
 * Rate limits hold under a burst: requests sent all at once, past a limit, are let through exactly
 * up to the limit (no race lets one more in) and the rest get 429 with Retry-After, never a 5xx.
 * Quiz submissions (30 per learner per 10 min), ratings (60) and sign-ins (10 per account per
 * 15 min). (Simulator commands: tests/db/try-it-sessions.test.ts counts them under racing writes.)
 */
import { describe, expect, it } from "vitest";
import { Client, newLearner } from "./helpers/http-client";
import { answersFor, loadQuiz, quizFile, quizPath } from "./helpers/quiz";

/** Status codes of `responses`, counted. */
function tally(responses: Response[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const r of responses) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
}

describe("rate limits under a burst", () => {
  it("lets exactly 30 of 40 simultaneous quiz submissions through", async () => {
    const { client } = await newLearner("burst-quiz");
    const key = quizFile("kafka", "the-log");
    const served = await Promise.all(Array.from({ length: 40 }, () => loadQuiz(client, "kafka", "the-log")));
    const responses = await Promise.all(
      served.map((s) => client.request(`${quizPath("kafka", "the-log")}/attempts`, { method: "POST", json: { attemptKey: s.attemptKey, answers: answersFor(s, key) } })),
    );
    const statuses = tally(responses);
    expect(Object.keys(statuses).every((s) => Number(s) < 500), JSON.stringify(statuses)).toBe(true);
    expect(statuses[429], JSON.stringify(statuses)).toBe(10);
    expect(40 - statuses[429]!).toBe(30);
    expect(responses.find((r) => r.status === 429)!.headers.get("retry-after")).toMatch(/^\d+$/);
    // And exactly 30 attempts are stored.
    const attempts = (await (await client.request("/api/me/attempts?guide=kafka&lesson=the-log")).json()) as { attempts: unknown[] };
    expect(attempts.attempts).toHaveLength(30);
  });

  it("lets exactly 60 of 70 simultaneous ratings through", async () => {
    const { client } = await newLearner("burst-rating");
    const responses = await Promise.all(
      Array.from({ length: 70 }, (_, i) => client.request("/api/guides/kafka/lessons/the-log/rating", { method: "PUT", json: { helpful: i % 2 === 0 } })),
    );
    expect(tally(responses)).toEqual({ 200: 60, 429: 10 });
  });

  it("lets exactly 9 of 15 simultaneous sign-ins to one account be tried (10 per 15 minutes, one used at sign-up)", async () => {
    const { email } = await newLearner("burst-signin");
    // Each from its own browser (its own CSRF cookie and address), so only the account's limit applies.
    const clients = Array.from({ length: 15 }, () => new Client());
    const tokens = await Promise.all(clients.map((c) => c.csrfToken()));
    const responses = await Promise.all(clients.map((c, i) => c.signIn(email, "not the password", tokens[i])));
    const statuses = tally(responses);
    expect(statuses, JSON.stringify(statuses)).toEqual({ 401: 9, 429: 6 });
  });
});
