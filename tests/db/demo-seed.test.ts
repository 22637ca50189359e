/**
 * The demo seed `npm start` runs (`scripts/db/seed.ts --if-empty`), as its own process on an empty
 * database: demo accounts, the demo cohort and its learners' history, dated in the past; run again
 * it changes nothing, and after a first start that stopped before the cohort was made, the next
 * start makes it without doubling any record.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";
import { applyMigrations } from "../../scripts/db/migrations";
import { createScratchDatabase } from "../setup/scratch-database";

const target = inject("dbTarget");
const disposers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (disposers.length) await disposers.pop()!();
});

async function seed(url: string): Promise<string> {
  const { DATABASE_URL: _db, ...env } = process.env;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/db/seed.ts", "--if-empty"],
    { env: { ...env, DATABASE_URL: url, NODE_ENV: "development", NEXTAUTH_SECRET: "demo-seed-test-secret-0123456789abcdef" } },
  );
  return stdout;
}

async function counts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, number>>(`SELECT
      (SELECT count(*)::int FROM cohorts) AS cohorts,
      (SELECT count(*)::int FROM cohort_members) AS members,
      (SELECT count(*)::int FROM quiz_attempts) AS attempts,
      (SELECT count(*)::int FROM lesson_progress) AS progress,
      (SELECT count(*)::int FROM page_ratings) AS ratings,
      (SELECT count(*)::int FROM sim_sessions) AS sessions,
      (SELECT count(*)::int FROM sim_commands WHERE created_at >= date_trunc('day', now())) AS commands_today,
      (SELECT count(*)::int FROM sim_sessions WHERE updated_at >= date_trunc('day', now())) AS sessions_today`);
    return rows[0]!;
  } finally {
    await client.end();
  }
}

describe(`the demo seed on ${target}`, () => {
  it("makes the demo cohort with a past history once, and finishes it after an interrupted first start", async () => {
    const db = await createScratchDatabase(target);
    disposers.push(db.dispose);
    await applyMigrations(db.url);

    expect(await seed(db.url)).toContain("demo cohort");
    const first = await counts(db.url);
    expect(first).toMatchObject({ cohorts: 1, members: 2, attempts: 5, ratings: 2, sessions: 1, commands_today: 0, sessions_today: 0 });
    expect(first.progress).toBeGreaterThan(4);

    // A second start: users exist, nothing changes.
    expect(await seed(db.url)).toContain("not seeding");
    expect(await counts(db.url)).toEqual(first);

    // A first start that stopped after the history and before the cohort: the next start makes
    // the cohort and leaves the records as they are.
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query("DELETE FROM cohorts");
    await client.end();
    await seed(db.url);
    expect(await counts(db.url)).toEqual(first);
  });
});
