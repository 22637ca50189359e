/**
 * A fresh, empty database on either target: an in-memory PGlite behind its socket server, or a
 * new database on the real PostgreSQL server.
 */
import { startEmbeddedPostgres } from "../../scripts/db/embedded-postgres";
import { createPostgresDatabase } from "./postgres-server";

export type DbTarget = "pglite" | "postgres";

export async function createScratchDatabase(target: DbTarget): Promise<{ url: string; dispose: () => Promise<void> }> {
  if (target === "pglite") {
    const server = await startEmbeddedPostgres();
    return { url: server.url, dispose: server.stop };
  }
  const db = await createPostgresDatabase();
  return { url: db.url, dispose: db.drop };
}
