import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getLesson, getQuizWithKey } from "@/lib/content/source";
import { db } from "@/lib/db";
import type { Learner } from "@/lib/learners/identity";
import { mergeGuestIntoUser } from "@/lib/learners/merge";
import { getLessonProgress, getMyProgress } from "@/lib/progress/queries";
import { recordProgress, recordTryItGoal, resetLessonProgress } from "@/lib/progress/record";
import { submitAttempt } from "@/lib/quizzes/submit";
import { rateLesson } from "@/lib/ratings/rate";
import { rejection } from "./helpers/errors";
import { answersScoring, keyFor } from "./helpers/quiz-keys";
import { createActor } from "./helpers/users";

const G = "kafka";
const L = "production-reality";
const lessonMeta = (lesson = L) => getLesson(G, lesson)!;
const guest = (): Learner => ({ kind: "guest", guestId: randomUUID() });
const user = async (): Promise<Learner> => ({ kind: "user", userId: (await createActor()).id });
const rowsOf = (learner: Learner, lesson = L) =>
  db.lessonProgress.findMany({ where: { ...(learner.kind === "user" ? { userId: learner.userId } : { guestId: learner.guestId }), guide: G, lesson } });

const T0 = Date.parse("2026-11-20T10:00:00.000Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const NOW = T0 + 60 * 60_000; // every write below happens "now" = T0 + 1 h unless it says otherwise
const sections = lessonMeta().headings.map((h) => h.id);

async function passQuiz(learner: Learner, lesson = L, wrong = 0) {
  const quiz = getQuizWithKey(G, lesson)!;
  return submitAttempt(learner, quiz, keyFor(quiz, answersScoring(quiz, wrong)));
}

describe("recordProgress", () => {
  it("is idempotent: the same write 20 times, concurrently, leaves one row exactly as one write does", async () => {
    const once = guest();
    await recordProgress(once, G, L, { visited: true, section: sections[1], at: at(5) }, { now: NOW });
    const [expected] = await rowsOf(once);

    const learner = guest();
    const write = { visited: true, section: sections[1], at: at(5) };
    await Promise.all(Array.from({ length: 20 }, () => recordProgress(learner, G, L, write, { now: NOW })));
    const rows = await rowsOf(learner);
    expect(rows).toHaveLength(1);
    const strip = ({ id: _id, guestId: _g, ...rest }: (typeof rows)[number]) => rest;
    expect(strip(rows[0]!)).toEqual(strip(expected!));

    // ... and 20 more, one after another, change nothing either.
    for (let i = 0; i < 20; i++) await recordProgress(learner, G, L, write, { now: NOW + i });
    expect(await rowsOf(learner)).toEqual(rows);
  });

  it("is idempotent for a signed-in user too, under concurrency with different writes", async () => {
    const learner = await user();
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => recordProgress(learner, G, L, { visited: true, at: at(i) }, { now: NOW })),
      ...Array.from({ length: 10 }, (_, i) => recordProgress(learner, G, L, { read: true, at: at(20 + i) }, { now: NOW })),
    ]);
    const rows = await rowsOf(learner);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ firstVisitedAt: new Date(at(0)), lastVisitedAt: new Date(at(29)), readAt: new Date(at(20)) });
  });

  it("never moves a timestamp backwards when writes arrive out of order", async () => {
    const learner = guest();
    const later = await recordProgress(learner, G, L, { read: true, section: sections[3], at: at(30) }, { now: NOW });
    const earlier = await recordProgress(learner, G, L, { visited: true, section: sections[0], at: at(10) }, { now: NOW });
    expect(earlier).toMatchObject({ firstVisitedAt: at(10), lastVisitedAt: at(30), readAt: at(30), section: sections[3] });
    expect(later.section).toBe(sections[3]);
    // A later read does not make the lesson "read later"; the first time it was read stays.
    const again = await recordProgress(learner, G, L, { read: true, at: at(50) }, { now: NOW });
    expect(again).toMatchObject({ firstVisitedAt: at(10), lastVisitedAt: at(50), readAt: at(30), section: sections[3] });
  });

  it("uses the server clock without `at`, and keeps a browser's `at` within the last 30 days and never in the future", async () => {
    const learner = guest();
    expect(await recordProgress(learner, G, L, { visited: true }, { now: NOW })).toMatchObject({ lastVisitedAt: new Date(NOW).toISOString() });
    const future = await recordProgress(learner, G, L, { visited: true, at: "2099-01-01T00:00:00Z" }, { now: NOW });
    expect(future.lastVisitedAt).toBe(new Date(NOW).toISOString());
    const ancient = await recordProgress(learner, G, L, { visited: true, at: "2001-01-01T00:00:00+02:00" }, { now: NOW });
    expect(ancient.firstVisitedAt).toBe(new Date(NOW - 30 * 24 * 3600 * 1000).toISOString());
  });

  it("refuses bad input with 400 naming the field, and a failed write changes nothing", async () => {
    const learner = guest();
    await recordProgress(learner, G, L, { visited: true, at: at(1) }, { now: NOW });
    const before = await rowsOf(learner);
    const cases: [unknown, string][] = [
      [{ visited: false }, "visited"],
      [{ read: "yes" }, "read"],
      [{ section: "not-a-heading-here" }, "section"],
      [{ section: "" }, "section"],
      [{ section: "x".repeat(121) }, "section"],
      [{ visited: true, at: "yesterday" }, "at"],
      [{ visited: true, userId: randomUUID() }, "_form"],
      [{}, "_body"],
      [[], "_form"],
      [null, "_form"],
    ];
    for (const [input, field] of cases) {
      const error = await rejection(recordProgress(learner, G, L, input, { now: NOW }));
      expect(error.status, JSON.stringify(input)).toBe(400);
      expect(Object.keys(error.fieldErrors ?? {}), JSON.stringify(input)).toContain(field);
    }
    expect(await rowsOf(learner)).toEqual(before);
  });

  it("404s for an unknown lesson or guide and writes nothing", async () => {
    const learner = guest();
    expect((await rejection(recordProgress(learner, G, "no-such-lesson", { visited: true }))).status).toBe(404);
    expect((await rejection(recordProgress(learner, "no-such-guide", L, { visited: true }))).status).toBe(404);
    expect(await db.lessonProgress.count({ where: { guestId: (learner as { guestId: string }).guestId } })).toBe(0);
  });
});

