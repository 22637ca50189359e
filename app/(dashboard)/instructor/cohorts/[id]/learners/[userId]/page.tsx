import type { Metadata } from "next";
import Link from "next/link";
import { getCohortLearner, getCohortLearnerName, type ActivityKind } from "@/lib/instructor/learner-query";
import { formatInstantDay, plural } from "@/lib/utils/format";
import { CohortHeader } from "../../cohort-header";
import { cohortForPage, pageError } from "../../cohort-page-data";
import { RemoveMemberButton } from "../../remove-member-button";
import { STATUS_LABEL } from "../../status";
import { SessionReplayDisclosure } from "./session-replay";

type Params = { id: string; userId: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { id, userId } = await params;
  const { user, cohort } = await cohortForPage(id, `/instructor/cohorts/${encodeURIComponent(id)}/learners/${encodeURIComponent(userId)}`);
  return { title: `${await getCohortLearnerName(user, cohort.id, userId).catch(pageError)}: ${cohort.name}` };
}

const KIND: Record<ActivityKind, string> = { joined: "Cohort", opened: "Visit", read: "Reading", quiz: "Quiz", rating: "Rating", "try-it": "Try it", goal: "Goal" };

/** "2026-11-27T09:05:00.000Z" → "Nov 27, 2026, 09:05 UTC" (server-rendered: no reader time zone). */
const when = (iso: string) => `${formatInstantDay(iso)}, ${iso.slice(11, 16)} UTC`;

