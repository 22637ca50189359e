/**
 * The one way pages read guide content. Loaded and fully checked once per process; any problem
 * (bad file, broken link, missing quiz) throws, so `next build` fails naming the file and field.
 * Returns plain objects. Only `getQuizWithKey` returns quiz answers: for lib/quizzes (the server
 * scores attempts) and lib/instructor (instructors see the key in their analyses); learners' pages
 * never call it.
 */
import "server-only";
import { env } from "@/lib/env.js";
import { AppError } from "@/lib/errors";
import type { SearchEntry } from "@/lib/search/match";
import { checkAllContent } from "./check";
import { ContentError, contentFingerprint, lessonKey, type Content, type Guide, type Lesson, type LessonMeta, type QuizWithKey } from "./load";

export type { Guide, Lesson, LessonMeta, QuizWithKey };

let loaded: Content | undefined;
let loadedFingerprint: string | undefined;

// Memoised for the process (React's cache() would reload and re-parse every MDX file for each of
// the ~20 pages a build prerenders, and does not memoise at all in route handlers). In
// development it reloads when a content file changed, so edits show.
function getContent(): Content {
  if (env.NODE_ENV === "development") {
    const fingerprint = contentFingerprint();
    if (fingerprint !== loadedFingerprint) {
      loaded = load();
      loadedFingerprint = fingerprint;
    }
  }
  return (loaded ??= load());
}

function load(): Content {
  const { content, problems } = checkAllContent();
  if (problems.length > 0) throw new ContentError(problems);
  return content;
}

/** Every guide, for the catalog. */
export function listGuides(): Guide[] {
  return getContent().guides;
}

export function getGuide(slug: string): Guide | undefined {
  return getContent().guides.find((g) => g.slug === slug);
}

export function getLesson(guide: string, lesson: string): Lesson | undefined {
  return getContent().lessons.get(lessonKey(guide, lesson));
}

/** The lesson, or a 404 AppError naming it (for route handlers and the functions they call). */
export function requireLesson(guide: string, lesson: string): Lesson {
  const found = getLesson(guide, lesson);
  if (!found) throw new AppError("NOT_FOUND", { userMessage: `There is no lesson "${lesson}" in guide "${guide}".` });
  return found;
}

/** A lesson's quiz including its answer key and explanations. Server-side scoring only. */
export function getQuizWithKey(guide: string, lesson: string): QuizWithKey | undefined {
  return getContent().quizzes.get(lessonKey(guide, lesson));
}

/** The lessons before and after `lesson` in its guide's reading order. */
export function getNeighbours(guide: string, lesson: string): { previous?: LessonMeta; next?: LessonMeta } {
  const lessons = getGuide(guide)?.lessons ?? [];
  const i = lessons.findIndex((l) => l.slug === lesson);
  return { previous: i > 0 ? lessons[i - 1] : undefined, next: i >= 0 ? lessons[i + 1] : undefined };
}

/** Every (guide, lesson) pair, for static generation. */
export function allLessonParams(): { guide: string; lesson: string }[] {
  return getContent().guides.flatMap((g) => g.lessons.map((l) => ({ guide: g.slug, lesson: l.slug })));
}

/** One entry per lesson section, for the client-side search (built at build time). */
export function buildSearchIndex(): SearchEntry[] {
  const content = getContent();
  return [...content.lessons.values()].flatMap((lesson) => {
    const guide = content.guides.find((g) => g.slug === lesson.guide)!;
    return lesson.sections.map((section) => ({
      url: `/guides/${lesson.guide}/${lesson.slug}${section.heading ? `#${section.heading.id}` : ""}`,
      guide: guide.title,
      lesson: lesson.title,
      section: section.heading?.text ?? lesson.title,
      text: section.text.slice(0, 600),
    }));
  });
}
