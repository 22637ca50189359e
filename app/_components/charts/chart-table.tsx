/**
 * A chart's numbers as a table for screen readers, hidden from sight. sr-only sits on a wrapper: a
 * table ignores the 1 px width and would widen narrow pages.
 */
export function ChartTable({ caption, headers, rows }: { caption: string; headers: string[]; rows: { key: string; head: string; cells: (string | number)[] }[] }) {
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
