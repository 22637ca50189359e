/**
 * CPU time of named groups of processes and of the whole machine over an interval, from /proc
 * (Linux only, like the machines the benchmarks run on). A load run on a 2-core machine is only
 * readable with it: it says whether the server, the database or the load generator was the one
 * saturated, and how much of the machine other processes took meanwhile (the machines are shared).
 */
import { cpus } from "node:os";
import { readFileSync } from "node:fs";

/** CPU seconds (user + system) `pid` has used so far, or null once it is gone. */
function processSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces and parentheses): utime is the 12th, stime the 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** Busy and total jiffies of all cores so far (/proc/stat's first line; iowait counts as idle). */
function machineJiffies(): { busy: number; total: number } {
  const [, ...values] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/);
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = values.map(Number);
  const busy = user + nice + system + irq + softirq + steal;
  return { busy, total: busy + idle + iowait };
}

export interface CpuUsage {
  /** Per group: percent of one core over the interval (a group of two busy processes can reach 200). */
  groups: Record<string, number>;
  /** Everything the machine did, percent of one core (at most cores × 100). */
  machine: number;
  cores: number;
}

/**
 * Starts measuring `groups` (name → process ids); `stop()` returns their usage since. A process
 * that exits in between counts only until the start.
 */
export function measureCpu(groups: Record<string, readonly number[]>): { stop: () => CpuUsage } {
  const cores = cpus().length;
  const t0 = process.hrtime.bigint();
  const m0 = machineJiffies();
  const start = new Map(Object.values(groups).flat().map((pid) => [pid, processSeconds(pid) ?? 0]));
  return {
    stop: () => {
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const m1 = machineJiffies();
      const used = (pids: readonly number[]) => pids.reduce((s, pid) => s + Math.max(0, (processSeconds(pid) ?? start.get(pid)!) - start.get(pid)!), 0);
      return {
        groups: Object.fromEntries(Object.entries(groups).map(([name, pids]) => [name, (100 * used(pids)) / seconds])),
        machine: m1.total === m0.total ? 0 : (100 * cores * (m1.busy - m0.busy)) / (m1.total - m0.total),
        cores,
      };
    },
  };
}
