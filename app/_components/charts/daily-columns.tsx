/**
 * Activity over time as an SVG column chart (one column per day, server-rendered), with every
 * day's numbers in a table for screen readers.
 */
import { formatDay } from "@/lib/utils/format";
import { ChartFigure } from "./chart-figure";

export interface DailySeries {
  day: string;
  /** The charted value. */
  value: number;
  /** Further numbers of the day, for the table only. */
  extra: number[];
}

export function DailyColumns({ caption, days, headers }: { caption: string; days: DailySeries[]; headers: { value: string; extra: string[] } }) {
  const max = Math.max(1, ...days.map((d) => d.value));
  const width = days.length * 12;
  const height = 80;
  return (
    <ChartFigure caption={caption} headers={["Day", headers.value, ...headers.extra]} rows={days.map((d) => ({ key: d.day, head: formatDay(d.day), cells: [d.value, ...d.extra] }))}>
      <div aria-hidden="true" className="flex items-end gap-2 text-xs text-zinc-600 dark:text-zinc-400">
        <span className="tabular-nums">{max}</span>
        <svg viewBox={`0 0 ${width} ${height}`} className="h-24 w-full max-w-2xl" preserveAspectRatio="none">
          <line x1="0" y1={height - 0.5} x2={width} y2={height - 0.5} className="stroke-zinc-300 dark:stroke-zinc-700" />
          {days.map((d, i) => {
            const h = (d.value / max) * (height - 4);
            return (
              <rect key={d.day} x={i * 12 + 2} y={height - h} width="8" height={h} className="fill-sky-700 dark:fill-sky-400">
                <title>{`${formatDay(d.day)}: ${d.value}`}</title>
              </rect>
            );
          })}
        </svg>
      </div>
      {days.length > 0 && (
        <p aria-hidden="true" className="flex max-w-2xl justify-between text-xs text-zinc-600 dark:text-zinc-400">
          <span>{formatDay(days[0]!.day)}</span>
          <span>{formatDay(days.at(-1)!.day)}</span>
        </p>
      )}
    </ChartFigure>
  );
}
