import type { Metadata } from "next";
import { BarList } from "@/app/_components/charts/bar-list";
import { DailyColumns } from "@/app/_components/charts/daily-columns";
import { getGuide } from "@/lib/content/source";
import { getCohortActivity } from "@/lib/instructor/activity-query";
import { getCohortMatrix } from "@/lib/instructor/matrix-query";
import { matrixQuerySchema, type MatrixQuery } from "@/lib/instructor/schemas";
import { AppError } from "@/lib/errors";
import { formatInstantDay } from "@/lib/utils/format";
import { CohortControls } from "./cohort-controls";
import { CohortHeader } from "./cohort-header";
import { cohortForPage, pageError } from "./cohort-page-data";
import { MatrixFilters } from "./matrix-filters";
import { ProgressMatrixTable } from "./progress-matrix";
import { RemoveMemberButton } from "./remove-member-button";

export const metadata: Metadata = { title: "Cohort" };

type Params = { id: string };

// One cohort, for its instructor or an admin: the join link and controls, completion and activity
// charts, the filtered progress matrix, and its learners.
export default async function CohortPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const search = await searchParams;
  const { user, cohort } = await cohortForPage(id, `/instructor/cohorts/${encodeURIComponent(id)}`);
  // Empty form fields mean "no filter"; anything not understood falls back to the defaults, with a note.
  const given = Object.fromEntries(Object.entries(search).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  const parsed = matrixQuerySchema.safeParse(given);
  let query = parsed.success ? parsed.data : matrixQuerySchema.parse({});
  // A well-formed query can still name a lesson or phase this cohort does not have.
  const matrixFor = (q: MatrixQuery) => getCohortMatrix(user, cohort.id, q).catch((e: unknown) => (e instanceof AppError && e.code === "BAD_REQUEST" ? null : pageError(e)));
  const [first, activity] = await Promise.all([matrixFor(query), getCohortActivity(user, cohort.id).catch(pageError)]);
  let matrix = first;
  if (!matrix) {
    query = matrixQuerySchema.parse({});
    matrix = (await matrixFor(query))!;
  }
  const phases = cohort.guides.flatMap((g) => getGuide(g.slug)?.phases ?? []).map((p) => ({ order: p.order, title: p.title }));
  const noteBadQuery = !parsed.success || first === null;
  return (
    <div className="space-y-8">
      <CohortHeader cohort={cohort} current="progress" />

      <CohortControls id={cohort.id} joinCode={cohort.joinCode} archived={cohort.archived} />

      {cohort.members.length > 0 && (
        <section aria-labelledby="charts-heading" className="grid gap-8 md:grid-cols-2">
          <h2 id="charts-heading" className="sr-only">
            At a glance
          </h2>
          <BarList
            caption={query.phase === undefined ? "Completion per lesson" : `Completion per lesson, phase ${query.phase}`}
            headers={["Lesson", "Learners complete"]}
            max={100}
            rows={matrix.lessons.map((l) => ({ label: l.title, value: l.percentComplete, text: `${l.percentComplete}%` }))}
          />
          <DailyColumns
            caption={`Active learners per day, last ${activity.length} days`}
            headers={{ value: "Active learners", extra: ["Quiz attempts", "Lessons read"] }}
            days={activity.map((d) => ({ day: d.day, value: d.activeLearners, extra: [d.quizAttempts, d.lessonsRead] }))}
          />
        </section>
      )}

      {cohort.members.length > 0 && (
        <div className="space-y-4">
          <MatrixFilters cohortId={cohort.id} query={query} phases={phases} />
          {noteBadQuery && (
            <p role="status" className="text-sm text-amber-800 dark:text-amber-300">
              Some of the filters in the address were not understood, so the full list is shown.
            </p>
          )}
          <ProgressMatrixTable cohortId={cohort.id} matrix={matrix} query={query} />
        </div>
      )}

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
