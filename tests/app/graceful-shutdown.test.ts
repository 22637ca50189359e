/**
 * `npm start` stopped with SIGTERM (what a service manager or `docker stop` sends) while requests
 * are being answered: the web server stops taking connections but finishes the requests it has
 * (their bodies still arriving when the signal comes), then the embedded database closes its data directory
 * cleanly (PostgreSQL's control file says "shut down", not "in production" as after a crash), and
 * every acknowledged write is there when the data is opened again.
 */
import { request } from "node:http";
import { readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { startApp } from "../../scripts/lib/run-app";
import { AT_LEAST_ONCE_PANEL } from "../fixtures/try-it-paths";
import { newLearner } from "./helpers/http-client";

/** pg_control's `state` (an int32 after the 8-byte system id and two uint32 versions): DBState. */
const SHUT_DOWN = 1;
const IN_PRODUCTION = 6;
const clusterState = (pgDir: string) => readFileSync(path.join(pgDir, "global", "pg_control")).readInt32LE(16);

/**
 * A request whose body is sent in two halves: the headers and the first half now, the rest when
 * `finish` is called. `connected` resolves once its connection is open.
 */
function halfSent(url: string, method: string, headers: Record<string, string>, body: string) {
  const half = Math.floor(body.length / 2);
  let finish!: () => void;
  let connected!: Promise<void>;
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(url, { method, headers: { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) } }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    connected = new Promise((open) => req.on("socket", (socket) => (socket.connecting ? socket.once("connect", () => open()) : open())));
    req.write(body.slice(0, half));
    finish = () => req.end(body.slice(half));
  });
  return { answered, connected, finish: () => finish() };
}

describe("npm start stopped with SIGTERM during requests", () => {
  it("finishes the requests in flight, exits 0 and closes the embedded database cleanly", async () => {
    const app = await startApp();
    const pgDir = path.join(app.dataDir, "pg");
    try {
      const { client, email } = await newLearner("shutdown", app.baseUrl);
      const opened = await client.request("/api/sim/sessions", { method: "POST", json: AT_LEAST_ONCE_PANEL });
      const { sessionId } = (await opened.json()) as { sessionId: string };
      expect(clusterState(pgDir)).toBe(IN_PRODUCTION);

      // Requests in flight at the signal: each has sent its headers and half its body.
      const headers = { cookie: client.cookieHeader(), "x-forwarded-for": client.ip };
      const lessons = ["topics-and-partitions", "producers", "consumer-groups", "consumer-lag"];
      const inFlight = [
        halfSent(`${app.baseUrl}/api/guides/kafka/lessons/the-log/progress`, "PUT", headers, JSON.stringify({ read: true })),
        ...lessons.map((lesson) => halfSent(`${app.baseUrl}/api/guides/kafka/lessons/${lesson}/progress`, "PUT", headers, JSON.stringify({ visited: true }))),
        halfSent(`${app.baseUrl}/api/sim/sessions/${sessionId}/commands`, "POST", headers, JSON.stringify({ command: { do: "advance", at: 1000 }, expectedVersion: 0 })),
      ];
      await Promise.all(inFlight.map((r) => r.connected));
      // Long enough for the server to have read their headers and started on them.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const exit = app.stop({ keepData: true });
      await new Promise((resolve) => setTimeout(resolve, 500));
      for (const r of inFlight) r.finish();

      expect((await Promise.all(inFlight.map((r) => r.answered))).map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
      expect(await exit).toBe(0);
      const log = readFileSync(app.logFile, "utf8");
      expect(log).toContain("embedded database: SIGTERM, closing");
      expect(clusterState(pgDir)).toBe(SHUT_DOWN);

      // Opened again: every write answered above is there.
      const db = new PGlite(pgDir);
      try {
        const user = await db.query<{ id: string }>("select id from users where email = $1", [email]);
        const userId = user.rows[0]!.id;
        const progress = await db.query<{ lesson: string; read: boolean }>(
          "select lesson, read_at is not null as read from lesson_progress where user_id = $1 order by lesson",
          [userId],
        );
        expect(progress.rows).toEqual(
          [...lessons.map((lesson) => ({ lesson, read: false })), { lesson: "the-log", read: true }].sort((a, b) => a.lesson.localeCompare(b.lesson)),
        );
        const session = await db.query<{ version: number }>("select version from sim_sessions where id = $1", [sessionId]);
        expect(session.rows[0]!.version).toBe(1);
      } finally {
        await db.close();
      }
    } finally {
      await app.stop();
    }
  }, 240_000);
});