describe("completion", () => {
  it("is read plus a passed quiz: neither alone completes a lesson", async () => {
    const learner = guest();
    expect((await recordProgress(learner, G, L, { read: true }, { now: NOW })).completed).toBe(false);
    await passQuiz(learner, L, 2); // 1/3: failed
    let progress = await getLessonProgress(learner, lessonMeta());
    expect(progress).toMatchObject({ completed: false, quiz: { required: true, passed: false, attempts: 1, bestScore: 1, bestTotal: 3 } });
    await passQuiz(learner, L, 0);
    progress = await getLessonProgress(learner, lessonMeta());
    expect(progress).toMatchObject({ completed: true, quiz: { passed: true, attempts: 2, bestScore: 3, bestTotal: 3 } });

    const quizOnly = guest();
    await passQuiz(quizOnly);
    expect((await getLessonProgress(quizOnly, lessonMeta())).completed).toBe(false);
  });

  it("summarises the guide: %, phases, last activity and where to continue", async () => {
    const learner = guest();
    const guide = (await getMyProgress(learner)).guides;
    expect(guide).toEqual([]);
    await recordProgress(learner, G, "the-log", { read: true, at: at(1) }, { now: NOW });
    await passQuiz(learner, "the-log");
    await recordProgress(learner, G, "consumer-groups", { visited: true, section: lessonMeta("consumer-groups").headings[1]!.id, at: at(5) }, { now: NOW });
    await recordProgress(learner, G, "producers", { visited: true, at: at(3) }, { now: NOW });
    const mine = await getMyProgress(learner);
    expect(mine.learner).toBe("guest");
    const kafka = mine.guides.find((g) => g.guide === G)!;
    expect(kafka).toMatchObject({ lessons: 8, completed: 1, percent: 12 });
    expect(kafka.phases[0]).toMatchObject({ order: 1, completed: 1 });
    expect(kafka.phases[0]!.percent).toBe(Math.floor(100 / kafka.phases[0]!.lessons));
    expect(kafka.continueAt).toMatchObject({ lesson: "consumer-groups", kind: "resume", section: lessonMeta("consumer-groups").headings[1]!.id });
    expect(kafka.continueAt!.href).toBe(`/guides/kafka/consumer-groups#${lessonMeta("consumer-groups").headings[1]!.id}`);
    expect(kafka.lessonProgress.map((l) => l.lesson)).toEqual(getMyProgressOrder());
    // The latest activity is the quiz attempt (made just now), later than every visit (at T0 + minutes).
    const attempt = await db.quizAttempt.findFirstOrThrow({ where: { guestId: (learner as { guestId: string }).guestId }, orderBy: { submittedAt: "desc" } });
    expect(kafka.lastActivityAt).toBe(attempt.submittedAt.toISOString());
    expect(mine.guides.map((g) => g.guide)).toEqual([G]);
  });
});

