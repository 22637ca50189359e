/**
 * Keeps `npm start`'s embedded database running. When its process dies (a crash, the kernel's
 * out-of-memory killer, a stray `kill -9`), it is started again on the same data directory and the
 * same port, so the web server, whose DATABASE_URL cannot change, reconnects by itself. In between,
 * the site stays up: lessons are static, and the API answers 503 with Retry-After. A database that
 * was stopped on purpose (it exits cleanly, code 0) is not restarted: `onStopped` is told instead.
 *
 * The process watched must be the database itself, not a wrapper such as tsx's CLI: a killed
 * wrapper would leave the database running, holding the port and the data directory.
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
  /** No more restarts from now on (called first when `npm start` shuts down). */
  release: () => void;
  /**
   * Stops the database (SIGTERM, so it closes its data cleanly), after a restart under way has
   * finished, or at most 15 s later (that restart then stops what it started).
   */
  stop: () => Promise<void>;
}

const RESTART_WAIT_ON_STOP_MS = 15_000;

/**
 * Starts the embedded database with `scriptArgs` + the port ("0" the first time, then the port it
 * chose), and restarts it whenever it exits unexpectedly. Rejects only if the first start fails.
 */
export async function superviseEmbeddedDatabase(
  scriptArgs: string[],
  env: NodeJS.ProcessEnv,
  stopChild: (child: ChildProcess | undefined) => Promise<void>,
  onStopped: () => void,
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
        if (stopping) return void (await stopChild(started.child));
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
      if (code === 0) {
        console.error("\n✗ The embedded database was stopped.");
        return onStopped();
      }
      if (Date.now() - startedAt > STABLE_AFTER_MS) failures = 0;
      console.error(`\n✗ The embedded database stopped unexpectedly (${signal ?? `code ${code}`}); restarting it. Until then the API answers 503.`);
      restarting = restart().finally(() => (restarting = undefined));
    });
  };
  watch(first.child);

  return {
    url: first.url,
    release: () => {
      stopping = true;
      wake?.();
    },
    stop: async () => {
      stopping = true;
      wake?.();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([restarting, new Promise((resolve) => (timer = setTimeout(resolve, RESTART_WAIT_ON_STOP_MS)))]);
      clearTimeout(timer);
      await stopChild(child);
    },
  };
}
