import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";
import { applyMigrations, diffDatabaseToSchema, MIGRATIONS_DIR, readMigrationsList } from "../../scripts/db/migrations";
import { createScratchDatabase } from "../setup/scratch-database";

const target = inject("dbTarget");
const disposers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (disposers.length) await disposers.pop()!();
});

async function emptyDatabase(): Promise<string> {
  const db = await createScratchDatabase(target);
  disposers.push(db.dispose);
  return db.url;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe(`migrations on ${target}`, () => {
  const names = readMigrationsList().migrationDirectories.map((d) => d.path);

  it("should apply every migration to an empty database", async () => {
    const url = await emptyDatabase();
    expect(await applyMigrations(url)).toEqual(names);
    const tables = await query<{ tablename: string }>(url, "select tablename from pg_tables where schemaname = 'public' order by 1");
    expect(tables.map((t) => t.tablename)).toEqual(
      expect.arrayContaining(["_prisma_migrations", "users", "sessions", "oauth_accounts", "rate_limit_buckets", "audit_events"]),
    );
  });

  it("should apply nothing the second time", async () => {
    const url = await emptyDatabase();
    await applyMigrations(url);
    expect(await applyMigrations(url)).toEqual([]);
    const rows = await query<{ n: string }>(url, "select count(*) as n from _prisma_migrations");
    expect(Number(rows[0]!.n)).toBe(names.length);
  });

  it("should record migrations in _prisma_migrations as prisma migrate deploy does", async () => {
    const url = await emptyDatabase();
    await applyMigrations(url);
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null; applied_steps_count: number }>(
      url,
      "select migration_name, checksum, finished_at, rolled_back_at, applied_steps_count from _prisma_migrations order by migration_name",
    );
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      const sql = readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("should build exactly the schema in prisma/schema.prisma (empty diff)", async () => {
    const url = await emptyDatabase();
    await applyMigrations(url);
    expect(await diffDatabaseToSchema(url)).toBe("");
  });

  it("should report a schema change that has no migration yet", async () => {
    const url = await emptyDatabase();
    await applyMigrations(url);
    await query(url, "alter table users drop column disabled_at");
    expect(await diffDatabaseToSchema(url)).toMatch(/disabled_at/);
  });
});