// One learner of a cohort, for its instructor or an admin: lesson by lesson, what they did when,
// every quiz attempt with the choices made, and their "try it" sessions with a step-by-step replay.
export default async function CohortLearnerPage({ params }: { params: Promise<Params> }) {
  const { id, userId } = await params;
  const { user, cohort } = await cohortForPage(id, `/instructor/cohorts/${encodeURIComponent(id)}/learners/${encodeURIComponent(userId)}`);
  const detail = await getCohortLearner(user, cohort.id, userId).catch(pageError);
  const { learner } = detail;
  return (
    <div className="space-y-10">
      <CohortHeader cohort={cohort} current="progress" title={learner.name} />
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">E-mail</dt>
        <dd>{learner.email}</dd>
        <dt className="font-medium">Joined</dt>
        <dd>{formatInstantDay(learner.joinedAt)}</dd>
        <dt className="font-medium">Complete</dt>
        <dd>{`${detail.percentComplete}% of lessons`}</dd>
        <dt className="font-medium">Last active</dt>
        <dd>{detail.lastActiveAt ? when(detail.lastActiveAt) : "never"}</dd>
      </dl>
      <p data-remove-member>
        <RemoveMemberButton cohortId={cohort.id} userId={learner.id} name={learner.name} then={`/instructor/cohorts/${cohort.id}`} />
      </p>

      <section aria-labelledby="lessons-heading" className="space-y-3">
        <h2 id="lessons-heading" className="text-lg font-semibold">
          Lessons
        </h2>
        <table className="text-left text-sm" data-learner-lessons>
          <caption className="sr-only">{`${learner.name}'s status in each lesson`}</caption>
          <thead>
            <tr className="border-b border-zinc-200 dark:border-zinc-800">
              <th scope="col" className="py-2 pr-4">Lesson</th>
              <th scope="col" className="py-2 pr-4">Status</th>
              <th scope="col" className="py-2">Best quiz score</th>
            </tr>
          </thead>
          <tbody>
            {detail.lessons.map((l) => (
              <tr key={`${l.guide}/${l.lesson}`} className="border-b border-zinc-100 dark:border-zinc-900" data-lesson={l.lesson}>
                <th scope="row" className="py-1.5 pr-4 font-medium">
                  <Link href={`/guides/${l.guide}/${l.lesson}`} className="text-sky-800 hover:underline dark:text-sky-300">
                    {l.title}
                  </Link>
                </th>
                <td className="py-1.5 pr-4">
                  <span className={`inline-block rounded px-1 ${STATUS_LABEL[l.status].className}`}>{STATUS_LABEL[l.status].label}</span>
                </td>
                <td className="py-1.5">{l.bestScore ? `${l.bestScore.score}/${l.bestScore.total}` : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="attempts-heading" className="space-y-3">
        <h2 id="attempts-heading" className="text-lg font-semibold">
          Quiz attempts
        </h2>
        {detail.attempts.length === 0 ? (
          <p>No quiz attempts yet.</p>
        ) : (
          <>
            {detail.attemptCount > detail.attempts.length && <p className="text-sm">{`The latest ${detail.attempts.length} of ${detail.attemptCount} attempts.`}</p>}
            <ol className="space-y-4" data-attempts>
              {detail.attempts.map((a) => (
                <li key={a.id} className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800" data-attempt={a.id}>
                  <h3 className="font-medium">
                    {`${a.lessonTitle}: ${a.score} of ${a.total}, ${a.passed ? "passed" : "not passed"}`}
                    {a.beforeReset && <span className="ml-2 text-sm font-normal">(before the lesson was started over: no longer counted)</span>}
                    <span className="ml-2 text-sm font-normal text-zinc-600 dark:text-zinc-400">{when(a.submittedAt)}</span>
                  </h3>
                  <table className="mt-2 w-full text-left text-sm">
                    <caption className="sr-only">{`Answers of this attempt at the ${a.lessonTitle} quiz`}</caption>
                    <thead>
                      <tr className="border-b border-zinc-200 dark:border-zinc-800">
                        <th scope="col" className="py-1 pr-3">Question</th>
                        <th scope="col" className="py-1 pr-3">Chose</th>
                        <th scope="col" className="py-1 pr-3">Result</th>
                        <th scope="col" className="py-1">Right answer</th>
                      </tr>
                    </thead>
                    <tbody>
                      {a.answers.map((ans) => (
                        <tr key={ans.position} className="border-b border-zinc-100 align-top dark:border-zinc-900">
                          <th scope="row" className="py-1 pr-3 font-normal">{ans.question ?? `${ans.questionId} (an earlier wording)`}</th>
                          <td className="py-1 pr-3">{ans.chosen.text ?? `choice ${ans.chosen.index + 1}`}</td>
                          <td className={`py-1 pr-3 font-medium ${ans.correct ? "text-emerald-800 dark:text-emerald-300" : "text-red-800 dark:text-red-300"}`}>{ans.correct ? "correct" : "wrong"}</td>
                          <td className="py-1">{ans.correct ? "" : (ans.key ?? "—")}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>

      <section aria-labelledby="sessions-heading" className="space-y-3">
        <h2 id="sessions-heading" className="text-lg font-semibold">
          &ldquo;Try it&rdquo; sessions
        </h2>
        {detail.sessions.length === 0 ? (
          <p>No simulator sessions yet.</p>
        ) : (
          <ul className="space-y-4" data-sessions>
            {detail.sessions.map((s) => (
              <li key={s.id} className="space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800" data-session={s.scenario.id}>
                <h3 className="font-medium">{`${s.scenario.title} (${s.lessonTitle})`}</h3>
                <p className="text-sm">
                  {`${plural(s.steps, "step")} · goals reached: ${s.goals.filter((g) => g.reachedAt).length} of ${s.goals.length} · last used ${formatInstantDay(s.updatedAt)}`}
                </p>
                {s.goals.length > 0 && (
                  <ul className="list-disc pl-5 text-sm">
                    {s.goals.map((g) => (
                      <li key={g.id}>{g.reachedAt ? `${g.title}: reached ${when(g.reachedAt)}` : `${g.title}: not yet`}</li>
                    ))}
                  </ul>
                )}
                {s.replayable ? (
                  <SessionReplayDisclosure sessionId={s.id} steps={s.steps} />
                ) : (
                  <p className="text-sm text-zinc-600 dark:text-zinc-400">This panel has changed since the session ran, so it cannot be replayed.</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="activity-heading" className="space-y-3">
        <h2 id="activity-heading" className="text-lg font-semibold">
          Activity
        </h2>
        <ol className="space-y-1 text-sm" data-activity>
          {detail.activity.map((e, i) => (
            <li key={i} className="grid gap-x-2 sm:grid-cols-[12rem_5rem_1fr]">
              <time dateTime={e.at} className="text-zinc-600 dark:text-zinc-400">
                {when(e.at)}
              </time>
              <span className="font-medium">{KIND[e.kind]}</span>
              <span>{e.lesson ? `${e.text} · ${e.lesson.title}` : e.text}</span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
