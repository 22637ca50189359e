import type { Metadata } from "next";
import { BarList } from "@/app/_components/charts/bar-list";
import { DailyColumns } from "@/app/_components/charts/daily-columns";
import { getGuide } from "@/lib/content/source";
import { getCohortActivity } from "@/lib/instructor/activity-query";
import { getCohortMatrix } from "@/lib/instructor/matrix-query";
import { matrixQuerySchema, type MatrixQuery } from "@/lib/instructor/schemas";
import { AppError } from "@/lib/errors";
import { CohortControls } from "./cohort-controls";
import { CohortHeader } from "./cohort-header";
import { cohortForPage, pageError } from "./cohort-page-data";
import { MatrixFilters } from "./matrix-filters";
import { ProgressMatrixTable } from "./progress-matrix";

type Params = { id: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { id } = await params;
  const { cohort } = await cohortForPage(id, `/instructor/cohorts/${encodeURIComponent(id)}`);
  return { title: `Progress: ${cohort.name}` };
}


// One cohort, for its instructor or an admin: the join link and controls, completion and activity
// charts, and the progress matrix (the list of its learners: paged, searchable; each name leads to
// the learner's page, where they can also be removed).
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
  const filtered = query.q !== undefined || query.status !== undefined || query.inactiveDays !== undefined;
  return (
    <div className="space-y-8">
      <CohortHeader cohort={cohort} current="progress" />

      <CohortControls id={cohort.id} joinCode={cohort.joinCode} archived={cohort.archived} />

      {cohort.memberCount > 0 && (
        <section aria-labelledby="charts-heading" className="grid gap-8 md:grid-cols-2">
          <h2 id="charts-heading" className="sr-only">
            At a glance
          </h2>
          <BarList
            caption={`Completion per lesson${query.phase === undefined ? "" : `, phase ${query.phase}`}${filtered ? `, among the ${matrix.total} learner${matrix.total === 1 ? "" : "s"} matching the filters` : ""}`}
            headers={["Lesson", "Learners complete"]}
            max={100}
            rows={matrix.lessons.map((l) => ({ label: l.title, value: l.percentComplete, text: `${l.percentComplete}%` }))}
          />
          <DailyColumns
            caption={`Active learners per day (UTC), last ${activity.length} days`}
            headers={{ value: "Active learners", extra: ["Quiz attempts", "Lessons read"] }}
            days={activity.map((d) => ({ day: d.day, value: d.activeLearners, extra: [d.quizAttempts, d.lessonsRead] }))}
          />
        </section>
      )}

      {cohort.memberCount > 0 && (
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

      {cohort.memberCount === 0 && (
        <section aria-labelledby="learners-heading" className="space-y-3">
          <h2 id="learners-heading" className="text-lg font-semibold">
            Learners
          </h2>
          <p>Nobody has joined yet. Share the join link above.</p>
        </section>
      )}
    </div>
  );
}
