import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { requirePageUser } from "@/lib/auth/session";
import { getCohort } from "@/lib/cohorts/queries";
import { AppError } from "@/lib/errors";
import { formatInstantDay, plural } from "@/lib/utils/format";
import { getCohortMatrix } from "@/lib/instructor/matrix-query";
import { matrixQuerySchema } from "@/lib/instructor/schemas";
import { CohortControls } from "./cohort-controls";
import { ProgressMatrixTable } from "./progress-matrix";
import { RemoveMemberButton } from "./remove-member-button";

export const metadata: Metadata = { title: "Cohort" };

type Params = { id: string };

// One cohort, for its instructor or an admin: the join link, its controls and its learners.
export default async function CohortPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const search = await searchParams;
  const user = await requirePageUser(`/instructor/cohorts/${encodeURIComponent(id)}`, "INSTRUCTOR", "ADMIN");
  const cohort = await getCohort(user, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "FORBIDDEN") redirect("/forbidden");
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  });
  // Unknown or repeated parameters fall back to the defaults instead of an error page.
  const parsed = matrixQuerySchema.safeParse(Object.fromEntries(Object.entries(search).filter((e): e is [string, string] => typeof e[1] === "string")));
  const query = parsed.success ? parsed.data : matrixQuerySchema.parse({});
  const matrix = await getCohortMatrix(user, cohort.id, Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)]))).catch(() => getCohortMatrix(user, cohort.id, {}));
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href="/instructor/cohorts" className="font-medium text-sky-800 hover:underline dark:text-sky-300">
            ← Cohorts
          </Link>
        </p>
        <h1 className="text-2xl font-bold">
          {cohort.name}
          {cohort.archived && <span className="ml-3 rounded bg-zinc-200 px-2 py-0.5 align-middle text-sm font-medium dark:bg-zinc-800">archived</span>}
        </h1>
        <p className="text-zinc-700 dark:text-zinc-300">{`${plural(cohort.memberCount, "learner")} · ${cohort.guides.map((g) => g.title).join(", ")} · ${cohort.owner.name}`}</p>
      </header>

      <CohortControls id={cohort.id} joinCode={cohort.joinCode} archived={cohort.archived} />

      {cohort.members.length > 0 && <ProgressMatrixTable cohortId={cohort.id} matrix={matrix} query={query} />}

      <section aria-labelledby="learners-heading" className="space-y-3">
        <h2 id="learners-heading" className="text-lg font-semibold">
          Learners
        </h2>
        {cohort.members.length === 0 ? (
          <p>Nobody has joined yet. Share the join link above.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-members>
              <caption className="sr-only">Learners in this cohort, by name</caption>
              <thead>
                <tr className="border-b border-zinc-200 dark:border-zinc-800">
                  <th scope="col" className="py-2 pr-4">Name</th>
                  <th scope="col" className="py-2 pr-4">E-mail</th>
                  <th scope="col" className="py-2 pr-4">Joined</th>
                  <th scope="col" className="py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {cohort.members.map((m) => (
                  <tr key={m.userId} className="border-b border-zinc-100 dark:border-zinc-900" data-member={m.email}>
                    <th scope="row" className="py-2 pr-4 font-medium">{m.name}</th>
                    <td className="py-2 pr-4">{m.email}</td>
                    <td className="py-2 pr-4">{formatInstantDay(m.joinedAt)}</td>
                    <td className="py-2">
                      <RemoveMemberButton cohortId={cohort.id} userId={m.userId} name={m.name} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
