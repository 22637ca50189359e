/**
 * Rate limits hold under a burst: requests sent all at once, past a limit, are let through exactly
 * up to the limit (no race lets one more in) and the rest get 429 with Retry-After, never a 5xx.
 * Quiz submissions (30 per learner per 10 min), ratings (60), sign-ins (10 per account per
 * 15 min) and simulator commands (1,200 per learner per 10 min, counted whatever the command's
 * outcome, so a stale or refused command costs the same as an applied one).
 */
import { describe, expect, it } from "vitest";
import { Client, newLearner, startOfFreshWindow } from "./helpers/http-client";
import { AT_LEAST_ONCE_PANEL } from "../fixtures/try-it-paths";
import { answersFor, loadQuiz, quizFile, quizPath } from "./helpers/quiz";

const SIM_COMMAND_LIMIT = 1200;

/** Status codes of `responses`, counted. */
function tally(responses: Response[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const r of responses) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
}

describe("rate limits under a burst", () => {
  it("lets exactly 30 of 40 simultaneous quiz submissions through", async () => {
    await startOfFreshWindow(600);
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
    await startOfFreshWindow(600);
    const { client } = await newLearner("burst-rating");
    const responses = await Promise.all(
      Array.from({ length: 70 }, (_, i) => client.request("/api/guides/kafka/lessons/the-log/rating", { method: "PUT", json: { helpful: i % 2 === 0 } })),
    );
    expect(tally(responses)).toEqual({ 200: 60, 429: 10 });
  });

  it("lets exactly 9 of 15 simultaneous sign-ins to one account be tried (10 per 15 minutes, one used at sign-up)", async () => {
    await startOfFreshWindow(900);
    const { email } = await newLearner("burst-signin");
    // Each from its own browser (its own CSRF cookie and address), so only the account's limit applies.
    const clients = Array.from({ length: 15 }, () => new Client());
    const tokens = await Promise.all(clients.map((c) => c.csrfToken()));
    const responses = await Promise.all(clients.map((c, i) => c.signIn(email, "not the password", tokens[i])));
    const statuses = tally(responses);
    expect(statuses, JSON.stringify(statuses)).toEqual({ 401: 9, 429: 6 });
  });

  it("lets exactly 1,200 simulator commands of a burst past the limit be counted, the rest 429, never a 5xx", async () => {
    // The whole burst must fall in one window: up to two minutes.
    await startOfFreshWindow(600, 120);
    const { client } = await newLearner("burst-sim");
    const opened = await client.request("/api/sim/sessions", { method: "POST", json: AT_LEAST_ONCE_PANEL });
    const { sessionId } = (await opened.json()) as { sessionId: string };
    const send = (expectedVersion: number) => client.request(`/api/sim/sessions/${sessionId}/commands`, { method: "POST", json: { command: { do: "advance", at: 1000 }, expectedVersion } });
    expect((await send(0)).status).toBe(200);
    // Every command of the burst names version 0, which is stale now: each is counted and refused
    // (409) until the limit, then refused without being looked at (429). Sent in waves of 55
    // simultaneous requests (more would queue past the pool's 5 s wait for a connection on the
    // embedded database, which answers one query at a time), 1,210 in all.
    const responses: Response[] = [];
    for (let wave = 0; wave < 22; wave += 1) responses.push(...(await Promise.all(Array.from({ length: 55 }, () => send(0)))));
    const statuses = tally(responses);
    expect(statuses, JSON.stringify(statuses)).toEqual({ 409: SIM_COMMAND_LIMIT - 1, 429: 1210 - (SIM_COMMAND_LIMIT - 1) });
    expect(responses.at(-1)!.headers.get("retry-after")).toMatch(/^\d+$/);
    // The session did not move: only the first command was applied.
    const session = (await (await client.request(`/api/sim/sessions/${sessionId}`)).json()) as { version: number };
    expect(session.version).toBe(1);
  }, 300_000);
});
