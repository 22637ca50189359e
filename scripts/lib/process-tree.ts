/**
 * The processes under a process, read from /proc (Linux only, like the machines tests and
 * benchmarks run on): `npm start` runs the web server and the embedded database as children.
 */
import { readdirSync, readFileSync } from "node:fs";

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may hold spaces: the fields after it are fixed.
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return undefined;
  }
}

/** Every live process below `root` (children first, then theirs). */
export function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = parentOf(Number(entry));
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
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

/** The command line of `pid`, its arguments joined by spaces; "" once it has exited. */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
  } catch {
    return "";
  }
}

/**
 * The embedded database process `npm start` (under `root`) runs, scripts/db/serve-embedded.ts, and
 * the port its command line names (0 on a first start: it picks one then). npm start runs it
 * through tsx's loader, so this is the database itself, not a wrapper. Undefined without one
 * (DATABASE_URL).
 */
export function embeddedDatabaseProcess(root: number): { pid: number; port: number } | undefined {
  for (const pid of descendants(root)) {
    const args = commandLine(pid).split(" ");
    const at = args.findIndex((a) => a.endsWith("serve-embedded.ts"));
    if (at >= 0) return { pid, port: Number(args[at + 2]) };
  }
  return undefined;
}
