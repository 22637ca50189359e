import { describe, expect, it } from "vitest";
import type { LessonProgress, MyProgress } from "@/lib/progress/dto";
import type { OwnRating } from "@/lib/ratings/dto";
import { Client, newLearner, startOfFreshWindow } from "./helpers/http-client";
import { answersFor, loadQuiz, quizFile } from "./helpers/quiz";

const GUIDE = "kafka";
const LESSON = "the-log";
const progressPath = (lesson = LESSON, guide = GUIDE) => `/api/guides/${guide}/lessons/${lesson}/progress`;
const ratingPath = (lesson = LESSON, guide = GUIDE) => `/api/guides/${guide}/lessons/${lesson}/rating`;

/** A time `minutes` ago, as the browser would send it (the server keeps `at` within 30 days). */
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

type ErrorBody = { error: { code: string; message: string; fieldErrors?: Record<string, string[]> } };

async function put(client: Client, json: unknown, lesson = LESSON): Promise<Response> {
  return client.request(progressPath(lesson), { method: "PUT", json });
}
async function myProgress(client: Client): Promise<MyProgress> {
  const res = await client.request("/api/me/progress");
  expect(res.status).toBe(200);
  expect(res.headers.get("cache-control")).toContain("no-store");
  return (await res.json()) as MyProgress;
}
const lessonIn = (mine: MyProgress, lesson = LESSON) => mine.guides.find((g) => g.guide === GUIDE)?.lessonProgress.find((l) => l.lesson === lesson);

async function passQuiz(client: Client, lesson = LESSON): Promise<void> {
  const quiz = await loadQuiz(client, GUIDE, lesson);
  const res = await client.request(`/api/guides/${GUIDE}/lessons/${lesson}/quiz/attempts`, { method: "POST", json: { attemptKey: quiz.attemptKey, answers: answersFor(quiz, quizFile(GUIDE, lesson)) } });
  expect(res.status).toBe(201);
}

