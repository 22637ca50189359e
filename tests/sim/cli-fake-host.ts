/**
 * A small in-memory CliHost for the CLI golden tests: topics with logs (log start offset and
 * records), groups set up by the test, keyed records placed by murmur2, keyless ones on
 * partition 0. Deliberately simple: the real engine implements CliHost over its own state.
 */
import type { CliGroup, CliHost, CliRecord, CliResult } from "@/lib/sim/cli/host";
import { validateTopicConfigs } from "@/lib/sim/configs";
import { partitionForKey } from "@/lib/sim/murmur2";

export interface FakePartition {
  logStartOffset: number;
  records: { offset: number; key: string | null; value: string | null; timestamp: number }[];
  /** Offsets at or above this are in an open transaction (read_committed stops there). */
  lastStableOffset?: number;
}

export interface FakeTopic {
  topicId: string;
  overrides: Record<string, string>;
  partitions: FakePartition[];
}

export interface FakeHost extends CliHost {
  topics: Map<string, FakeTopic>;
  groups: Map<string, CliGroup>;
  /** The time stamped on produced records. */
  now: number;
}

const endOf = (p: FakePartition) => (p.records.length === 0 ? p.logStartOffset : p.records[p.records.length - 1]!.offset + 1);
const err = (type: string, message: string): CliResult => ({ ok: false, error: { type, message } });

let ids = 0;
const nextTopicId = () => `Tp${String(++ids).padStart(2, "0")}AAAAAAAAAAAAAAAAAAA`.slice(0, 22);

/** A fake cluster with the given static broker configs. */
export function fakeHost(staticBrokerConfigs: Record<string, string> = {}): FakeHost {
  const topics = new Map<string, FakeTopic>();
  const groups = new Map<string, CliGroup>();
  const host: FakeHost = {
    topics,
    groups,
    now: 1000,
    staticBrokerConfigs,
    listTopics: () => [...topics.keys()].sort(),
    topic: (name) => {
      const t = topics.get(name);
      return t ? { name, topicId: t.topicId, partitions: t.partitions.length, overrides: { ...t.overrides } } : null;
    },
    partitionOffsets: (name) =>
      (topics.get(name)?.partitions ?? []).map((p) => ({ logStartOffset: p.logStartOffset, highWatermark: endOf(p), lastStableOffset: p.lastStableOffset ?? endOf(p) })),
    createTopic: (name, partitions, overrides) => {
      if (topics.has(name)) return err("TopicExistsException", `Topic '${name}' already exists.`);
      const checked = validateTopicConfigs(overrides);
      if (!checked.ok) return err(checked.type, checked.message);
      topics.set(name, { topicId: nextTopicId(), overrides: checked.value, partitions: Array.from({ length: partitions }, () => ({ logStartOffset: 0, records: [] })) });
      return { ok: true };
    },
    deleteTopic: (name) => {
      if (!topics.delete(name)) return err("UnknownTopicOrPartitionException", "This server does not host this topic-partition.");
      for (const [id, g] of groups) groups.set(id, { ...g, committed: g.committed.filter((c) => c.topic !== name) });
      return { ok: true };
    },
    alterPartitions: (name, partitions) => {
      const t = topics.get(name);
      if (!t) return err("UnknownTopicOrPartitionException", "This server does not host this topic-partition.");
      while (t.partitions.length < partitions) t.partitions.push({ logStartOffset: 0, records: [] });
      return { ok: true };
    },
    alterTopicConfig: (name, set, del) => {
      const t = topics.get(name);
      if (!t) return err("UnknownTopicOrPartitionException", "This server does not host this topic-partition.");
      const next = { ...t.overrides, ...set };
      for (const k of del) delete next[k];
      const checked = validateTopicConfigs(next);
      if (!checked.ok) return err(checked.type, checked.message);
      t.overrides = checked.value;
      return { ok: true };
    },
    listGroups: () => [...groups.keys()].sort(),
    group: (id) => groups.get(id) ?? null,
    commitOffsets: (id, offsets) => {
      const g = groups.get(id) ?? { id, state: "Empty" as const, assignor: "", members: [], committed: [] };
      const committed = g.committed.filter((c) => !offsets.some((o) => o.topic === c.topic && o.partition === c.partition));
      groups.set(id, { ...g, committed: [...committed, ...offsets] });
      return { ok: true };
    },
    produce: (name, key, value) => {
      const t = topics.get(name);
      if (!t) return err("UnknownTopicOrPartitionException", "This server does not host this topic-partition.");
      const compacted = (t.overrides["cleanup.policy"] ?? "").includes("compact");
      const partition = key === null ? 0 : partitionForKey(key, t.partitions.length);
      if (compacted && key === null) return err("InvalidRecordException", `Compacted topic cannot accept message without key in topic partition ${name}-${partition}.`);
      const p = t.partitions[partition]!;
      p.records.push({ offset: endOf(p), key, value, timestamp: host.now });
      return { ok: true };
    },
    consume: (req) => {
      const t = topics.get(req.topic);
      if (!t) return { error: { type: "UnknownTopicOrPartitionException", message: "This server does not host this topic-partition." } };
      const g = req.group === null ? null : groups.get(req.group);
      const out: CliRecord[] = [];
      const commits: { topic: string; partition: number; offset: number }[] = [];
      const which = req.partition === null ? t.partitions.map((_, i) => i) : [req.partition];
      for (const p of which) {
        const part = t.partitions[p];
        if (!part) return { error: { type: "UnknownTopicOrPartitionException", message: "This server does not host this topic-partition." } };
        const limit = req.isolationLevel === "read_committed" ? (part.lastStableOffset ?? endOf(part)) : endOf(part);
        const committed = g?.committed.find((c) => c.topic === req.topic && c.partition === p)?.offset;
        let position = req.offset ?? committed ?? (req.fromBeginning ? part.logStartOffset : endOf(part));
        for (const r of part.records) {
          if (req.maxMessages !== null && out.length >= req.maxMessages) break;
          if (r.offset < position || r.offset >= limit) continue;
          out.push({ key: r.key, value: r.value, partition: p, offset: r.offset, timestamp: r.timestamp });
          position = r.offset + 1;
        }
        commits.push({ topic: req.topic, partition: p, offset: position });
      }
      if (req.group !== null) host.commitOffsets(req.group, commits);
      return { records: out };
    },
  };
  return host;
}

/** Adds a topic directly (bypassing the CLI) with the given records per partition. */
export function addTopic(host: FakeHost, name: string, partitions: (string | null)[][] | number, overrides: Record<string, string> = {}, topicId = "AbCdEfGhIjKlMnOpQrStUw"): void {
  const values = typeof partitions === "number" ? Array.from({ length: partitions }, () => []) : partitions;
  host.topics.set(name, {
    topicId,
    overrides,
    partitions: values.map((vs) => ({ logStartOffset: 0, records: vs.map((value, offset) => ({ offset, key: `k${offset}`, value, timestamp: 1000 + offset })) })),
  });
}
