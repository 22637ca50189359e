/**
 * Test helpers for quizzes: the answer key comes from the content files (tests may read them; the
 * browser never gets them), mapped onto the order an attempt displays.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Client } from "./http-client";

export interface QuizFileQuestion {
  q: string;
  choices: string[];
  answer: number;
  explain: string;
}

export interface ServedQuiz {
  quizId: string;
  version: string;
  attemptKey: string;
  questions: { id: string; q: string; choices: string[] }[];
}

const GUIDES = path.join(process.cwd(), "content", "guides");

/** The quiz file of a lesson, answers included. */
export function quizFile(guide: string, lesson: string): QuizFileQuestion[] {
  const name = readdirSync(path.join(GUIDES, guide)).find((f) => f.endsWith(`-${lesson}.quiz.json`));
  if (!name) throw new Error(`no quiz file for ${guide}/${lesson}`);
  return JSON.parse(readFileSync(path.join(GUIDES, guide, name), "utf8")) as QuizFileQuestion[];
}

/** Lesson slugs of a guide that have a quiz. */
export function lessonsWithQuiz(guide: string): string[] {
  return readdirSync(path.join(GUIDES, guide))
    .filter((f) => f.endsWith(".quiz.json"))
    .map((f) => f.replace(/^\d{2}-/, "").replace(/\.quiz\.json$/, ""));
}

export const quizPath = (guide: string, lesson: string) => `/api/guides/${guide}/lessons/${lesson}/quiz`;

export async function loadQuiz(client: Client, guide: string, lesson: string): Promise<ServedQuiz> {
  const res = await client.request(quizPath(guide, lesson));
  if (res.status !== 200) throw new Error(`GET quiz: ${res.status} ${await res.text()}`);
  return (await res.json()) as ServedQuiz;
}

/**
 * Displayed indexes for `served`: the right choice, except for the questions in `wrong`, where
 * the first wrong choice is picked.
 */
export function answersFor(served: ServedQuiz, key: QuizFileQuestion[], wrong: number[] = []): number[] {
  return served.questions.map((q, i) => {
    const right = key[i]!.choices[key[i]!.answer]!;
    return wrong.includes(i) ? q.choices.findIndex((c) => c !== right) : q.choices.indexOf(right);
  });
}
