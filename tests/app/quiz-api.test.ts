import { describe, expect, it } from "vitest";
import { baseUrl, Client, newLearner, startOfFreshWindow } from "./helpers/http-client";
import { answersFor, lessonsWithQuiz, loadQuiz, quizFile, quizPath } from "./helpers/quiz";

const GUIDE = "kafka";
const LESSON = "production-reality";
const attemptsPath = `${quizPath(GUIDE, LESSON)}/attempts`;

interface AttemptBody {
  attemptId: string;
  score: number;
  total: number;
  passed: boolean;
  results: { questionId: string; correct: boolean; chosen: number; correctChoice?: number; explain?: string }[];
}
interface ErrorBody {
  error: { code: string; message: string; fieldErrors?: Record<string, string[]> };
}

async function myAttempts(client: Client, query = ""): Promise<{ attemptId: string; score: number; lesson: string }[]> {
  const res = await client.request(`/api/me/attempts${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { attempts: { attemptId: string; score: number; lesson: string }[] }).attempts;
}

describe("quiz secrecy: nothing reveals the answers before submission", () => {
  it.each(lessonsWithQuiz(GUIDE))("%s: lesson HTML, its RSC payload and the quiz JSON carry no explanation and no answer field", async (lesson) => {
    const key = quizFile(GUIDE, lesson);
    const html = await (await fetch(`${baseUrl()}/guides/${GUIDE}/${lesson}`)).text();
    const rscRes = await fetch(`${baseUrl()}/guides/${GUIDE}/${lesson}`, { headers: { RSC: "1" } });
    expect(rscRes.headers.get("content-type")).toContain("text/x-component");
    const rsc = await rscRes.text();
    const json = await (await fetch(`${baseUrl()}${quizPath(GUIDE, lesson)}`)).text();
    // HTML and flight data escape characters differently; compare on a form without escapes.
    const plain = (s: string) => s.replace(/\\u0026|&amp;/g, "&").replace(/\\"|&quot;/g, '"').replace(/&#x27;|&#39;|\\u0027/g, "'").replace(/\\u003c|&lt;/g, "<").replace(/\\u003e|&gt;/g, ">");
    for (const [name, body] of Object.entries({ html, rsc, json })) {
      for (const q of key) {
        // The first 60 characters of each explanation are distinctive enough to be found if present.
        expect(plain(body), `${name} of ${lesson} contains an explanation`).not.toContain(q.explain.slice(0, 60));
      }
      expect(body, `${name} of ${lesson}`).not.toMatch(/\\?"(answer|explain|correct|correctChoice)\\?"\s*:/);
    }
    const served = JSON.parse(json) as Record<string, unknown> & { questions: Record<string, unknown>[] };
    expect(Object.keys(served).sort()).toEqual(["attemptKey", "expiresAt", "passMark", "questions", "quizId", "reveal", "version"]);
    for (const q of served.questions) expect(Object.keys(q).sort()).toEqual(["choices", "id", "q"]);
  });
});

describe("GET quiz", () => {
  it("serves the questions with a fresh attemptKey each time, uncached; 404 for an unknown lesson", async () => {
    const client = new Client();
    const a = await loadQuiz(client, GUIDE, LESSON);
    const b = await loadQuiz(client, GUIDE, LESSON);
    expect(a.quizId).toBe("kafka/production-reality");
    expect(a.questions).toHaveLength(quizFile(GUIDE, LESSON).length);
    expect(a.attemptKey).not.toBe(b.attemptKey);
    const res = await client.request(quizPath(GUIDE, LESSON));
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect((await client.request(quizPath(GUIDE, "no-such-lesson"))).status).toBe(404);
    expect((await client.request(quizPath("no-such-guide", LESSON))).status).toBe(404);
  });
});

describe("POST attempts", () => {
  it("scores on the server, ignores a client's own score, gives a guest an HttpOnly cookie and lists the attempt", async () => {
    const client = new Client();
    const key = quizFile(GUIDE, LESSON);
    const quiz = await loadQuiz(client, GUIDE, LESSON);
    const res = await client.request(attemptsPath, { method: "POST", json: { attemptKey: quiz.attemptKey, answers: answersFor(quiz, key, [2]), score: 3, correct: true, passed: true } });
    expect(res.status).toBe(201);
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith("guest="));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=lax/i);
    const body = (await res.json()) as AttemptBody;
    expect(body).toMatchObject({ score: 2, total: 3, passed: true });
    expect(body.results.map((r) => r.correct)).toEqual([true, true, false]);
    expect(body.results[2]!.explain).toBe(key[2]!.explain);
    expect(quiz.questions[2]!.choices[body.results[2]!.correctChoice!]).toBe(key[2]!.choices[key[2]!.answer]);
    expect((await myAttempts(client)).map((a) => a.attemptId)).toEqual([body.attemptId]);
  });

  it("is idempotent: a replay gets the same body and stores nothing new; other answers under the same key → 422", async () => {
    const client = new Client();
    const key = quizFile(GUIDE, LESSON);
    const quiz = await loadQuiz(client, GUIDE, LESSON);
    const json = { attemptKey: quiz.attemptKey, answers: answersFor(quiz, key) };
    const first = await client.request(attemptsPath, { method: "POST", json });
    const firstBody = await first.text();
    const replay = await client.request(attemptsPath, { method: "POST", json });
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.text()).toBe(firstBody);
    const changed = await client.request(attemptsPath, { method: "POST", json: { ...json, answers: answersFor(quiz, key, [0]) } });
    expect(changed.status).toBe(422);
    expect(((await changed.json()) as ErrorBody).error.fieldErrors).toHaveProperty("attemptKey");
    expect(await myAttempts(client)).toHaveLength(1);
  });

  it("stores exactly one attempt for ten concurrent identical submissions", async () => {
    const { client } = await newLearner("quiz-concurrent");
    const quiz = await loadQuiz(client, GUIDE, LESSON);
    const json = { attemptKey: quiz.attemptKey, answers: answersFor(quiz, quizFile(GUIDE, LESSON), [1]) };
    const responses = await Promise.all(Array.from({ length: 10 }, () => client.request(attemptsPath, { method: "POST", json })));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201));
    const ids = new Set(await Promise.all(responses.map(async (r) => ((await r.json()) as AttemptBody).attemptId)));
    expect(ids.size).toBe(1);
    expect(await myAttempts(client)).toHaveLength(1);
  });

  it("lets a browser whose first response was lost replay it: same body, and the guest cookie of the stored attempt", async () => {
    const first = new Client();
    const quiz = await loadQuiz(first, GUIDE, LESSON);
    const json = { attemptKey: quiz.attemptKey, answers: answersFor(quiz, quizFile(GUIDE, LESSON)) };
    const original = await first.request(attemptsPath, { method: "POST", json });
    const lost = new Client(first.ip); // same browser, but the cookie of the first response never arrived
    const retried = await lost.request(attemptsPath, { method: "POST", json });
    expect(retried.status).toBe(201);
    expect(await retried.text()).toBe(await original.text());
    expect(lost.cookies.get("guest")).toBe(first.cookies.get("guest"));
    expect(await myAttempts(lost)).toHaveLength(1);
  });

  it.each([
    ["answers", "wrong number of answers", (a: number[]) => ({ answers: a.slice(0, 2) })],
    ["answers.1", "index out of range", (a: number[]) => ({ answers: [a[0], 4, a[2]] })],
    ["answers.0", "a non-integer", (a: number[]) => ({ answers: [0.5, a[1], a[2]] })],
    ["answers.2", "a string", (a: number[]) => ({ answers: [a[0], a[1], "2"] })],
    ["answers", "no answers at all", () => ({ answers: undefined })],
    ["attemptKey", "an unknown attemptKey", () => ({ attemptKey: "eyJ4IjoxfQ.bm90LWEtc2lnbmF0dXJl" })],
  ])("400 naming %s for %s, and nothing stored", async (field, _what, patch) => {
    const client = new Client();
    const quiz = await loadQuiz(client, GUIDE, LESSON);
    const answers = answersFor(quiz, quizFile(GUIDE, LESSON));
    const res = await client.request(attemptsPath, { method: "POST", json: { attemptKey: quiz.attemptKey, answers, ...patch(answers) } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.fieldErrors).toHaveProperty(field);
    expect(body.error.message).toContain(field);
    expect(res.headers.getSetCookie().some((c) => c.startsWith("guest="))).toBe(false);
    expect(client.cookies.size).toBe(0);
  });

  it("413 for a body over 16 kB, 400 for one not JSON, 404 for an unknown lesson, 403 cross-site, 405 for other methods", async () => {
    const { client } = await newLearner("quiz-bad-bodies");
    const quiz = await loadQuiz(client, GUIDE, LESSON);
    const big = await client.request(attemptsPath, { method: "POST", json: { attemptKey: quiz.attemptKey, answers: [0, 0, 0], padding: "x".repeat(17 * 1024) } });
    expect(big.status).toBe(413);
    expect(((await big.json()) as ErrorBody).error.fieldErrors).toHaveProperty("_body");
    const notJson = await client.request(attemptsPath, { method: "POST", headers: { "content-type": "application/json" }, body: "{answers:" });
    expect(notJson.status).toBe(400);
    const unknown = await client.request(`${quizPath(GUIDE, "no-such-lesson")}/attempts`, { method: "POST", json: { attemptKey: quiz.attemptKey, answers: [0, 0, 0] } });
    expect(unknown.status).toBe(404);
    const crossSite = await client.request(attemptsPath, { method: "POST", headers: { origin: "https://evil.example" }, json: { attemptKey: quiz.attemptKey, answers: [0, 0, 0] } });
    expect(crossSite.status).toBe(403);
    expect((await client.request(attemptsPath, { method: "PUT", json: {} })).status).toBe(405);
    expect((await client.request(quizPath(GUIDE, LESSON), { method: "POST", json: {} })).status).toBe(405);
    expect(await myAttempts(client)).toHaveLength(0);
  });

  it("rate-limits submissions per learner with 429 and Retry-After", async () => {
    await startOfFreshWindow(10 * 60);
    const { client } = await newLearner("quiz-rate");
    const quiz = await loadQuiz(client, GUIDE, LESSON);
    const json = { attemptKey: quiz.attemptKey, answers: [0] }; // invalid on purpose: nothing is stored
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 31; i++) {
      last = await client.request(attemptsPath, { method: "POST", json });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("guest attempts and accounts", () => {
  it("moves a guest's attempts into the account at sign-up + sign-in, and forgets the guest cookie", async () => {
    const client = new Client();
    const key = quizFile(GUIDE, LESSON);
    for (const wrong of [[0], []]) {
      const quiz = await loadQuiz(client, GUIDE, LESSON);
      expect((await client.request(attemptsPath, { method: "POST", json: { attemptKey: quiz.attemptKey, answers: answersFor(quiz, key, wrong) } })).status).toBe(201);
    }
    const asGuest = await myAttempts(client);
    expect(asGuest.map((a) => a.score).sort()).toEqual([2, 3]);
    expect(client.cookies.has("guest")).toBe(true);

    const email = `merge-${Date.now()}@example.org`;
    expect((await client.request("/api/users", { method: "POST", json: { name: "Merged", email, password: "correct horse battery" } })).status).toBe(201);
    await client.signIn(email, "correct horse battery");
    expect(client.signedIn).toBe(true);
    expect(client.cookies.has("guest")).toBe(false);
    expect((await myAttempts(client)).map((a) => a.attemptId).sort()).toEqual(asGuest.map((a) => a.attemptId).sort());

    // Signed out again, the browser starts as a new guest with nothing.
    await client.signOut();
    expect(await myAttempts(client)).toEqual([]);
  });

  it("never shows one learner another's attempts (IDOR)", async () => {
    const a = await newLearner("quiz-idor-a");
    const b = await newLearner("quiz-idor-b");
    const quiz = await loadQuiz(a.client, GUIDE, LESSON);
    await a.client.request(attemptsPath, { method: "POST", json: { attemptKey: quiz.attemptKey, answers: answersFor(quiz, quizFile(GUIDE, LESSON)) } });
    expect(await myAttempts(a.client)).toHaveLength(1);
    expect(await myAttempts(b.client)).toEqual([]);
    expect(await myAttempts(b.client, `?guide=${GUIDE}&lesson=${LESSON}`)).toEqual([]);
    expect((await b.client.request(attemptsPath)).status).toBe(200);
    expect(((await (await b.client.request(attemptsPath)).json()) as { attempts: unknown[] }).attempts).toEqual([]);
    // B replaying A's key cannot read A's result.
    const stolen = await b.client.request(attemptsPath, { method: "POST", json: { attemptKey: quiz.attemptKey, answers: answersFor(quiz, quizFile(GUIDE, LESSON)) } });
    expect(stolen.status).toBe(422);
    expect(await stolen.text()).not.toContain("attemptId");
  });

  it("rejects a bad filter on /api/me/attempts with 400 naming it", async () => {
    const res = await new Client().request("/api/me/attempts?guide=../etc");
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.fieldErrors).toHaveProperty("guide");
  });
});
