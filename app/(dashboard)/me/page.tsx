import type { Metadata } from "next";
import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { currentLearner } from "@/lib/learners/identity";
import type { GuideProgress, LessonProgress } from "@/lib/progress/dto";
import { getMyProgress } from "@/lib/progress/queries";
import { isStarted } from "@/lib/progress/summary";
import { formatInstantDay, plural } from "@/lib/utils/format";
import { ProgressBar } from "@/app/_components/ui/progress-bar";
import { ResetLessonButton } from "./reset-lesson-button";

export const metadata: Metadata = { title: "My progress" };

const ROLE_LABEL = { LEARNER: "Learner", INSTRUCTOR: "Instructor", ADMIN: "Admin" } as const;

// The reader's own record: a signed-in user's, or this browser's guest record (same page, so a
// guest sees what they would keep by signing up).
export default async function MePage() {
  const [user, learner] = await Promise.all([getCurrentUser(), currentLearner()]);
  const { guides } = await getMyProgress(learner);
  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">My progress</h1>
        {!user && (
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            You are reading as a guest: this progress is kept in this browser only.{" "}
            <Link href="/sign-up?callbackUrl=%2Fme" className="font-medium text-sky-800 underline dark:text-sky-300">
              Create a free account
            </Link>{" "}
            or{" "}
            <Link href="/sign-in?callbackUrl=%2Fme" className="font-medium text-sky-800 underline dark:text-sky-300">
              sign in
            </Link>{" "}
            to keep it on any device; it moves into your account.
          </p>
        )}
      </header>

      {guides.length === 0 ? (
        <p>
          You have not started a guide yet.{" "}
          <Link href="/#guides" className="font-medium text-sky-800 underline dark:text-sky-300">
            Browse the guides
          </Link>
          .
        </p>
      ) : (
        guides.map((guide) => <GuideSection key={guide.guide} guide={guide} />)
      )}

      {user && (
        <section aria-labelledby="account-heading" className="space-y-3 border-t border-zinc-200 pt-6 dark:border-zinc-800">
          <h2 id="account-heading" className="text-xl font-semibold">
            My account
          </h2>
          <dl className="grid max-w-md grid-cols-[auto_1fr] gap-x-6 gap-y-2">
            <dt className="font-medium">Name</dt>
            <dd>{user.name}</dd>
            <dt className="font-medium">E-mail</dt>
            <dd>{user.email}</dd>
            <dt className="font-medium">Role</dt>
            <dd data-testid="role">{ROLE_LABEL[user.role]}</dd>
          </dl>
        </section>
      )}
    </div>
  );
}

function GuideSection({ guide }: { guide: GuideProgress }) {
  const headingId = `guide-${guide.guide}`;
  return (
    <section aria-labelledby={headingId} className="space-y-4" data-testid={`my-guide-${guide.guide}`}>
      <div className="space-y-1">
        <h2 id={headingId} className="text-xl font-semibold">
          <Link href={`/guides/${guide.guide}`} className="hover:underline">
            {guide.title}
          </Link>
        </h2>
        <ProgressBar label={`${guide.title}: ${guide.percent}% complete`} percent={guide.percent} className="max-w-md" />
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          {`${guide.percent}% complete · ${guide.completed} of ${guide.lessons} lessons`}
          {guide.lastActivityAt && ` · last activity ${formatInstantDay(guide.lastActivityAt)}`}
        </p>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">{guide.phases.map((p) => `Phase ${p.order}: ${p.percent}%`).join(" · ")}</p>
        {guide.continueAt && (
          <Link href={guide.continueAt.href} className="inline-block text-sm font-semibold text-sky-800 hover:underline dark:text-sky-300">
            {`${guide.continueAt.kind === "resume" ? "Continue" : "Up next"}: ${guide.continueAt.title} →`}
          </Link>
        )}
      </div>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[36rem] text-left text-sm">
          <caption className="sr-only">{`Lessons of ${guide.title}`}</caption>
          <thead className="border-b border-zinc-300 text-xs uppercase text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
            <tr>
              <th scope="col" className="py-2 pr-4">Lesson</th>
              <th scope="col" className="py-2 pr-4">Status</th>
              <th scope="col" className="py-2 pr-4">Quiz</th>
              <th scope="col" className="py-2 pr-4">Last visit</th>
              <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {guide.lessonProgress.map((lesson) => (
              <LessonRow key={lesson.lesson} lesson={lesson} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function statusOf(l: LessonProgress): string {
  if (l.completed) return "Completed";
  if (l.readAt) return l.quiz.required && !l.quiz.passed ? "Read · quiz to pass" : "Read";
  if (isStarted(l)) return "Started";
  return "Not started";
}

function LessonRow({ lesson }: { lesson: LessonProgress }) {
  return (
    <tr data-lesson={lesson.lesson}>
      <td className="py-2 pr-4">
        <Link href={`/guides/${lesson.guide}/${lesson.lesson}`} className="font-medium text-sky-800 hover:underline dark:text-sky-300">
          {lesson.title}
        </Link>
      </td>
      <td className="py-2 pr-4" data-testid="lesson-status">
        {lesson.completed && <span aria-hidden="true" className="mr-1 font-bold text-emerald-700 dark:text-emerald-400">✓</span>}
        {statusOf(lesson)}
      </td>
      <td className="py-2 pr-4" data-testid="quiz-score">
        {lesson.quiz.bestScore !== null ? `best ${lesson.quiz.bestScore}/${lesson.quiz.bestTotal}${lesson.quiz.passed ? " (passed)" : ""} · ${plural(lesson.quiz.attempts, "attempt")}` : "—"}
      </td>
      <td className="py-2 pr-4">{lesson.lastVisitedAt ? formatInstantDay(lesson.lastVisitedAt) : "—"}</td>
      <td className="py-2">
        <ResetLessonButton guide={lesson.guide} lesson={lesson.lesson} title={lesson.title} started={isStarted(lesson)} />
      </td>
    </tr>
  );
}
