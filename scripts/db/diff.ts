/**
 * `npm run db:diff -- <name>`: writes the next migration, prisma/migrations/<timestamp>_<name>,
 * from the difference between the existing migrations and prisma/schema.prisma. Works offline: the
 * existing migrations are replayed into a scratch in-memory PGlite, which is then diffed against
 * the schema.
 */
import { startEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations, diffDatabaseToSchema, writeMigration } from "./migrations";

const name = process.argv[2];
if (!name) {
  console.error("usage: npm run db:diff -- <migration_name>");
  process.exit(2);
}
const scratch = await startEmbeddedPostgres();
try {
  await applyMigrations(scratch.url);
  const sql = await diffDatabaseToSchema(scratch.url);
  if (!sql) {
    console.log("The schema matches the migrations: nothing to write.");
  } else {
    console.log(`Wrote ${writeMigration(name, sql)}`);
  }
} finally {
  await scratch.stop();
}
