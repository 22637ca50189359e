/**
 * The Kafka command-line tools against the simulated cluster: `runCli(commandLine, host)` runs
 * one shell-like command line (quotes honoured; lines after the first are the command's stdin)
 * and returns what the real tool would print and its exit code. Tool names may carry a
 * directory (`bin/`) and `.sh`. Pure: everything goes through `host`.
 */
import type { OptionSpec } from "./args";
import { runConfigs, SPECS as CONFIGS_OPTIONS } from "./configs";
import { runConsoleConsumer, SPECS as CONSOLE_CONSUMER_OPTIONS } from "./console-consumer";
import { runConsoleProducer, SPECS as CONSOLE_PRODUCER_OPTIONS } from "./console-producer";
import { runConsumerGroups } from "./consumer-groups";
import { GROUP_SPECS } from "./group-options";
import type { CliHost } from "./host";
import { Exit, Io, type CliOutput } from "./output";
import { parseCommandLine, toolName } from "./shell";
import { runTopics, SPECS as TOPICS_OPTIONS } from "./topics";

export type { CliHost } from "./host";
export type { CliOutput } from "./output";

const TOOLS: Readonly<Record<string, (args: readonly string[], stdin: readonly string[], host: CliHost, io: Io) => void>> = {
  "kafka-topics": (args, _stdin, host, io) => runTopics(args, host, io),
  "kafka-configs": (args, _stdin, host, io) => runConfigs(args, host, io),
  "kafka-consumer-groups": (args, _stdin, host, io) => runConsumerGroups(args, host, io),
  "kafka-console-producer": (args, stdin, host, io) => runConsoleProducer(args, stdin, host, io),
  "kafka-console-consumer": (args, _stdin, host, io) => runConsoleConsumer(args, host, io),
};

/** The names `runCli` accepts (without `.sh`). */
export const CLI_TOOLS: readonly string[] = Object.keys(TOOLS);

const OPTIONS: Readonly<Record<string, readonly OptionSpec[]>> = {
  "kafka-topics": TOPICS_OPTIONS,
  "kafka-configs": CONFIGS_OPTIONS,
  "kafka-consumer-groups": GROUP_SPECS,
  "kafka-console-producer": CONSOLE_PRODUCER_OPTIONS,
  "kafka-console-consumer": CONSOLE_CONSUMER_OPTIONS,
};

/**
 * What a terminal can offer for Tab completion: each tool's name as typed (`kafka-topics.sh`) and
 * every long option it accepts (`--describe`), sorted. Exactly the options the tools parse.
 */
export function cliCompletions(): Record<string, string[]> {
  return Object.fromEntries(Object.entries(OPTIONS).map(([tool, specs]) => [`${tool}.sh`, specs.map((s) => `--${s.name}`).sort()]));
}

/**
 * Runs one command line. Unknown commands answer like a shell (`<name>: command not found`,
 * exit 127); an unterminated quote like bash (exit 2); an empty line does nothing (exit 0).
 */
export function runCli(commandLine: string, host: CliHost): CliOutput {
  const parsed = parseCommandLine(commandLine);
  if (!parsed.ok) return { stdout: "", stderr: `${parsed.message}\n`, exitCode: 2 };
  const [command, ...args] = parsed.argv;
  if (command === undefined) return { stdout: "", stderr: "", exitCode: 0 };
  const tool = TOOLS[toolName(command)];
  if (!tool) return { stdout: "", stderr: `${command}: command not found\n`, exitCode: 127 };
  const io = new Io();
  let exitCode = 0;
  try {
    tool(args, parsed.stdin, host, io);
  } catch (e) {
    if (!(e instanceof Exit)) throw e;
    exitCode = e.code;
  }
  return { stdout: io.stdout, stderr: io.stderr, exitCode };
}
