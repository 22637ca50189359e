/**
 * Keeps `npm start`'s embedded database running. When its process dies (a crash, the kernel's
 * out-of-memory killer, a stray `kill -9`), it is started again on the same data directory and the
 * same port, so the web server, whose DATABASE_URL cannot change, reconnects by itself. In between,
 * the site stays up: lessons are static, and the API answers 503 with Retry-After.
 */
import type { ChildProcess } from "node:child_process";
import { startEmbeddedDatabase } from "./processes";

/** Waits before each restart attempt, then the last one repeated: a database that cannot start is not retried in a tight loop. */
const RESTART_DELAYS_MS = [500, 1_000, 2_000, 5_000, 10_000, 30_000];
/** A database that stayed up this long is healthy again: the next crash starts at the first delay. */
const STABLE_AFTER_MS = 60_000;

export interface SupervisedDatabase {
  /** The URL of the first start; every restart listens on the same port. */
  url: string;
  /** Stops supervising, then stops the database (SIGTERM, so it closes its data cleanly). */
  stop: () => Promise<void>;
}

/**
 * Starts the embedded database with `scriptArgs` + the port ("0" the first time, then the port it
 * chose), and restarts it whenever it exits unexpectedly. Rejects only if the first start fails.
 */
export async function superviseEmbeddedDatabase(
  scriptArgs: string[],
  env: NodeJS.ProcessEnv,
  stopChild: (child: ChildProcess | undefined) => Promise<void>,
): Promise<SupervisedDatabase> {
  const first = await startEmbeddedDatabase([...scriptArgs, "0"], env);
  const port = new URL(first.url).port;
  let child: ChildProcess | undefined = first.child;
  let stopping = false;
  let failures = 0;
  let startedAt = Date.now();
  let restarting: Promise<void> | undefined;
  let wake: (() => void) | undefined;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const restart = async () => {
    while (!stopping) {
      await pause(RESTART_DELAYS_MS[Math.min(failures, RESTART_DELAYS_MS.length - 1)]!);
      failures += 1;
      if (stopping) return;
      try {
        const started = await startEmbeddedDatabase([...scriptArgs, port], env);
        child = started.child;
        startedAt = Date.now();
        if (stopping) return;
        watch(started.child);
        console.log(`✓ The embedded database is back on port ${port}.`);
        return;
      } catch (error) {
        console.error(`✗ Restarting the embedded database failed: ${(error as Error).message}; trying again.`);
      }
    }
  };

  const watch = (database: ChildProcess) => {
    database.once("exit", (code, signal) => {
      if (stopping) return;
      child = undefined;
      if (Date.now() - startedAt > STABLE_AFTER_MS) failures = 0;
      console.error(`\n✗ The embedded database stopped unexpectedly (${signal ?? `code ${code}`}); restarting it. Until then the API answers 503.`);
      restarting = restart().finally(() => (restarting = undefined));
    });
  };
  watch(first.child);

  return {
    url: first.url,
    stop: async () => {
      stopping = true;
      wake?.();
      await restarting;
      await stopChild(child);
    },
  };
}
