/**
 * The embedded database under concurrent clients: many pooled connections sending
 * extended-protocol queries and transactions at once must each get their own results.
 * (Runs once, under the pglite target; the real server needs no such test.)
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startEmbeddedDatabase, stop } from "../../scripts/start/processes";

const onPglite = inject("dbTarget") === "pglite";

describe.runIf(onPglite)("embedded PostgreSQL with concurrent connections", () => {
  let server: ChildProcess;
  let url: string;
  let pool: pg.Pool;

  beforeAll(async () => {
    // Its own process, as `npm start` runs it: the interleaving only shows across processes.
    const dataDir = mkdtempSync(path.join(tmpdir(), "embedded-concurrency-"));
    ({ child: server, url } = await startEmbeddedDatabase([path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/db/serve-embedded.ts", dataDir], process.env));
    pool = new pg.Pool({ connectionString: url, max: 10 });
    await pool.query("CREATE TABLE counters (id int PRIMARY KEY, n int NOT NULL)");
  });

  afterAll(async () => {
    await pool.end();
    await stop(server);
  });

  it("answers 300 concurrent parameterised queries, each with its own result, while others run transactions", async () => {
    // Different statement texts and shapes, and simple-protocol BEGIN/COMMITs alongside: if two
    // connections' messages interleave, one runs the other's unnamed statement or loses its portal.
    const transactions = Array.from({ length: 30 }, async () => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query("SELECT $1::int AS x", [1]);
        await client.query("COMMIT");
      } finally {
        client.release();
      }
    });
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        i % 2 === 0
          ? pool.query<Record<string, unknown>>(`SELECT $1::int * 2 AS v${i}, $2::text AS s`, [i, `q${i}`])
          : pool.query<Record<string, unknown>>(`SELECT $1::text AS s, $2::int + ${i} AS w${i}`, [`q${i}`, i]),
      ),
    );
    await Promise.all(transactions);
    results.forEach((r, i) => expect(r.rows[0]).toEqual(i % 2 === 0 ? { [`v${i}`]: i * 2, s: `q${i}` } : { s: `q${i}`, [`w${i}`]: 2 * i }));
  });

  it("keeps concurrent transactions apart: 40 concurrent read-modify-write transactions each land once", async () => {
    await pool.query("INSERT INTO counters (id, n) VALUES (1, 0)");
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          const { rows } = await client.query<{ n: number }>("SELECT n FROM counters WHERE id = $1 FOR UPDATE", [1]);
          await client.query("UPDATE counters SET n = $1 WHERE id = $2", [rows[0]!.n + 1, 1]);
          await client.query("COMMIT");
        } finally {
          client.release();
        }
      }),
    );
    expect((await pool.query("SELECT n FROM counters WHERE id = 1")).rows[0]).toEqual({ n: 40 });
  });

  it("keeps serving after a SIGINT meant for its whole process group: its parent stops it, after the web server", async () => {
    server.kill("SIGINT");
    await new Promise((r) => setTimeout(r, 300));
    expect(server.exitCode).toBeNull();
    expect((await pool.query("SELECT 1 AS one")).rows[0]).toEqual({ one: 1 });
  });

  it("rolls back, like PostgreSQL, what a connection executed but never synced before it vanished", async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    client.on("error", () => {}); // it answers messages pg did not send through a query: expected
    // Parse/Bind/Execute sent, Sync never: the UPDATE runs inside an implicit transaction.
    const connection = (client as unknown as { connection: { parse: (q: object) => void; bind: (b: object) => void; execute: (e: object) => void; flush: () => void; stream: { destroy: () => void } } }).connection;
    connection.parse({ text: "UPDATE counters SET n = n + 1000 WHERE id = 1", types: [] });
    connection.bind({ values: [] });
    connection.execute({ rows: 0 });
    connection.flush();
    await new Promise((r) => setTimeout(r, 300));
    connection.stream.destroy();
    await new Promise((r) => setTimeout(r, 300));
    // Other connections' Syncs must not commit it, and nobody is left waiting for the dead one.
    const rows = await Promise.all([1, 2, 3].map(() => pool.query<{ n: number }>("SELECT n FROM counters WHERE id = $1", [1])));
    expect(rows.map((r) => r.rows[0])).toEqual([{ n: 40 }, { n: 40 }, { n: 40 }]);
  });

  it("goes on serving others when a connection drops in the middle of its work", async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("BEGIN");
    await client.query("UPDATE counters SET n = n + 100 WHERE id = $1", [1]);
    await client.end(); // gone mid-transaction: its change must be rolled back, nobody left waiting
    const r = await pool.query("SELECT n FROM counters WHERE id = $1", [1]);
    expect(r.rows[0]).toEqual({ n: 40 });
  });
});
