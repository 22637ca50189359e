/**
 * Splits a command string the way a POSIX shell would for a simple command: whitespace separates
 * words, single quotes are literal, double quotes allow \" \\ \$ \` escapes, a backslash outside
 * quotes escapes the next character, a trailing backslash continues on the next line, `#` starts
 * a comment at a word boundary. The first (possibly continued) line is the command; the lines
 * after it are its standard input, one record per line for kafka-console-producer.
 */

/** argv and stdin lines, or a shell syntax error. */
export type ShellParse = { ok: true; argv: string[]; stdin: string[] } | { ok: false; message: string };

type Scan = { words: string[]; open: "'" | '"' | "\\" | null; current: string; inWord: boolean };

/** Continues scanning `text` from a previous state (multi-line quotes and continuations). */
function scan(text: string, state: Scan): Scan {
  let { current, inWord, open } = state;
  const words = [...state.words];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (open === "'") {
      if (c === "'") open = null;
      else current += c;
    } else if (open === '"') {
      const next = text[i + 1];
      if (c === '"') open = null;
      else if (c === "\\" && next !== undefined && '"\\$`'.includes(next)) {
        current += next;
        i++;
      } else current += c;
    } else if (c === " " || c === "\t") {
      if (inWord) words.push(current);
      current = "";
      inWord = false;
    } else if (c === "'" || c === '"') {
      open = c;
      inWord = true;
    } else if (c === "\\") {
      const next = text[i + 1];
      if (next === undefined) return { words, open: "\\", current, inWord };
      current += next;
      inWord = true;
      i++;
    } else if (c === "#" && !inWord) {
      break;
    } else {
      current += c;
      inWord = true;
    }
  }
  return { words, open: open === "\\" ? null : open, current, inWord };
}

/** Parses a command string into argv and stdin lines. */
export function parseCommandLine(text: string): ShellParse {
  const lines = text.split(/\r?\n/);
  // A trailing newline ends the last stdin line; it does not add an empty record.
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  let state: Scan = { words: [], open: null, current: "", inWord: false };
  let i = 0;
  for (;;) {
    const line = lines[i] ?? "";
    state = scan(line, state);
    i++;
    if (state.open === null) break;
    if (i >= lines.length) {
      if (state.open === "\\") break;
      return { ok: false, message: `unexpected EOF while looking for matching \`${state.open}'` };
    }
    // An open quote keeps the newline; a backslash continuation drops it.
    if (state.open !== "\\") state = { ...state, current: state.current + "\n" };
    else state = { ...state, open: null };
  }
  const argv = state.inWord ? [...state.words, state.current] : state.words;
  return { ok: true, argv, stdin: lines.slice(i) };
}

/** The tool a command word names: `bin/kafka-topics.sh`, `./kafka-topics.sh` and `kafka-topics` are the same. */
export function toolName(word: string): string {
  const base = word.slice(word.lastIndexOf("/") + 1);
  return base.endsWith(".sh") ? base.slice(0, -3) : base;
}
