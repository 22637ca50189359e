/**
 * The config catalog against Kafka 3.x: defaults, broker synonyms as DescribeConfigs reports them
 * (kafka-semantics §2.1), validation texts (ConfigDef / LogConfig), client config defaults.
 */
import { describe, expect, it } from "vitest";
import {
  brokerDefaults,
  consumerDefaults,
  effectiveTopicConfig,
  isKnownBrokerConfig,
  isKnownConsumerConfig,
  isKnownProducerConfig,
  isTopicConfig,
  javaDoubleString,
  producerDefaults,
  TOPIC_CONFIG_NAMES,
  topicConfigEntries,
  topicConfigSynonyms,
  validateBrokerConfig,
  validateTopicConfig,
  validateTopicConfigs,
} from "@/lib/sim/configs";

const entry = (overrides: Record<string, string>, broker: Record<string, string>, name: string) => topicConfigEntries(overrides, broker).find((e) => e.name === name)!;
const line = (e: ReturnType<typeof entry>) => `${e.name}=${e.value} ${e.source} {${e.synonyms.map((s) => `${s.source}:${s.name}=${s.value}`).join(", ")}}`;

describe("topic config catalog", () => {
  it("lists every Kafka 3.9 topic config, sorted", () => {
    expect(TOPIC_CONFIG_NAMES).toHaveLength(36);
    expect(TOPIC_CONFIG_NAMES[0]).toBe("cleanup.policy");
    expect(TOPIC_CONFIG_NAMES).toContain("message.timestamp.after.max.ms");
    expect(TOPIC_CONFIG_NAMES).toEqual([...TOPIC_CONFIG_NAMES].sort());
    expect(isTopicConfig("retention.ms")).toBe(true);
    expect(isTopicConfig("log.retention.ms")).toBe(false);
  });

  it("knows the broker synonyms in Kafka's order", () => {
    expect(topicConfigSynonyms("retention.ms")).toEqual(["log.retention.ms", "log.retention.minutes", "log.retention.hours"]);
    expect(topicConfigSynonyms("segment.ms")).toEqual(["log.roll.ms", "log.roll.hours"]);
    expect(topicConfigSynonyms("min.cleanable.dirty.ratio")).toEqual(["log.cleaner.min.cleanable.ratio"]);
    expect(topicConfigSynonyms("max.message.bytes")).toEqual(["message.max.bytes"]);
    expect(topicConfigSynonyms("remote.storage.enable")).toEqual([]);
  });
});

