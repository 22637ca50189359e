/**
 * What a "try it" panel shows, computed on the server from the engine's state (the browser never
 * re-implements Kafka rules): each partition's log with segment boundaries and its markers (log
 * start / end, high watermark, every group's committed offset, every consumer's position), the
 * consumers and groups, the sinks with duplicates flagged, which controls the engine would accept
 * now, and a text alternative for screen readers. Plain JSON.
 */
import { lastStableOffset, nextEventTime, readableRecords, sinkRows, step, type ClusterState, type Command, type ConsumerState } from "@/lib/sim";
import type { TryItScenario } from "./schemas";

/** Records shown per partition (the newest); older ones are summarised. */
export const RECORDS_SHOWN = 40;

export interface PartitionView {
  topic: string;
  partition: number;
  logStartOffset: number;
  logEndOffset: number;
  highWatermark: number;
  lastStableOffset: number;
  segments: { baseOffset: number; sizeBytes: number }[];
  records: { offset: number; key: string | null; value: string | null; control?: "COMMIT" | "ABORT" }[];
  /** Records at or above the log start offset that are not shown (older than the newest RECORDS_SHOWN). */
  hidden: number;
  committed: { group: string; offset: number }[];
  positions: { client: string; offset: number }[];
  /** The partition in one sentence (the drawing's text alternative). */
  description: string;
}

/**
 * A consumer as a learner would describe it: "kicked out" (removed by its poll timeout; it finds
 * out at its next poll, and still believes it owns its partitions until then), "not joined yet"
 * (started, but it has not polled so its group does not know it), and the client's own states.
 */
export type ConsumerStatusView = "not started" | "not joined yet" | "active" | "busy" | "crashed" | "closed" | "kicked out";

function consumerStatus(c: ConsumerState): ConsumerStatusView {
  if (c.status !== "crashed" && c.status !== "closed" && (c.kicked || c.status === "left")) return "kicked out";
  switch (c.status) {
    case "idle":
      return "not started";
    case "active":
      return c.config.groupId !== null && c.memberId === null ? "not joined yet" : "active";
    default:
      return c.status;
  }
}

export interface PanelView {
  scenario: { id: string; version: number };
  time: number;
  nextEventAt: number | null;
  partitions: PartitionView[];
  consumers: { id: string; group: string | null; status: ConsumerStatusView; assignment: string[]; busyUntil: number | null; pending: number }[];
  producers: { id: string; status: string }[];
  groups: { id: string; state: string; generation: number; assignor: string | null; members: { client: string; assignment: string[] }[] }[];
  sinks: { name: string; rows: { key: string | null; value: string | null; source: string; client: string; writes: number; duplicate: boolean }[] }[];
  /** The scenario's buttons: the command each sends, and whether the engine would run it now (else why not). */
  controls: { id: string; label: string; caption: string | null; command: Command; enabled: boolean; reason: string | null }[];
  /** One sentence per partition and consumer, for screen readers (the drawing's text alternative). */
  summary: string[];
}

/** Everything the drawing of `p` shows, in one sentence. */
function describe(p: Omit<PartitionView, "description">): string {
  const markers = [...p.committed.map((c) => `group ${c.group} committed ${c.offset}`), ...p.positions.map((c) => `${c.client} at ${c.offset}`)];
  if (p.highWatermark !== p.logEndOffset) markers.push(`high watermark ${p.highWatermark}`);
  if (p.lastStableOffset !== p.highWatermark) markers.push(`last stable offset ${p.lastStableOffset}`);
  const range = p.logEndOffset === p.logStartOffset ? "no records" : `offsets ${p.logStartOffset} to ${p.logEndOffset - 1}`;
  const shown = p.records.map((r) => (r.control ? `${r.offset} ${r.control} marker` : `${r.offset} ${r.key ?? "no key"}=${r.value ?? "tombstone"}`));
  const records = shown.length ? `; records ${p.hidden ? `(the newest ${shown.length}) ` : ""}${shown.join(", ")}` : "";
  return `${p.topic}-${p.partition}: ${range}, ${p.segments.length} segment(s), log end offset ${p.logEndOffset}${records}${markers.length ? `; ${markers.join(", ")}` : ""}.`;
}

