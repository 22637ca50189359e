/**
 * The loader's error reports on broken content: each names the file and the field.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkAllContent } from "@/lib/content/check";

const GUIDE = JSON.stringify({ title: "T", summary: "S", level: "beginner", phases: [{ order: 1, title: "One" }] });
const QUIZ = JSON.stringify([
  { q: "A?", choices: ["x", "y"], answer: 0, explain: "Because." },
  { q: "B?", choices: ["x", "y"], answer: 1, explain: "Because." },
  { q: "C?", choices: ["x", "y"], answer: 0, explain: "Because." },
]);

function lesson(front: Record<string, unknown> = {}, body = "## Intro\n\nText.\n\n## Recap\n\n<Recap>\n1. One.\n</Recap>\n"): string {
  const fm = { title: "First", summary: "Sum", phase: 1, order: 1, updated: "2026-06-30", minutes: 5, ...front };
  return `---\n${Object.entries(fm).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join("\n")}\n---\n${body}`;
}

/** Writes a one-guide content tree; `files` overrides or adds files of guide "g". */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "content-"));
  mkdirSync(path.join(root, "g"));
  const all = { "guide.json": GUIDE, "01-first.mdx": lesson(), "01-first.quiz.json": QUIZ, ...files };
  for (const [name, text] of Object.entries(all)) writeFileSync(path.join(root, "g", name), text);
  return root;
}

function messages(files: Record<string, string>): string[] {
  return checkAllContent(tree(files)).problems.map((p) => `${p.file}: ${p.message}`);
}

