/**
 * Helpers for the consumer-group scenario tests (tests/sim/scenarios-groups.test.ts): scenario
 * builders in the runner's format (scenario-contract.md), running through the public API
 * (parseScenario + runScenario), and small projections of the observation that tables compare.
 */
import { parseScenario, runScenario, type Observation } from "@/lib/sim";

export type Json = Record<string, unknown>;
export type Step = Json & { at: number; do: string };
export interface ScenarioJson {
  seed?: number;
  broker?: Json;
  topics?: Json[];
  clients?: Json[];
  steps: Step[];
}

/** Runs a scenario through the public API; an invalid scenario fails the test with its error line. */
export function run(scenario: ScenarioJson | Json, options: { events?: boolean } = {}): Observation {
  const parsed = parseScenario(scenario);
  if (!parsed.ok) throw new Error(`scenario rejected: ${parsed.error.path}: ${parsed.error.message}`);
  const result = runScenario(parsed.value, options);
  if (!result.ok) throw new Error(`scenario rejected: ${result.error.path}: ${result.error.message}`);
  return result.value.observation;
}

/** The runner's error line (`<path>: <message>`) for an invalid scenario, or null if it ran. */
export function scenarioError(scenario: unknown): string | null {
  const parsed = parseScenario(scenario);
  if (!parsed.ok) return `${parsed.error.path}: ${parsed.error.message}`;
  const result = runScenario(parsed.value);
  if (!result.ok) return `${result.error.path}: ${result.error.message}`;
  return null;
}

/**
 * The scenario observed at time `t`: its steps with `at <= t`, then a harmless step at `t`
 * (`runRetention`, a no-op with the default 7-day retention) so that the clock reaches `t`.
 */
export function upTo(scenario: ScenarioJson, t: number): ScenarioJson {
  return { ...scenario, steps: [...scenario.steps.filter((s) => s.at <= t), { at: t, do: "runRetention" }] };
}

/** The same scenario with more steps appended. */
export function plus(scenario: ScenarioJson, ...steps: Step[]): ScenarioJson {
  return { ...scenario, steps: [...scenario.steps, ...steps] };
}

// ------------------------------------------------------------------------------------------------
// Builders
// ------------------------------------------------------------------------------------------------

export const topic = (name: string, partitions: number, config?: Json): Json => ({ name, partitions, ...(config ? { config } : {}) });

export const producer = (id = "p1", config?: Json): Json => ({ id, kind: "producer", ...(config ? { config } : {}) });

export interface ConsumerOptions {
  subscribe?: string[];
  config?: Json;
  sink?: Json;
}

/** A consumer of group `group` subscribed to ["t"] unless told otherwise. */
export function consumer(id: string, group: string, options: ConsumerOptions = {}): Json {
  return {
    id,
    kind: "consumer",
    subscribe: options.subscribe ?? ["t"],
    config: { "group.id": group, ...options.config },
    ...(options.sink ? { sink: options.sink } : {}),
  };
}

/** Manual commit, earliest: the usual test consumer. */
export const MANUAL = { "enable.auto.commit": false, "auto.offset.reset": "earliest" } as const;

export const step = {
  produce: (at: number, topicName: string, key: string | null, value: string | null, extra: Json = {}): Step => ({
    at,
    do: "produce",
    client: "p1",
    topic: topicName,
    key,
    value,
    ...extra,
  }),
  /** One record with an explicit partition (value = key unless given). */
  to: (at: number, topicName: string, partition: number, key: string, value = key): Step => ({ at, do: "produce", client: "p1", topic: topicName, key, value, partition }),
  start: (at: number, client: string): Step => ({ at, do: "start", client }),
  poll: (at: number, client: string): Step => ({ at, do: "poll", client }),
  process: (at: number, client: string, durationMs?: number): Step => ({ at, do: "process", client, ...(durationMs !== undefined ? { durationMs } : {}) }),
  commit: (at: number, client: string, offsets?: Record<string, number>): Step => ({ at, do: "commit", client, ...(offsets ? { offsets } : {}) }),
  close: (at: number, client: string): Step => ({ at, do: "close", client }),
  crash: (at: number, client: string): Step => ({ at, do: "crash", client }),
  restart: (at: number, client: string): Step => ({ at, do: "restart", client }),
  observe: (at: number): Step => ({ at, do: "runRetention" }),
};

