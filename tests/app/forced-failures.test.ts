/**
 * Failures forced under a running app (its own database on the PostgreSQL server, so the test can
 * break it): a table gone, a constraint refusing every write, and a learner's simulator session
 * whose stored state or command log the engine cannot replay. Each answer says only "something went
 * wrong" with a request id: no stack, SQL, table, Prisma or file path. The server's log has a JSON
 * line with that id and the real error. A page that fails shows its error page with the reference
 * Next logged the error under, keeps the security headers, and recovers with "Try again".
 */
import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../../scripts/lib/run-app";
import { AT_LEAST_ONCE_PANEL, CHARGED_TWICE_PATH } from "../fixtures/try-it-paths";
import { createPostgresDatabase, postgresServerAvailable } from "../setup/postgres-server";
import { hasChromium, useBrowser } from "./helpers/browser";
import { newLearner, type Client } from "./helpers/http-client";
import { answersFor, quizFile, quizPath, type ServedQuiz } from "./helpers/quiz";

const withPostgres = await postgresServerAvailable();

/** What an answer must never show: the failure's text, the query, the code or the machine. */
const LEAKS = /lesson_progress|quiz_attempts|sim_snapshots|sim_commands|relation|violates|constraint|SELECT|INSERT|UPDATE "|prisma|Invalid `|\bat .*\.(ts|js):\d+|\/work\/|node_modules|TypeError|Cannot read/i;

interface Internal {
  error: { code: string; message: string; requestId: string };
}

