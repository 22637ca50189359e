/**
 * Reads and validates every guide under content/guides: guide.json, lessons (MDX) and quizzes
 * (JSON, answers included: hence server-only). All problems are collected, each naming the file
 * and the field, so one run reports everything that is wrong.
 */
import "server-only";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
// Pages read content at build time (they are prerendered); at run time only the quiz API does,
// once per process, from the project directory `next start` runs in. The fs calls carry
// turbopackIgnore: tracing them would copy the whole project into the server output.
import path from "node:path";
import type { z } from "zod";
import { parseLesson, type Heading, type LessonLink, type SectionText } from "./parse-lesson";
import type { QuizSettingsInput } from "@/lib/quizzes/schemas";
import { DEFAULT_QUIZ_SETTINGS, type QuizSettings } from "@/lib/quizzes/scoring";
import { guideManifestSchema, lessonFrontmatterSchema, quizFileSchema, SLUG, type Level, type QuizQuestion } from "./schemas";

export const CONTENT_ROOT = path.join(process.cwd(), "content", "guides");

export interface LessonMeta {
  guide: string;
  slug: string;
  title: string;
  summary: string;
  phase: number;
  order: number;
  updated: string;
  minutes: number;
  /** Scenario ids of the body's `<TryIt scenario="…" />` panels, in order of appearance. */
  tryIt: string[];
  /** Content version: changes whenever the lesson file changes. */
  version: string;
  questionCount: number;
  headings: Heading[];
}

export interface Lesson extends LessonMeta {
  file: string;
  body: string;
  sections: SectionText[];
  links: LessonLink[];
}

export interface Phase {
  order: number;
  title: string;
  lessons: LessonMeta[];
}

export interface Guide {
  slug: string;
  title: string;
  summary: string;
  level: Level;
  minutes: number;
  phases: Phase[];
  lessons: LessonMeta[];
}

export interface QuizQuestionWithKey extends QuizQuestion {
  id: string;
  /** Changes whenever this question's text, choices, answer or explanation change. */
  version: string;
}

export interface QuizWithKey {
  guide: string;
  lesson: string;
  file: string;
  /** Changes whenever any question changes. */
  version: string;
  /** From the lesson's frontmatter `quiz:`, defaults filled in. */
  settings: QuizSettings;
  questions: QuizQuestionWithKey[];
}

export interface Content {
  guides: Guide[];
  lessons: Map<string, Lesson>;
  quizzes: Map<string, QuizWithKey>;
}

export interface ContentProblem {
  file: string;
  message: string;
}

export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(`Content has ${problems.length} problem(s):\n${problems.map((p) => `  ${p.file}: ${p.message}`).join("\n")}`);
    this.name = "ContentError";
  }
}

/** `lessons`/`quizzes` map key. */
export const lessonKey = (guide: string, lesson: string) => `${guide}/${lesson}`;

/**
 * A cheap fingerprint of the content files (names, sizes, modification times): it changes when any
 * file is added, removed or edited, without reading or parsing them.
 */
export function contentFingerprint(root = CONTENT_ROOT): string {
  const parts: string[] = [];
  for (const guide of readdirSync(/*turbopackIgnore: true*/ root).sort()) {
    const dir = path.join(root, guide);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(/*turbopackIgnore: true*/ dir).sort()) {
      const stat = statSync(path.join(dir, name));
      parts.push(`${guide}/${name}:${stat.size}:${stat.mtimeMs}`);
    }
  }
  return parts.join("|");
}

export function contentHash(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex").slice(0, 16);
}

function zodProblems(file: string, error: z.ZodError, prefix = ""): ContentProblem[] {
  return error.issues.map((issue) => {
    const field = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
    return { file, message: `${field || "(file)"}: ${issue.message}` };
  });
}

const LESSON_FILE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/;
const QUIZ_FILE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.quiz\.json$/;

function parseJson(text: string, problems: ContentProblem[], rel: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    problems.push({ file: rel, message: `not valid JSON (${(error as Error).message})` });
    return undefined;
  }
}