describe("describe entries (DescribeConfigs with synonyms)", () => {
  it.each([
    ["cleanup.policy", "cleanup.policy=delete DEFAULT_CONFIG {DEFAULT_CONFIG:log.cleanup.policy=delete}"],
    ["retention.bytes", "retention.bytes=-1 DEFAULT_CONFIG {DEFAULT_CONFIG:log.retention.bytes=-1}"],
    ["delete.retention.ms", "delete.retention.ms=86400000 DEFAULT_CONFIG {DEFAULT_CONFIG:log.cleaner.delete.retention.ms=86400000}"],
    ["min.cleanable.dirty.ratio", "min.cleanable.dirty.ratio=0.5 DEFAULT_CONFIG {DEFAULT_CONFIG:log.cleaner.min.cleanable.ratio=0.5}"],
    // Only log.retention.hours / log.roll.hours have defaults: dropWhile removes them.
    ["retention.ms", "retention.ms=604800000 DEFAULT_CONFIG {}"],
    ["segment.ms", "segment.ms=604800000 DEFAULT_CONFIG {}"],
    ["flush.ms", "flush.ms=9223372036854775807 DEFAULT_CONFIG {}"],
    ["max.compaction.lag.ms", "max.compaction.lag.ms=9223372036854775807 DEFAULT_CONFIG {DEFAULT_CONFIG:log.cleaner.max.compaction.lag.ms=9223372036854775807}"],
    ["leader.replication.throttled.replicas", "leader.replication.throttled.replicas= DEFAULT_CONFIG {}"],
    ["message.format.version", "message.format.version=3.0-IV1 DEFAULT_CONFIG {DEFAULT_CONFIG:log.message.format.version=3.0-IV1}"],
  ])("%s without overrides", (name, expected) => {
    expect(line(entry({}, {}, name))).toBe(expected);
  });

  it("puts a topic override first (E5)", () => {
    expect(line(entry({ "cleanup.policy": "compact" }, {}, "cleanup.policy"))).toBe("cleanup.policy=compact DYNAMIC_TOPIC_CONFIG {DYNAMIC_TOPIC_CONFIG:cleanup.policy=compact, DEFAULT_CONFIG:log.cleanup.policy=delete}");
    expect(line(entry({ "retention.ms": "86400000" }, {}, "retention.ms"))).toBe("retention.ms=86400000 DYNAMIC_TOPIC_CONFIG {DYNAMIC_TOPIC_CONFIG:retention.ms=86400000}");
  });

  it("shows server.properties as STATIC_BROKER_CONFIG before the code default", () => {
    expect(line(entry({}, { "log.segment.bytes": "1073741824" }, "segment.bytes"))).toBe(
      "segment.bytes=1073741824 STATIC_BROKER_CONFIG {STATIC_BROKER_CONFIG:log.segment.bytes=1073741824, DEFAULT_CONFIG:log.segment.bytes=1073741824}",
    );
    expect(line(entry({}, { "log.retention.ms": "1000" }, "retention.ms"))).toBe("retention.ms=1000 STATIC_BROKER_CONFIG {STATIC_BROKER_CONFIG:log.retention.ms=1000, DEFAULT_CONFIG:log.retention.hours=168}");
  });

  it("keeps no synonyms when only a non-primary broker name is set, but uses its value", () => {
    expect(line(entry({}, { "log.retention.hours": "24" }, "retention.ms"))).toBe("retention.ms=86400000 DEFAULT_CONFIG {}");
    expect(line(entry({}, { "log.roll.hours": "1" }, "segment.ms"))).toBe("segment.ms=3600000 DEFAULT_CONFIG {}");
    expect(entry({}, { "log.retention.minutes": "10", "log.retention.hours": "1" }, "retention.ms").value).toBe("600000");
  });

  it("keeps the override ahead of a static broker value", () => {
    expect(line(entry({ "cleanup.policy": "compact,delete" }, { "log.cleanup.policy": "compact" }, "cleanup.policy"))).toBe(
      "cleanup.policy=compact,delete DYNAMIC_TOPIC_CONFIG {DYNAMIC_TOPIC_CONFIG:cleanup.policy=compact,delete, STATIC_BROKER_CONFIG:log.cleanup.policy=compact, DEFAULT_CONFIG:log.cleanup.policy=delete}",
    );
  });

  it("sorts entries by name and marks none sensitive", () => {
    const entries = topicConfigEntries({}, {});
    expect(entries.map((e) => e.name)).toEqual(TOPIC_CONFIG_NAMES);
    expect(entries.every((e) => !e.sensitive)).toBe(true);
  });
});

describe("effective topic configs", () => {
  it("gives Kafka's defaults", () => {
    const c = effectiveTopicConfig({}, {});
    expect(c).toMatchObject({ retentionMs: 604800000, retentionBytes: -1, segmentBytes: 1073741824, segmentMs: 604800000, maxSegmentMs: 604800000, segmentJitterMs: 0 });
    expect(c).toMatchObject({ cleanupPolicy: ["delete"], minCleanableDirtyRatio: 0.5, deleteRetentionMs: 86400000, minCompactionLagMs: 0, messageTimestampType: "CreateTime", maxMessageBytes: 1048588 });
    expect(c.maxCompactionLagMs).toBeGreaterThan(9.2e18);
  });

  it("caps the roll time of a compacted topic by max.compaction.lag.ms", () => {
    const c = effectiveTopicConfig({ "cleanup.policy": "compact", "max.compaction.lag.ms": "5000", "segment.ms": "20000" }, {});
    expect([c.segmentMs, c.maxSegmentMs]).toEqual([20000, 5000]);
    expect(effectiveTopicConfig({ "max.compaction.lag.ms": "5000", "segment.ms": "20000" }, {}).maxSegmentMs).toBe(20000);
  });

  it("derives defaults from static broker configs (hours → ms, negative retention → -1)", () => {
    expect(effectiveTopicConfig({}, { "log.retention.hours": "1", "log.segment.bytes": "500" })).toMatchObject({ retentionMs: 3600000, segmentBytes: 500 });
    expect(effectiveTopicConfig({}, { "log.retention.hours": "-1" }).retentionMs).toBe(-1);
    expect(effectiveTopicConfig({ "retention.ms": "60000" }, { "log.retention.ms": "1000" }).retentionMs).toBe(60000);
    expect(effectiveTopicConfig({}, { "log.cleanup.policy": "compact, delete" }).cleanupPolicy).toEqual(["compact", "delete"]);
  });
});