describe("progress API", () => {
  it("makes a first-time reader a guest and records a visit; replays change nothing", async () => {
    const client = new Client();
    expect(await myProgress(client)).toEqual({ learner: null, guides: [] });
    const at = ago(60);
    const first = await put(client, { visited: true, at });
    expect(first.status).toBe(200);
    expect(client.cookies.has("guest")).toBe(true);
    const { progress } = (await first.json()) as { progress: LessonProgress };
    expect(progress).toMatchObject({ lesson: LESSON, firstVisitedAt: at, completed: false });

    const replays = await Promise.all(Array.from({ length: 20 }, () => put(client, { visited: true, at })));
    expect(replays.map((r) => r.status)).toEqual(Array(20).fill(200));
    const bodies = await Promise.all(replays.map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0]!)).toEqual({ progress });
  });

  it("completes a lesson with reading plus a passed quiz, and counts it in the guide", async () => {
    const client = new Client();
    await put(client, { read: true });
    expect(lessonIn(await myProgress(client))).toMatchObject({ completed: false, readAt: expect.any(String) });
    await passQuiz(client);
    const mine = await myProgress(client);
    const questions = quizFile(GUIDE, LESSON).length;
    expect(lessonIn(mine)).toMatchObject({ completed: true, quiz: { passed: true, bestScore: questions, bestTotal: questions } });
    expect(mine.guides[0]).toMatchObject({ guide: GUIDE, completed: 1, percent: 12 });
  });

  it("keeps the newer section and the earliest read when writes arrive out of order", async () => {
    const client = new Client();
    const lesson = (await (await client.request(progressPath())).json()) as { progress: LessonProgress };
    expect(lesson.progress.lastVisitedAt).toBeNull();
    const headings = ["what-a-log-is", "offsets-every-record-gets-a-number"];
    const [t10, t30] = [ago(50), ago(30)];
    const later = await put(client, { read: true, section: headings[1], at: t30 });
    if (later.status !== 200) {
      // The heading ids come from the lesson; fail with the server's explanation if they moved.
      throw new Error(await later.text());
    }
    const earlier = await put(client, { visited: true, section: headings[0], at: t10 });
    expect(((await earlier.json()) as { progress: LessonProgress }).progress).toMatchObject({ firstVisitedAt: t10, lastVisitedAt: t30, readAt: t30, section: headings[1] });
  });

  it("answers bad input with 400 naming the field (413 for a body over 16 kB), and an unknown lesson with 404", async () => {
    const client = new Client();
    const cases: [unknown, string][] = [
      [{ visited: false }, "visited"],
      [{ read: 1 }, "read"],
      [{ section: "nowhere" }, "section"],
      [{ at: "soon", visited: true }, "at"],
      [{ visited: true, learnerId: "someone-else" }, "_form"],
      [{}, "_body"],
    ];
    for (const [json, field] of cases) {
      const res = await put(client, json);
      expect(res.status, JSON.stringify(json)).toBe(400);
      const body = (await res.json()) as ErrorBody;
      expect(Object.keys(body.error.fieldErrors ?? {})).toContain(field);
      expect(body.error.message).toContain(field === "_form" ? "learnerId" : field);
    }
    // There is no "mark as done": completion can only come from reading and passing the quiz.
    for (const json of [{ completed: true }, { visited: true, quizPassed: true }]) {
      const res = await put(client, json);
      expect(res.status).toBe(400);
      expect(((await res.json()) as ErrorBody).error.message).toMatch(/completed|quizPassed/);
    }
    const notJson = await client.request(progressPath(), { method: "PUT", headers: { "content-type": "application/json" }, body: "{visited" });
    expect(notJson.status).toBe(400);
    const huge = await put(client, { visited: true, section: "x".repeat(20_000) });
    expect(huge.status).toBe(413);
    expect((await put(client, { visited: true }, "no-such-lesson")).status).toBe(404);
    expect((await client.request(progressPath("no-such-lesson"))).status).toBe(404);
    expect((await client.request(progressPath(LESSON, "no-such-guide"), { method: "PUT", json: { visited: true } })).status).toBe(404);
    // Nothing was written by any of those: this reader has no progress (and no identity) yet.
    expect(await myProgress(client)).toEqual({ learner: null, guides: [] });
  });

  it("refuses a cross-site write (403) and other methods (405)", async () => {
    const client = new Client();
    expect((await client.request(progressPath(), { method: "PUT", headers: { origin: "https://evil.example" }, json: { visited: true } })).status).toBe(403);
    expect((await client.request(progressPath(), { method: "PUT", headers: { "sec-fetch-site": "cross-site" }, json: { visited: true } })).status).toBe(403);
    expect((await client.request(progressPath(), { method: "POST", json: { visited: true } })).status).toBe(405);
    expect(await myProgress(client)).toEqual({ learner: null, guides: [] });
  });

  it("lets a learner reset their own lesson: it no longer counts, the attempts stay in the history", async () => {
    const { client } = await newLearner("reset");
    await put(client, { read: true });
    await passQuiz(client);
    expect(lessonIn(await myProgress(client))?.completed).toBe(true);
    const reset = await client.request(progressPath(), { method: "DELETE" });
    expect(reset.status).toBe(200);
    expect(((await reset.json()) as { progress: LessonProgress }).progress).toMatchObject({ completed: false, readAt: null, quiz: { attempts: 0 } });
    const attempts = (await (await client.request(`/api/me/attempts?guide=${GUIDE}&lesson=${LESSON}`)).json()) as { attempts: unknown[] };
    expect(attempts.attempts).toHaveLength(1);
  });
});

