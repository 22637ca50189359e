import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createNextMigration } from "../../scripts/db/diff";
import { applyMigrations, diffDatabaseToSchema, MIGRATIONS_DIR, SCHEMA_PATH } from "../../scripts/db/migrations";
import { createScratchDatabase } from "../setup/scratch-database";

const target = inject("dbTarget");

describe("npm run db:diff", () => {
  const work = mkdtempSync(path.join(tmpdir(), "migrations-"));
  const migrationsDir = path.join(work, "migrations");
  const schemaPath = path.join(work, "schema.prisma");
  cpSync(MIGRATIONS_DIR, migrationsDir, { recursive: true });
  const disposers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const dispose of disposers) await dispose();
  });

  it("should write nothing when the schema matches the migrations", async () => {
    writeFileSync(schemaPath, readFileSync(SCHEMA_PATH));
    expect(await createNextMigration("noop", { schemaPath, migrationsDir })).toBeNull();
  });

  it(`should write a migration for a schema change that then applies cleanly on ${target}`, async () => {
    const changed = readFileSync(SCHEMA_PATH, "utf8").replace(
      "  disabledAt   DateTime?",
      '  bio          String?   @db.VarChar(500)\n  disabledAt   DateTime?',
    );
    expect(changed).toContain("bio");
    writeFileSync(schemaPath, changed);
    const before = readdirSync(migrationsDir).length;
    const dir = await createNextMigration("add_bio", { schemaPath, migrationsDir });
    expect(dir).toMatch(/_add_bio$/);
    expect(readdirSync(migrationsDir)).toHaveLength(before + 1);
    expect(readFileSync(path.join(dir!, "migration.sql"), "utf8")).toMatch(/ALTER TABLE "users" ADD COLUMN\s+"bio" VARCHAR\(500\)/);

    const db = await createScratchDatabase(target);
    disposers.push(db.dispose);
    expect(await applyMigrations(db.url, { schemaPath, migrationsDir })).toContain(path.basename(dir!));
    expect(await diffDatabaseToSchema(db.url, { schemaPath })).toBe("");
  });
});