describe("validateTopicConfig", () => {
  it.each([
    ["segment.bytes", -5, "Invalid value -5 for configuration segment.bytes: Value must be at least 14"],
    ["segment.bytes", "13", "Invalid value 13 for configuration segment.bytes: Value must be at least 14"],
    ["segment.bytes", "abc", "Invalid value abc for configuration segment.bytes: Not a number of type INT"],
    ["segment.bytes", "2147483648", "Invalid value 2147483648 for configuration segment.bytes: Not a number of type INT"],
    ["retention.ms", -2, "Invalid value -2 for configuration retention.ms: Value must be at least -1"],
    ["retention.ms", "1.5", "Invalid value 1.5 for configuration retention.ms: Not a number of type LONG"],
    ["segment.ms", 0, "Invalid value 0 for configuration segment.ms: Value must be at least 1"],
    ["min.cleanable.dirty.ratio", 1.5, "Invalid value 1.5 for configuration min.cleanable.dirty.ratio: Value must be no more than 1"],
    ["min.cleanable.dirty.ratio", "-0.1", "Invalid value -0.1 for configuration min.cleanable.dirty.ratio: Value must be at least 0"],
    ["min.cleanable.dirty.ratio", "x", "Invalid value x for configuration min.cleanable.dirty.ratio: Not a number of type DOUBLE"],
    ["cleanup.policy", "compact,foo", "Invalid value foo for configuration cleanup.policy: String must be one of: compact, delete"],
    ["compression.type", "brotli", "Invalid value brotli for configuration compression.type: String must be one of: uncompressed, zstd, lz4, snappy, gzip, producer"],
    ["message.timestamp.type", "createtime", "Invalid value createtime for configuration message.timestamp.type: String must be one of: CreateTime, LogAppendTime"],
    ["unclean.leader.election.enable", "yes", "Invalid value yes for configuration unclean.leader.election.enable: Expected value to be either true or false"],
    ["compression.gzip.level", 0, "Invalid value 0 for configuration compression.gzip.level: Value must be between 1 and 9 or equal to -1"],
    ["min.insync.replicas", 0, "Invalid value 0 for configuration min.insync.replicas: Value must be at least 1"],
    ["retention.hours", 1, "Unknown topic config name: retention.hours"],
    ["retention.ms", null, "Null value not supported for topic configs: retention.ms"],
  ])("%s = %j is refused", (name, value, message) => {
    expect(validateTopicConfig(name, value)).toEqual({ ok: false, type: "InvalidConfigurationException", message });
  });

  it.each([
    ["segment.bytes", 14, "14"],
    ["retention.ms", -1, "-1"],
    ["retention.bytes", "-5", "-5"],
    ["retention.ms", " 0060000 ", "60000"],
    ["min.cleanable.dirty.ratio", "1", "1.0"],
    ["min.cleanable.dirty.ratio", 0.01, "0.01"],
    ["cleanup.policy", ["compact", "delete"], "compact,delete"],
    ["cleanup.policy", "compact, delete", "compact,delete"],
    ["unclean.leader.election.enable", "TRUE", "true"],
    ["unclean.leader.election.enable", false, "false"],
    ["max.compaction.lag.ms", 9223372036854775807, "9223372036854775807"],
    ["message.timestamp.type", "LogAppendTime", "LogAppendTime"],
    ["leader.replication.throttled.replicas", "0:1,1:1", "0:1,1:1"],
  ])("%s = %j is accepted as %j", (name, value, expected) => {
    expect(validateTopicConfig(name, value)).toEqual({ ok: true, value: expected });
  });

  it("validates a set of overrides like LogConfig.validate", () => {
    expect(validateTopicConfigs({ "retention.ms": 1000, "cleanup.policy": "compact" })).toEqual({ ok: true, value: { "retention.ms": "1000", "cleanup.policy": "compact" } });
    expect(validateTopicConfigs({ "min.compaction.lag.ms": 10, "max.compaction.lag.ms": 5 })).toMatchObject({ ok: false, message: "conflict topic config setting min.compaction.lag.ms (10) > max.compaction.lag.ms (5)" });
    expect(validateTopicConfigs({ "remote.storage.enable": true })).toMatchObject({ ok: false, message: "Tiered Storage functionality is disabled in the broker. Topic cannot be configured with remote log storage." });
    // Unknown names first, then values in Kafka's definition order (segment.bytes before retention.ms).
    expect(validateTopicConfigs({ "retention.ms": -9, "segment.bytes": 1, nope: 1 })).toMatchObject({ message: "Unknown topic config name: nope" });
    expect(validateTopicConfigs({ "retention.ms": -9, "segment.bytes": 1 })).toMatchObject({ message: "Invalid value 1 for configuration segment.bytes: Value must be at least 14" });
  });

  it("prints doubles the way Java does", () => {
    expect([0.5, 1, 0, 1e7, 0.0001, 12345.5].map(javaDoubleString)).toEqual(["0.5", "1.0", "0.0", "1.0E7", "1.0E-4", "12345.5"]);
  });
});

