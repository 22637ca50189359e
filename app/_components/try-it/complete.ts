/**
 * Tab completion for the panel's terminal, like a shell's: the first word completes to a tool name
 * (`kafka-top` → `kafka-topics.sh `), a word starting with `-` to one of that tool's options.
 * Pure, so it is tested without a browser.
 */

/** Tool name (as typed, with `.sh`) → its long options. */
export type Completions = Record<string, readonly string[]>;

export type Completion =
  /** The input becomes `value` (the caret goes to its end). */
  | { kind: "completed"; value: string }
  /** Several candidates share no longer prefix: show them. */
  | { kind: "choices"; choices: string[] }
  | { kind: "none" };

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? "";
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** The tool a typed command names (`bin/kafka-topics.sh`, `kafka-topics`), as a key of `table`. */
function toolOf(table: Completions, word: string): string | undefined {
  const base = word.slice(word.lastIndexOf("/") + 1);
  return [base, `${base}.sh`].find((name) => name in table);
}

/** What Tab does to `input` (only its first line is completed; the caret is taken to be at the end). */
export function complete(table: Completions, input: string): Completion {
  if (input.includes("\n")) return { kind: "none" };
  const at = input.search(/\S+$/);
  const word = at === -1 ? "" : input.slice(at);
  const before = at === -1 ? input : input.slice(0, at);
  const words = before.trim() === "" ? [] : before.trim().split(/\s+/);
  let candidates: string[];
  if (words.length === 0) {
    if (word === "") return { kind: "none" };
    const dir = word.slice(0, word.lastIndexOf("/") + 1);
    const base = word.slice(dir.length);
    candidates = Object.keys(table).filter((t) => t.startsWith(base)).map((t) => dir + t);
  } else {
    const tool = toolOf(table, words[0]!);
    if (!tool || !word.startsWith("-")) return { kind: "none" };
    const typed = word.startsWith("--") ? word : `-${word}`;
    const used = new Set(words);
    candidates = table[tool]!.filter((o) => o.startsWith(typed) && !used.has(o));
  }
  if (candidates.length === 0) return { kind: "none" };
  if (candidates.length === 1) return { kind: "completed", value: `${before}${candidates[0]} ` };
  const prefix = commonPrefix(candidates);
  if (prefix.length > word.length) return { kind: "completed", value: `${before}${prefix}` };
  return { kind: "choices", choices: candidates.sort() };
}