function partitionViews(state: ClusterState): PartitionView[] {
  const out: PartitionView[] = [];
  for (const topic of Object.values(state.topics)) {
    topic.partitions.forEach((p, partition) => {
      const key = `${topic.name}-${partition}`;
      const all = readableRecords(p).map((r) => (r.control ? { offset: r.offset, key: null, value: null, control: r.control } : { offset: r.offset, key: r.key, value: r.value }));
      const view = {
        topic: topic.name,
        partition,
        logStartOffset: p.log.logStartOffset,
        logEndOffset: p.log.logEndOffset,
        highWatermark: p.log.highWatermark,
        lastStableOffset: lastStableOffset(p),
        segments: p.log.segments.map((s) => ({ baseOffset: s.baseOffset, sizeBytes: s.size })),
        records: all.slice(-RECORDS_SHOWN),
        hidden: Math.max(0, all.length - RECORDS_SHOWN),
        committed: Object.values(state.groups).flatMap((g) => (g.committed[key] ? [{ group: g.id, offset: g.committed[key]!.offset }] : [])),
        positions: Object.values(state.clients).flatMap((c) => (c.kind === "consumer" && c.positions[key] !== undefined ? [{ client: c.id, offset: c.positions[key]! }] : [])),
      };
      out.push({ ...view, description: describe(view) });
    });
  }
  return out;
}

function sinkViews(state: ClusterState): PanelView["sinks"] {
  return Object.keys(state.sinks).map((name) => {
    const seen = new Set<string>();
    return {
      name,
      rows: sinkRows(state, name).map((r) => {
        const source = `${r.topic}-${r.partition}@${r.offset}`;
        const duplicate = seen.has(source);
        seen.add(source);
        return { key: r.key, value: r.value, source, client: r.client, writes: r.writes, duplicate };
      }),
    };
  });
}

function summary(view: Pick<PanelView, "partitions" | "consumers" | "sinks">): string[] {
  const lines = view.partitions.map((p) => p.description);
  for (const c of view.consumers) lines.push(`${c.id} is ${c.status}${c.assignment.length ? `, owns ${c.assignment.join(", ")}` : ", owns nothing"}.`);
  for (const s of view.sinks) {
    const duplicates = s.rows.filter((r) => r.duplicate).length;
    lines.push(`${s.name}: ${s.rows.length} row(s)${duplicates ? `, ${duplicates} duplicate(s)` : ""}.`);
  }
  return lines;
}

/** The panel's view of `state` for `scenario` (controls are tried on the engine to see if they would run). */
export function panelView(scenario: TryItScenario, state: ClusterState): PanelView {
  const partitions = partitionViews(state);
  const consumers: PanelView["consumers"] = [];
  const producers: PanelView["producers"] = [];
  for (const c of Object.values(state.clients)) {
    if (c.kind === "producer") producers.push({ id: c.id, status: c.status });
    else consumers.push({ id: c.id, group: c.config.groupId, status: consumerStatus(c), assignment: c.assignment.map((tp) => `${tp.topic}-${tp.partition}`), busyUntil: c.busyUntil, pending: c.pending.length });
  }
  const groups = Object.values(state.groups).map((g) => ({
    id: g.id,
    state: g.state,
    generation: g.generation,
    assignor: g.assignor,
    members: Object.values(g.members).map((m) => ({ client: m.clientId, assignment: m.assignment.map((tp) => `${tp.topic}-${tp.partition}`) })),
  }));
  const sinks = sinkViews(state);
  const controls = scenario.controls.map((c) => {
    const tried = step(state, c.command as Command);
    return { id: c.id, label: c.label, caption: c.caption ?? null, command: c.command as Command, enabled: tried.ok, reason: tried.ok ? null : tried.error.message };
  });
  return {
    scenario: { id: scenario.id, version: scenario.version },
    time: state.time,
    nextEventAt: nextEventTime(state, state.time + 7 * 24 * 3600 * 1000),
    partitions,
    consumers,
    producers,
    groups,
    sinks,
    controls,
    summary: summary({ partitions, consumers, sinks }),
  };
}
