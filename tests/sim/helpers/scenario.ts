/**
 * Shared helpers for scenario tests: scenarios are plain JSON objects in the runner's format
 * (shared/sim/scenario-contract.md), parsed and run through the public API, and the observation
 * is read back through small accessors.
 */
import { parseScenario, runScenario, type HistoryRecord, type Observation } from "@/lib/sim";

export type Json = Record<string, unknown>;
export type Step = Json & { do: string };

export type PartitionObservation = Observation["topics"][string]["log"][number];
export type ObservedRecord = PartitionObservation["records"][number];
export interface DataRecord {
  offset: number;
  key: string | null;
  value: string | null;
  timestamp: number;
}
export type ProducerObservation = Extract<Observation["clients"][string], { kind: "producer" }>;
export type ConsumerObservation = Extract<Observation["clients"][string], { kind: "consumer" }>;
export type DeliveredObservation = HistoryRecord;

/** Parses and runs a scenario: the observation, or the one stderr line the runner would print (exit 2). */
export function tryRun(scenario: Json): { ok: true; observation: Observation } | { ok: false; line: string } {
  const parsed = parseScenario(scenario);
  if (!parsed.ok) return { ok: false, line: `${parsed.error.path}: ${parsed.error.message}` };
  const ran = runScenario(parsed.value);
  if (!ran.ok) return { ok: false, line: `${ran.error.path}: ${ran.error.message}` };
  return { ok: true, observation: ran.value.observation };
}

/** Parses and runs a scenario; throws (with the runner's error line) if the scenario is invalid. */
export function run(scenario: Json): Observation {
  const result = tryRun(scenario);
  if (!result.ok) throw new Error(`invalid scenario: ${result.line}`);
  return result.observation;
}

/** One partition of the observation (throws when the topic or partition is missing). */
export function partitionLog(obs: Observation, topic: string, partition = 0): PartitionObservation {
  const t = obs.topics[topic];
  if (!t) throw new Error(`no topic ${topic} in the observation`);
  const log = t.log[partition];
  if (!log) throw new Error(`no partition ${topic}-${partition} in the observation`);
  return log;
}

/** Offsets of every listed record, control markers included. */
export function recordOffsets(obs: Observation, topic: string, partition = 0): number[] {
  return partitionLog(obs, topic, partition).records.map((r) => r.offset);
}

/** The data records (no control markers). */
export function dataRecords(obs: Observation, topic: string, partition = 0): DataRecord[] {
  return partitionLog(obs, topic, partition).records.filter((r): r is DataRecord => !("control" in r));
}

/** `[offset, key, value]` of each data record, for compact assertions. */
export function kv(obs: Observation, topic: string, partition = 0): [number, string | null, string | null][] {
  return dataRecords(obs, topic, partition).map((r) => [r.offset, r.key, r.value]);
}

export function producerOf(obs: Observation, id: string): ProducerObservation {
  const c = obs.clients[id];
  if (!c || c.kind !== "producer") throw new Error(`no producer ${id} in the observation`);
  return c as ProducerObservation;
}

export function consumerOf(obs: Observation, id: string): ConsumerObservation {
  const c = obs.clients[id];
  if (!c || c.kind !== "consumer") throw new Error(`no consumer ${id} in the observation`);
  return c as unknown as ConsumerObservation;
}

/** Offsets a consumer has been delivered, in order. */
export function deliveredOffsets(obs: Observation, id: string): number[] {
  return consumerOf(obs, id).delivered.map((r) => r.offset);
}

export interface ProduceRow {
  key: string | null;
  value: string | null;
  at?: number;
  timestamp?: number;
  partition?: number;
  ackLost?: boolean;
}

/** `produce` steps for `rows` (`[key, value]` pairs or full rows), at `at` unless a row says otherwise. */
export function produceSteps(client: string, topic: string, rows: readonly (ProduceRow | readonly [string | null, string | null])[], at = 0): Step[] {
  return rows.map((row) => {
    const r: ProduceRow = Array.isArray(row) ? { key: row[0] as string | null, value: row[1] as string | null } : (row as ProduceRow);
    const step: Step = { at: r.at ?? at, do: "produce", client, topic, key: r.key, value: r.value };
    if (r.timestamp !== undefined) step.timestamp = r.timestamp;
    if (r.partition !== undefined) step.partition = r.partition;
    if (r.ackLost !== undefined) step.ackLost = r.ackLost;
    return step;
  });
}

/**
 * A step that changes nothing (an empty incremental alter of an existing topic's config): it only
 * moves the clock to `at`, so that background work due by then runs and the observation is taken
 * at `at`.
 */
export function tick(at: number, topic: string): Step {
  return { at, do: "alterConfig", topic, set: {} };
}

/** A consumer client in the scenario format. */
export function consumerClient(id: string, group: string, subscribe: string[], config: Json = {}, sink?: Json): Json {
  return { id, kind: "consumer", subscribe, config: { "group.id": group, "enable.auto.commit": false, ...config }, ...(sink ? { sink } : {}) };
}

/** A producer client in the scenario format. */
export function producerClient(id: string, config?: Json): Json {
  return { id, kind: "producer", ...(config ? { config } : {}) };
}
