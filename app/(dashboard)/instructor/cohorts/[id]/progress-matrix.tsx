/**
 * The cohort's progress matrix as a server-rendered table: a row per learner, a column per
 * lesson, sortable by any column through links (so it works without JavaScript), with pages and
 * the CSV downloads. Each cell says its status in words (the colour only repeats it).
 */
import Link from "next/link";
import type { ProgressMatrix } from "@/lib/instructor/matrix";
import type { MatrixQuery } from "@/lib/instructor/schemas";
import { formatInstantDay } from "@/lib/utils/format";
import { STATUS_LABEL } from "./status";


export function ProgressMatrixTable({ cohortId, matrix, query }: { cohortId: string; matrix: ProgressMatrix; query: MatrixQuery }) {
  const base = `/instructor/cohorts/${cohortId}`;
  const href = (change: Partial<Record<keyof MatrixQuery, string | number>>) => {
    const params = new URLSearchParams();
    const merged = { ...query, ...change };
    for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== "") params.set(k, String(v));
    return `${base}?${params.toString()}`;
  };
  const sortLink = (sort: string, label: string) => {
    const active = query.sort === sort;
    const dir = active && query.dir === "asc" ? "desc" : "asc";
    return (
      <Link href={href({ sort, dir, page: 1 })} className="hover:underline" aria-label={`Sort by ${label}${active ? (query.dir === "asc" ? ", now ascending" : ", now descending") : ""}`}>
        {label}
        {active && <span aria-hidden="true">{query.dir === "asc" ? " ▲" : " ▼"}</span>}
      </Link>
    );
  };
  const ariaSort = (sort: string) => (query.sort === sort ? (query.dir === "asc" ? "ascending" : "descending") : undefined);
  const pages = Math.max(1, Math.ceil(matrix.total / matrix.pageSize));
  return (
    <section aria-labelledby="matrix-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="matrix-heading" className="text-lg font-semibold">
          Progress
        </h2>
        <p className="text-sm">
          {"Download: "}
          <a href={`/api/instructor/cohorts/${cohortId}/progress.csv`} className="text-sky-800 underline dark:text-sky-300">progress</a>
          {" · "}
          <a href={`/api/instructor/cohorts/${cohortId}/attempts.csv`} className="text-sky-800 underline dark:text-sky-300">attempts</a>
          {" · "}
          <a href={`/api/instructor/cohorts/${cohortId}/ratings.csv`} className="text-sky-800 underline dark:text-sky-300">ratings</a>
          {" (CSV)"}
        </p>
      </div>
      {matrix.total === 0 && <p role="status">No learner matches these filters.</p>}
      <div hidden={matrix.total === 0} className="overflow-x-auto" role="region" aria-label="Progress matrix (scrolls sideways)" tabIndex={0}>
        <table className="text-left text-xs" data-matrix>
          <caption className="sr-only">{`Progress of ${matrix.total} learner(s) by lesson; page ${matrix.page} of ${pages}`}</caption>
          <thead>
            <tr className="border-b border-zinc-200 align-bottom dark:border-zinc-800">
              <th scope="col" className="py-2 pr-3" aria-sort={ariaSort("name")}>{sortLink("name", "Learner")}</th>
              <th scope="col" className="py-2 pr-3" aria-sort={ariaSort("complete")}>{sortLink("complete", "Complete")}</th>
              <th scope="col" className="py-2 pr-3" aria-sort={ariaSort("active")}>{sortLink("active", "Last active")}</th>
              {matrix.lessons.map((l) => (
                <th key={`${l.guide}/${l.lesson}`} scope="col" className="max-w-[7rem] py-2 pr-3 font-medium" aria-sort={ariaSort(`lesson:${l.guide}/${l.lesson}`)}>
                  {sortLink(`lesson:${l.guide}/${l.lesson}`, l.title)}
                  <div className="font-normal text-zinc-600 dark:text-zinc-400">{`${l.percentComplete}% complete`}</div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((r) => (
              <tr key={r.userId} className="border-b border-zinc-100 dark:border-zinc-900" data-matrix-row={r.email}>
                <th scope="row" className="py-1.5 pr-3 font-medium whitespace-nowrap">
                  <Link href={`${base}/learners/${r.userId}`} className="text-sky-800 hover:underline dark:text-sky-300">
                    {r.name}
                  </Link>
                  <div className="font-normal text-zinc-600 dark:text-zinc-400">{r.email}</div>
                </th>
                <td className="py-1.5 pr-3">{`${r.percentComplete}%`}</td>
                <td className="py-1.5 pr-3 whitespace-nowrap">{r.lastActiveAt ? formatInstantDay(r.lastActiveAt) : "never"}</td>
                {r.cells.map((c, i) => (
                  <td key={i} className="py-1.5 pr-3" data-status={c.status}>
                    <span className={`inline-block rounded px-1 ${STATUS_LABEL[c.status].className}`}>{STATUS_LABEL[c.status].label}</span>
                    {c.bestScore && <span className="ml-1 text-zinc-600 dark:text-zinc-400">{`${c.bestScore.score}/${c.bestScore.total}`}</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav aria-label="Matrix pages" className="flex gap-3 text-sm">
          {matrix.page > 1 && <Link href={href({ page: matrix.page - 1 })}>← Previous</Link>}
          <span>{`Page ${matrix.page} of ${pages}`}</span>
          {matrix.page < pages && <Link href={href({ page: matrix.page + 1 })}>Next →</Link>}
        </nav>
      )}
    </section>
  );
}
