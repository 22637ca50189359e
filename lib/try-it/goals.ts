/**
 * Goal detection for "try it" panels: after every command, each goal not yet reached is checked
 * against the cluster now and against everything the session did so far. Event conditions are
 * counted as events arrive (GoalProgress, plain JSON kept with the session), so a check never
 * needs the session's whole history.
 */
import { sinkRows, type ClusterState, type SimEvent } from "@/lib/sim";
import type { GoalCondition, TryItGoal } from "./schemas";

/** Per goal: how many matching events each of its event conditions has seen (in traversal order). */
export type GoalProgress = Record<string, number[]>;

type EventCondition = Extract<GoalCondition, { event: string }>;

function eventConditions(c: GoalCondition, out: EventCondition[] = []): EventCondition[] {
  if ("all" in c) for (const part of c.all) eventConditions(part, out);
  else if ("event" in c) out.push(c);
  return out;
}

function matches(c: EventCondition, e: SimEvent): boolean {
  if (e.type !== c.event) return false;
  const fields = e as unknown as Record<string, unknown>;
  return Object.entries(c.where ?? {}).every(([k, v]) => fields[k] === v || (k === "error" && (fields.error as { type?: string } | undefined)?.type === v));
}

function satisfies(n: number, count: { atLeast?: number; exactly?: number }): boolean {
  if (count.exactly !== undefined) return n === count.exactly;
  return n >= (count.atLeast ?? 1);
}

/** Rows of an insert sink that repeat an earlier row's record (the same record processed twice). */
function sinkDuplicates(state: ClusterState, sink: string): number {
  const seen = new Set<string>();
  let duplicates = 0;
  for (const r of sinkRows(state, sink)) {
    const key = `${r.topic}-${r.partition}-${r.offset}`;
    if (seen.has(key)) duplicates++;
    seen.add(key);
  }
  return duplicates;
}

/** Whether every distinct record key in the sink has a row count satisfying `count`. */
function rowsPerKey(state: ClusterState, sink: string, count: { atLeast?: number; exactly?: number }): boolean {
  const rows = sinkRows(state, sink);
  if (rows.length === 0) return false;
  const perKey = new Map<string, number>();
  for (const r of rows) perKey.set(String(r.key), (perKey.get(String(r.key)) ?? 0) + 1);
  return [...perKey.values()].every((n) => satisfies(n, count));
}

function holds(c: GoalCondition, state: ClusterState, counts: number[], next: { i: number }): boolean {
  if ("all" in c) return c.all.map((part) => holds(part, state, counts, next)).every(Boolean);
  if ("event" in c) return satisfies(counts[next.i++] ?? 0, c.count ?? {});
  if ("duplicates" in c) return satisfies(sinkDuplicates(state, c.sink), c.duplicates);
  if ("rowsPerKey" in c) return rowsPerKey(state, c.sink, c.rowsPerKey);
  const log = state.topics[c.partition.topic]?.partitions[c.partition.partition]?.log;
  return !!log && satisfies(log.logStartOffset, c.logStartOffset);
}

/**
 * Counts `events` into `progress` and returns the goals reached now (in the scenario's order)
 * among those not in `reached`. Never changes its arguments.
 */
export function checkGoals(goals: readonly TryItGoal[], state: ClusterState, events: readonly SimEvent[], progress: GoalProgress, reached: readonly string[]): { progress: GoalProgress; reached: string[] } {
  const next: GoalProgress = {};
  const newly: string[] = [];
  for (const goal of goals) {
    const conditions = eventConditions(goal.when);
    const counts = conditions.map((c, i) => (progress[goal.id]?.[i] ?? 0) + events.filter((e) => matches(c, e)).length);
    next[goal.id] = counts;
    if (!reached.includes(goal.id) && holds(goal.when, state, counts, { i: 0 })) newly.push(goal.id);
  }
  return { progress: next, reached: newly };
}
