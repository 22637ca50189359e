/**
 * Scenarios in the runner's format (scenario-contract.md): parsing with errors that name the JSON
 * path (`steps[3].client: unknown client "c9"`), and running one through `step` into an
 * observation. The runner, the tests and the panels' scenario files all go through here.
 */
import { MAX_PARTITIONS_PER_TOPIC } from "./limits";
import { z } from "zod";
import { createCluster, type ClusterSetup } from "./cluster";
import { commandSchema, type Command } from "./commands";
import type { SimEvent } from "./events";
import { emptyHistory, observe, recordEvents, type Observation } from "./observe";
import { step } from "./step";
import type { ClusterState } from "./types";

const configValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
const configMap = z.record(z.string(), configValue);

const scenarioSchema = z.strictObject({
  name: z.string().optional(),
  description: z.string().optional(),
  seed: z.number().int().optional(),
  broker: configMap.optional(),
  topics: z
    .array(z.strictObject({ name: z.string().min(1), partitions: z.number().int().min(1).max(MAX_PARTITIONS_PER_TOPIC), config: configMap.optional() }))
    .optional(),
  clients: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(100),
        kind: z.enum(["producer", "consumer"]),
        config: configMap.optional(),
        subscribe: z.array(z.string().min(1)).optional(),
        sink: z.strictObject({ name: z.string().min(1), mode: z.enum(["insert", "upsert"]), key: z.enum(["key", "value", "offset"]).optional() }).optional(),
      }),
    )
    .optional(),
  steps: z.array(z.unknown()).optional(),
});

/** A parsed scenario: its setup and its steps as typed commands. */
export type Scenario = Omit<z.infer<typeof scenarioSchema>, "steps"> & { steps: Command[] };

/** Why a scenario is invalid: the JSON path and a one-line message (the runner prints `path: message`). */
export interface ScenarioError {
  path: string;
  message: string;
}

/** `["steps", 3, "client"]` → `steps[3].client`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out || "(root)";
}

function zodError(error: z.ZodError, prefix: PropertyKey[] = []): ScenarioError {
  const issue = error.issues[0]!;
  const path = [...prefix, ...issue.path];
  let message = issue.message;
  if (issue.code === "unrecognized_keys") message = `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  else if (issue.code === "invalid_union" && path[path.length - 1] === "do") message = `unknown step "${String((issue as { input?: unknown }).input ?? "")}"`;
  return { path: formatPath(path), message };
}

/** Parses a scenario: shape first, then every step against the command vocabulary. */
export function parseScenario(input: unknown): { ok: true; value: Scenario } | { ok: false; error: ScenarioError } {
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: zodError(parsed.error) };
  const steps: Command[] = [];
  for (const [i, raw] of (parsed.data.steps ?? []).entries()) {
    if (typeof raw === "object" && raw !== null && "do" in raw && !commandSchema.options.some((o) => o.shape.do.value === (raw as { do: unknown }).do)) {
      return { ok: false, error: { path: `steps[${i}].do`, message: `unknown step ${JSON.stringify((raw as { do: unknown }).do)}` } };
    }
    const cmd = commandSchema.safeParse(raw);
    if (!cmd.success) return { ok: false, error: zodError(cmd.error, ["steps", i]) };
    steps.push(cmd.data);
  }
  return { ok: true, value: { ...parsed.data, steps } };
}

/** The cluster setup part of a scenario. */
export function scenarioSetup(s: Scenario): ClusterSetup {
  return { broker: s.broker, topics: s.topics, clients: s.clients };
}

/**
 * Runs a parsed scenario: builds the cluster, applies each step in order and observes the result.
 * A step the engine refuses (unknown client, time going backwards, …) makes the scenario invalid.
 */
export function runScenario(s: Scenario, options: { events?: boolean } = {}): { ok: true; value: { observation: Observation; state: ClusterState } } | { ok: false; error: ScenarioError } {
  const created = createCluster(scenarioSetup(s), { seed: s.seed ?? 1 });
  if (!created.ok) return { ok: false, error: { path: formatPath(created.error.path), message: created.error.message } };
  let state = created.value;
  const history = emptyHistory();
  const all: SimEvent[] = [];
  for (const [i, command] of s.steps.entries()) {
    const result = step(state, command);
    if (!result.ok) return { ok: false, error: { path: formatPath(["steps", i, ...result.error.path]), message: result.error.message } };
    state = result.value.state;
    recordEvents(history, result.value.events);
    if (options.events) all.push(...result.value.events);
  }
  return { ok: true, value: { observation: observe(state, history, options.events ? all : undefined), state } };
}
