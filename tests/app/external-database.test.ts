import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { signUpAt, startApp } from "../../scripts/lib/run-app";
import { createPostgresDatabase, POSTGRES_ADMIN_URL, postgresServerAvailable } from "../setup/postgres-server";

const withPostgres = await postgresServerAvailable();

describe.skipIf(!withPostgres)("npm start with DATABASE_URL", () => {
  it("should use that server, migrate and seed it, and start no embedded database", async () => {
    const database = await createPostgresDatabase();
    const app = await startApp({ env: { DATABASE_URL: database.url } });
    try {
      expect(readFileSync(app.logFile, "utf8")).toContain("Using the PostgreSQL server in DATABASE_URL");
      expect(existsSync(path.join(app.dataDir, "pg"))).toBe(false);
      const email = `external-${Date.now()}@example.org`;
      const res = await signUpAt(app.baseUrl, { name: "External", email, password: "stored elsewhere" });
      expect(res.status).toBe(201);
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const rows = await client.query("select email from users where email = $1", [email]);
      const demo = await client.query("select count(*)::int as n from users where email like '%@example.com'");
      await client.end();
      expect(rows.rowCount).toBe(1);
      expect(demo.rows[0].n).toBe(4);
    } finally {
      await app.stop();
      await database.drop();
    }
  }, 180_000);

  it("should answer /readyz 503 while the database refuses connections, keep /healthz and lesson pages up, and be ready again after", async () => {
    const database = await createPostgresDatabase();
    const name = new URL(database.url).pathname.slice(1);
    const app = await startApp({ env: { DATABASE_URL: database.url } });
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    const get = (path: string) => fetch(`${app.baseUrl}${path}`);
    try {
      const ready = await get("/readyz");
      expect([ready.status, await ready.text()]).toEqual([200, "ready\n"]);

      // The server stays up, but this database takes no connections and loses the ones it had.
      await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [name]);
      const down = await get("/readyz");
      expect(down.status).toBe(503);
      expect(down.headers.get("retry-after")).toBe("5");
      expect(await down.text()).toBe("database unavailable\n");
      // Liveness and the prerendered lessons do not need the database.
      expect((await get("/healthz")).status).toBe(200);
      const lesson = await get("/guides/kafka/the-log");
      expect([lesson.status, (await lesson.text()).includes("Check your understanding")]).toEqual([200, true]);
      // An API call that needs it says so, with no detail of why.
      const api = await signUpAt(app.baseUrl, { name: "Too soon", email: `down-${Date.now()}@example.org`, password: "while it is down" });
      expect(api.status).toBe(503);
      expect(api.headers.get("retry-after")).toBe("5");
      // The message quotes a request id; the server's log has a JSON line with it and the cause.
      const text = await api.text();
      expect(text).not.toMatch(/ALLOW_CONNECTIONS|pg_|prisma|terminat|accepting/i);
      const { error } = JSON.parse(text) as { error: { message: string; requestId: string } };
      expect(error.message).toContain(`(request ${error.requestId})`);
      const logged = readFileSync(app.logFile, "utf8").split("\n").filter((l) => l.includes(error.requestId));
      expect(logged.map((l) => JSON.parse(l) as { event: string }).map((l) => l.event)).toEqual(["database-unavailable"]);
      expect(logged[0]).toContain("not currently accepting connections");

      await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS true`);
      await expect.poll(async () => (await get("/readyz")).status, { timeout: 20_000, interval: 500 }).toBe(200);
    } finally {
      await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS true`).catch(() => undefined);
      await admin.end();
      await app.stop();
      await database.drop();
    }
  }, 240_000);
});
