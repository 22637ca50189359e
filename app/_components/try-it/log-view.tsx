/**
 * The partitions drawn as logs: one cell per record (offset, key=value; commit/abort markers set
 * apart), a thicker edge where a segment starts, an empty cell for the log end offset (where the
 * next record goes), and under the cells the markers: each group's committed offset and each
 * consumer's position. Each log is an image to screen readers, described by the view's sentence
 * for that partition; it scrolls sideways and can be focused to do so by keyboard.
 */
import type { PartitionView } from "@/lib/try-it/view";

interface Marker {
  label: string;
  kind: "committed" | "position" | "watermark";
}

/** Markers by the offset of the cell they point at (a marker on a removed offset points at the next record). */
function markersByCell(p: PartitionView, cells: number[]): Map<number, Marker[]> {
  const at = new Map<number, Marker[]>();
  const place = (offset: number, marker: Marker) => {
    const cell = cells.find((c) => c >= offset) ?? p.logEndOffset;
    if (offset < p.logStartOffset) marker = { ...marker, label: `${marker.label} (before the log start)` };
    else if (p.hidden > 0 && offset < (cells[0] ?? p.logEndOffset)) marker = { ...marker, label: `${marker.label} (in the older records)` };
    at.set(cell, [...(at.get(cell) ?? []), marker]);
  };
  for (const c of p.committed) place(c.offset, { label: `${c.group} committed ${c.offset}`, kind: "committed" });
  for (const c of p.positions) place(c.offset, { label: `${c.client} at ${c.offset}`, kind: "position" });
  if (p.highWatermark !== p.logEndOffset) place(p.highWatermark, { label: `high watermark ${p.highWatermark}`, kind: "watermark" });
  if (p.lastStableOffset !== p.highWatermark) place(p.lastStableOffset, { label: `last stable offset ${p.lastStableOffset}`, kind: "watermark" });
  return at;
}

const MARKER_STYLE: Record<Marker["kind"], string> = {
  committed: "text-emerald-800 dark:text-emerald-300",
  position: "text-sky-800 dark:text-sky-300",
  watermark: "text-amber-800 dark:text-amber-300",
};

function segmentOf(p: PartitionView, offset: number): number {
  let base = p.segments[0]?.baseOffset ?? 0;
  for (const s of p.segments) if (s.baseOffset <= offset) base = s.baseOffset;
  return base;
}

function PartitionLog({ p }: { p: PartitionView }) {
  const cells = p.records.map((r) => r.offset);
  const markers = markersByCell(p, cells);
  const segments = p.records.map((r) => segmentOf(p, r.offset));
  return (
    <div data-partition={`${p.topic}-${p.partition}`}>
      <p className="mb-1 font-mono text-xs text-zinc-700 dark:text-zinc-300">
        <span className="font-semibold">{`${p.topic}-${p.partition}`}</span>
        {` · log start ${p.logStartOffset} · log end ${p.logEndOffset} · ${p.segments.length} segment${p.segments.length === 1 ? "" : "s"}`}
      </p>
      <div role="img" aria-label={p.description} tabIndex={0} className="flex items-start overflow-x-auto pb-1">
        {p.hidden > 0 && <div className="mr-1 self-center text-xs whitespace-nowrap text-zinc-600 dark:text-zinc-400">{`… ${p.hidden} older`}</div>}
        {p.records.map((r, i) => {
          const segment = segments[i]!;
          const starts = i === 0 || segment !== segments[i - 1];
          return (
            <div key={r.offset} className="flex min-w-[4.5rem] flex-col">
              <div
                data-offset={r.offset}
                data-segment-start={starts ? segment : undefined}
                className={`h-14 border-y border-r border-zinc-400 px-1.5 py-1 font-mono text-xs dark:border-zinc-600 ${starts ? "border-l-4 border-l-zinc-800 dark:border-l-zinc-200" : ""} ${r.control ? "bg-zinc-200 dark:bg-zinc-800" : "bg-white dark:bg-zinc-950"}`}
              >
                <div className="text-zinc-600 dark:text-zinc-400">{r.offset}</div>
                <div className="truncate">{r.control ? r.control : `${r.key ?? "∅"}=${r.value ?? "tombstone"}`}</div>
                {starts && <div className="text-[10px] text-zinc-600 dark:text-zinc-400">{`seg ${segment}`}</div>}
              </div>
              <MarkerList markers={markers.get(r.offset)} />
            </div>
          );
        })}
        <div className="flex min-w-[4.5rem] flex-col">
          <div data-offset={p.logEndOffset} data-log-end className="h-14 border border-dashed border-zinc-400 px-1.5 py-1 font-mono text-xs text-zinc-600 dark:border-zinc-600 dark:text-zinc-400">
            <div>{p.logEndOffset}</div>
            <div>next</div>
          </div>
          <MarkerList markers={markers.get(p.logEndOffset)} />
        </div>
      </div>
    </div>
  );
}

function MarkerList({ markers }: { markers: Marker[] | undefined }) {
  if (!markers?.length) return null;
  return (
    <ul className="mt-0.5 space-y-0.5 text-[11px] leading-tight">
      {markers.map((m) => (
        <li key={m.label} className={`font-semibold whitespace-nowrap ${MARKER_STYLE[m.kind]}`}>{`▲ ${m.label}`}</li>
      ))}
    </ul>
  );
}

/** Every partition's log. */
export function LogView({ partitions }: { partitions: PartitionView[] }) {
  return (
    <div className="space-y-3" data-log-view>
      {partitions.map((p) => (
        <PartitionLog key={`${p.topic}-${p.partition}`} p={p} />
      ))}
    </div>
  );
}
