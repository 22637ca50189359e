/**
 * Effective settings the engine runs on: broker knobs (with the scenario format's defaults for
 * the three scheduling knobs) and each topic's effective config (override → static broker
 * synonym → Kafka default), as numbers.
 */
import { brokerDefaults, effectiveTopicConfig } from "./configs";
import type { RollConfig } from "./log";
import type { ClusterState } from "./types";

/** The broker knobs the engine runs on, with the type of their value. */
type BrokerKnobs = {
  "group.initial.rebalance.delay.ms": number;
  "log.retention.check.interval.ms": number;
  "log.cleaner.backoff.ms": number;
  "log.cleaner.enable": boolean;
  "offsets.retention.minutes": number;
  "offsets.retention.check.interval.ms": number;
  "num.partitions": number;
  "auto.create.topics.enable": boolean;
  "group.min.session.timeout.ms": number;
  "group.max.session.timeout.ms": number;
};

/** A broker knob: the static value given by the setup, else the catalog's default (configs.ts). */
export function brokerSetting<K extends keyof BrokerKnobs>(state: ClusterState, name: K): BrokerKnobs[K] {
  const fallback = brokerDefaults[name] as BrokerKnobs[K];
  const raw = state.broker[name];
  if (raw === undefined) return fallback;
  return (typeof fallback === "boolean" ? raw === "true" : Number(raw)) as BrokerKnobs[K];
}

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
