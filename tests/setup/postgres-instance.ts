/**
 * A PostgreSQL server of the test's own (Debian's binaries, a fresh cluster in a temporary
 * directory, a free loopback port), for tests that must crash and restart the server. The shared
 * server other tests use is never touched.
 */
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../../scripts/lib/run-app";

/** The newest /usr/lib/postgresql/<major>/bin holding initdb and pg_ctl, if PostgreSQL is installed. */
export function postgresBinDir(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin", "pg_ctl")) && existsSync(path.join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] ? path.join(root, majors[0], "bin") : undefined;
}

export interface PostgresInstance {
  /** The `postgres` database on the instance, as the superuser (trust authentication on loopback). */
  url: string;
  /** `pg_ctl stop -m immediate`: every server process quits at once, as in a crash; the next start recovers from the WAL. */
  crash: () => void;
  start: () => void;
  /** Stops the server (fast) and deletes its cluster. */
  destroy: () => void;
}

/**
 * initdb + pg_ctl start. PostgreSQL refuses to run as root, so as root (CI) the cluster belongs to
 * the `postgres` user the Debian package creates, and every command runs as that user.
 */
export async function startPostgresInstance(binDir: string): Promise<PostgresInstance> {
  const dir = mkdtempSync(path.join(tmpdir(), "guides-pg-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) =>
    asRoot
      ? execFileSync("runuser", ["-u", "postgres", "--", path.join(binDir, tool), ...args], { stdio: "pipe" })
      : execFileSync(path.join(binDir, tool), args, { stdio: "pipe" });
  const port = await freePort();
  const data = path.join(dir, "data");
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  // fsync stays on (the default): a crash must be survived the way production survives one.
  const start = () => run("pg_ctl", ["-D", data, "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, "-l", path.join(dir, "log"), "-w", "start"]);
  start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    crash: () => run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]),
    start,
    destroy: () => {
      try {
        run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
