/**
 * `npm run bench`: runs every benchmark of the project and writes bench/results/latest.md (plus one
 * JSON file per run). Figures are compared with baselines measured in the same run.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { benchInstructor } from "./instructor";
import { benchLessonPage } from "./lesson-page";
import { benchLoad } from "./load";
import { benchSim } from "./sim";
import { benchSimApi } from "./sim-api";
import { toMarkdown, type BenchResult } from "./lib/report";

const BENCHMARKS: Record<string, () => Promise<BenchResult>> = {
  "lesson-page": () => benchLessonPage(),
  sim: () => benchSim(),
  "sim-api": () => benchSimApi(),
  instructor: () => benchInstructor(),
  load: () => benchLoad(),
};

async function main() {
  const only = process.argv.slice(2);
  const results: BenchResult[] = [];
  for (const [name, run] of Object.entries(BENCHMARKS)) {
    if (only.length > 0 && !only.includes(name)) continue;
    console.log(`▸ ${name}`);
    results.push(await run());
  }
  const dir = path.join(process.cwd(), "bench/results");
  mkdirSync(dir, { recursive: true });
  const markdown = toMarkdown(results);
  writeFileSync(path.join(dir, "latest.md"), markdown);
  writeFileSync(path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}.json`), JSON.stringify(results, null, 2));
  console.log(`\n${markdown}`);
  if (results.some((r) => r.figures.some((f) => f.pass === false))) process.exitCode = 1;
}

void main();
