/**
 * The cluster's moving parts as tables: consumers (group, status, what they own, what they are
 * doing), groups (state, generation, assignor) and the sinks the consumers write to, with every
 * duplicate row marked in words as well as in colour.
 */
import type { ConsumerStatusView, PanelView } from "@/lib/try-it/view";
import { seconds } from "./format";

const STATUS_STYLE: Record<ConsumerStatusView, string> = {
  "not started": "bg-zinc-100 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200",
  "not joined yet": "bg-zinc-100 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200",
  active: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  busy: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  crashed: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
  closed: "bg-zinc-100 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200",
  "kicked out": "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
};

/** What the consumer is doing, in a few words. */
function doing(c: PanelView["consumers"][number], time: number): string {
  const parts: string[] = [];
  if (c.busyUntil !== null && c.busyUntil > time) parts.push(`processing until ${seconds(c.busyUntil)}`);
  else if (c.pending > 0) parts.push(`${c.pending} record(s) fetched, not processed`);
  if (c.status === "kicked out" && c.assignment.length > 0) parts.push("still believes it owns its partitions: it finds out at its next poll");
  if (c.status === "not joined yet") parts.push("joins its group at its first poll");
  return parts.join("; ") || "—";
}


export function ConsumerTable({ consumers, groups, time }: Pick<PanelView, "consumers" | "groups" | "time">) {
  if (consumers.length === 0) return null;
  return (
    <div className="overflow-x-auto">
      <table className="try-it-table" data-consumers>
        <caption>Consumers</caption>
        <thead>
          <tr>
            <th scope="col">Consumer</th>
            <th scope="col">Group</th>
            <th scope="col">Status</th>
            <th scope="col">Owns</th>
            <th scope="col">Doing</th>
          </tr>
        </thead>
        <tbody>
          {consumers.map((c) => (
            <tr key={c.id} data-consumer={c.id}>
              <th scope="row" className="font-mono">{c.id}</th>
              <td>{c.group ?? "—"}</td>
              <td>
                <span data-status={c.status} className={`rounded px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap ${STATUS_STYLE[c.status]}`}>
                  {c.status}
                </span>
              </td>
              <td className="font-mono text-xs">{c.assignment.join(", ") || "nothing"}</td>
              <td className="text-xs">{doing(c, time)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {groups.length > 0 && (
        <ul className="mt-1 text-xs text-zinc-700 dark:text-zinc-300">
          {groups.map((g) => (
            <li key={g.id} data-group={g.id}>{`Group ${g.id}: ${g.state}, generation ${g.generation}${g.assignor ? `, ${g.assignor} assignor` : ""}, ${g.members.length} member(s)`}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function SinkTables({ sinks }: Pick<PanelView, "sinks">) {
  return (
    <>
      {sinks.map((sink) => {
        const duplicates = sink.rows.filter((r) => r.duplicate).length;
        return (
          <div key={sink.name} className="overflow-x-auto">
            <table className="try-it-table" data-sink={sink.name}>
              <caption>
                {`Table "${sink.name}": ${sink.rows.length} row(s)`}
                {duplicates > 0 && <strong className="ml-2 text-red-800 dark:text-red-300">{`❌ ${duplicates} duplicate(s)`}</strong>}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Key</th>
                  <th scope="col">Value</th>
                  <th scope="col">From record</th>
                  <th scope="col">Written by</th>
                  <th scope="col">Note</th>
                </tr>
              </thead>
              <tbody>
                {sink.rows.length === 0 && (
                  <tr>
                    <td colSpan={5} className="text-zinc-600 dark:text-zinc-400">No rows yet.</td>
                  </tr>
                )}
                {sink.rows.map((r, i) => (
                  <tr key={i} data-duplicate={r.duplicate || undefined} className={r.duplicate ? "bg-red-50 dark:bg-red-950/60" : undefined}>
                    <td className="font-mono">{r.key ?? "∅"}</td>
                    <td className="font-mono">{r.value ?? "∅"}</td>
                    <td className="font-mono text-xs">{r.source}</td>
                    <td className="font-mono text-xs">{r.client}</td>
                    <td className="text-xs">{r.duplicate ? "❌ duplicate of an earlier row" : r.writes > 1 ? `✅ overwritten ${r.writes - 1}×, still one row` : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </>
  );
}
