/**
 * Sinks: the "outside system" a consumer's processing writes to (a table, a payment API). Insert
 * appends a row per processed record, so a redelivered record is written twice; upsert keeps one
 * row per dedupe key (the idempotent consumer), so a redelivery only overwrites.
 */
import { emit, type Ctx } from "./context";
import { emptyVec, get, push, set, toArray } from "./pvec";
import type { ClusterState, DeliveredRecord, SinkRow, SinkSpec, SinkState } from "./types";

/** The dedupe keys a row can be found by: record key, value, and topic-partition-offset. */
function keysOf(r: { key: string | null; value: string | null; topic: string; partition: number; offset: number }): Record<SinkSpec["key"], string> {
  return { key: `k:${JSON.stringify(r.key)}`, value: `v:${JSON.stringify(r.value)}`, offset: `o:${r.topic}-${r.partition}-${r.offset}` };
}

/** A sink with no rows. */
export function emptySink(spec: SinkSpec): SinkState {
  return { name: spec.name, mode: spec.mode, key: spec.key, rows: emptyVec(), index: {} };
}

/**
 * Writes processed records to the sink `spec.name`, as client `client`, the way `spec` says: insert
 * appends a row (a record processed again is a duplicate), upsert overwrites the latest row with the
 * same key, value or offset (so a redelivery is harmless). Writers of one sink may differ in mode.
 */
export function writeSink(ctx: Ctx, spec: SinkSpec, client: string, records: readonly DeliveredRecord[]): void {
  if (records.length === 0) return;
  let sink = ctx.state.sinks[spec.name] ?? emptySink(spec);
  const index = { ...sink.index };
  for (const r of records) {
    const keys = keysOf(r);
    const duplicate = index[keys.offset] !== undefined;
    const at = spec.mode === "upsert" ? index[keys[spec.key]] : undefined;
    const row = { key: r.key, value: r.value, topic: r.topic, partition: r.partition, offset: r.offset, client, at: ctx.state.time, writes: 1 };
    let position: number;
    if (at === undefined) {
      position = sink.rows.size;
      sink = { ...sink, rows: push(sink.rows, row) };
      emit(ctx, { type: "sink-write", sink: sink.name, row, duplicate, overwrite: false });
    } else {
      position = at;
      const updated = { ...row, writes: get(sink.rows, at)!.writes + 1 };
      sink = { ...sink, rows: set(sink.rows, at, updated) };
      emit(ctx, { type: "sink-write", sink: sink.name, row: updated, duplicate, overwrite: true });
    }
    for (const k of Object.values(keys)) index[k] = position;
  }
  ctx.state = { ...ctx.state, sinks: { ...ctx.state.sinks, [sink.name]: { ...sink, index } } };
}

/** The rows of sink `name`, oldest first ([] for a sink nothing has written to yet). */
export function sinkRows(state: ClusterState, name: string): SinkRow[] {
  const sink = state.sinks[name];
  return sink ? toArray(sink.rows) : [];
}
