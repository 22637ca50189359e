/**
 * Effective settings the engine runs on: broker knobs (with the scenario format's defaults for
 * the three scheduling knobs) and each topic's effective config (override → static broker
 * synonym → Kafka default), as numbers.
 */
import { effectiveTopicConfig } from "./configs";
import type { RollConfig } from "./log";
import type { ClusterState } from "./types";

/** Broker defaults as the runner uses them (kafka-semantics §1, scenario contract "broker"). */
const BROKER_DEFAULTS = {
  "group.initial.rebalance.delay.ms": 0,
  "log.retention.check.interval.ms": 1000,
  "log.cleaner.backoff.ms": 1000,
  "log.cleaner.enable": true,
  "offsets.retention.minutes": 10080,
  "offsets.retention.check.interval.ms": 600000,
  "num.partitions": 1,
  "auto.create.topics.enable": true,
  "group.min.session.timeout.ms": 6000,
  "group.max.session.timeout.ms": 1800000,
} as const;

type BrokerKnob = keyof typeof BROKER_DEFAULTS;

/** A broker knob: the static value given by the setup, else the default above. */
export function brokerSetting<K extends BrokerKnob>(state: ClusterState, name: K): (typeof BROKER_DEFAULTS)[K] {
  const raw = state.broker[name];
  const fallback = BROKER_DEFAULTS[name];
  if (raw === undefined) return fallback;
  return (typeof fallback === "boolean" ? raw === "true" : Number(raw)) as (typeof BROKER_DEFAULTS)[K];
}

/** A topic's effective configs, as numbers the engine runs on. */
export interface TopicSettings {
  retentionMs: number;
  retentionBytes: number;
  segmentBytes: number;
  /** Effective roll time: for compacted topics min(segment.ms, max.compaction.lag.ms). */
  segmentMs: number;
  segmentJitterMs: number;
  deletePolicy: boolean;
  compactPolicy: boolean;
  minCleanableDirtyRatio: number;
  deleteRetentionMs: number;
  minCompactionLagMs: number;
  maxCompactionLagMs: number;
}

// Settings depend only on the topic's override object and the broker's, which states share until
// a config changes, so they are computed once per pair (a cache, not state: it never changes results).
const cache = new WeakMap<object, WeakMap<object, TopicSettings>>();

/** The log's roll settings (segment.bytes, segment.ms as Kafka applies it, jitter). */
export function rollConfig(s: TopicSettings): RollConfig {
  return { "segment.bytes": s.segmentBytes, "segment.ms": s.segmentMs, "segment.jitter.ms": s.segmentJitterMs };
}

/** The effective config of topic `name` (which must exist). */
export function topicSettings(state: ClusterState, name: string): TopicSettings {
  const overrides = state.topics[name]!.config;
  let byBroker = cache.get(state.broker);
  if (!byBroker) cache.set(state.broker, (byBroker = new WeakMap()));
  let settings = byBroker.get(overrides);
  if (!settings) byBroker.set(overrides, (settings = computeSettings(overrides, state.broker)));
  return settings;
}

function computeSettings(overrides: Record<string, string>, broker: Record<string, string>): TopicSettings {
  const c = effectiveTopicConfig(overrides, broker);
  const compact = c.cleanupPolicy.includes("compact");
  return {
    retentionMs: c.retentionMs,
    retentionBytes: c.retentionBytes,
    segmentBytes: c.segmentBytes,
    segmentMs: c.maxSegmentMs,
    segmentJitterMs: c.segmentJitterMs,
    deletePolicy: c.cleanupPolicy.includes("delete"),
    compactPolicy: compact,
    minCleanableDirtyRatio: c.minCleanableDirtyRatio,
    deleteRetentionMs: c.deleteRetentionMs,
    minCompactionLagMs: c.minCompactionLagMs,
    maxCompactionLagMs: c.maxCompactionLagMs,
  };
}
