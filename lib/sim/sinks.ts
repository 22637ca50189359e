/**
 * Sinks: the "outside system" a consumer's processing writes to (a table, a payment API). Insert
 * appends a row per processed record, so a redelivered record is written twice; upsert keeps one
 * row per dedupe key (the idempotent consumer), so a redelivery only overwrites.
 */
import { emit, type Ctx } from "./context";
import { emptyVec, get, push, set } from "./pvec";
import type { DeliveredRecord, SinkSpec, SinkState } from "./types";

/** The dedupe key of a record for a sink ("offset" means topic-partition-offset). */
function dedupeKey(spec: SinkSpec | SinkState, r: DeliveredRecord): string {
  if (spec.mode === "insert" || spec.key === "offset") return `${r.topic}-${r.partition}-${r.offset}`;
  return JSON.stringify(spec.key === "key" ? r.key : r.value);
}

/** A sink with no rows. */
export function emptySink(spec: SinkSpec): SinkState {
  return { name: spec.name, mode: spec.mode, key: spec.key, rows: emptyVec(), index: {} };
}

/** Writes processed records to the sink `spec.name`, as client `client`. */
export function writeSink(ctx: Ctx, spec: SinkSpec, client: string, records: readonly DeliveredRecord[]): void {
  if (records.length === 0) return;
  let sink = ctx.state.sinks[spec.name] ?? emptySink(spec);
  for (const r of records) {
    const key = dedupeKey(sink, r);
    const at = sink.index[key];
    const row = { key: r.key, value: r.value, topic: r.topic, partition: r.partition, offset: r.offset, client, at: ctx.state.time, writes: 1 };
    if (at === undefined) {
      sink = { ...sink, rows: push(sink.rows, row), index: { ...sink.index, [key]: sink.rows.size } };
      emit(ctx, { type: "sink-write", sink: sink.name, row, duplicate: false, overwrite: false });
    } else if (sink.mode === "upsert") {
      const previous = get(sink.rows, at)!;
      const updated = { ...row, writes: previous.writes + 1 };
      sink = { ...sink, rows: set(sink.rows, at, updated) };
      emit(ctx, { type: "sink-write", sink: sink.name, row: updated, duplicate: true, overwrite: true });
    } else {
      sink = { ...sink, rows: push(sink.rows, row) };
      emit(ctx, { type: "sink-write", sink: sink.name, row, duplicate: true, overwrite: false });
    }
  }
  ctx.state = { ...ctx.state, sinks: { ...ctx.state.sinks, [sink.name]: sink } };
}
