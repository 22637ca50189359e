/**
 * Whole-content rules on top of per-file validation: every internal link and #anchor resolves,
 * every lesson ends with a quiz of at least three questions, and slugs and heading ids fit where
 * learners' progress stores them.
 */
import "server-only";
import path from "node:path";
import { MAX_SECTION_ID_LENGTH } from "@/lib/progress/schemas";
import { loadTryItScenarios } from "@/lib/try-it/load";
import { collectContent, lessonKey, type Content, type ContentProblem } from "./load";

export const MIN_QUIZ_QUESTIONS = 3;
/** Slugs and heading ids are stored with learners' progress (lesson_progress columns). */
export const MAX_SLUG_LENGTH = 80;

/** Site pages outside the guides that lessons may link to. */
const SITE_PAGES = new Set(["/", "/sign-in", "/sign-up", "/me"]);

function anchorExists(content: Content, guide: string, lesson: string, anchor: string): boolean {
  return content.lessons.get(lessonKey(guide, lesson))?.headings.some((h) => h.id === anchor) ?? false;
}

/** Problems with one link found in lesson `guide/lesson`; null when it resolves. */
export function checkLink(content: Content, guide: string, lesson: string, url: string): string | null {
  if (/^(https?:|mailto:)/.test(url)) return null;
  if (url.startsWith("#")) {
    return anchorExists(content, guide, lesson, url.slice(1)) ? null : `no heading with id "${url.slice(1)}" in this lesson`;
  }
  if (!url.startsWith("/")) return "internal links must be site paths starting with / (or #anchor)";
  const [pathPart = "", anchor] = url.split("#", 2);
  const route = /^\/guides\/([^/?#]+)(?:\/([^/?#]+))?\/?$/.exec(pathPart);
  if (!route) return SITE_PAGES.has(pathPart) && !anchor ? null : `no page at ${pathPart}`;
  const [, targetGuide = "", targetLesson] = route;
  if (!content.guides.some((g) => g.slug === targetGuide)) return `no guide "${targetGuide}"`;
  if (!targetLesson) return anchor ? "guide overview pages have no section anchors" : null;
  if (!content.lessons.has(lessonKey(targetGuide, targetLesson))) return `no lesson "${targetLesson}" in guide "${targetGuide}"`;
  if (anchor && !anchorExists(content, targetGuide, targetLesson, anchor)) return `no heading with id "${anchor}" in /guides/${targetGuide}/${targetLesson}`;
  return null;
}

/** Link and quiz problems across all content. */
export function checkContentRules(content: Content): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const lesson of content.lessons.values()) {
    for (const link of lesson.links) {
      const problem = checkLink(content, lesson.guide, lesson.slug, link.url);
      if (problem) problems.push({ file: lesson.file, message: `line ${link.line}: link ${link.url}: ${problem}` });
    }
    for (const slug of [lesson.guide, lesson.slug]) {
      if (slug.length > MAX_SLUG_LENGTH) problems.push({ file: lesson.file, message: `slug "${slug}" is longer than ${MAX_SLUG_LENGTH} characters` });
    }
    for (const heading of lesson.headings) {
      if (heading.id.length > MAX_SECTION_ID_LENGTH) {
        problems.push({ file: lesson.file, message: `heading "${heading.text}" makes an id longer than ${MAX_SECTION_ID_LENGTH} characters; shorten it` });
      }
    }
    const quiz = content.quizzes.get(lessonKey(lesson.guide, lesson.slug));
    if (!quiz) problems.push({ file: lesson.file, message: `has no quiz file (${path.posix.basename(lesson.file, ".mdx")}.quiz.json)` });
    else if (quiz.questions.length < MIN_QUIZ_QUESTIONS) problems.push({ file: quiz.file, message: `has ${quiz.questions.length} question(s); lessons need at least ${MIN_QUIZ_QUESTIONS}` });
  }
  return problems;
}

/** Everything `npm run content:check` reports: file problems, then link and quiz problems. */
export function checkAllContent(root?: string): { content: Content; problems: ContentProblem[] } {
  const { content, problems } = collectContent(root);
  return { content, problems: [...problems, ...checkContentRules(content), ...checkTryIt(content)] };
}

/** Every "try it" scenario file is valid, and every lesson's `<TryIt>` names one that exists. */
function checkTryIt(content: Content): ContentProblem[] {
  const { scenarios, problems } = loadTryItScenarios();
  for (const lesson of content.lessons.values()) {
    for (const id of lesson.tryIt) if (!scenarios.has(id)) problems.push({ file: lesson.file, message: `<TryIt scenario="${id}">: no scenario content/try-it/${id}.json` });
  }
  return problems;
}
