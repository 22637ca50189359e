/**
 * What a tool prints and how it ends: an accumulating stdout/stderr pair, an `Exit` thrown to
 * stop a tool the way Kafka's `Exit.exit` does, and the small formatting helpers the tools share
 * (Java's `%-Ns`, exception class names, Java HashMap iteration order).
 */
import { formatUsage } from "./usage";
import type { OptionSpec } from "./args";

/** The result of one command line. Every printed line ends with "\n". */
export interface CliOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Thrown to end a tool with an exit code (Kafka's Exit.exit). */
export class Exit {
  constructor(readonly code: number) {}
}

/** A tool's two output streams. */
export class Io {
  /** Everything printed on stdout so far. */
  stdout = "";
  /** Everything printed on stderr so far. */
  stderr = "";
  /** System.out.print */
  out(text: string): void {
    this.stdout += text;
  }
  /** System.out.println */
  outln(line = ""): void {
    this.stdout += `${line}\n`;
  }
  /** System.err.print */
  err(text: string): void {
    this.stderr += text;
  }
  /** System.err.println */
  errln(line = ""): void {
    this.stderr += `${line}\n`;
  }
}

/** The Kafka version the tools report (--version). */
export const KAFKA_VERSION = "3.9.0";

/** CommandLineUtils.printUsageAndExit: the message and the option table on stderr, exit 1. */
export function usageExit(io: Io, specs: readonly OptionSpec[], message: string): never {
  io.errln(message);
  io.err(formatUsage(specs));
  throw new Exit(1);
}

/** CommandLineUtils.maybePrintHelpOrVersion: no arguments or --help print the usage; --version the version. */
export function maybeHelpOrVersion(io: Io, specs: readonly OptionSpec[], argc: number, has: (name: string) => boolean, message: string): void {
  if (argc === 0 || has("help")) usageExit(io, specs, message);
  if (has("version")) {
    io.outln(KAFKA_VERSION);
    throw new Exit(0);
  }
}

/** A real Kafka feature the simulator does not model: said plainly on stderr, exit 1. */
export function unsupported(io: Io, tool: string, what: string): never {
  io.errln(`${tool}: ${what} is not supported by the simulator`);
  throw new Exit(1);
}

/** Java's `%-Ns`: left-aligned, padded to at least `width`. */
export const pad = (value: string | number, width: number): string => String(value).padEnd(width);

const PACKAGES: Readonly<Record<string, string>> = {
  InvalidRecordException: "org.apache.kafka.common",
  KafkaException: "org.apache.kafka.common",
  ConfigException: "org.apache.kafka.common.config",
  CommitFailedException: "org.apache.kafka.clients.consumer",
  OffsetOutOfRangeException: "org.apache.kafka.clients.consumer",
  NoOffsetForPartitionException: "org.apache.kafka.clients.consumer",
  IllegalArgumentException: "java.lang",
  IllegalStateException: "java.lang",
};

/** The fully qualified class name of a Kafka exception given by its simple name. */
export function exceptionClass(type: string): string {
  if (type.includes(".")) return type;
  return `${PACKAGES[type] ?? "org.apache.kafka.common.errors"}.${type}`;
}

/** Java's String.hashCode. */
function javaHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * The order a Java `new HashMap<>(total)` holding `total` entries iterates `keys` in: by bucket
 * (spread hash masked by the table size), ties in the given order. Kafka prints some lists (the
 * `Configs:` of kafka-topics --describe) straight from such a map.
 */
export function javaHashMapOrder(keys: readonly string[], total: number): string[] {
  let capacity = 1;
  while (capacity < total) capacity *= 2;
  const bucket = (k: string) => {
    const h = javaHash(k);
    return (h ^ (h >>> 16)) & (capacity - 1);
  };
  return keys.map((k, i) => ({ k, i, b: bucket(k) })).sort((x, y) => x.b - y.b || x.i - y.i).map((x) => x.k);
}
