/**
 * The top of every cohort page: the way back, the cohort's name and facts, and the links between
 * its pages (progress, questions, page feedback, and a learner's page under progress).
 */
import Link from "next/link";
import type { CohortSummary } from "@/lib/cohorts/dto";
import { plural } from "@/lib/utils/format";

const TABS = [
  { key: "progress", label: "Progress", path: "" },
  { key: "questions", label: "Questions", path: "/questions" },
  { key: "feedback", label: "Page feedback", path: "/feedback" },
] as const;

export type CohortTab = (typeof TABS)[number]["key"];

export function CohortHeader({ cohort, current, title }: { cohort: CohortSummary; current: CohortTab; title?: string }) {
  const base = `/instructor/cohorts/${cohort.id}`;
  return (
    <header className="space-y-3">
      <p className="text-sm">
        <Link href="/instructor/cohorts" className="font-medium text-sky-800 hover:underline dark:text-sky-300">
          ← Cohorts
        </Link>
      </p>
      <h1 className="text-2xl font-bold">
        {title ?? cohort.name}
        {!title && cohort.archived && <span className="ml-3 rounded bg-zinc-200 px-2 py-0.5 align-middle text-sm font-medium dark:bg-zinc-800">archived</span>}
      </h1>
      <p className="text-zinc-700 dark:text-zinc-300">
        {title ? `${cohort.name} · ` : ""}
        {`${plural(cohort.memberCount, "learner")} · ${cohort.guides.map((g) => g.title).join(", ")} · ${cohort.owner.name}`}
      </p>
      <nav aria-label="Cohort pages">
        <ul className="flex flex-wrap gap-1 border-b border-zinc-200 text-sm dark:border-zinc-800">
          {TABS.map((t) => (
            <li key={t.key}>
              <Link
                href={`${base}${t.path}`}
                aria-current={t.key !== current ? undefined : title ? "location" : "page"}
                className={`-mb-px inline-block border-b-2 px-3 py-2 font-medium ${
                  t.key === current ? "border-sky-700 text-sky-900 dark:border-sky-400 dark:text-sky-200" : "border-transparent text-zinc-700 hover:text-zinc-950 dark:text-zinc-300 dark:hover:text-white"
                }`}
              >
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
