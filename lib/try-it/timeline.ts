/**
 * The panel's timeline: the engine's events told in the lessons' style ("c1 reads offset 0 → …
 * → CRASH before commit → … charged twice ❌"). Generated, never written by hand, so it always
 * says what the simulator did. Events that only matter to the engine are left out.
 */
import type { SimEvent } from "@/lib/sim";

export type Tone = "info" | "good" | "bad";

export interface TimelineEntry {
  at: number;
  text: string;
  tone: Tone;
}

const tp = (topic: string, partition: number) => `${topic}-${partition}`;

function range(offsets: number[]): string {
  if (offsets.length === 0) return "";
  const first = offsets[0]!;
  const last = offsets[offsets.length - 1]!;
  return first === last ? `offset ${first}` : `offsets ${first}–${last}`;
}

const RESET_REASON: Record<string, string> = {
  committed: "the group's committed offset",
  "no-committed-offset": "no committed offset → auto.offset.reset",
  "out-of-range": "out of range → auto.offset.reset",
};

const REMOVAL: Record<string, string> = {
  leave: "left the group (LeaveGroup)",
  "session-timeout": "session timed out (no heartbeat) → removed",
  "poll-timeout": "took longer than max.poll.interval.ms → left the group",
  "rebalance-timeout": "did not rejoin in time → removed",
};

/** One line for an event, or null for events the timeline does not show. */
function describe(e: SimEvent): { text: string; tone: Tone } | null {
  switch (e.type) {
    case "produced":
      return { text: `${e.client} writes ${e.key ?? "(no key)"}=${e.value ?? "(tombstone)"} → ${tp(e.topic, e.partition)} @ ${e.offset}${e.retry ? " (retry: a duplicate)" : ""}`, tone: e.retry ? "bad" : "info" };
    case "produced-batch":
      return { text: `${e.client} writes ${e.offsets.length} records to ${e.topic}`, tone: "info" };
    case "duplicate-ignored":
      return { text: `broker drops ${e.client}'s retry (idempotent producer): still one copy @ ${e.offset}`, tone: "good" };
    case "marker":
      return { text: `${e.control} marker → ${tp(e.topic, e.partition)} @ ${e.offset}`, tone: e.control === "COMMIT" ? "good" : "bad" };
    case "delivered": {
      const first = e.records[0]!;
      return { text: `${e.client} reads ${range(e.records.map((r) => r.offset))} from ${tp(first.topic, first.partition)}${e.records.length > 1 && new Set(e.records.map((r) => tp(r.topic, r.partition))).size > 1 ? " and more" : ""}`, tone: "info" };
    }
    case "processing":
      return { text: `${e.client} starts processing ${e.records.length} record(s), busy until ${e.until / 1000} s`, tone: "info" };
    case "sink-write":
      if (e.overwrite) return { text: `${e.row.client} upserts ${e.row.key} into ${e.sink} (same row, harmless) ✅`, tone: "good" };
      return e.duplicate
        ? { text: `${e.row.client} writes ${e.row.key} to ${e.sink} AGAIN → twice ❌`, tone: "bad" }
        : { text: `${e.row.client} writes ${e.row.key} to ${e.sink} ✅`, tone: "good" };
    case "committed":
      return { text: `${e.client ?? "admin"} commits ${Object.entries(e.offsets).map(([k, v]) => `${k} → ${v}`).join(", ")}${e.auto ? " (auto-commit)" : ""}`, tone: "info" };
    case "error":
      return { text: `${e.client}: ${e.error.type} ❌`, tone: "bad" };
    case "client":
      if (e.action === "crashed") return { text: `${e.client} CRASHES (no commit, no LeaveGroup)`, tone: "bad" };
      if (e.action === "kicked-out") return { text: `${e.client} is out of the group: its next commit will fail`, tone: "bad" };
      return { text: `${e.client} ${e.action}`, tone: "info" };
    case "member-removed":
      return { text: `${e.group}: ${e.client} ${REMOVAL[e.reason]}`, tone: e.reason === "leave" ? "info" : "bad" };
    case "rebalance-started":
      return { text: `${e.group}: rebalance starts`, tone: "info" };
    case "rebalance-completed":
      return { text: `${e.group}: generation ${e.generation} (${e.assignor}, ${e.protocol})`, tone: "info" };
    case "revoked":
      return e.partitions.length ? { text: `${e.client} ${e.lost ? "loses" : "gives up"} ${e.partitions.map((p) => tp(p.topic, p.partition)).join(", ")}`, tone: "info" } : null;
    case "assigned":
      return { text: `${e.client} owns ${e.partitions.map((p) => tp(p.topic, p.partition)).join(", ") || "nothing"}`, tone: "info" };
    case "position-reset":
      return { text: `${e.client} starts ${tp(e.topic, e.partition)} at ${e.to} (${RESET_REASON[e.reason]})`, tone: e.reason === "out-of-range" ? "bad" : "info" };
    case "seek":
      return { text: `${e.client} seeks ${tp(e.topic, e.partition)} to ${e.offset}`, tone: "info" };
    case "segments-deleted":
      return { text: `retention deletes ${e.baseOffsets.length} segment(s) of ${tp(e.topic, e.partition)} (${e.reason}) → log start offset ${e.logStartOffset}`, tone: "info" };
    case "records-deleted":
      return { text: `DeleteRecords on ${tp(e.topic, e.partition)} → log start offset ${e.logStartOffset}`, tone: "info" };
    case "cleaned":
      return { text: `cleaner compacts ${tp(e.topic, e.partition)}: ${e.removedOffsets.length} record(s) removed, offsets keep their gaps`, tone: "info" };
    case "partitions-added":
      return { text: `${e.topic} grows from ${e.from} to ${e.to} partitions (keys will move)`, tone: "info" };
    case "topic-config-changed":
      return { text: `${e.topic}: configs changed`, tone: "info" };
    case "sink-changed":
      return { text: `${e.client} now ${e.sink ? `${e.sink.mode}s into ${e.sink.name}${e.sink.mode === "upsert" ? ` by ${e.sink.key}` : ""}` : "writes nothing"}`, tone: "info" };
    case "txn":
      return { text: `${e.client ?? "coordinator"}: transaction ${e.action}`, tone: e.action === "commit" ? "good" : e.action === "init" || e.action === "begin" ? "info" : "bad" };
    case "cli":
      return { text: `$ ${e.command.split("\n")[0]}`, tone: e.exitCode === 0 ? "info" : "bad" };
    default:
      return null;
  }
}

/** Timeline entries for `events`, in order. */
export function timeline(events: readonly SimEvent[]): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const e of events) {
    const line = describe(e);
    if (line) out.push({ at: e.at, ...line });
  }
  return out;
}
