/**
 * Driving a "try it" scenario as its panel does, without the server: the scenario's start, then
 * presses (a control id, or "advance" for a clock button) at given times, with goals checked after
 * each press.
 */
import { parseScenario, runScenario, step, type ClusterState, type Command, type SimEvent } from "@/lib/sim";
import { checkGoals, type GoalProgress } from "@/lib/try-it/goals";
import type { TryItScenario } from "@/lib/try-it/schemas";

/** A clock press ("advance") or a control id, at a time. */
export type Press = [number, string];

export interface Run {
  state: ClusterState;
  reached: string[];
  /** Goals reached so far, after each press. */
  after: string[][];
  /** The events of each press. */
  events: SimEvent[][];
}

/** The panel's session: the scenario's start, then each press at `at`, with goals checked after each. */
export function drive(s: TryItScenario, presses: Press[]): Run {
  const parsed = parseScenario(s.scenario);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const ran = runScenario(parsed.value);
  if (!ran.ok) throw new Error(ran.error.message);
  let state = ran.value.state;
  let progress: GoalProgress = {};
  const reached: string[] = [];
  const after: string[][] = [];
  const events: SimEvent[][] = [];
  for (const [at, press] of presses) {
    let command: Command;
    if (press === "advance") command = { do: "advance", at };
    else {
      const control = s.controls.find((c) => c.id === press);
      if (!control) throw new Error(`${s.id} has no control ${press}`);
      command = { ...control.command, at } as Command;
    }
    const result = step(state, command);
    if (!result.ok) throw new Error(`${press} at ${at}: ${result.error.message}`);
    state = result.value.state;
    const stepEvents = result.value.events as SimEvent[];
    const checked = checkGoals(s.goals, state, stepEvents, progress, reached);
    progress = checked.progress;
    reached.push(...checked.reached);
    after.push([...reached]);
    events.push(stepEvents);
  }
  return { state, reached, after, events };
}
