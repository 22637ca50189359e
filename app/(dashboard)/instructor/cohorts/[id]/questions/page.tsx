import type { Metadata } from "next";
import Link from "next/link";
import { BarList } from "@/app/_components/charts/bar-list";
import type { QuestionSeries } from "@/lib/instructor/questions-query";
import { getQuestionAnalysis } from "@/lib/instructor/questions-query";
import { LOW_FACILITY, MIN_RESPONSES } from "@/lib/instructor/question-stats";
import { CohortHeader } from "../cohort-header";
import { cohortForPage, pageError } from "../cohort-page-data";

type Params = { id: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { id } = await params;
  const { cohort } = await cohortForPage(id, `/instructor/cohorts/${encodeURIComponent(id)}`);
  return { title: `Questions: ${cohort.name}` };
}


const percent = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);

const FLAG_TEXT = {
  "low-facility": `fewer than ${Math.round(LOW_FACILITY * 100)}% got it right on their first attempt`,
  "distractor-beats-key": "a wrong choice was picked more often than the right one",
} as const;

function QuestionCard({ s }: { s: QuestionSeries }) {
  const { stats } = s;
  const broken = stats.flags.length > 0;
  const choices = s.choices ?? stats.choices.map((_, i) => ({ text: `Choice ${i + 1}`, key: false }));
  return (
    <article className={`space-y-3 rounded-md border p-4 ${broken ? "border-red-300 dark:border-red-800" : "border-zinc-200 dark:border-zinc-800"}`} data-question={s.questionId} data-version={s.version}>
      <h3 className="font-medium">
        {s.text ?? `${s.questionId}: an earlier wording`}
        {!s.current && <span className="ml-2 rounded bg-zinc-200 px-1.5 text-xs font-normal dark:bg-zinc-800">earlier version, no longer asked</span>}
      </h3>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-zinc-600 dark:text-zinc-400">First attempts</dt>
          <dd className="font-semibold" data-responses>{stats.responses}</dd>
        </div>
        <div>
          <dt className="text-zinc-600 dark:text-zinc-400">Facility (right first time)</dt>
          <dd className="font-semibold" data-facility>{percent(stats.facility)}</dd>
        </div>
        <div>
          <dt className="text-zinc-600 dark:text-zinc-400">Discrimination (top − bottom 27%)</dt>
          <dd className="font-semibold" data-discrimination>{stats.discrimination === null ? "—" : stats.discrimination.toFixed(2)}</dd>
        </div>
      </dl>
      {stats.responses === 0 && <p className="text-sm text-zinc-600 dark:text-zinc-400">No first attempts yet.</p>}
      {stats.fewResponses && stats.responses > 0 && (
        <p className="text-sm text-amber-800 dark:text-amber-300" data-few-responses>
          {`Only ${stats.responses} response${stats.responses === 1 ? "" : "s"}: with fewer than ${MIN_RESPONSES}, these figures can mislead.`}
        </p>
      )}
      {broken && (
        <p className="text-sm font-medium text-red-800 dark:text-red-300" data-flags={stats.flags.join(" ")}>
          {`Looks broken: ${stats.flags.map((f) => FLAG_TEXT[f]).join("; ")}. Check the wording and the key.`}
        </p>
      )}
      {stats.responses > 0 && (
        <BarList
          caption="Choices picked on first attempts"
          tableCaption={`Choices picked on first attempts: ${s.text ?? `${s.questionId}, an earlier wording`}`}
          stacked
          headers={["Choice", "Learners"]}
          max={Math.max(...stats.choices, 1)}
          rows={choices.map((c, i) => ({
            label: c.text,
            value: stats.choices[i] ?? 0,
            text: `${stats.choices[i] ?? 0} (${percent(stats.responses ? (stats.choices[i] ?? 0) / stats.responses : null)})`,
            mark: c.key ? "right answer" : undefined,
          }))}
        />
      )}
    </article>
  );
}

// Item analysis of every quiz question of a cohort's guides, for its instructor or an admin
// (admins may widen it to every learner), one series per question version.
export default async function CohortQuestionsPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const { scope: rawScope } = await searchParams;
  const { user, cohort } = await cohortForPage(id, `/instructor/cohorts/${encodeURIComponent(id)}/questions`);
  const scope = rawScope === "all" && user.role === "ADMIN" ? "all" : "cohort";
  const series = await getQuestionAnalysis(user, cohort.id, { scope }).catch(pageError);
  const lessons = [...new Map(series.map((s) => [`${s.guide}/${s.lesson}`, { key: `${s.guide}/${s.lesson}`, title: s.lessonTitle }])).values()];
  const flagged = series.filter((s) => s.stats.flags.length > 0);
  const base = `/instructor/cohorts/${cohort.id}/questions`;
  return (
    <div className="space-y-8">
      <CohortHeader cohort={cohort} current="questions" />
      <div className="space-y-2 text-sm">
        <p>
          {scope === "all"
            ? "Over every learner of these guides (first attempts only)."
            : "Over this cohort's learners, from each learner's first attempt at each question. Editing a question starts a new series; the old one stays below it."}
        </p>
        {user.role === "ADMIN" && (
          <p>
            {scope === "all" ? <Link href={base} className="text-sky-800 underline dark:text-sky-300">Show this cohort only</Link> : <Link href={`${base}?scope=all`} className="text-sky-800 underline dark:text-sky-300">Show all learners (admins)</Link>}
          </p>
        )}
      </div>

      {flagged.length > 0 && (
        <section aria-labelledby="flagged-heading" className="rounded-md border border-red-300 p-4 dark:border-red-800">
          <h2 id="flagged-heading" className="font-semibold">{`${flagged.length} question${flagged.length === 1 ? "" : "s"} to look at`}</h2>
          <ul className="mt-2 list-disc pl-5 text-sm" data-flagged>
            {flagged.map((s) => (
              <li key={`${s.guide}/${s.lesson}/${s.questionId}/${s.version}`}>
                <a href={`#q-${s.guide}-${s.lesson}-${s.questionId}-${s.version}`} className="text-sky-800 underline dark:text-sky-300">{`${s.lessonTitle}: ${s.text ?? s.questionId}`}</a>
              </li>
            ))}
          </ul>
        </section>
      )}

      {lessons.map((l) => (
        <section key={l.key} aria-labelledby={`lesson-${l.key}`} className="space-y-4">
          <h2 id={`lesson-${l.key}`} className="text-lg font-semibold">
            {l.title}
          </h2>
          {series
            .filter((s) => `${s.guide}/${s.lesson}` === l.key)
            .map((s) => (
              <div key={`${s.questionId}/${s.version}`} id={`q-${s.guide}-${s.lesson}-${s.questionId}-${s.version}`}>
                <QuestionCard s={s} />
              </div>
            ))}
        </section>
      ))}
    </div>
  );
}
