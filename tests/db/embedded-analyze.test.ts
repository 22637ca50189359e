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
  it("has none for new rows until ANALYZE, and gets them when the server starts on existing data", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "embedded-analyze-"));
    try {
      let { child, url } = await serve(dataDir);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query("CREATE TABLE facts (id int PRIMARY KEY, v text)");
      await client.query("INSERT INTO facts SELECT g, 'x' || g FROM generate_series(1, 5000) g");
      // The server's own ANALYZE at start is long done by now; these rows come after it.
      await new Promise((r) => setTimeout(r, 1000));
      await client.query("INSERT INTO facts SELECT g, 'y' FROM generate_series(5001, 6000) g");
      await client.end();
      // Nothing analyses behind our back: no autovacuum.
      expect(await estimatedRows(url, "facts")).not.toBe(6000);
      await stop(child);

      ({ child, url } = await serve(dataDir));
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
