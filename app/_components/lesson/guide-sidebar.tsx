import Link from "next/link";
import type { Guide } from "@/lib/content/source";
import { LessonMark } from "../progress/lesson-mark";

/**
 * The guide's phases and lessons on wide screens; the current lesson is marked for screen readers
 * too, and each lesson gets the reader's check mark once their progress loads.
 */
export function GuideSidebar({ guide, current }: { guide: Guide; current?: string }) {
  const list = (
    <nav aria-label={`${guide.title} lessons`}>
      <Link href={`/guides/${guide.slug}`} className="mb-3 block font-semibold text-zinc-900 hover:underline dark:text-white">
        {guide.title}
      </Link>
      <ol className="space-y-4">
        {guide.phases.map((phase) => (
          <li key={phase.order}>
            <p className="text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">
              Phase {phase.order}: {phase.title}
            </p>
            <ol className="mt-1 space-y-1">
              {phase.lessons.map((lesson) => (
                <li key={lesson.slug}>
                  <Link
                    href={`/guides/${guide.slug}/${lesson.slug}`}
                    aria-current={lesson.slug === current ? "page" : undefined}
                    data-lesson={lesson.slug}
                    className="sidebar-link"
                  >
                    {lesson.title}
                    <LessonMark guide={guide.slug} lesson={lesson.slug} />
                  </Link>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </nav>
  );
  // Rendered once (lesson HTML stays small); narrow screens reach the list through the guide
  // overview link above the lesson title instead.
  return <div className="sticky top-4 hidden max-h-[calc(100vh-2rem)] overflow-y-auto lg:block">{list}</div>;
}
