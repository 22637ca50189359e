/**
 * The Next.js server process of an app `startApp` runs, found in /proc, and its resident memory.
 * Linux only, like the machines the benchmarks run on.
 */
import { readFileSync } from "node:fs";
import { commandLine, descendants } from "../../scripts/lib/process-tree";
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
