/**
 * The option table Kafka's tools print after a usage error (jopt-simple's BuiltinHelpFormatter
 * layout: two 39-character columns two spaces apart, options sorted by name, wrapped lines
 * indented by two spaces, every line padded to 80 characters). The descriptions are the
 * simulator's own short ones, listing only what a learner needs.
 */
import type { OptionSpec } from "./args";

const COLUMN = 39;

/** Word-wraps `text` into lines of at most `width`, continuation lines indented by two spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    const limit = lines.length === 0 ? width : width - 2;
    if (line === "") line = word;
    else if (line.length + 1 + word.length <= limit) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== "" || lines.length === 0) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : `  ${l}`));
}

function optionText(s: OptionSpec): string {
  if (!s.arg) return `--${s.name}`;
  const inner = `${s.type ?? "String"}${s.describedAs ? `: ${s.describedAs}` : ""}`;
  return s.arg === "required" ? `--${s.name} <${inner}>` : `--${s.name} [${inner}]`;
}

/** The usage table for `specs`, each line ending in "\n". */
export function formatUsage(specs: readonly OptionSpec[]): string {
  const row = (left: string, right: string) => `${left.padEnd(COLUMN + 2)}${right.padEnd(COLUMN)}\n`;
  let out = row("Option", "Description") + row("------", "-----------");
  for (const s of [...specs].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const left = wrap(optionText(s), COLUMN);
    const right = wrap(s.description + (s.defaultValue !== undefined ? ` (default: ${s.defaultValue})` : ""), COLUMN);
    for (let i = 0; i < Math.max(left.length, right.length); i++) out += row(left[i] ?? "", right[i] ?? "");
  }
  return out;
}
