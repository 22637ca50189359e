/**
 * The database dies in the middle of a burst of learner writes (quiz submissions, progress writes,
 * simulator commands from several learners at once):
 *   - embedded: its process gets SIGKILL; `npm start` starts it again on the same data and port;
 *   - PostgreSQL: a server of the test's own stops in "immediate" mode (every process quits at
 *     once, as in a crash) and starts again, recovering from its WAL.
 * While it is down the API answers 503 with Retry-After (never a 500) and lessons still load. Once
 * it is back, every write the server acknowledged is there and whole: each attempt with all its
 * answers, each session's command log as long as its version, with no gap; submissions that got no
 * answer can be sent again with the same key and are stored once.
 */
import { readFileSync } from "node:fs";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { embeddedDatabaseProcess } from "../../scripts/lib/process-tree";
import { startApp, type RunningApp } from "../../scripts/lib/run-app";
import { postgresBinDir, startPostgresInstance } from "../setup/postgres-instance";
import { lessonsWithQuiz, quizPath } from "./helpers/quiz";
import { acknowledgedWrites, BURST_GUIDE, burstLearner, startBurst, type BurstLearner, type BurstLog } from "./helpers/write-burst";

const LEARNERS = 4;
const LESSON_PAGE = "/guides/kafka/the-log";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Outage {
  /** Breaks the database (it must not come back by itself sooner than a second later). */
  kill: () => void;
  /** Brings it back, when the platform does not do it itself. */
  revive?: () => void;
  /** A URL to inspect the database directly once it is back. */
  databaseUrl: () => string;
}

async function expectDownBehaviour(app: RunningApp, learner: BurstLearner) {
  await expect.poll(async () => (await fetch(`${app.baseUrl}/readyz`)).status, { timeout: 5_000, interval: 50 }).toBe(503);
  const lesson = await fetch(`${app.baseUrl}${LESSON_PAGE}`);
  expect([lesson.status, (await lesson.text()).includes("Check your understanding")]).toEqual([200, true]);
  expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
  const write = await learner.client.request(`/api/guides/${BURST_GUIDE}/lessons/the-log/progress`, { method: "PUT", json: { visited: true } });
  expect(write.status).toBe(503);
  expect(write.headers.get("retry-after")).toMatch(/^\d+$/);
  const body = (await write.json()) as { error: { message: string } };
  expect(body.error.message).toMatch(/\(request [\w-]+\)/);
}

/** Checks the database against what the server acknowledged. */
async function expectAcknowledgedWritesWhole(databaseUrl: string, log: BurstLog, learners: BurstLearner[]) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const userIds = learners.map((l) => l.userId);
    const attempts = await client.query<{ id: string; total: number; answers: number }>(
      `select a.id, a.total, count(q.attempt_id)::int as answers
         from quiz_attempts a left join quiz_answers q on q.attempt_id = a.id
        where a.user_id = any($1::uuid[]) group by a.id`,
      [userIds],
    );
    const stored = new Map(attempts.rows.map((r) => [r.id, r]));
    expect(log.attempts.filter((a) => !stored.has(a.attemptId))).toEqual([]);
    expect(attempts.rows.filter((r) => r.answers !== r.total)).toEqual([]);

    const reads = await client.query<{ key: string }>(
      `select user_id || ' ' || lesson as key from lesson_progress where read_at is not null and user_id = any($1::uuid[])`,
      [userIds],
    );
    const readKeys = new Set(reads.rows.map((r) => r.key));
    expect(log.reads.filter((r) => !readKeys.has(`${r.userId} ${r.lesson}`))).toEqual([]);

    const sessions = await client.query<{ id: string; version: number; commands: number; last: number; snapshot: number }>(
      `select s.id, s.version,
              (select count(*)::int from sim_commands c where c.session_id = s.id) as commands,
              (select coalesce(max(seq), 0)::int from sim_commands c where c.session_id = s.id) as last,
              (select coalesce(max(seq), 0)::int from sim_snapshots p where p.session_id = s.id) as snapshot
         from sim_sessions s where s.id = any($1::uuid[])`,
      [learners.map((l) => l.sessionId)],
    );
    expect(sessions.rows).toHaveLength(learners.length);
    for (const row of sessions.rows) {
      expect(row.version).toBeGreaterThanOrEqual(log.simVersions.get(row.id) ?? 0);
      expect([row.commands, row.last]).toEqual([row.version, row.version]);
      expect(row.snapshot).toBeLessThanOrEqual(row.version);
    }
    return new Map(sessions.rows.map((r) => [r.id, r.version]));
  } finally {
    await client.end();
  }
}

