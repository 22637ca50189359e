/** The panel's goals: what to try, and once reached, why it happened. */
import type { SessionPayload } from "@/lib/try-it/payload";

export function GoalList({ goals }: { goals: SessionPayload["goals"] }) {
  return (
    <ul className="space-y-2" data-goals>
      {goals.map((g) => (
        <li key={g.id} data-goal={g.id} data-reached={g.reachedAt ? "true" : "false"} className={`rounded-md border px-3 py-2 ${g.reachedAt ? "border-emerald-600 bg-emerald-50 dark:border-emerald-400 dark:bg-emerald-950/50" : "border-zinc-300 dark:border-zinc-700"}`}>
          <p className="font-semibold">
            <span aria-hidden="true">{g.reachedAt ? "✅ " : "○ "}</span>
            {g.title}
            <span className="sr-only">{g.reachedAt ? " (reached)" : " (not reached yet)"}</span>
          </p>
          {g.reachedAt && <p className="mt-1 text-sm">{g.explain}</p>}
        </li>
      ))}
    </ul>
  );
}
