/**
 * Building a cluster from a setup: the broker's static configs, the topics and the clients of a
 * scenario, at t = 0 with a seeded PRNG. Everything that would make a real KafkaConsumer,
 * KafkaProducer or CreateTopics call refuse to start is reported as a SimError naming its path.
 */
import { isKnownBrokerConfig, validateBrokerConfig } from "./configs";
import { resolveConsumerConfig, resolveProducerConfig } from "./client-config";
import type { Ctx } from "./context";
import { fail, ok, SimErrorCode, type Result } from "./result";
import { seedRng } from "./rng";
import { createTopic } from "./topics";
import type { ClientState, ClusterState, ConfigValue, ConsumerState, ProducerState, SinkSpec } from "./types";

/** A topic to create at t = 0 (config by Kafka names). */
export interface TopicSetup {
  name: string;
  partitions: number;
  config?: Record<string, ConfigValue>;
}

/** A client to create at t = 0; consumers join on their first poll or start. */
export interface ClientSetup {
  id: string;
  kind: "producer" | "consumer";
  config?: Record<string, ConfigValue>;
  subscribe?: string[];
  sink?: { name: string; mode: "insert" | "upsert"; key?: "key" | "value" | "offset" };
}

/** What a cluster starts with (the runner's scenario without its steps). */
export interface ClusterSetup {
  broker?: Record<string, ConfigValue>;
  topics?: TopicSetup[];
  clients?: ClientSetup[];
}

function emptyState(seed: number, broker: Record<string, string>): ClusterState {
  return {
    version: 1,
    time: 0,
    rng: seedRng(seed),
    broker,
    topics: {},
    groups: {},
    clients: {},
    txns: {},
    sinks: {},
    nextProducerId: 1000,
    lastRetentionCheck: 0,
    lastCleanerRun: 0,
    lastOffsetsCheck: 0,
  };
}

/** A new consumer instance created at `now`. */
export function newConsumer(id: string, config: ConsumerState["config"], subscribe: string[], sink: SinkSpec | null, now: number): ConsumerState {
  return {
    kind: "consumer",
    id,
    config,
    subscribe,
    sink,
    status: "idle",
    kicked: false,
    createdAt: now,
    memberId: null,
    generation: -1,
    assignment: [],
    positions: {},
    fetchOrder: [],
    lastPollAt: null,
    nextAutoCommitAt: now + config.autoCommitIntervalMs,
    rejoinNeeded: false,
    pending: [],
    inProgress: [],
    busyUntil: null,
    knownPartitions: {},
  };
}

/** A new producer instance; an idempotent (non-transactional) one gets its producer id at once. */
export function newProducer(ctx: Ctx, id: string, config: ProducerState["config"]): ProducerState {
  const idempotent = config.enableIdempotence && config.transactionalId === null;
  const producerId = idempotent ? ctx.state.nextProducerId : null;
  if (idempotent) ctx.state = { ...ctx.state, nextProducerId: ctx.state.nextProducerId + 1 };
  return {
    kind: "producer",
    id,
    config,
    status: "active",
    createdAt: ctx.state.time,
    producerId,
    epoch: 0,
    sticky: {},
    knownPartitions: {},
    txn: config.transactionalId === null ? "ready" : "uninitialized",
  };
}

function brokerConfigs(raw: Record<string, ConfigValue>): Result<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (!isKnownBrokerConfig(name)) return fail(SimErrorCode.InvalidSetup, ["broker", name], `unknown config "${name}"`);
    // Kafka refuses to start with an invalid value (and a negative interval would stall the clock).
    const checked = validateBrokerConfig(name, value);
    if (!checked.ok) return fail(SimErrorCode.InvalidSetup, ["broker", name], checked.message);
    out[name] = checked.value;
  }
  return ok(out);
}

function createClient(ctx: Ctx, c: ClientSetup, path: (string | number)[]): Result<ClientState> {
  if (c.kind === "consumer") {
    const config = resolveConsumerConfig(c.config ?? {});
    if (!config.ok) return fail(SimErrorCode.InvalidSetup, [...path, "config", config.name], config.message);
    const sink: SinkSpec | null = c.sink ? { name: c.sink.name, mode: c.sink.mode, key: c.sink.key ?? "key" } : null;
    return ok(newConsumer(c.id, config.value, c.subscribe ?? [], sink, ctx.state.time));
  }
  if (c.subscribe || c.sink) return fail(SimErrorCode.InvalidSetup, [...path, c.subscribe ? "subscribe" : "sink"], "only consumers subscribe or have a sink");
  const config = resolveProducerConfig(c.config ?? {});
  if (!config.ok) return fail(SimErrorCode.InvalidSetup, [...path, "config", config.name], config.message);
  return ok(newProducer(ctx, c.id, config.value));
}

/**
 * The cluster at t = 0: broker configs checked, topics created in order, clients created (consumers
 * join on their first poll or start). Same setup and seed → the same state, always.
 */
export function createCluster(setup: ClusterSetup, options: { seed?: number } = {}): Result<ClusterState> {
  const broker = brokerConfigs(setup.broker ?? {});
  if (!broker.ok) return broker;
  const ctx: Ctx = { state: emptyState(options.seed ?? 1, broker.value), events: [] };
  for (const [i, t] of (setup.topics ?? []).entries()) {
    const error = createTopic(ctx, t.name, t.partitions, t.config ?? {});
    if (error) {
      const where = error.type === "InvalidConfigurationException" ? ["topics", i, "config"] : error.type === "InvalidPartitionsException" ? ["topics", i, "partitions"] : ["topics", i, "name"];
      return fail(SimErrorCode.InvalidSetup, where, error.message);
    }
  }
  const sinks = new Map<string, string>();
  for (const [i, c] of (setup.clients ?? []).entries()) {
    if (ctx.state.clients[c.id]) return fail(SimErrorCode.InvalidSetup, ["clients", i, "id"], `duplicate client id "${c.id}"`);
    const client = createClient(ctx, c, ["clients", i]);
    if (!client.ok) return client;
    if (client.value.kind === "consumer" && client.value.sink) {
      const spec = client.value.sink;
      const shape = `${spec.mode}/${spec.key}`;
      if (sinks.has(spec.name) && sinks.get(spec.name) !== shape) return fail(SimErrorCode.InvalidSetup, ["clients", i, "sink"], `sink "${spec.name}" is already used with mode ${sinks.get(spec.name)}`);
      sinks.set(spec.name, shape);
    }
    ctx.state = { ...ctx.state, clients: { ...ctx.state.clients, [c.id]: client.value } };
  }
  return ok(ctx.state);
}
