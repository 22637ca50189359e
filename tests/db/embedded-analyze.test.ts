/**
 * The embedded database keeps planner statistics: PGlite runs no autovacuum, so the embedded
 * server runs ANALYZE itself when it starts (and every few minutes). Without statistics the
 * planner guesses, and a 500-learner cohort's dashboard query took six times longer.
 * (Runs once, under the pglite target; a real server has autovacuum.)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { analyzeDatabase } from "../../scripts/db/analyze";
import { startEmbeddedPostgres } from "../../scripts/db/embedded-postgres";
import { startEmbeddedDatabase, stop } from "../../scripts/start/processes";

const onPglite = inject("dbTarget") === "pglite";
const serve = (dataDir: string) => startEmbeddedDatabase([path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/db/serve-embedded.ts", dataDir], process.env);

/** The planner's row estimate for `table` (-1: never analysed). */
async function estimatedRows(url: string, table: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ reltuples: number }>("SELECT reltuples FROM pg_class WHERE relname = $1", [table]);
    return rows[0]!.reltuples;
  } finally {
    await client.end();
  }
}

describe.runIf(onPglite)("planner statistics on the embedded database", () => {
  it("has none without ANALYZE (no autovacuum), gets them when the server starts on existing data, and on demand", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "embedded-analyze-"));
    try {
      // The data, written by PGlite directly (no server, so nothing analyses it): no statistics.
      const direct = await startEmbeddedPostgres({ dataDir });
      const client = new pg.Client({ connectionString: direct.url });
      await client.connect();
      await client.query("CREATE TABLE facts (id int PRIMARY KEY, v text)");
      await client.query("INSERT INTO facts SELECT g, 'x' || g FROM generate_series(1, 6000) g");
      await client.end();
      expect(await estimatedRows(direct.url, "facts")).toBe(-1);
      await direct.stop();

      const { child, url } = await serve(dataDir);
      try {
        await expect.poll(() => estimatedRows(url, "facts"), { timeout: 20_000, interval: 200 }).toBe(6000);
        // And on demand, as `npm start` does after seeding.
        const c2 = new pg.Client({ connectionString: url });
        await c2.connect();
        await c2.query("INSERT INTO facts SELECT g, 'z' FROM generate_series(6001, 7000) g");
        await c2.end();
        await analyzeDatabase(url);
        expect(await estimatedRows(url, "facts")).toBe(7000);
      } finally {
        await stop(child);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