async function burstThroughOutage(app: RunningApp, outage: Outage) {
  const lessons = lessonsWithQuiz(BURST_GUIDE);
  const learners = await Promise.all(Array.from({ length: LEARNERS }, (_, n) => burstLearner(app.baseUrl, n)));
  const burst = startBurst(learners, lessons);

  await expect.poll(() => acknowledgedWrites(burst.log), { timeout: 20_000, interval: 100 }).toBeGreaterThan(40);
  outage.kill();
  const beforeOutage = acknowledgedWrites(burst.log);
  await expectDownBehaviour(app, learners[0]!);
  if (outage.revive) {
    await sleep(1_000);
    outage.revive();
  }
  await expect.poll(async () => (await fetch(`${app.baseUrl}/readyz`)).status, { timeout: 60_000, interval: 200 }).toBe(200);
  const afterOutage = acknowledgedWrites(burst.log);
  await expect.poll(() => acknowledgedWrites(burst.log), { timeout: 20_000, interval: 100 }).toBeGreaterThan(afterOutage + 40);
  const log = await burst.stop();

  // The burst saw the outage: writes refused with 503 in the middle, acknowledged on both sides.
  expect(beforeOutage).toBeGreaterThan(40);
  expect([...log.statuses.keys()].some((k) => k.endsWith(" 503"))).toBe(true);
  expect(log.unexpected).toEqual([]);

  // A submission that got no answer is sent again with its key: stored once, whatever happened.
  for (const lost of log.unanswered) {
    const again = await lost.learner.client.request(`${quizPath(BURST_GUIDE, lost.lesson)}/attempts`, {
      method: "POST",
      json: { attemptKey: lost.attemptKey, answers: lost.answers },
    });
    // 201: stored now; 200: it had been stored before its answer was lost, and this is its replay.
    expect([200, 201]).toContain(again.status);
    log.attempts.push({ userId: lost.learner.userId, attemptId: ((await again.json()) as { attemptId: string }).attemptId });
  }
  expect(new Set(log.attempts.map((a) => a.attemptId)).size).toBe(log.attempts.length);

  const versions = await expectAcknowledgedWritesWhole(outage.databaseUrl(), log, learners);
  // The app reads the same sessions back and goes on from them.
  for (const learner of learners) {
    const res = await learner.client.request(`/api/sim/sessions/${learner.sessionId}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { version: number }).version).toBe(versions.get(learner.sessionId));
  }
  return log;
}

describe("the embedded database killed during a burst of writes", () => {
  it("restarts on the same data, answers 503 meanwhile, and keeps every acknowledged write whole", async () => {
    const app = await startApp();
    let stopped = false;
    try {
      const first = embeddedDatabaseProcess(app.child.pid!)!;
      expect(first).toBeDefined();
      let port = 0;
      const log = await burstThroughOutage(app, {
        kill: () => process.kill(first.pid, "SIGKILL"),
        databaseUrl: () => {
          const current = embeddedDatabaseProcess(app.child.pid!)!;
          expect(current.pid).not.toBe(first.pid);
          port = current.port;
          return `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
        },
      });
      expect(port).toBeGreaterThan(0);
      expect(log.attempts.length).toBeGreaterThan(0);
      // The supervisor said what happened.
      const output = readFileSync(app.logFile, "utf8");
      expect(output).toContain("The embedded database stopped unexpectedly (SIGKILL)");
      expect(output).toContain(`The embedded database is back on port ${port}`);
      // And the app still stops cleanly, the restarted database with it.
      stopped = true;
      expect(await app.stop()).toBe(0);
    } finally {
      if (!stopped) await app.stop();
    }
  }, 240_000);
});

const binDir = postgresBinDir();

describe.skipIf(!binDir)("a PostgreSQL server crashing and restarting during a burst of writes", () => {
  it("answers 503 while it is down and keeps every acknowledged write whole after its recovery", async () => {
    const server = await startPostgresInstance(binDir!);
    let app: RunningApp | undefined;
    try {
      app = await startApp({ env: { DATABASE_URL: server.url } });
      const log = await burstThroughOutage(app, { kill: server.crash, revive: server.start, databaseUrl: () => server.url });
      expect(log.attempts.length).toBeGreaterThan(0);
    } finally {
      await app?.stop();
      server.destroy();
    }
  }, 240_000);
});
