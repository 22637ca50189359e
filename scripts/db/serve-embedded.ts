/**
 * The embedded database as its own process: `tsx scripts/db/serve-embedded.ts <dataDir> <port>`.
 * Prints one line `READY <url>` on stdout once it accepts connections, and shuts down cleanly
 * (closing PGlite so its data directory is consistent) on SIGINT, SIGTERM or when its parent's
 * stdin closes.
 */
import { mkdirSync } from "node:fs";
import { ANALYZE_EVERY_MS, analyzeDatabase } from "./analyze";
import { startEmbeddedPostgres } from "./embedded-postgres";

async function main() {
  const [dataDir, portArg] = process.argv.slice(2);
  if (!dataDir) throw new Error("usage: serve-embedded.ts <dataDir> [port]");
  mkdirSync(dataDir, { recursive: true });
  const db = await startEmbeddedPostgres({ dataDir, port: Number(portArg ?? 0) });
  let closing = false;
  const shutdown = async (why: string) => {
    if (closing) return;
    closing = true;
    process.stderr.write(`embedded database: ${why}, closing\n`);
    await db.stop();
    process.exit(0);
  };
  // Ctrl+C in a terminal signals the whole process group at once. Under `npm start` (stdin is
  // a pipe from the parent) the parent stops the web server first and then sends SIGTERM here, so
  // the database must not close under requests still being answered.
  process.on("SIGINT", () => {
    if (process.stdin.isTTY) void shutdown("SIGINT");
  });
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  // When the parent dies without signalling us (SIGKILL), its end of our stdin closes.
  process.stdin.on("end", () => void shutdown("parent exited"));
  process.stdin.resume();
  process.stdout.write(`READY ${db.url}\n`);
  // No autovacuum here: statistics are refreshed by us, through the socket like any client, so the
  // run waits its turn behind open transactions (right away for data from an earlier run).
  // PGlite answers one query at a time, so a slow ANALYZE holds every request up: say so.
  const analyze = () =>
    analyzeDatabase(db.url).then(
      (ms) => {
        if (ms > 1000) process.stderr.write(`embedded database: refreshing planner statistics took ${Math.round(ms)} ms\n`);
      },
      (error: unknown) => {
        if (!closing) process.stderr.write(`embedded database: ANALYZE failed: ${error instanceof Error ? error.message : String(error)}\n`);
      },
    );
  void analyze();
  setInterval(() => void analyze(), ANALYZE_EVERY_MS).unref();
}

main().catch((error: unknown) => {
  process.stderr.write(`embedded database failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