describe("content validation", () => {
  it("should accept a minimal valid guide", () => {
    expect(messages({})).toEqual([]);
  });

  it("should pair a quiz with its lesson by file name, and say nothing false about an invalid lesson's quiz", () => {
    const found = messages({ "01-first.mdx": lesson({ order: 2 }) });
    expect(found.join("\n")).toContain("frontmatter.order: is 2 but the file name says 1");
    expect(found.join("\n")).not.toContain("no lesson with the same NN-slug");
    expect(found.join("\n")).not.toContain("has no quiz file");
    const invalid = messages({ "01-first.mdx": lesson({ minutes: 0 }) });
    expect(invalid.join("\n")).toContain("frontmatter.minutes");
    expect(invalid.join("\n")).not.toContain("no lesson with the same NN-slug");
  });

  it("should refuse slugs and heading ids too long to store with a learner's progress", () => {
    const long = "word ".repeat(30).trim();
    const found = messages({ "01-first.mdx": lesson({}, `## ${long}\n\nText.\n`), [`02-${"a".repeat(81)}.mdx`]: lesson({ order: 2 }), [`02-${"a".repeat(81)}.quiz.json`]: QUIZ });
    expect(found.join("\n")).toContain("makes an id longer than 120 characters");
    expect(found.join("\n")).toContain(`slug "${"a".repeat(81)}" is longer than 80 characters`);
  });

  it("should list a lesson's try-it panels from its body, in order", () => {
    const body = '## A\n\n<TryIt scenario="committing" />\n\n## B\n\n<TryIt scenario="at-least-once" />\n';
    const found = checkAllContent(tree({ "01-first.mdx": lesson({}, body) }));
    expect(found.problems).toEqual([]);
    expect(found.content.lessons.get("g/first")!.tryIt).toEqual(["committing", "at-least-once"]);
  });

  it("should fill in quiz settings from the frontmatter, with defaults, and version the quiz by them", () => {
    const plain = checkAllContent(tree({})).content.quizzes.get("g/first")!;
    expect(plain.settings).toEqual({ shuffle: true, reveal: "after-submit", passAt: 2 / 3 });
    const set = checkAllContent(tree({ "01-first.mdx": lesson({ quiz: { shuffle: false, reveal: "never", passAt: 1 } }) })).content.quizzes.get("g/first")!;
    expect(set.settings).toEqual({ shuffle: false, reveal: "never", passAt: 1 });
    expect(set.version).not.toBe(plain.version);
    expect(set.questions.map((q) => q.version)).toEqual(plain.questions.map((q) => q.version));
  });

  it.each([
    ["a bad level", { "guide.json": GUIDE.replace("beginner", "expert") }, "content/guides/g/guide.json: level:"],
    ["a missing title", { "01-first.mdx": lesson({ title: undefined }).replace('title: undefined\n', "") }, "01-first.mdx: frontmatter.title:"],
    ["an impossible date", { "01-first.mdx": lesson({ updated: "2026-02-30" }) }, "01-first.mdx: frontmatter.updated: is not a real date"],
    ["order not matching the file name", { "01-first.mdx": lesson({ order: 2 }) }, "01-first.mdx: frontmatter.order: is 2 but the file name says 1"],
    ["an unknown phase", { "01-first.mdx": lesson({ phase: 4 }) }, "01-first.mdx: frontmatter.phase: guide.json has no phase 4"],
    ["an unknown frontmatter field", { "01-first.mdx": lesson({ author: "me" }) }, "01-first.mdx: frontmatter:"],
    ["a # heading", { "01-first.mdx": lesson({}, "# Big\n\ntext\n") }, "01-first.mdx: line 9: use ## for sections"],
    ["an unknown component", { "01-first.mdx": lesson({}, "<Video src=\"x\" />\n") }, "01-first.mdx: line 9: <Video> is not an allowed component"],
    ["raw HTML", { "01-first.mdx": lesson({}, "<div>hi</div>\n") }, "<div> is not an allowed component"],
    ["an import", { "01-first.mdx": lesson({}, "import X from 'y'\n\ntext\n") }, "import/export statements are not allowed"],
    ["a bad callout kind", { "01-first.mdx": lesson({}, '<Callout kind="danger">x</Callout>\n') }, "<Callout kind> must be one of"],
    ["a try-it panel without a scenario", { "01-first.mdx": lesson({}, "<TryIt />\n") }, '01-first.mdx: line 9: <TryIt scenario="…"> needs a scenario id'],
    ["a try-it panel inside a paragraph", { "01-first.mdx": lesson({}, 'Look: <TryIt scenario="at-least-once" /> here.\n') }, "<TryIt> must stand on its own line"],
    ["a try-it panel with children", { "01-first.mdx": lesson({}, '<TryIt scenario="at-least-once">\nhi\n</TryIt>\n') }, "takes no other attributes and no children"],
    ["a try-it panel twice", { "01-first.mdx": lesson({}, '<TryIt scenario="at-least-once" />\n\n<TryIt scenario="at-least-once" />\n') }, "01-first.mdx: line 11: <TryIt scenario=\"at-least-once\" /> is already in this lesson; each scenario may appear once"],
    ["an unknown try-it scenario", { "01-first.mdx": lesson({}, '<TryIt scenario="nope" />\n') }, '01-first.mdx: <TryIt scenario="nope">: no scenario content/try-it/nope.json'],
    ["a diagram without alt", { "01-first.mdx": lesson({}, "```diagram\na -> b\n```\n") }, "a diagram needs alt"],
    ["a code block without a language", { "01-first.mdx": lesson({}, "```\nx\n```\n") }, "a code block needs a language"],
    ["a broken internal link", { "01-first.mdx": lesson({}, "See [x](/guides/g/nope).\n") }, "link /guides/g/nope: no lesson \"nope\" in guide \"g\""],
    ["a broken anchor", { "01-first.mdx": lesson({}, "## Intro\n\nSee [x](#outro).\n") }, "link #outro: no heading with id \"outro\""],
    ["a broken cross-lesson anchor", { "01-first.mdx": lesson({}, "## Intro\n\nSee [x](/guides/g/first#nowhere).\n") }, "no heading with id \"nowhere\" in /guides/g/first"],
    ["an unknown guide", { "01-first.mdx": lesson({}, "See [x](/guides/other).\n") }, "no guide \"other\""],
    ["invalid quiz JSON", { "01-first.quiz.json": "[{" }, "01-first.quiz.json: not valid JSON"],
    ["an answer out of range", { "01-first.quiz.json": QUIZ.replace('"answer":1', '"answer":2') }, "01-first.quiz.json: 1.answer: must be an index into choices (0-1)"],
    ["one choice", { "01-first.quiz.json": QUIZ.replace('["x","y"],"answer":0,"explain":"Because."},{"q":"B?"', '["x"],"answer":0,"explain":"Because."},{"q":"B?"') }, "0.choices: needs at least 2 choices"],
    ["nine choices", { "01-first.quiz.json": QUIZ.replace('["x","y"]', JSON.stringify("abcdefghi".split(""))) }, "0.choices: allows at most 8 choices"],
    ["an empty explanation", { "01-first.quiz.json": QUIZ.replace('"explain":"Because."', '"explain":" "') }, "0.explain: must not be empty"],
    ["repeated choices", { "01-first.quiz.json": QUIZ.replace('["x","y"]', '["x","x"]') }, "0.choices.1: repeats another choice"],
    ["too few questions", { "01-first.quiz.json": JSON.stringify(JSON.parse(QUIZ).slice(0, 2)) }, "has 2 question(s); lessons need at least 3"],
    ["a missing quiz", { "01-first.quiz.json": "", "02-second.mdx": lesson({ order: 2, title: "Second" }) }, "02-second.mdx: has no quiz file"],
    ["a stray file", { "notes.txt": "hello" }, "notes.txt: unexpected file"],
    ["an unknown reveal policy", { "01-first.mdx": lesson({ quiz: { reveal: "sometimes" } }) }, "01-first.mdx: frontmatter.quiz.reveal:"],
    ["a pass mark above 1", { "01-first.mdx": lesson({ quiz: { passAt: 1.5 } }) }, "01-first.mdx: frontmatter.quiz.passAt: must be at most 1"],
    ["an unknown quiz setting", { "01-first.mdx": lesson({ quiz: { timer: 30 } }) }, "01-first.mdx: frontmatter.quiz:"],
    [
      "quiz settings without a quiz",
      { "02-second.mdx": lesson({ order: 2, title: "Second", quiz: { shuffle: false } }) },
      "02-second.mdx: frontmatter.quiz: settings for a quiz, but there is no quiz file",
    ],
  ])("should report %s, naming the file and field", (_what, files, expected) => {
    const found = messages(files);
    expect(found.join("\n")).toContain(expected);
  });
});
