import type { ReactNode } from "react";

export interface ChartTableRow {
  key: string;
  head: string;
  cells: (string | number)[];
}

/**
 * A chart: its caption and drawing (`children`, which must be aria-hidden) for sight, and its
 * numbers as a table for screen readers, which read the caption once, from the table.
 */
export function ChartFigure({
  caption,
  tableCaption = caption,
  headers,
  rows,
  children,
}: {
  caption: string;
  tableCaption?: string;
  headers: string[];
  rows: ChartTableRow[];
  children: ReactNode;
}) {
  return (
    <figure className="space-y-2">
      <figcaption aria-hidden="true" className="text-sm font-medium">
        {caption}
      </figcaption>
      {children}
      <ChartTable caption={tableCaption} headers={headers} rows={rows} />
    </figure>
  );
}

/** The table, hidden from sight. sr-only sits on a wrapper: a table ignores the 1 px width and would widen narrow pages. */
function ChartTable({ caption, headers, rows }: { caption: string; headers: string[]; rows: ChartTableRow[] }) {
  return (
    <div className="sr-only">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.head}</th>
              {r.cells.map((c, i) => (
                <td key={i}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
