/**
 * The embedded PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) served over the PostgreSQL
 * wire protocol on a loopback port, so the app reaches it through `pg` exactly like a real server.
 *
 * Only one process may open a data directory; `npm start` runs this in its own process
 * (scripts/db/serve-embedded.ts) and never inside Next.js workers.
 */
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { keepBatchesTogether } from "./pglite-batches";

export interface EmbeddedPostgresOptions {
  /** Data directory; omit for an in-memory database (tests, scratch diffs). */
  dataDir?: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
}

export interface EmbeddedPostgres {
  url: string;
  port: number;
  /** Stops accepting connections, then closes the database so every write is flushed. */
  stop: () => Promise<void>;
}

/**
 * Starts PGlite behind a socket server. With the socket server's default of one connection, a
 * `pg` pool of more than one connection is dropped, so the limit is raised; PGlite still runs
 * one query at a time, and keepBatchesTogether makes it finish one connection's query (and
 * transaction) before serving another's.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const host = options.host ?? "127.0.0.1";
  const db = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  await db.waitReady;
  const server = new PGLiteSocketServer({ db, port: options.port ?? 0, host, maxConnections: 64 });
  keepBatchesTogether(server, db);
  await server.start();
  const conn = server.getServerConn();
  const port = Number(conn.slice(conn.lastIndexOf(":") + 1));
  let stopped = false;
  return {
    url: `postgresql://postgres:postgres@${host}:${port}/postgres?sslmode=disable`,
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
    },
  };
}
