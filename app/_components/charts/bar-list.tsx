/**
 * A horizontal bar chart drawn with plain boxes (server-rendered, no script), with its numbers in a
 * table for screen readers: the drawing is hidden from them, the table from sight.
 */
import { ChartFigure } from "./chart-figure";

export interface BarRow {
  label: string;
  /** Length of the bar, 0..max. */
  value: number;
  /** The value in words, shown after the bar and in the table ("64%", "12 of 30"). */
  text: string;
  /** Marks the bar (the key of a question, a flagged lesson) in colour and, in the table, in words. */
  mark?: string;
}

/**
 * `stacked` puts each label on its own line above its bar (for long labels, such as quiz choices).
 * `tableCaption` tells apart tables that share a visible caption (one chart per quiz question).
 */
export function BarList({
  caption,
  tableCaption = caption,
  rows,
  max,
  headers,
  stacked = false,
}: {
  caption: string;
  tableCaption?: string;
  rows: BarRow[];
  max: number;
  headers: [string, string];
  stacked?: boolean;
}) {
  return (
    <ChartFigure caption={caption} tableCaption={tableCaption} headers={headers} rows={rows.map((r, i) => ({ key: String(i), head: r.mark ? `${r.label} (${r.mark})` : r.label, cells: [r.text] }))}>
      <ul aria-hidden="true" className={`text-xs ${stacked ? "space-y-2" : "space-y-1"}`}>
        {rows.map((r, i) => (
          <li key={i} className={`grid items-center gap-x-2 ${stacked ? "grid-cols-[1fr_10rem]" : "grid-cols-[minmax(0,12rem)_1fr_10rem]"}`}>
            <span className={stacked ? "col-span-2" : "truncate"} title={stacked ? undefined : r.label}>
              {r.label}
            </span>
            <span className="h-3 rounded bg-zinc-100 dark:bg-zinc-800">
              <span
                className={`block h-3 rounded ${r.mark ? "bg-emerald-600 dark:bg-emerald-500" : "bg-sky-700 dark:bg-sky-400"}`}
                style={{ width: `${max > 0 ? Math.min(100, (r.value / max) * 100) : 0}%` }}
              />
            </span>
            <span className="tabular-nums">
              {r.text}
              {r.mark && <span className="ml-1 font-semibold">{r.mark}</span>}
            </span>
          </li>
        ))}
      </ul>
    </ChartFigure>
  );
}