describe("broker configs", () => {
  it("uses the scenario format's scheduling defaults", () => {
    expect(brokerDefaults).toMatchObject({ "group.initial.rebalance.delay.ms": 0, "log.retention.check.interval.ms": 1000, "log.cleaner.backoff.ms": 1000, "num.partitions": 1, "offsets.retention.minutes": 10080 });
  });

  it("knows broker names, including every topic synonym", () => {
    for (const n of ["log.retention.hours", "log.roll.ms", "log.cleaner.min.cleanable.ratio", "message.max.bytes", "group.initial.rebalance.delay.ms", "auto.create.topics.enable", "node.id", "process.roles"]) expect(isKnownBrokerConfig(n)).toBe(true);
    expect(isKnownBrokerConfig("retention.ms")).toBe(false);
  });

  it("validates broker values with the broker name in the message", () => {
    expect(validateBrokerConfig("log.segment.bytes", 10)).toMatchObject({ ok: false, message: "Invalid value 10 for configuration log.segment.bytes: Value must be at least 14" });
    expect(validateBrokerConfig("log.roll.hours", 0)).toMatchObject({ ok: false, message: "Invalid value 0 for configuration log.roll.hours: Value must be at least 1" });
    expect(validateBrokerConfig("log.retention.check.interval.ms", 500)).toEqual({ ok: true, value: "500" });
    expect(validateBrokerConfig("auto.create.topics.enable", "maybe")).toMatchObject({ ok: false });
    expect(validateBrokerConfig("log.retention.dayz", 1)).toMatchObject({ ok: false, message: "The configuration 'log.retention.dayz' was supplied but isn't a known config." });
  });
});

describe("client configs", () => {
  it("has Kafka 3.x consumer defaults", () => {
    expect(consumerDefaults).toMatchObject({
      "session.timeout.ms": 45000,
      "heartbeat.interval.ms": 3000,
      "max.poll.interval.ms": 300000,
      "max.poll.records": 500,
      "enable.auto.commit": true,
      "auto.commit.interval.ms": 5000,
      "auto.offset.reset": "latest",
      "partition.assignment.strategy": ["range", "cooperative-sticky"],
      "isolation.level": "read_uncommitted",
      "group.instance.id": null,
      "metadata.max.age.ms": 300000,
      "group.id": null,
      "group.protocol": "classic",
    });
    expect(isKnownConsumerConfig("client.id")).toBe(true);
    expect(isKnownConsumerConfig("acks")).toBe(false);
  });

  it("has Kafka 3.x producer defaults", () => {
    expect(producerDefaults).toMatchObject({
      acks: "all",
      "enable.idempotence": true,
      "transactional.id": null,
      "batch.size": 16384,
      "linger.ms": 0,
      retries: 2147483647,
      "transaction.timeout.ms": 60000,
      "max.in.flight.requests.per.connection": 5,
      "delivery.timeout.ms": 120000,
      "metadata.max.age.ms": 300000,
    });
    expect(isKnownProducerConfig("partitioner.ignore.keys")).toBe(true);
    expect(isKnownProducerConfig("group.id")).toBe(false);
    expect(isKnownProducerConfig("toString")).toBe(false);
  });
});
