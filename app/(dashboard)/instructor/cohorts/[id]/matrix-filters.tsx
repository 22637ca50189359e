/**
 * The matrix's search and filters as a plain GET form (works without JavaScript; the URL keeps
 * them, so a filtered view can be bookmarked or shared with a colleague).
 */
import Link from "next/link";
import { CELL_STATUSES, type MatrixQuery } from "@/lib/instructor/schemas";
import { STATUS_LABEL } from "./status";

const field = "rounded border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900";

export function MatrixFilters({ cohortId, query, phases }: { cohortId: string; query: MatrixQuery; phases: { order: number; title: string }[] }) {
  const filtered = query.q !== undefined || query.phase !== undefined || query.status !== undefined || query.inactiveDays !== undefined;
  return (
    <form method="get" action={`/instructor/cohorts/${cohortId}`} className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filter learners" data-filters>
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <label className="flex flex-col gap-1">
        <span>Name or e-mail</span>
        <input type="search" name="q" defaultValue={query.q ?? ""} maxLength={100} className={field} />
      </label>
      <label className="flex flex-col gap-1">
        <span>Phase</span>
        <select name="phase" defaultValue={query.phase ?? ""} className={field}>
          <option value="">All phases</option>
          {phases.map((p) => (
            <option key={p.order} value={p.order}>{`${p.order}. ${p.title}`}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span>With a lesson</span>
        <select name="status" defaultValue={query.status ?? ""} className={field}>
          <option value="">in any state</option>
          {CELL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s].label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span>Inactive for at least (days)</span>
        <input type="number" name="inactiveDays" min={1} max={3650} defaultValue={query.inactiveDays ?? ""} className={`${field} w-28`} />
      </label>
      <button type="submit" className="rounded bg-sky-800 px-3 py-1.5 font-medium text-white hover:bg-sky-900 dark:bg-sky-700 dark:hover:bg-sky-800">
        Apply
      </button>
      {filtered && (
        <Link href={`/instructor/cohorts/${cohortId}?sort=${encodeURIComponent(query.sort)}&dir=${query.dir}`} className="py-1.5 text-sky-800 underline dark:text-sky-300">
          Clear filters
        </Link>
      )}
    </form>
  );
}
