/**
 * Benchmark results: each benchmark returns named figures, each with its own baseline measured in
 * the same run (these machines are shared and noisy, so ratios are what we compare).
 */
import { cpus, totalmem } from "node:os";

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** What the value is compared with, measured in the same run. */
  baseline?: { name: string; value: number };
  /** e.g. "≤ 15 kB above baseline", "ratio ≥ 0.8" */
  target?: string;
  pass?: boolean;
}

/** Details a single value per figure cannot show, printed as a table after the figures. */
export interface Table {
  title: string;
  columns: string[];
  rows: (string | number)[][];
}

export interface BenchResult {
  name: string;
  figures: Figure[];
  tables?: Table[];
  notes?: string[];
}

export function machine(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export function toMarkdown(results: BenchResult[], date = new Date()): string {
  const lines = [`# Benchmark results`, "", `- date: ${date.toISOString()}`, `- machine: ${machine()}`, ""];
  for (const r of results) {
    lines.push(`## ${r.name}`, "", "| figure | value | baseline (same run) | ratio | target | ok |", "| --- | --- | --- | --- | --- | --- |");
    for (const f of r.figures) {
      const ratio = f.baseline && f.baseline.value !== 0 ? (f.value / f.baseline.value).toFixed(3) : "";
      const base = f.baseline ? `${f.baseline.name}: ${round(f.baseline.value)} ${f.unit}` : "";
      lines.push(`| ${f.name} | ${round(f.value)} ${f.unit} | ${base} | ${ratio} | ${f.target ?? ""} | ${f.pass === undefined ? "" : f.pass ? "yes" : "NO"} |`);
    }
    for (const t of r.tables ?? []) {
      lines.push("", `**${t.title}**`, "", `| ${t.columns.join(" | ")} |`, `| ${t.columns.map(() => "---").join(" | ")} |`);
      for (const row of t.rows) lines.push(`| ${row.map((c) => (typeof c === "number" ? round(c) : c)).join(" | ")} |`);
    }
    for (const note of r.notes ?? []) lines.push("", `- ${note}`);
    lines.push("");
  }
  return lines.join("\n");
}

function round(n: number): string {
  return Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2);
}