function getMyProgressOrder(): string[] {
  return ["the-log", "topics-and-partitions", "brokers-and-retention", "producers", "consumer-groups", "offsets-and-commits", "consumer-lag", "production-reality"];
}

describe("reset", () => {
  it("starts the lesson over: earlier visits, reading, goals and quiz passes stop counting; attempts are kept", async () => {
    const learner = guest();
    await recordProgress(learner, G, L, { read: true, section: sections[2], at: at(1) }, { now: NOW });
    await recordTryItGoal(learner, G, L, "charged-twice", T0 + 2 * 60_000);
    await passQuiz(learner);
    expect((await getLessonProgress(learner, lessonMeta())).completed).toBe(true);

    await new Promise((resolve) => setTimeout(resolve, 5)); // the reset comes strictly after the pass
    const reset = await resetLessonProgress(learner, G, L, { now: Date.now() });
    expect(reset).toMatchObject({ firstVisitedAt: null, lastVisitedAt: null, readAt: null, section: null, tryItGoals: [], completed: false, quiz: { passed: false, attempts: 0 } });
    expect(await db.quizAttempt.count({ where: { guestId: (learner as { guestId: string }).guestId } })).toBe(1);
    // A queued write from before the reset arrives late: it does not bring the old state back.
    expect(await recordProgress(learner, G, L, { read: true, at: at(1) }, { now: NOW })).toMatchObject({ readAt: null });
    // Resetting twice is the same as once; the same reader can then progress again.
    await resetLessonProgress(learner, G, L, { now: Date.now() });
    expect(await rowsOf(learner)).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const again = await recordProgress(learner, G, L, { read: true }, { now: Date.now() });
    expect(again.readAt).not.toBeNull();
    expect(again.completed).toBe(false); // the pass from before the reset no longer counts
    await passQuiz(learner);
    expect((await getLessonProgress(learner, lessonMeta())).completed).toBe(true);
  });
});

describe("try-it goals", () => {
  it("keeps each goal once, with the first time it was reached", async () => {
    const learner = guest();
    await recordTryItGoal(learner, G, L, "charged-twice", T0 + 5000);
    await Promise.all([recordTryItGoal(learner, G, L, "charged-twice", T0 + 1000), recordTryItGoal(learner, G, L, "exactly-once", T0 + 9000)]);
    const progress = await getLessonProgress(learner, lessonMeta());
    expect(progress.tryItGoals).toEqual(["charged-twice", "exactly-once"]);
    const [row] = await rowsOf(learner);
    expect(row!.tryItGoals).toEqual({ "charged-twice": new Date(T0 + 1000).toISOString(), "exactly-once": new Date(T0 + 9000).toISOString() });
  });
});

