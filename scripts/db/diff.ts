/**
 * `npm run db:diff -- <name>`: writes the next migration, prisma/migrations/<timestamp>_<name>,
 * from the difference between the existing migrations and prisma/schema.prisma. Works offline: the
 * existing migrations are replayed into a scratch in-memory PGlite, which is then diffed against
 * the schema.
 */
import { startEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations, diffDatabaseToSchema, writeMigration, type MigrationPaths } from "./migrations";

/** Writes the migration that takes the migrations to the schema; null when there is nothing to do. */
export async function createNextMigration(name: string, paths: MigrationPaths = {}): Promise<string | null> {
  const scratch = await startEmbeddedPostgres();
  try {
    await applyMigrations(scratch.url, paths);
    const sql = await diffDatabaseToSchema(scratch.url, paths);
    return sql ? writeMigration(name, sql, paths.migrationsDir) : null;
  } finally {
    await scratch.stop();
  }
}

async function main() {
  const name = process.argv[2];
  if (!name) {
    console.error("usage: npm run db:diff -- <migration_name>");
    process.exit(2);
  }
  const dir = await createNextMigration(name);
  console.log(dir ? `Wrote ${dir}` : "The schema matches the migrations: nothing to write.");
}

if (process.argv[1]?.endsWith("diff.ts")) void main();