/** `n` records to `topicName`-`partition` at `at`, keys `<prefix>0..n-1`. */
export function records(at: number, topicName: string, partition: number, n: number, prefix = "k"): Step[] {
  return Array.from({ length: n }, (_, i) => step.to(at, topicName, partition, `${prefix}${i}`));
}

// ------------------------------------------------------------------------------------------------
// Projections of the observation
// ------------------------------------------------------------------------------------------------

type Group = Observation["groups"][string];

export function group(obs: Observation, id: string): Group {
  const g = obs.groups[id];
  if (!g) throw new Error(`group ${id} is absent; groups: ${Object.keys(obs.groups).join(", ") || "(none)"}`);
  return g;
}

/** State, generation and [client, assignment] per member (in the observation's member order). */
export function summary(obs: Observation, id: string) {
  const g = group(obs, id);
  return { state: g.state, generation: g.generation, members: g.members.map((m) => [m.client, m.assignment] as const) };
}

/** State and generation only. */
export const stateGen = (obs: Observation, id: string) => {
  const g = group(obs, id);
  return { state: g.state, generation: g.generation };
};

/** client → assignment as the coordinator has it. */
export function assignments(obs: Observation, id: string): Record<string, string[]> {
  return Object.fromEntries(group(obs, id).members.map((m) => [m.client, m.assignment]));
}

/** The client ids of a group's members, in the observation's order. */
export const memberClients = (obs: Observation, id: string) => group(obs, id).members.map((m) => m.client);

export const committed = (obs: Observation, id: string) => group(obs, id).committed;

type ConsumerObs = Extract<Observation["clients"][string], { kind: "consumer" }>;

export function consumerObs(obs: Observation, id: string): ConsumerObs {
  const c = obs.clients[id];
  if (!c || c.kind !== "consumer") throw new Error(`no consumer ${id}`);
  return c;
}

const tpo = (r: { topic: string; partition: number; offset: number }) => `${r.topic}-${r.partition}@${r.offset}`;

/** Everything delivered to a client, as `topic-partition@offset`. */
export const delivered = (obs: Observation, id: string) => consumerObs(obs, id).delivered.map(tpo);

/** What the poll at `at` delivered, as `topic-partition@offset`. */
export const deliveredAt = (obs: Observation, id: string, at: number) => consumerObs(obs, id).delivered.filter((r) => r.at === at).map(tpo);

/** Delivered offsets of one partition, in delivery order. */
export const deliveredOffsets = (obs: Observation, id: string, tp: string) =>
  consumerObs(obs, id)
    .delivered.filter((r) => `${r.topic}-${r.partition}` === tp)
    .map((r) => r.offset);

export const processed = (obs: Observation, id: string) => consumerObs(obs, id).processed.map(tpo);

/** Number of records delivered per distinct poll time, e.g. { "1000": 1, "6000": 1 }. */
export function deliveredPerPoll(obs: Observation, id: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of consumerObs(obs, id).delivered) out[String(r.at)] = (out[String(r.at)] ?? 0) + 1;
  return out;
}

/** Sink rows as `key@offset`. */
export const sinkRows = (obs: Observation, name: string) => (obs.sinks[name]?.rows ?? []).map((r) => `${r.key}@${r.offset}`);

export const errorTypes = (obs: Observation, id: string) => {
  const c = obs.clients[id]!;
  return c.errors.map((e) => ({ at: e.at, type: e.type }));
};

type AnyEvent = { at: number; type: string } & Record<string, unknown>;

/** The events of a given type (requires a run with `{ events: true }`). */
export const eventsOf = (obs: Observation, type: string): AnyEvent[] => (obs.events as unknown as AnyEvent[]).filter((e) => e.type === type);

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