describe("guest → account merge", () => {
  it("takes the union: earliest first visit and read, latest last visit and section, best quiz, every goal", async () => {
    const visitor = guest();
    const account = await user();
    // Both read the same lesson, at different times; each also has lessons of its own.
    await recordProgress(account, G, L, { visited: true, section: sections[0], at: at(20) }, { now: NOW });
    await recordProgress(account, G, L, { read: true, at: at(40) }, { now: NOW });
    await recordProgress(visitor, G, L, { visited: true, at: at(10) }, { now: NOW });
    await recordProgress(visitor, G, L, { read: true, section: sections[4], at: at(30) }, { now: NOW });
    await recordProgress(visitor, G, "the-log", { visited: true, at: at(2) }, { now: NOW });
    await recordProgress(account, G, "producers", { visited: true, at: at(3) }, { now: NOW });
    await recordTryItGoal(visitor, G, L, "charged-twice", Date.parse(at(11)));
    await recordTryItGoal(account, G, L, "exactly-once", Date.parse(at(12)));
    await passQuiz(account, L, 2); // 1/3
    await passQuiz(visitor, L, 0); // 3/3

    const counts = await mergeGuestIntoUser((visitor as { guestId: string }).guestId, (account as { userId: string }).userId);
    expect(counts).toMatchObject({ quizAttempts: 1, lessons: 2 });
    expect(await rowsOf(visitor)).toEqual([]);
    const merged = await getLessonProgress(account, lessonMeta());
    expect(merged).toMatchObject({
      firstVisitedAt: at(10),
      lastVisitedAt: at(40),
      readAt: at(30),
      section: sections[4],
      tryItGoals: ["charged-twice", "exactly-once"],
      completed: true,
      quiz: { passed: true, attempts: 2, bestScore: 3, bestTotal: 3 },
    });
    const lessons = (await getMyProgress(account)).guides[0]!.lessonProgress.filter((l) => l.lastVisitedAt).map((l) => l.lesson);
    expect(lessons.sort()).toEqual(["producers", "production-reality", "the-log"]);

    // Merging again (a second sign-in with the same cookie) changes nothing.
    const before = await rowsOf(account);
    expect(await mergeGuestIntoUser((visitor as { guestId: string }).guestId, (account as { userId: string }).userId)).toEqual({ quizAttempts: 0, lessons: 0, ratings: 0, simSessions: 0 });
    expect(await rowsOf(account)).toEqual(before);
  });

  it("is safe beside the account's own writes and a second merge at the same time", async () => {
    const visitor = guest();
    const account = await user();
    await recordProgress(visitor, G, L, { visited: true, at: at(1) }, { now: NOW });
    const guestId = (visitor as { guestId: string }).guestId;
    const userId = (account as { userId: string }).userId;
    await Promise.all([
      mergeGuestIntoUser(guestId, userId),
      mergeGuestIntoUser(guestId, userId),
      ...Array.from({ length: 5 }, (_, i) => recordProgress(account, G, L, { visited: true, at: at(10 + i) }, { now: NOW })),
    ]);
    const rows = await rowsOf(account);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ firstVisitedAt: new Date(at(1)), lastVisitedAt: new Date(at(14)) });
  });

  it("is all or nothing: a merge that fails at its last step leaves the guest's whole record where it was", async () => {
    const visitor = guest();
    const account = await user();
    await recordProgress(visitor, G, L, { visited: true }, { now: NOW });
    await passQuiz(visitor);
    await rateLesson(visitor, G, L, { helpful: false, comment: "fail-the-merge" });
    const guestId = (visitor as { guestId: string }).guestId;
    // Moving the vote (the last step, after attempts and progress) fails for this one comment.
    await db.$executeRaw`CREATE OR REPLACE FUNCTION fail_merge_for_test() RETURNS trigger AS $$
      BEGIN IF NEW.user_id IS NOT NULL AND NEW.comment = 'fail-the-merge' THEN RAISE EXCEPTION 'failing on purpose'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`;
    await db.$executeRaw`CREATE TRIGGER fail_merge_for_test BEFORE INSERT ON page_ratings FOR EACH ROW EXECUTE FUNCTION fail_merge_for_test()`;
    try {
      await expect(mergeGuestIntoUser(guestId, (account as { userId: string }).userId)).rejects.toThrow(/failing on purpose/);
    } finally {
      await db.$executeRaw`DROP TRIGGER fail_merge_for_test ON page_ratings`;
    }
    expect(await db.quizAttempt.count({ where: { guestId } })).toBe(1);
    expect(await rowsOf(visitor)).toHaveLength(1);
    expect(await db.pageRating.count({ where: { guestId } })).toBe(1);
    expect(await rowsOf(account)).toEqual([]);
    expect(await db.quizAttempt.count({ where: { userId: (account as { userId: string }).userId } })).toBe(0);
  });

  it("counts both sides in full when one of them had started the lesson over", async () => {
    const visitor = guest();
    const account = await user();
    await recordProgress(account, G, L, { read: true, at: at(5) }, { now: NOW });
    await passQuiz(account);
    // The guest read it too, then started over and only visited again.
    await recordProgress(visitor, G, L, { read: true, at: at(1) }, { now: NOW });
    await resetLessonProgress(visitor, G, L, { now: Date.parse(at(10)) });
    await recordProgress(visitor, G, L, { visited: true, at: at(20) }, { now: NOW });
    await mergeGuestIntoUser((visitor as { guestId: string }).guestId, (account as { userId: string }).userId);
    // The account's reading and its passed quiz still count; the guest's reset only undid the guest's own.
    expect(await getLessonProgress(account, lessonMeta())).toMatchObject({ firstVisitedAt: at(5), lastVisitedAt: at(20), readAt: at(5), completed: true });
  });
});

describe("ownership", () => {
  it("never shows one learner's progress to another", async () => {
    const [a, b] = [await user(), guest()];
    await recordProgress(a, G, L, { read: true }, { now: NOW });
    await recordProgress(b, G, "the-log", { visited: true }, { now: NOW });
    const seenByB = (await getMyProgress(b)).guides[0]!.lessonProgress.find((l) => l.lesson === L)!;
    expect(seenByB).toMatchObject({ firstVisitedAt: null, readAt: null });
    expect((await getLessonProgress(b, lessonMeta())).readAt).toBeNull();
    expect((await getMyProgress(a)).guides[0]!.lessonProgress.find((l) => l.lesson === "the-log")!.lastVisitedAt).toBeNull();
  });
});
