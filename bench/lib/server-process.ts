/**
 * The Next.js server process of an app `startApp` runs, found in /proc, and its resident memory.
 * Linux only, like the machines the benchmarks run on.
 */
import { readdirSync, readFileSync } from "node:fs";
import { commandLine, descendants, embeddedDatabaseProcess } from "../../scripts/lib/process-tree";
import type { RunningApp } from "../../scripts/lib/run-app";

/** Resident set size of `pid` in bytes (/proc/{pid}/statm: pages). */
export function rss(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]) * 4096;
}

/**
 * The process answering HTTP: `npm start`'s script spawns `next start`, which serves in that
 * process and renames it `next-server (vX.Y.Z)` (its /proc cmdline).
 */
export function nextServerPid(app: RunningApp): number {
  const candidates = descendants(app.child.pid!).filter((pid) => /next(\/dist\/bin\/next| start|-server)/.test(commandLine(pid)));
  if (candidates.length === 0) throw new Error(`no next server process under ${app.child.pid}: ${descendants(app.child.pid!).map((p) => `${p} ${commandLine(p)}`).join("; ")}`);
  return candidates.at(-1)!;
}

/** The embedded database process `npm start` runs for `app`, or null with DATABASE_URL. */
export function embeddedDatabasePid(app: RunningApp): number | null {
  return embeddedDatabaseProcess(app.child.pid!)?.pid ?? null;
}

/**
 * Every process of the local PostgreSQL server (the postmaster, its auxiliary processes such as the
 * WAL writer, and every backend), by their process titles (`postgres: …`, or the postmaster's
 * binary path). Other clients' backends are included: the server's CPU cannot be split by client.
 */
export function postgresServerPids(): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => /^postgres: |^\S*\/postgres /.test(commandLine(pid)));
}