function loadGuide(root: string, slug: string, content: Content, problems: ContentProblem[]): void {
  const dir = path.join(/*turbopackIgnore: true*/ root, slug);
  const rel = (name: string) => path.posix.join("content/guides", slug, name);
  if (!SLUG.test(slug)) problems.push({ file: rel(""), message: "guide folder names are lowercase words joined by hyphens" });
  const manifestFile = path.join(/*turbopackIgnore: true*/ dir, "guide.json");
  if (!existsSync(/*turbopackIgnore: true*/ manifestFile)) {
    problems.push({ file: rel("guide.json"), message: "missing: every guide needs a guide.json" });
    return;
  }
  const manifest = guideManifestSchema.safeParse(parseJson(readFileSync(/*turbopackIgnore: true*/ manifestFile, "utf8"), problems, rel("guide.json")));
  if (!manifest.success) {
    problems.push(...zodProblems(rel("guide.json"), manifest.error));
    return;
  }

  const lessons: Lesson[] = [];
  // By file stem (NN-slug), which pairs a lesson with its quiz file. The quiz settings are kept
  // apart from the lesson: LessonMeta goes to pages, quiz settings only to the quiz API.
  const lessonFiles = new Map<string, { lesson: Lesson; quiz: QuizSettingsInput | undefined } | null>();
  const quizFiles = new Map<string, string>();
  for (const name of readdirSync(/*turbopackIgnore: true*/ dir).sort()) {
    if (name === "guide.json") continue;
    const lessonMatch = LESSON_FILE.exec(name);
    const quizMatch = QUIZ_FILE.exec(name);
    if (quizMatch) {
      quizFiles.set(`${quizMatch[1]}-${quizMatch[2]}`, name);
      continue;
    }
    if (!lessonMatch) {
      problems.push({ file: rel(name), message: "unexpected file: lessons are NN-slug.mdx, quizzes NN-slug.quiz.json" });
      continue;
    }
    const stem = name.slice(0, -".mdx".length);
    lessonFiles.set(stem, null);
    const raw = readFileSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ dir, name), "utf8");
    const parsed = parseLesson(raw);
    problems.push(...parsed.problems.map((message) => ({ file: rel(name), message })));
    const front = lessonFrontmatterSchema.safeParse(parsed.frontmatter ?? {});
    if (!front.success) {
      problems.push(...zodProblems(rel(name), front.error, "frontmatter"));
      continue;
    }
    const nn = Number(lessonMatch[1]);
    if (front.data.order !== nn) problems.push({ file: rel(name), message: `frontmatter.order: is ${front.data.order} but the file name says ${nn}` });
    if (!manifest.data.phases.some((p) => p.order === front.data.phase)) {
      problems.push({ file: rel(name), message: `frontmatter.phase: guide.json has no phase ${front.data.phase}` });
    }
    const { quiz, ...frontmatter } = front.data;
    const lesson: Lesson = {
      guide: slug,
      slug: lessonMatch[2]!,
      file: rel(name),
      ...frontmatter,
      tryIt: parsed.tryIt,
      version: contentHash(raw),
      questionCount: 0,
      headings: parsed.headings,
      body: parsed.body,
      sections: parsed.sections,
      links: parsed.links,
    };
    lessons.push(lesson);
    lessonFiles.set(stem, { lesson, quiz });
  }

  lessons.sort((a, b) => a.order - b.order);
  lessons.forEach((lesson, i) => {
    if (lesson.order !== i + 1) problems.push({ file: lesson.file, message: `frontmatter.order: expected ${i + 1} (orders run 1, 2, 3, ... without gaps)` });
    const previous = lessons[i - 1];
    if (previous && previous.phase > lesson.phase) problems.push({ file: lesson.file, message: `frontmatter.phase: phase ${lesson.phase} comes after a lesson of phase ${previous.phase}` });
  });

  for (const [stem, name] of quizFiles) {
    const entry = lessonFiles.get(stem);
    if (entry === undefined) problems.push({ file: rel(name), message: "no lesson with the same NN-slug" });
    // entry null: the lesson file is there but invalid, and its own problems say why.
    if (!entry) continue;
    const { lesson } = entry;
    const raw = readFileSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ dir, name), "utf8");
    const parsed = quizFileSchema.safeParse(parseJson(raw, problems, rel(name)));
    if (!parsed.success) {
      problems.push(...zodProblems(rel(name), parsed.error));
      continue;
    }
    const ids = new Set<string>();
    const questions = parsed.data.map((q, i) => {
      const id = q.id ?? `q${i + 1}`;
      if (ids.has(id)) problems.push({ file: rel(name), message: `${i}.id: "${id}" is used twice` });
      ids.add(id);
      return { ...q, id, version: contentHash(JSON.stringify([q.q, q.choices, q.answer, q.explain])) };
    });
    lesson.questionCount = questions.length;
    const settings: QuizSettings = { ...DEFAULT_QUIZ_SETTINGS, ...entry.quiz };
    // Settings are part of the version: an attempt's choice order depends on `shuffle`.
    const version = contentHash(`${raw}\n${JSON.stringify(settings)}`);
    content.quizzes.set(lessonKey(slug, lesson.slug), { guide: slug, lesson: lesson.slug, file: rel(name), version, settings, questions });
  }
  for (const [stem, entry] of lessonFiles) {
    if (entry?.quiz && !quizFiles.has(stem)) {
      problems.push({ file: entry.lesson.file, message: "frontmatter.quiz: settings for a quiz, but there is no quiz file next to the lesson" });
    }
  }

  const metas: LessonMeta[] = lessons.map(({ file: _f, body: _b, sections: _s, links: _l, ...meta }) => meta);
  for (const lesson of lessons) content.lessons.set(lessonKey(slug, lesson.slug), lesson);
  content.guides.push({
    slug,
    title: manifest.data.title,
    summary: manifest.data.summary,
    level: manifest.data.level,
    minutes: metas.reduce((sum, l) => sum + l.minutes, 0),
    phases: manifest.data.phases.map((p) => ({ ...p, lessons: metas.filter((l) => l.phase === p.order) })),
    lessons: metas,
  });
}

/** Loads everything under `root`; returns the content and every problem found (empty when valid). */
export function collectContent(root = CONTENT_ROOT): { content: Content; problems: ContentProblem[] } {
  const content: Content = { guides: [], lessons: new Map(), quizzes: new Map() };
  const problems: ContentProblem[] = [];
  if (!existsSync(/*turbopackIgnore: true*/ root)) return { content, problems: [{ file: "content/guides", message: "missing" }] };
  for (const slug of readdirSync(/*turbopackIgnore: true*/ root).sort()) {
    if (statSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ root, slug)).isDirectory()) loadGuide(root, slug, content, problems);
  }
  content.guides.sort((a, b) => a.title.localeCompare(b.title));
  return { content, problems };
}
