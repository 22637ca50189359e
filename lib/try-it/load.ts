/**
 * Reads and validates every "try it" scenario under content/try-it: the file's shape (zod), its
 * starting cluster (it must run through the engine), every control (its command must be accepted on
 * the starting cluster's shape: known clients of the right kind) and every goal's references. All
 * problems are collected, each naming the file and the field.
 */
import "server-only";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseScenario, runScenario, step, type ClusterState, type Command } from "@/lib/sim";
import { tryItScenarioSchema, type GoalCondition, type TryItScenario } from "./schemas";

export const TRY_IT_ROOT = path.join(process.cwd(), "content", "try-it");

export interface TryItProblem {
  file: string;
  message: string;
}

function conditionProblems(c: GoalCondition, state: ClusterState, sinks: Set<string>, where: string): string[] {
  if ("all" in c) return c.all.flatMap((part, i) => conditionProblems(part, state, sinks, `${where}.all[${i}]`));
  if ("sink" in c && !sinks.has(c.sink)) return [`${where}.sink: no consumer writes to a sink named "${c.sink}"`];
  if ("partition" in c && !state.topics[c.partition.topic]?.partitions[c.partition.partition]) return [`${where}.partition: no partition ${c.partition.topic}-${c.partition.partition}`];
  return [];
}

/** Checks one parsed scenario file against the engine; returns its problems (empty when fine). */
export function checkTryItScenario(s: TryItScenario): string[] {
  const parsed = parseScenario(s.scenario);
  if (!parsed.ok) return [`scenario.${parsed.error.path}: ${parsed.error.message}`];
  const ran = runScenario(parsed.value);
  if (!ran.ok) return [`scenario.${ran.error.path}: ${ran.error.message}`];
  const start = ran.value.state;
  const problems: string[] = [];
  const ids = new Set<string>();
  s.controls.forEach((control, i) => {
    if (ids.has(control.id)) problems.push(`controls[${i}].id: "${control.id}" is used twice`);
    ids.add(control.id);
    // Refusals that depend on the moment (a crashed client) are fine; unknown clients and wrong kinds are not.
    if (control.command.do === "advance") return problems.push(`controls[${i}].command.do: the clock has its own buttons (the file's "advance" list)`);
    // Controls run "now": the panel moves the clock only with its clock buttons.
    const { at: _at, ...now } = control.command;
    const result = step(start, now as Command);
    if (!result.ok && (result.error.code === "ERR_UNKNOWN_CLIENT" || result.error.code === "ERR_WRONG_CLIENT_KIND")) {
      problems.push(`controls[${i}].command.${result.error.path.join(".")}: ${result.error.message}`);
    }
  });
  const sinks = new Set((parsed.value.clients ?? []).flatMap((c) => (c.sink ? [c.sink.name] : [])));
  for (const control of s.controls) if (control.command.do === "setSink" && control.command.sink) sinks.add(control.command.sink.name);
  s.goals.forEach((goal, i) => problems.push(...conditionProblems(goal.when, start, sinks, `goals[${i}].when`)));
  const goalIds = s.goals.map((g) => g.id);
  if (new Set(goalIds).size !== goalIds.length) problems.push("goals: two goals share an id");
  return problems;
}

/** Every scenario file, validated: the scenarios by id, and every problem found. */
export function loadTryItScenarios(root = TRY_IT_ROOT): { scenarios: Map<string, TryItScenario>; problems: TryItProblem[] } {
  const scenarios = new Map<string, TryItScenario>();
  const problems: TryItProblem[] = [];
  let files: string[] = [];
  try {
    files = readdirSync(/* turbopackIgnore: true */ root).filter((f) => f.endsWith(".json")).sort();
  } catch {
    return { scenarios, problems };
  }
  for (const name of files) {
    const file = path.join("content", "try-it", name);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(/* turbopackIgnore: true */ path.join(root, name), "utf8"));
    } catch (e) {
      problems.push({ file, message: `invalid JSON: ${(e as Error).message}` });
      continue;
    }
    const parsed = tryItScenarioSchema.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ file, message: `${issue.path.join(".") || "(root)"}: ${issue.message}` });
      continue;
    }
    if (`${parsed.data.id}.json` !== name) problems.push({ file, message: `id: "${parsed.data.id}" must match the file name` });
    const found = checkTryItScenario(parsed.data);
    for (const message of found) problems.push({ file, message });
    if (found.length === 0) scenarios.set(parsed.data.id, parsed.data);
  }
  return { scenarios, problems };
}
