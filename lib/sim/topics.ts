/**
 * Topic administration: create (explicitly or by auto-creation), add partitions, change configs,
 * delete. Checks are Kafka's; the caller decides whether a failure is a usage error (a scenario
 * step) or a Kafka error (a CLI command's output).
 */
import { MAX_PARTITIONS_PER_TOPIC } from "./limits";
import { validateTopicConfig } from "./configs";
import { emit, setTopic, type Ctx } from "./context";
import type { KafkaError } from "./events";
import { emptyPartition } from "./partition";
import { nextFloat } from "./rng";
import { brokerSetting } from "./settings";
import { parseTpKey, type TopicState } from "./types";

const LEGAL = /^[a-zA-Z0-9._-]+$/;
const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Kafka's topic name rules (Topic.validate). */
export function topicNameError(name: string): string | null {
  if (name.length === 0) return "Topic name is illegal, it can't be empty";
  if (name === "." || name === "..") return "Topic name cannot be \".\" or \"..\"";
  if (name.length > 249) return `Topic name is illegal, it can't be longer than 249 characters, topic name: ${name}`;
  if (!LEGAL.test(name)) return `Topic name "${name}" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'`;
  return null;
}

/** A topic id as Kafka prints it: 16 random bytes in URL-safe base64 without padding (22 chars). */
function newTopicId(ctx: Ctx): string {
  let rng = ctx.state.rng;
  let bits = "";
  for (let i = 0; i < 16; i++) {
    const [f, next] = nextFloat(rng);
    rng = next;
    bits += Math.floor(f * 256).toString(2).padStart(8, "0");
  }
  ctx.state = { ...ctx.state, rng };
  let id = "";
  for (let i = 0; i < bits.length; i += 6) id += BASE64URL[parseInt(bits.slice(i, i + 6).padEnd(6, "0"), 2)];
  return id;
}

/** Validates config overrides; returns them as the strings Kafka stores, or the first error. */
export function normalizeTopicConfig(config: Record<string, unknown>): { ok: true; value: Record<string, string> } | { ok: false; name: string; message: string } {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(config)) {
    const checked = validateTopicConfig(name, raw);
    if (!checked.ok) return { ok: false, name, message: checked.message };
    out[name] = checked.value;
  }
  return { ok: true, value: out };
}

// The simulator's limit, not Kafka's: refused the way Kafka refuses a bad partition count.
const tooManyPartitions = (): KafkaError => ({ type: "InvalidPartitionsException", message: `The simulator allows at most ${MAX_PARTITIONS_PER_TOPIC} partitions per topic.` });

/** Creates a topic. Fails (as a value) on a bad name, an existing topic, bad partitions or configs. */
export function createTopic(ctx: Ctx, name: string, partitions: number, config: Record<string, unknown>, auto = false): KafkaError | null {
  const bad = topicNameError(name);
  if (bad) return { type: "InvalidTopicException", message: bad };
  if (ctx.state.topics[name]) return { type: "TopicExistsException", message: `Topic '${name}' already exists.` };
  if (!Number.isInteger(partitions) || partitions < 1) return { type: "InvalidPartitionsException", message: `Number of partitions must be larger than 0.` };
  if (partitions > MAX_PARTITIONS_PER_TOPIC) return tooManyPartitions();
  const normalized = normalizeTopicConfig(config);
  if (!normalized.ok) return { type: "InvalidConfigurationException", message: normalized.message };
  const topic: TopicState = { name, topicId: newTopicId(ctx), config: normalized.value, partitions: Array.from({ length: partitions }, emptyPartition) };
  setTopic(ctx, topic);
  emit(ctx, { type: "topic-created", topic: name, partitions, auto });
  return null;
}

/** Auto-creation on first use (auto.create.topics.enable, num.partitions); false if not allowed. */
export function autoCreateTopic(ctx: Ctx, name: string): boolean {
  if (ctx.state.topics[name]) return true;
  if (!brokerSetting(ctx.state, "auto.create.topics.enable") || topicNameError(name)) return false;
  return createTopic(ctx, name, brokerSetting(ctx.state, "num.partitions"), {}, true) === null;
}

/** kafka-topics --alter --partitions: only up. Existing keys then hash elsewhere (% N changed). */
export function alterPartitions(ctx: Ctx, name: string, partitions: number): KafkaError | null {
  const t = ctx.state.topics[name];
  if (!t) return { type: "UnknownTopicOrPartitionException", message: `Topic '${name}' does not exist as expected` };
  const current = t.partitions.length;
  if (partitions < current) return { type: "InvalidPartitionsException", message: `The topic ${name} currently has ${current} partition(s); ${partitions} would not be an increase.` };
  if (partitions === current) return { type: "InvalidPartitionsException", message: `Topic already has ${current} partition(s).` };
  if (partitions > MAX_PARTITIONS_PER_TOPIC) return tooManyPartitions();
  setTopic(ctx, { ...t, partitions: [...t.partitions, ...Array.from({ length: partitions - current }, emptyPartition)] });
  emit(ctx, { type: "partitions-added", topic: name, from: current, to: partitions });
  return null;
}

/** incrementalAlterConfigs on a topic: set and delete overrides, all or nothing. */
export function alterTopicConfig(ctx: Ctx, name: string, set: Record<string, unknown>, del: string[]): KafkaError | null {
  const t = ctx.state.topics[name];
  if (!t) return { type: "UnknownTopicOrPartitionException", message: `The topic '${name}' does not exist.` };
  const normalized = normalizeTopicConfig(set);
  if (!normalized.ok) return { type: "InvalidConfigurationException", message: normalized.message };
  for (const key of del) {
    const known = validateTopicConfig(key, null);
    if (!known.ok && /[Uu]nknown|not.*valid.*config/.test(known.message)) return { type: "InvalidConfigurationException", message: known.message };
  }
  const config = { ...t.config, ...normalized.value };
  for (const key of del) delete config[key];
  setTopic(ctx, { ...t, config });
  emit(ctx, { type: "topic-config-changed", topic: name, set: normalized.value, deleted: del });
  return null;
}

/**
 * Deletes a topic: every group's committed offsets for it, and every client's metadata about it
 * (a client that uses the name again fetches fresh metadata, as after UNKNOWN_TOPIC_OR_PARTITION).
 */
export function deleteTopic(ctx: Ctx, name: string): KafkaError | null {
  if (!ctx.state.topics[name]) return { type: "UnknownTopicOrPartitionException", message: `Topic '${name}' does not exist as expected` };
  const topics = { ...ctx.state.topics };
  delete topics[name];
  const ofTopic = (tp: string) => parseTpKey(tp)?.topic === name;
  const groups = Object.fromEntries(Object.entries(ctx.state.groups).map(([id, g]) => [id, { ...g, committed: Object.fromEntries(Object.entries(g.committed).filter(([tp]) => !ofTopic(tp))) }]));
  const clients = Object.fromEntries(
    Object.entries(ctx.state.clients).map(([id, c]) => {
      const knownPartitions = { ...c.knownPartitions };
      delete knownPartitions[name];
      if (c.kind === "consumer") return [id, { ...c, knownPartitions }];
      const sticky = { ...c.sticky };
      delete sticky[name];
      return [id, { ...c, knownPartitions, sticky }];
    }),
  );
  const txns = Object.fromEntries(Object.entries(ctx.state.txns).map(([id, t]) => [id, { ...t, partitions: t.partitions.filter((tp) => !ofTopic(tp)) }]));
  ctx.state = { ...ctx.state, topics, groups, clients, txns };
  emit(ctx, { type: "topic-deleted", topic: name });
  return null;
}
