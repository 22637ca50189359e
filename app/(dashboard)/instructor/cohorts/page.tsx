import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { listGuides } from "@/lib/content/source";
import { listCohorts } from "@/lib/cohorts/queries";
import { plural } from "@/lib/utils/format";
import { NewCohortForm } from "./new-cohort-form";

export const metadata: Metadata = { title: "Cohorts" };

// An instructor's cohorts (every cohort for an admin), and a form to start a new one.
export default async function CohortsPage() {
  const user = await requirePageUser("/instructor/cohorts", "INSTRUCTOR", "ADMIN");
  const cohorts = await listCohorts(user);
  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">Cohorts</h1>
        <p className="text-zinc-700 dark:text-zinc-300">
          {user.role === "ADMIN" ? "Every cohort on the platform." : "The classes you teach. Learners join with the cohort's link."}
        </p>
      </header>
      {cohorts.length === 0 ? (
        <p>No cohorts yet: create the first one below.</p>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800" data-cohorts>
          {cohorts.map((c) => (
            <li key={c.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3">
              <Link href={`/instructor/cohorts/${c.id}`} className="font-semibold text-sky-800 hover:underline dark:text-sky-300">
                {c.name}
              </Link>
              <span className="text-sm text-zinc-600 dark:text-zinc-400">
                {`${plural(c.memberCount, "learner")} · ${c.guides.map((g) => g.title).join(", ")}${c.archived ? " · archived" : ""}${user.role === "ADMIN" ? ` · ${c.owner.name}` : ""}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="new-cohort" className="space-y-3">
        <h2 id="new-cohort" className="text-lg font-semibold">
          New cohort
        </h2>
        <NewCohortForm guides={listGuides().map((g) => ({ slug: g.slug, title: g.title }))} />
      </section>
    </div>
  );
}
