/**
 * What a virtual learner needs to know about one lesson to use it as a browser would: its section
 * ids (the progress writes name them), the right answer of each quiz question (as choice text, since
 * each attempt shuffles the choices), and the commands of one of its "try it" panels' buttons.
 * Everything comes from the content files; the quiz answers never from the app.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadSeedContent } from "./instructor-seed";

export interface LoadLesson {
  guide: string;
  lesson: string;
  /** The "try it" panel (scenario id) the learner plays with. */
  scenario: string;
  /** Heading ids, in order, as the app derives them. */
  sections: string[];
  /** Per question, in file order: the text of its right choice. */
  rightChoices: string[];
  /** The commands of the panel's buttons named in `controls`, in that order. */
  commands: unknown[];
}

interface QuizFileQuestion {
  choices: string[];
  answer: number;
}

interface TryItFile {
  controls: { id: string; command: unknown }[];
}

const CONTENT = path.join(process.cwd(), "content");

/** The lesson's quiz file (`NN-<lesson>.quiz.json`), answers included. */
function quizFile(guide: string, lesson: string): QuizFileQuestion[] {
  const dir = path.join(CONTENT, "guides", guide);
  const name = readdirSync(dir).find((f) => f.endsWith(`-${lesson}.quiz.json`));
  if (!name) throw new Error(`no quiz file for ${guide}/${lesson}`);
  return JSON.parse(readFileSync(path.join(dir, name), "utf8")) as QuizFileQuestion[];
}

/**
 * The lesson, with the panel `scenario`'s buttons `controls` (ids from content/try-it). Throws if
 * the lesson, its quiz, the panel or a button does not exist.
 */
export function loadLesson(guide: string, lesson: string, scenario: string, controls: readonly string[]): LoadLesson {
  const content = loadSeedContent(guide);
  const meta = content.lessons.find((l) => l.slug === lesson);
  if (!meta) throw new Error(`no lesson ${guide}/${lesson}`);
  const panel = JSON.parse(readFileSync(path.join(CONTENT, "try-it", `${scenario}.json`), "utf8")) as TryItFile;
  const commands = controls.map((id) => {
    const control = panel.controls.find((c) => c.id === id);
    if (!control) throw new Error(`panel ${scenario} has no button ${id}`);
    return control.command;
  });
  const rightChoices = quizFile(guide, lesson).map((q) => q.choices[q.answer]!);
  return { guide, lesson, scenario, sections: meta.sections, rightChoices, commands };
}