describe.skipIf(!withPostgres)("forced database and engine failures", () => {
  let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let app: RunningApp;
  let sql: pg.Client;
  let learner: Client;
  let email: string;

  beforeAll(async () => {
    database = await createPostgresDatabase();
    app = await startApp({ env: { DATABASE_URL: database.url } });
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    ({ client: learner, email } = await newLearner("failures", app.baseUrl));
  }, 300_000);

  afterAll(async () => {
    await sql?.end();
    await app?.stop();
    await database?.drop();
  });

  /** Checks a 500's body and finds its log line; returns the logged error. */
  async function expectInternal(res: Response): Promise<{ name?: string; message?: string; stack?: string }> {
    expect(res.status).toBe(500);
    // Error answers carry the same security headers as every other (lib/http/security-headers.js).
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const text = await res.text();
    expect(text).not.toMatch(LEAKS);
    const { error } = JSON.parse(text) as Internal;
    expect(error.code).toBe("INTERNAL");
    expect(error.message).toBe(`Something went wrong (request ${error.requestId}).`);
    let line: { event: string; error: { name?: string; message?: string; stack?: string } } | undefined;
    await expect
      .poll(() => {
        line = readFileSync(app.logFile, "utf8")
          .split("\n")
          .filter((l) => l.startsWith("{") && l.includes(error.requestId))
          .map((l) => JSON.parse(l) as typeof line)[0];
        return line?.event;
      })
      .toBe("unexpected-error");
    expect(line!.error.stack).toMatch(/\n\s+at /);
    return line!.error;
  }

  it("a missing table: the write answers 500 with a request id only; the log has the database's error", async () => {
    await sql.query("ALTER TABLE lesson_progress RENAME TO lesson_progress_moved");
    try {
      const res = await learner.request("/api/guides/kafka/lessons/the-log/progress", { method: "PUT", json: { visited: true } });
      const logged = await expectInternal(res);
      expect(`${logged.name} ${logged.message}`).toMatch(/lesson_progress|does not exist|P2021/);
    } finally {
      await sql.query("ALTER TABLE lesson_progress_moved RENAME TO lesson_progress");
    }
    expect((await learner.request("/api/guides/kafka/lessons/the-log/progress", { method: "PUT", json: { visited: true } })).status).toBe(200);
  });

  it("a constraint refusing the write: 500 with a request id only, and nothing of the attempt stored", async () => {
    await sql.query("ALTER TABLE quiz_answers ADD CONSTRAINT forced_failure CHECK (position < 0) NOT VALID");
    try {
      const served = await learner.request(quizPath("kafka", "the-log"));
      const quiz = (await served.json()) as ServedQuiz;
      const res = await learner.request(`${quizPath("kafka", "the-log")}/attempts`, { method: "POST", json: { attemptKey: quiz.attemptKey, answers: answersFor(quiz, quizFile("kafka", "the-log")) } });
      await expectInternal(res);
      // The attempt and its answers are one write: the refused answers took the attempt with them.
      const stored = await sql.query("SELECT count(*)::int AS n FROM quiz_attempts a JOIN users u ON u.id = a.user_id WHERE u.email = $1", [email]);
      expect(stored.rows[0].n).toBe(0);
    } finally {
      await sql.query("ALTER TABLE quiz_answers DROP CONSTRAINT forced_failure");
    }
  });

  it("the engine cannot replay a session's stored state or log: 500 with a request id only, for reads and commands", async () => {
    const opened = await learner.request("/api/sim/sessions", { method: "POST", json: AT_LEAST_ONCE_PANEL });
    let session = (await opened.json()) as { sessionId: string; version: number };
    for (const command of CHARGED_TWICE_PATH) {
      const res = await learner.request(`/api/sim/sessions/${session.sessionId}/commands`, { method: "POST", json: { command, expectedVersion: session.version } });
      expect(res.status).toBe(200);
      session = (await res.json()) as typeof session;
    }
    // A stored command the engine has no idea of, with no snapshot to start after it.
    await sql.query("DELETE FROM sim_snapshots WHERE session_id = $1", [session.sessionId]);
    await sql.query(`UPDATE sim_commands SET command = '{"do":"no-such-command","client":42}' WHERE session_id = $1 AND seq = 2`, [session.sessionId]);
    // The server keeps recent states by (session, version, updated_at): a new updated_at makes it
    // read the stored log again, as another server instance would.
    const touch = () => sql.query("UPDATE sim_sessions SET updated_at = now() WHERE id = $1", [session.sessionId]);
    await touch();
    await expectInternal(await learner.request(`/api/sim/sessions/${session.sessionId}`));
    // A snapshot whose state is not an engine state at all.
    await sql.query("UPDATE sim_commands SET command = $2 WHERE session_id = $1 AND seq = 2", [session.sessionId, JSON.stringify(CHARGED_TWICE_PATH[1])]);
    await sql.query(`INSERT INTO sim_snapshots (session_id, seq, state) VALUES ($1, $2, '{"topics":7,"clock":"soon"}')`, [session.sessionId, session.version]);
    await touch();
    const command = await learner.request(`/api/sim/sessions/${session.sessionId}/commands`, { method: "POST", json: { command: { do: "advance", at: 60_000 }, expectedVersion: session.version } });
    await expectInternal(command);
  });

  describe.skipIf(!hasChromium)("a page that fails to render", () => {
    const browser = useBrowser();

    it("shows the error page with Next's reference (in the server log), the security headers, and recovers with Try again", async () => {
      const context = await browser().newContext({ extraHTTPHeaders: { "x-forwarded-for": learner.ip } });
      await context.addCookies([...learner.cookies].map(([name, value]) => ({ name, value, url: app.baseUrl })));
      const page = await context.newPage();
      await sql.query("ALTER TABLE lesson_progress RENAME TO lesson_progress_moved");
      let restored = false;
      try {
        const res = await page.goto(`${app.baseUrl}/me`, { waitUntil: "load" });
        expect(res!.status()).toBe(500);
        const headers = res!.headers();
        expect(headers["content-security-policy"]).toContain("object-src 'none'");
        expect(headers["x-content-type-options"]).toBe("nosniff");
        expect(await res!.text()).not.toMatch(LEAKS);
        await expect.poll(() => page.getByRole("heading", { name: "Something went wrong" }).isVisible()).toBe(true);
        const reference = await page.locator("[data-error-reference]").textContent();
        expect(reference).toMatch(/^\w+$/);
        expect(await page.locator("body").innerText()).not.toMatch(LEAKS);
        // Next logs the real error under the same reference (its digest).
        await expect.poll(() => readFileSync(app.logFile, "utf8").includes(reference!)).toBe(true);

        await sql.query("ALTER TABLE lesson_progress_moved RENAME TO lesson_progress");
        restored = true;
        await page.getByRole("button", { name: "Try again" }).click();
        await expect.poll(() => page.getByRole("heading", { level: 1 }).first().textContent()).not.toBe("Something went wrong");
        expect(await page.getByRole("heading", { name: "Something went wrong" }).count()).toBe(0);
      } finally {
        if (!restored) await sql.query("ALTER TABLE lesson_progress_moved RENAME TO lesson_progress");
        await context.close();
      }
    });
  });
});
