/**
 * The Next.js server process of an app `startApp` runs, found in /proc, and its resident memory.
 * Linux only, like the machines the benchmarks run on.
 */
import { readdirSync, readFileSync } from "node:fs";
import type { RunningApp } from "../../scripts/lib/run-app";

function procStat(pid: number): { ppid: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may hold spaces: the fields after it are fixed.
    return { ppid: Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) };
  } catch {
    return null;
  }
}

function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = procStat(Number(entry));
    if (stat) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), Number(entry)]);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      out.push(child);
      queue.push(child);
    }
  }
  return out;
}

const cmdline = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
  } catch {
    return "";
  }
};

/** Resident set size of `pid` in bytes (/proc/{pid}/statm: pages). */
export function rss(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]) * 4096;
}

/**
 * The process answering HTTP: `npm start`'s script spawns `next start`, which serves in that
 * process and renames it `next-server (vX.Y.Z)` (its /proc cmdline).
 */
export function nextServerPid(app: RunningApp): number {
  const candidates = descendants(app.child.pid!).filter((pid) => /next(\/dist\/bin\/next| start|-server)/.test(cmdline(pid)));
  if (candidates.length === 0) throw new Error(`no next server process under ${app.child.pid}: ${descendants(app.child.pid!).map((p) => `${p} ${cmdline(p)}`).join("; ")}`);
  return candidates.at(-1)!;
}
