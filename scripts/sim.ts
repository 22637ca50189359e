/**
 * `npm run sim -- <scenario.json | -> [--events]`: runs a scenario through the simulator engine
 * and prints the observation as JSON (scenario-contract.md). Exit 0 when the scenario ran (Kafka
 * errors are part of the observation); exit 2 with one line on stderr naming the JSON path when the
 * scenario itself is invalid, and nothing on stdout.
 */
import { readFileSync } from "node:fs";
import { parseScenario, runScenario } from "@/lib/sim";

const USAGE = "usage: npm run sim -- <scenario.json | -> [--events]";

function invalid(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function readInput(source: string): string {
  try {
    return readFileSync(source === "-" ? 0 : source, "utf8");
  } catch (e) {
    return invalid(`${source}: cannot read (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

const args = process.argv.slice(2);
const events = args.includes("--events");
const files = args.filter((a) => a !== "--events");
const unknownFlag = files.find((a) => a.startsWith("--"));
if (unknownFlag) invalid(`unknown option ${unknownFlag}; ${USAGE}`);
if (files.length !== 1) invalid(USAGE);

let json: unknown;
try {
  json = JSON.parse(readInput(files[0]!));
} catch (e) {
  invalid(`(root): invalid JSON: ${(e as Error).message}`);
}
const scenario = parseScenario(json);
if (!scenario.ok) invalid(`${scenario.error.path}: ${scenario.error.message}`);
const result = runScenario(scenario.value, { events });
if (!result.ok) invalid(`${result.error.path}: ${result.error.message}`);
process.stdout.write(`${JSON.stringify(result.value.observation, null, 2)}\n`);
