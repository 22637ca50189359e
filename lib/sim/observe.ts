/**
 * The runner's observation (scenario-contract.md, "Observation"): the cluster as Kafka's tools
 * would show it, plus each client's history. The state holds what Kafka holds; histories (acks,
 * deliveries, processing, errors, CLI output) are collected from the events, so the state's size
 * follows the retained data, not the number of steps.
 */
import type { TopicPartitionRef } from "./assignors";
import type { SimEvent } from "./events";
import { forEachFrom, toArray } from "./pvec";
import { lastStableOffset } from "./partition";
import { parseTpKey, type ClusterState, type ConsumerState, type DeliveredRecord, type PartitionState } from "./types";

/** A delivered or processed record in a client's history. */
export interface HistoryRecord {
  at: number;
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  value: string | null;
}

/** What a client did over the run (built from events, not kept in the state). */
export interface ClientHistory {
  acks: { at: number; topic: string; partition: number; offset: number }[];
  delivered: HistoryRecord[];
  processed: HistoryRecord[];
  errors: { at: number; type: string; message: string }[];
}

/** Every client's history and the CLI transcript. */
export interface History {
  clients: Record<string, ClientHistory>;
  cli: { at: number; command: string; stdout: string; stderr: string; exitCode: number }[];
}

/** A history with nothing in it yet. */
export function emptyHistory(): History {
  return { clients: {}, cli: [] };
}

function clientHistory(h: History, id: string): ClientHistory {
  return (h.clients[id] ??= { acks: [], delivered: [], processed: [], errors: [] });
}

const toHistory = (at: number, r: DeliveredRecord): HistoryRecord => ({ at, topic: r.topic, partition: r.partition, offset: r.offset, key: r.key, value: r.value });

/** Adds a step's events to the history (mutates `history`, which belongs to the caller). */
export function recordEvents(history: History, events: readonly SimEvent[]): void {
  for (const e of events) {
    switch (e.type) {
      case "produced":
      case "duplicate-ignored":
        if (e.ack !== null) clientHistory(history, e.client).acks.push({ at: e.at, topic: e.topic, partition: e.partition, offset: e.ack });
        break;
      case "produced-batch": {
        const acks = clientHistory(history, e.client).acks;
        e.offsets.forEach((offset, i) => acks.push({ at: e.at, topic: e.topic, partition: e.partitions[i]!, offset: e.acked ? offset : -1 }));
        break;
      }
      case "delivered":
        clientHistory(history, e.client).delivered.push(...e.records.map((r) => toHistory(e.at, r)));
        break;
      case "processed":
        clientHistory(history, e.client).processed.push(...e.records.map((r) => toHistory(e.at, r)));
        break;
      case "error":
        clientHistory(history, e.client).errors.push({ at: e.at, ...e.error });
        break;
      case "cli":
        history.cli.push({ at: e.at, command: e.command, stdout: e.stdout, stderr: e.stderr, exitCode: e.exitCode });
        break;
    }
  }
}

type ObservedRecord = { offset: number; key: string | null; value: string | null; timestamp: number } | { offset: number; control: "COMMIT" | "ABORT" };

function observePartition(p: PartitionState) {
  const records: ObservedRecord[] = [];
  for (const segment of p.log.segments) {
    forEachFrom(segment.records, 0, (r) => {
      if (r.offset < p.log.logStartOffset) return;
      records.push(r.control ? { offset: r.offset, control: r.control } : { offset: r.offset, key: r.key, value: r.value, timestamp: r.timestamp });
    });
  }
  return {
    logStartOffset: p.log.logStartOffset,
    logEndOffset: p.log.logEndOffset,
    highWatermark: p.log.highWatermark,
    lastStableOffset: lastStableOffset(p),
    segments: p.log.segments.map((s) => ({ baseOffset: s.baseOffset, sizeBytes: s.size })),
    records,
  };
}

const tpName = (tp: TopicPartitionRef) => `${tp.topic}-${tp.partition}`;

/** Kafka's order for lists without a natural one: by topic, then partition number (t-2 before t-10). */
function byTopicPartition(a: string, b: string): number {
  const x = parseTpKey(a);
  const y = parseTpKey(b);
  if (!x || !y) return a < b ? -1 : 1;
  return x.topic === y.topic ? x.partition - y.partition : x.topic < y.topic ? -1 : 1;
}

function observeConsumer(c: ConsumerState, h: ClientHistory) {
  return {
    kind: "consumer" as const,
    status: c.status === "idle" ? "active" : c.status,
    assignment: c.assignment.map(tpName),
    position: Object.fromEntries(c.assignment.map(tpName).filter((k) => c.positions[k] !== undefined).map((k) => [k, c.positions[k]!])),
    delivered: h.delivered,
    processed: h.processed,
    errors: h.errors,
  };
}

/** The observation of `state` with `history`; `events` is included when given (--events). */
export function observe(state: ClusterState, history: History, events?: readonly SimEvent[]) {
  const empty: ClientHistory = { acks: [], delivered: [], processed: [], errors: [] };
  return {
    time: state.time,
    topics: Object.fromEntries(
      Object.values(state.topics).map((t) => [t.name, { partitions: t.partitions.length, config: { ...t.config }, log: t.partitions.map(observePartition) }]),
    ),
    groups: Object.fromEntries(
      Object.values(state.groups).map((g) => [
        g.id,
        {
          state: g.state,
          protocol: "classic",
          assignor: g.assignor,
          generation: g.generation,
          members: Object.values(g.members)
            .sort((a, b) => (a.memberId < b.memberId ? -1 : 1))
            .map((m) => ({ client: m.clientId, memberId: m.memberId, assignment: m.assignment.map(tpName) })),
          committed: Object.fromEntries(Object.entries(g.committed).sort(([a], [b]) => byTopicPartition(a, b)).map(([tp, c]) => [tp, c.offset])),
        },
      ]),
    ),
    clients: Object.fromEntries(
      Object.values(state.clients).map((c) => {
        const h = history.clients[c.id] ?? empty;
        return [c.id, c.kind === "consumer" ? observeConsumer(c, h) : { kind: "producer" as const, acks: h.acks, errors: h.errors }];
      }),
    ),
    sinks: Object.fromEntries(
      Object.values(state.sinks).map((s) => [s.name, { rows: toArray(s.rows).map((r) => ({ key: r.key, value: r.value, topic: r.topic, partition: r.partition, offset: r.offset })) }]),
    ),
    cli: history.cli,
    events: events ? [...events] : [],
  };
}

/** The runner's output (scenario-contract.md "Observation"). */
export type Observation = ReturnType<typeof observe>;
