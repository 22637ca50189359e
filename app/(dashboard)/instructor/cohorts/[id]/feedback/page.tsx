import type { Metadata } from "next";
import { BarList } from "@/app/_components/charts/bar-list";
import { getCohortFeedback } from "@/lib/instructor/feedback-query";
import { RATING_REASONS, RATING_REASON_LABELS } from "@/lib/ratings/reasons";
import { formatInstantDay, plural } from "@/lib/utils/format";
import { CohortHeader } from "../cohort-header";
import { cohortForPage, pageError } from "../cohort-page-data";

type Params = { id: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { id } = await params;
  const { cohort } = await cohortForPage(id, `/instructor/cohorts/${encodeURIComponent(id)}`);
  return { title: `Page feedback: ${cohort.name}` };
}


// What a cohort's learners said about each page ("Was this page helpful?"), for its instructor or
// an admin: the pages needing attention first, then every lesson with its votes, reasons and
// latest comments (rendered as text, so a comment can never become markup).
export default async function CohortFeedbackPage({ params }: { params: Promise<Params> }) {
  const { id } = await params;
  const { user, cohort } = await cohortForPage(id, `/instructor/cohorts/${encodeURIComponent(id)}/feedback`);
  const feedback = await getCohortFeedback(user, cohort.id).catch(pageError);
  const rated = feedback.lessons.filter((l) => l.helpful + l.notHelpful > 0);
  return (
    <div className="space-y-8">
      <CohortHeader cohort={cohort} current="feedback" />

      <section aria-labelledby="attention-heading" className="space-y-3">
        <h2 id="attention-heading" className="text-lg font-semibold">
          Needs attention
        </h2>
        {feedback.needsAttention.length === 0 ? (
          <p>No page has a &ldquo;not helpful&rdquo; vote from this cohort.</p>
        ) : (
          <ol className="list-decimal space-y-1 pl-5" data-needs-attention>
            {feedback.needsAttention.map((l) => (
              <li key={`${l.guide}/${l.lesson}`}>
                <a href={`#feedback-${l.guide}-${l.lesson}`} className="text-sky-800 underline dark:text-sky-300">
                  {l.title}
                </a>
                {`: ${plural(l.notHelpful, "“not helpful” vote")}`}
              </li>
            ))}
          </ol>
        )}
      </section>

      {rated.length > 0 && (
        <BarList
          caption="Share of votes saying “helpful”, per rated lesson"
          headers={["Lesson", "Helpful"]}
          max={100}
          rows={rated.map((l) => ({ label: l.title, value: l.helpfulPercent ?? 0, text: `${l.helpfulPercent ?? 0}% of ${l.helpful + l.notHelpful}` }))}
        />
      )}

      <section aria-labelledby="lessons-heading" className="space-y-4">
        <h2 id="lessons-heading" className="text-lg font-semibold">
          Every lesson
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-feedback-table>
            <caption className="sr-only">Votes and reasons per lesson</caption>
            <thead>
              <tr className="border-b border-zinc-200 align-bottom dark:border-zinc-800">
                <th scope="col" className="py-2 pr-3">Lesson</th>
                <th scope="col" className="py-2 pr-3">Helpful</th>
                <th scope="col" className="py-2 pr-3">Votes (yes / no)</th>
                {RATING_REASONS.map((r) => (
                  <th key={r} scope="col" className="py-2 pr-3 font-medium">
                    {RATING_REASON_LABELS[r]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {feedback.lessons.map((l) => (
                <tr key={`${l.guide}/${l.lesson}`} id={`feedback-${l.guide}-${l.lesson}`} className="border-b border-zinc-100 dark:border-zinc-900" data-feedback-lesson={l.lesson}>
                  <th scope="row" className="py-1.5 pr-3 font-medium">{l.title}</th>
                  <td className="py-1.5 pr-3 whitespace-nowrap">{l.helpfulPercent === null ? "no votes" : `${l.helpfulPercent}%`}</td>
                  <td className="py-1.5 pr-3">{`${l.helpful} / ${l.notHelpful}`}</td>
                  {RATING_REASONS.map((r) => (
                    <td key={r} className="py-1.5 pr-3">
                      {l.reasons[r]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="comments-heading" className="space-y-4">
        <h2 id="comments-heading" className="text-lg font-semibold">
          Latest comments
        </h2>
        {feedback.lessons.every((l) => l.comments.length === 0) ? (
          <p>No comments yet.</p>
        ) : (
          feedback.lessons
            .filter((l) => l.comments.length > 0)
            .map((l) => (
              <div key={`${l.guide}/${l.lesson}`} className="space-y-2">
                <h3 className="font-medium">{l.title}</h3>
                <ul className="space-y-2" data-comments={l.lesson}>
                  {l.comments.map((c, i) => (
                    <li key={i} className="rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800">
                      <p className="whitespace-pre-line">{c.comment}</p>
                      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{`${c.name} · ${c.helpful ? "helpful" : "not helpful"} · ${formatInstantDay(c.at)}`}</p>
                    </li>
                  ))}
                </ul>
              </div>
            ))
        )}
      </section>
    </div>
  );
}
