import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LessonTracker } from "@/app/_components/progress/lesson-tracker";
import { Quiz } from "@/app/_components/quiz/quiz";
import { PageRating } from "@/app/_components/rating/page-rating";
import { GuideSidebar } from "@/app/_components/lesson/guide-sidebar";
import { ReadingProgress } from "@/app/_components/lesson/reading-progress";
import { TableOfContents } from "@/app/_components/lesson/table-of-contents";
import { renderLessonBody } from "@/lib/content/render";
import { allLessonParams, getGuide, getLesson, getNeighbours } from "@/lib/content/source";
import { formatDay, plural } from "@/lib/utils/format";

type Params = { guide: string; lesson: string };

// Every lesson is prerendered at build time; an unknown one is a 404, never a render on demand.
export const dynamicParams = false;

export function generateStaticParams(): Params[] {
  return allLessonParams();
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { guide, lesson } = await params;
  const found = getLesson(guide, lesson);
  return found ? { title: `${found.title} · ${getGuide(guide)?.title}`, description: found.summary } : {};
}

export default async function LessonPage({ params }: { params: Promise<Params> }) {
  const { guide: guideSlug, lesson: lessonSlug } = await params;
  const guide = getGuide(guideSlug);
  const lesson = getLesson(guideSlug, lessonSlug);
  if (!guide || !lesson) notFound();
  const { previous, next } = getNeighbours(guideSlug, lessonSlug);
  const body = await renderLessonBody(lesson.body, { guide: guide.slug, lesson: lesson.slug });

  return (
    <div className="lg:grid lg:grid-cols-[14rem_minmax(0,1fr)] lg:gap-10 xl:grid-cols-[14rem_minmax(0,1fr)_13rem]">
      <ReadingProgress targetId="lesson-body" />
      <aside className="lg:order-none">
        <GuideSidebar guide={guide} current={lesson.slug} />
      </aside>
      <article className="min-w-0" data-lesson={lesson.slug}>
        <header className="mb-8 space-y-2">
          <p className="text-sm font-medium text-sky-800 dark:text-sky-300">
            <Link href={`/guides/${guide.slug}`} className="hover:underline">
              {guide.title}
            </Link>
            {` › Phase ${lesson.phase}: ${guide.phases.find((p) => p.order === lesson.phase)?.title ?? ""}`}
          </p>
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{lesson.title}</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {`Updated ${formatDay(lesson.updated)} · ${lesson.minutes} min read`}
          </p>
        </header>
        <div id="lesson-body" className="lesson-body">
          {body}
        </div>
        <LessonTracker guide={guide.slug} lesson={lesson.slug} bodyId="lesson-body" />

        <section id="check-your-understanding" aria-labelledby="quiz-heading" className="mt-12 border-t border-zinc-200 pt-8 dark:border-zinc-800">
          <h2 id="quiz-heading" className="text-2xl font-semibold">
            Check your understanding <span className="text-base font-normal text-zinc-600 dark:text-zinc-400">{`— ${plural(lesson.questionCount, "question")}`}</span>
          </h2>
          {lesson.questionCount > 0 && <Quiz guide={guide.slug} lesson={lesson.slug} questionCount={lesson.questionCount} />}
          <noscript>
            <p className="mt-4 text-sm">The quiz needs JavaScript: it is checked on our server so the answers stay secret until you submit.</p>
          </noscript>
        </section>

        <nav aria-label="Lesson navigation" className="mt-12 flex flex-wrap items-center gap-x-2 gap-y-1 border-t border-zinc-200 pt-6 dark:border-zinc-800">
          {previous && (
            <>
              <Link rel="prev" href={`/guides/${guide.slug}/${previous.slug}`} className="lesson-nav-link">
                {`← Phase ${previous.phase}: ${previous.title}`}
              </Link>
              <span aria-hidden="true">·</span>
            </>
          )}
          <Link href={`/guides/${guide.slug}`} className="lesson-nav-link">
            Guide overview
          </Link>
          {next && (
            <>
              <span aria-hidden="true">·</span>
              <Link rel="next" href={`/guides/${guide.slug}/${next.slug}`} className="lesson-nav-link">
                {`Phase ${next.phase}: ${next.title} →`}
              </Link>
            </>
          )}
        </nav>

        <section aria-labelledby="rating-heading" className="mt-10 rounded-md border border-zinc-200 p-4 dark:border-zinc-800">
          <h2 id="rating-heading" className="text-lg font-semibold">
            Was this page helpful?
          </h2>
          <PageRating key={`${guide.slug}/${lesson.slug}`} guide={guide.slug} lesson={lesson.slug} />
        </section>
      </article>
      <aside className="hidden xl:block">
        <TableOfContents items={lesson.headings} />
      </aside>
    </div>
  );
}