describe("ratings API", () => {
  it("stores one vote per reader, returns it to them only, and lets them change it", async () => {
    const { client } = await newLearner("rate");
    const comment = `<img src=x onerror="alert(1)"> code & "quotes"`;
    const first = await client.request(ratingPath(), { method: "PUT", json: { helpful: false, reason: "code-doesnt-work", comment } });
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toContain("application/json");
    expect(((await first.json()) as { rating: OwnRating }).rating).toMatchObject({ helpful: false, reason: "code-doesnt-work", comment });
    const changed = await client.request(ratingPath(), { method: "PUT", json: { helpful: true } });
    expect(((await changed.json()) as { rating: OwnRating }).rating).toMatchObject({ helpful: true, reason: null, comment: null });
    const mine = (await (await client.request(ratingPath())).json()) as { rating: OwnRating };
    expect(mine.rating.helpful).toBe(true);

    const other = await newLearner("rate-other");
    expect(await (await other.client.request(ratingPath())).json()).toEqual({ rating: null });
    expect(await (await new Client().request(ratingPath())).json()).toEqual({ rating: null });
  });

  it("answers bad votes with 400 naming the field, and keeps the earlier vote", async () => {
    const client = new Client();
    await client.request(ratingPath(), { method: "PUT", json: { helpful: false, reason: "unclear" } });
    const cases: [unknown, string][] = [
      [{ helpful: "maybe" }, "helpful"],
      [{ helpful: false, reason: "meh" }, "reason"],
      [{ helpful: false, comment: "é".repeat(1001) }, "comment"],
    ];
    for (const [json, field] of cases) {
      const res = await client.request(ratingPath(), { method: "PUT", json });
      expect(res.status).toBe(400);
      expect(((await res.json()) as ErrorBody).error.fieldErrors).toHaveProperty(field);
    }
    expect(((await (await client.request(ratingPath())).json()) as { rating: OwnRating }).rating).toMatchObject({ helpful: false, reason: "unclear" });
    expect((await client.request(ratingPath("nope"), { method: "PUT", json: { helpful: true } })).status).toBe(404);
    expect((await client.request(ratingPath("nope"))).status).toBe(404);
    expect((await client.request(ratingPath(), { method: "PUT", headers: { "content-type": "application/json" }, body: "{helpful" })).status).toBe(400);
    expect((await client.request(ratingPath(), { method: "POST", json: { helpful: true } })).status).toBe(405);
    expect((await client.request(ratingPath(), { method: "PUT", headers: { origin: "https://evil.example" }, json: { helpful: true } })).status).toBe(403);
    expect(((await (await client.request(ratingPath())).json()) as { rating: OwnRating }).rating).toMatchObject({ helpful: false, reason: "unclear" });
  });

  it("rate-limits a reader's votes with 429 and Retry-After", async () => {
    await startOfFreshWindow(10 * 60);
    const client = new Client();
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 61; i++) {
      last = await client.request(ratingPath("topics-and-partitions"), { method: "PUT", json: { helpful: i % 2 === 0 } });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    expect(statuses[60]).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("guests, accounts and ownership", () => {
  it("moves a guest's progress and votes into the account at sign-up + sign-in", async () => {
    const client = new Client();
    const readAt = ago(120);
    await put(client, { read: true, at: readAt });
    await put(client, { visited: true }, "producers");
    await client.request(ratingPath(), { method: "PUT", json: { helpful: false, reason: "missing-information", comment: "More on segments?" } });
    const asGuest = await myProgress(client);
    expect(asGuest.learner).toBe("guest");

    const email = `progress-merge-${Date.now()}@example.org`;
    expect((await client.request("/api/users", { method: "POST", json: { name: "Merged", email, password: "correct horse battery" } })).status).toBe(201);
    await client.signIn(email, "correct horse battery");
    expect(client.signedIn).toBe(true);
    expect(client.cookies.has("guest")).toBe(false);
    const asUser = await myProgress(client);
    expect(asUser.learner).toBe("user");
    expect(lessonIn(asUser)).toMatchObject({ readAt });
    expect(lessonIn(asUser, "producers")?.lastVisitedAt).not.toBeNull();
    expect(((await (await client.request(ratingPath())).json()) as { rating: OwnRating }).rating).toMatchObject({ comment: "More on segments?" });

    await client.signOut();
    expect(await myProgress(client)).toEqual({ learner: null, guides: [] });
    expect(await (await client.request(ratingPath())).json()).toEqual({ rating: null });
  });

  it("never shows or changes one learner's progress for another (no ids to guess, forged cookies ignored)", async () => {
    const a = await newLearner("progress-idor-a");
    const b = await newLearner("progress-idor-b");
    await put(a.client, { read: true });
    expect(lessonIn(await myProgress(b.client))).toBeUndefined();
    expect(lessonIn(await myProgress(a.client))?.readAt).not.toBeNull();
    // Query parameters naming someone else are ignored: it is always the caller's own record.
    expect(lessonIn(await (async () => ((await (await b.client.request(`/api/me/progress?userId=${a.id}`)).json()) as MyProgress))())).toBeUndefined();

    // A guest cookie edited by hand is not a guest identity.
    const guest = new Client();
    await put(guest, { read: true });
    await guest.request(ratingPath(), { method: "PUT", json: { helpful: true, comment: "the real guest's" } });
    const [id] = guest.cookies.get("guest")!.split(".");
    const forged = new Client();
    forged.cookies.set("guest", `${id}.${"A".repeat(43)}`);
    expect(await myProgress(forged)).toEqual({ learner: null, guides: [] });
    expect(await (await forged.request(ratingPath())).json()).toEqual({ rating: null });
    // Writing with it makes a new guest of its own; the real guest's record is untouched.
    expect((await put(forged, { visited: true }, "producers")).status).toBe(200);
    expect((await forged.request(ratingPath(), { method: "PUT", json: { helpful: false } })).status).toBe(200);
    expect(forged.cookies.get("guest")!.split(".")[0]).not.toBe(id);
    expect(lessonIn(await myProgress(guest), "producers")?.lastVisitedAt).toBeNull();
    expect(((await (await guest.request(ratingPath())).json()) as { rating: OwnRating }).rating).toMatchObject({ helpful: true, comment: "the real guest's" });
    // Naming another learner in a write is refused, not obeyed.
    await a.client.request(ratingPath(), { method: "PUT", json: { helpful: true } });
    const naming = await b.client.request(ratingPath(), { method: "PUT", json: { helpful: false, userId: a.id } });
    expect(naming.status).toBe(400);
    expect(((await (await a.client.request(ratingPath())).json()) as { rating: OwnRating }).rating.helpful).toBe(true);
    // B's reset only resets B.
    await b.client.request(progressPath(), { method: "DELETE" });
    expect(lessonIn(await myProgress(a.client))?.readAt).not.toBeNull();
  });
});

describe("/me, My progress", () => {
  it("shows a guest their own progress (no sign-in needed), never cached", async () => {
    const guest = new Client();
    expect((await guest.request("/me")).status).toBe(200);
    await put(guest, { read: true });
    const res = await guest.request("/me");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toMatch(/no-store|private/);
    const html = await res.text();
    expect(html).toContain("You are reading as a guest");
    expect(html).toMatch(/data-lesson="the-log"[\s\S]*?Read · quiz to pass/);
  });

  it("shows a learner their guides and scores, and nobody else's", async () => {
    const a = await newLearner("me-a");
    const b = await newLearner("me-b");
    await put(a.client, { read: true });
    await passQuiz(a.client);
    const forA = await (await a.client.request("/me")).text();
    expect(forA).toContain("Apache Kafka");
    expect(forA).toMatch(/data-lesson="the-log"[\s\S]*?Completed/);
    expect(forA).toMatch(/best (\d+)\/\1 \(passed\)/);
    expect(forA).toContain(a.email);
    const forB = await (await b.client.request("/me")).text();
    expect(forB).toContain("You have not started a guide yet");
    expect(forB).not.toContain(a.email);
    expect(forB).not.toContain("Completed");
  });
});
