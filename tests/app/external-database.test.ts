import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { signUpAt, startApp } from "../../scripts/lib/run-app";
import { createPostgresDatabase, postgresServerAvailable } from "../setup/postgres-server";

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
});
