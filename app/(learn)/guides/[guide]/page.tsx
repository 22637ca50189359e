import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ContinueLink } from "@/app/_components/progress/continue-link";
import { GuideProgressBar, PhaseProgress } from "@/app/_components/progress/guide-progress";
import { LessonMark } from "@/app/_components/progress/lesson-mark";
import { getGuide, listGuides } from "@/lib/content/source";
import { formatMinutes, plural } from "@/lib/utils/format";

type Params = { guide: string };

export const dynamicParams = false;

export function generateStaticParams(): Params[] {
  return listGuides().map((g) => ({ guide: g.slug }));
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const guide = getGuide((await params).guide);
  return guide ? { title: guide.title, description: guide.summary } : {};
}

const LEVEL = { beginner: "Beginner", intermediate: "Intermediate", advanced: "Advanced" } as const;

export default async function GuideOverviewPage({ params }: { params: Promise<Params> }) {
  const guide = getGuide((await params).guide);
  if (!guide) notFound();
  const first = guide.lessons[0];
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <header className="space-y-3">
        <p className="text-sm font-medium text-sky-800 dark:text-sky-300">Guide</p>
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{guide.title}</h1>
        <p className="text-lg text-zinc-700 dark:text-zinc-300">{guide.summary}</p>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {LEVEL[guide.level]} · {plural(guide.lessons.length, "lesson")} · about {formatMinutes(guide.minutes)}
        </p>
        {first && (
          <Link href={`/guides/${guide.slug}/${first.slug}`} className="inline-block rounded-md bg-sky-700 px-4 py-2 font-semibold text-white hover:bg-sky-800">
            Start with “{first.title}”
          </Link>
        )}
        <GuideProgressBar guide={guide.slug} />
        <ContinueLink guide={guide.slug} />
      </header>
      {guide.phases.map((phase) => (
        <section key={phase.order} aria-labelledby={`phase-${phase.order}`} className="space-y-3">
          <h2 id={`phase-${phase.order}`} className="text-xl font-semibold">
            Phase {phase.order}: {phase.title}
            <PhaseProgress guide={guide.slug} phase={phase.order} />
          </h2>
          <ol className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
            {phase.lessons.map((lesson) => (
              <li key={lesson.slug} className="p-4">
                <Link href={`/guides/${guide.slug}/${lesson.slug}`} className="font-semibold text-sky-800 hover:underline dark:text-sky-300">
                  {lesson.title}
                </Link>
                <LessonMark guide={guide.slug} lesson={lesson.slug} />
                <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{lesson.summary}</p>
                <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                  {lesson.minutes} min · {plural(lesson.questionCount, "question")}
                </p>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
