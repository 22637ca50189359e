/**
 * Client configs, by Kafka name, resolved into the typed settings the engine runs on. Unknown
 * names and impossible values are setup errors naming the config (what KafkaConsumer's and
 * KafkaProducer's constructors would refuse with a ConfigException).
 */
import type { AssignorName } from "./assignors";
import { isKnownConsumerConfig, isKnownProducerConfig } from "./configs";
import type { ConfigValue, ConsumerConfig, ProducerConfig } from "./types";

/** Resolved settings, or the config that is wrong and why. */
export type ConfigResult<T> = { ok: true; value: T } | { ok: false; name: string; message: string };

const ASSIGNORS: Record<string, AssignorName> = {
  range: "range",
  roundrobin: "roundrobin",
  sticky: "sticky",
  "cooperative-sticky": "cooperative-sticky",
  "org.apache.kafka.clients.consumer.RangeAssignor": "range",
  "org.apache.kafka.clients.consumer.RoundRobinAssignor": "roundrobin",
  "org.apache.kafka.clients.consumer.StickyAssignor": "sticky",
  "org.apache.kafka.clients.consumer.CooperativeStickyAssignor": "cooperative-sticky",
};

class Invalid {
  constructor(
    readonly name: string,
    readonly message: string,
  ) {}
}

function int(raw: Record<string, ConfigValue>, name: string, fallback: number, min = 0): number {
  const v = raw[name];
  if (v === undefined || v === null) return fallback;
  const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
  if (typeof n !== "number" || !Number.isInteger(n)) throw new Invalid(name, `Invalid value ${JSON.stringify(v)} for configuration ${name}: Expected an integer`);
  if (n < min) throw new Invalid(name, `Invalid value ${n} for configuration ${name}: Value must be at least ${min}`);
  return n;
}

function bool(raw: Record<string, ConfigValue>, name: string, fallback: boolean): boolean {
  const v = raw[name];
  if (v === undefined || v === null) return fallback;
  if (typeof v === "boolean") return v;
  if (v === "true" || v === "false") return v === "true";
  throw new Invalid(name, `Invalid value ${JSON.stringify(v)} for configuration ${name}: Expected value to be either true or false`);
}

function oneOf<T extends string>(raw: Record<string, ConfigValue>, name: string, fallback: T, allowed: readonly T[]): T {
  const v = raw[name];
  if (v === undefined || v === null) return fallback;
  const s = String(v).toLowerCase();
  if (!(allowed as readonly string[]).includes(s)) throw new Invalid(name, `Invalid value ${String(v)} for configuration ${name}: String must be one of: ${allowed.join(", ")}`);
  return s as T;
}

function str(raw: Record<string, ConfigValue>, name: string): string | null {
  const v = raw[name];
  if (v === undefined || v === null) return null;
  if (typeof v !== "string" || v.length === 0) throw new Invalid(name, `Invalid value ${JSON.stringify(v)} for configuration ${name}: Expected a non-empty string`);
  return v;
}

function assignors(raw: Record<string, ConfigValue>): AssignorName[] {
  const v = raw["partition.assignment.strategy"];
  if (v === undefined || v === null) return ["range", "cooperative-sticky"];
  const list = Array.isArray(v) ? v : String(v).split(",").map((s) => s.trim()).filter(Boolean);
  if (list.length === 0) throw new Invalid("partition.assignment.strategy", "Invalid value [] for configuration partition.assignment.strategy: Empty list");
  return list.map((name) => {
    const a = ASSIGNORS[String(name)];
    if (!a) throw new Invalid("partition.assignment.strategy", `Invalid value ${String(name)} for configuration partition.assignment.strategy: Class ${String(name)} cannot be found`);
    return a;
  });
}

function unknown(raw: Record<string, ConfigValue>, known: (name: string) => boolean): void {
  for (const name of Object.keys(raw)) if (!known(name)) throw new Invalid(name, `unknown config "${name}"`);
}

function run<T>(build: () => T): ConfigResult<T> {
  try {
    return { ok: true, value: build() };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, name: e.name, message: e.message };
    throw e;
  }
}

/** A consumer's settings from its Kafka configs (defaults: Kafka 3.x/4.x consumer defaults). */
export function resolveConsumerConfig(raw: Record<string, ConfigValue>): ConfigResult<ConsumerConfig> {
  return run(() => {
    unknown(raw, isKnownConsumerConfig);
    const sessionTimeoutMs = int(raw, "session.timeout.ms", 45000, 1);
    const heartbeatIntervalMs = int(raw, "heartbeat.interval.ms", 3000, 1);
    if (heartbeatIntervalMs >= sessionTimeoutMs) throw new Invalid("heartbeat.interval.ms", "Heartbeat must be set lower than the session timeout");
    return {
      groupId: str(raw, "group.id"),
      enableAutoCommit: bool(raw, "enable.auto.commit", true),
      autoCommitIntervalMs: int(raw, "auto.commit.interval.ms", 5000, 0),
      autoOffsetReset: oneOf(raw, "auto.offset.reset", "latest", ["earliest", "latest", "none"] as const),
      maxPollRecords: int(raw, "max.poll.records", 500, 1),
      maxPollIntervalMs: int(raw, "max.poll.interval.ms", 300000, 1),
      sessionTimeoutMs,
      heartbeatIntervalMs,
      assignors: assignors(raw),
      isolationLevel: oneOf(raw, "isolation.level", "read_uncommitted", ["read_uncommitted", "read_committed"] as const),
      groupInstanceId: str(raw, "group.instance.id"),
      metadataMaxAgeMs: int(raw, "metadata.max.age.ms", 300000, 0),
    };
  });
}

/**
 * A producer's settings. Idempotence is on by default but silently off when acks is not "all"
 * and idempotence was not asked for; asking for it (or for transactions) with acks 0/1 is refused.
 */
export function resolveProducerConfig(raw: Record<string, ConfigValue>): ConfigResult<ProducerConfig> {
  return run(() => {
    unknown(raw, isKnownProducerConfig);
    const acksRaw = raw["acks"];
    const acks = acksRaw === undefined || acksRaw === null ? "all" : String(acksRaw) === "-1" ? "all" : String(acksRaw);
    if (acks !== "0" && acks !== "1" && acks !== "all") throw new Invalid("acks", `Invalid value ${String(acksRaw)} for configuration acks: String must be one of: all, -1, 0, 1`);
    const transactionalId = str(raw, "transactional.id");
    const explicit = raw["enable.idempotence"];
    const idempotenceAsked = explicit === true || explicit === "true";
    let enableIdempotence = bool(raw, "enable.idempotence", true);
    if (acks !== "all") {
      if (idempotenceAsked || transactionalId !== null) throw new Invalid("acks", "Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence.");
      enableIdempotence = false;
    }
    if (transactionalId !== null && !enableIdempotence) throw new Invalid("enable.idempotence", "Cannot set a transactional.id without also enabling idempotence.");
    return {
      acks,
      enableIdempotence,
      transactionalId,
      batchSize: int(raw, "batch.size", 16384, 0),
      transactionTimeoutMs: int(raw, "transaction.timeout.ms", 60000, 1),
      metadataMaxAgeMs: int(raw, "metadata.max.age.ms", 300000, 0),
    };
  });
}
