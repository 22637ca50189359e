/**
 * kafka-console-producer (Kafka 3.x ConsoleProducer with its LineMessageReader): each stdin line
 * is one record, sent in order; with `--property parse.key=true` the line is split at the first
 * `key.separator` (default a tab). Prints nothing on success (no ">" prompt: stdin is not a
 * terminal). A send error is logged on stderr and the tool goes on (asynchronous sends), unless
 * --sync; a line without the key separator stops the tool with Kafka's KafkaException (exit 1).
 * Record headers (parse.headers) are parsed and checked, then dropped: the simulator has none.
 */
import { DEFAULT_OPTIONS, OptionError, parseOptions, spec, valueOf, type OptionSpec, type ParsedOptions } from "./args";
import type { CliHost } from "./host";
import { exceptionClass, Exit, type Io, maybeHelpOrVersion, usageExit } from "./output";

const DEFAULT_READER = "org.apache.kafka.tools.LineMessageReader";

export const SPECS: readonly OptionSpec[] = [
  ...DEFAULT_OPTIONS,
  { name: "topic", arg: "required", describedAs: "topic", description: "REQUIRED: The topic id to produce messages to." },
  { name: "broker-list", arg: "required", describedAs: "broker-list", description: "DEPRECATED, use --bootstrap-server instead; ignored if --bootstrap-server is specified." },
  { name: "bootstrap-server", arg: "required", describedAs: "server to connect to", requiredUnless: ["broker-list"], description: "REQUIRED unless --broker-list(deprecated) is specified. The server(s) to connect to." },
  { name: "sync", description: "If set message send requests to the brokers are synchronously, one at a time as they arrive." },
  { name: "compression-codec", arg: "optional", describedAs: "compression-codec", description: "The compression codec: either 'none', 'gzip', 'snappy', 'lz4', or 'zstd'." },
  { name: "batch-size", arg: "required", type: "Integer", describedAs: "size", description: "Number of messages to send in a single batch.", defaultValue: "16384" },
  { name: "message-send-max-retries", arg: "required", type: "Integer", description: "The number of retries before the producer gives up.", defaultValue: "3" },
  { name: "retry-backoff-ms", arg: "required", type: "Long", description: "The producer's retry.backoff.ms.", defaultValue: "100" },
  { name: "timeout", arg: "required", type: "Long", describedAs: "timeout_ms", description: "The producer's linger.ms in asynchronous mode.", defaultValue: "1000" },
  { name: "request-required-acks", arg: "required", describedAs: "request required acks", description: "The required `acks` of the producer requests", defaultValue: "-1" },
  { name: "request-timeout-ms", arg: "required", type: "Integer", describedAs: "request timeout ms", description: "The ack timeout of the producer requests.", defaultValue: "1500" },
  { name: "metadata-expiry-ms", arg: "required", type: "Long", describedAs: "metadata expiration interval", description: "The producer's metadata.max.age.ms.", defaultValue: "300000" },
  { name: "max-block-ms", arg: "required", type: "Long", describedAs: "max block on send", description: "The max time that the producer will block for during a send request.", defaultValue: "60000" },
  { name: "max-memory-bytes", arg: "required", type: "Long", describedAs: "total memory in bytes", description: "The producer's buffer.memory.", defaultValue: "33554432" },
  { name: "max-partition-memory-bytes", arg: "required", type: "Integer", describedAs: "memory in bytes per partition", description: "The producer's batch.size.", defaultValue: "16384" },
  { name: "line-reader", arg: "required", describedAs: "reader_class", description: "The class name of the class to use for reading lines from standard in.", defaultValue: DEFAULT_READER },
  { name: "socket-buffer-size", arg: "required", type: "Integer", describedAs: "size", description: "The producer's send.buffer.bytes.", defaultValue: "102400" },
  { name: "property", arg: "required", describedAs: "prop", description: "Properties of the message reader: parse.key, key.separator, parse.headers, headers.delimiter, headers.separator, headers.key.separator, ignore.error, null.marker." },
  { name: "reader-config", arg: "required", describedAs: "config file", description: "Config properties file for the message reader (ignored by the simulator)." },
  { name: "producer-property", arg: "required", describedAs: "producer_prop", description: "Producer properties in the form key=value (ignored by the simulator)." },
  { name: "producer.config", arg: "required", describedAs: "config file", description: "Producer config properties file (ignored by the simulator)." },
];

/** CommandLineUtils.parseKeyValueArgs: "k=v" split at the first "="; a missing value is "". */
export function keyValueArgs(values: readonly string[]): Record<string, string> {
  const props: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf("=");
    props[eq < 0 ? v : v.slice(0, eq)] = eq < 0 ? "" : v.slice(eq + 1);
  }
  return props;
}

/** The number of UTF-8 bytes of `s` (ErrorLoggingCallback logs sizes, not contents). */
function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

class ReaderError {
  constructor(readonly message: string) {}
}

interface Reader {
  parseKey: boolean;
  keySeparator: string;
  parseHeaders: boolean;
  headersDelimiter: string;
  headersSeparator: string;
  headersKeySeparator: string;
  ignoreError: boolean;
  nullMarker: string | null;
}

/** LineMessageReader.configure, with its consistency checks. */
function reader(props: Record<string, string>): Reader {
  const flag = (name: string) => (props[name] ?? "").trim().toLowerCase() === "true";
  const r: Reader = {
    parseKey: flag("parse.key"),
    keySeparator: props["key.separator"] ?? "\t",
    parseHeaders: flag("parse.headers"),
    headersDelimiter: props["headers.delimiter"] ?? "\t",
    headersSeparator: props["headers.separator"] ?? ",",
    headersKeySeparator: props["headers.key.separator"] ?? ":",
    ignoreError: flag("ignore.error"),
    nullMarker: props["null.marker"] ?? null,
  };
  const pairs: [string, string, string, string][] = [
    [r.headersDelimiter, r.headersSeparator, "headers.delimiter", "headers.separator"],
    [r.headersDelimiter, r.headersKeySeparator, "headers.delimiter", "headers.key.separator"],
    [r.headersSeparator, r.headersKeySeparator, "headers.separator", "headers.key.separator"],
  ];
  for (const [a, b, an, bn] of pairs) if (a === b) throw new ReaderError(`${an} and ${bn} may not be equal`);
  const marker: [string, string][] = [[r.keySeparator, "key.separator"], [r.headersSeparator, "headers.separator"], [r.headersDelimiter, "headers.delimiter"], [r.headersKeySeparator, "headers.key.separator"]];
  for (const [v, n] of marker) if (v === r.nullMarker) throw new ReaderError(`null.marker and ${n} may not be equal`);
  return r;
}

/** One line as LineMessageReader reads it: [key, value]; headers are checked and dropped. */
function parseLine(r: Reader, line: string, lineNumber: number): [string | null, string | null] {
  const cut = (enabled: boolean, start: number, sep: string, what: string): string | null => {
    if (!enabled) return null;
    const i = line.indexOf(sep, start);
    if (i < 0) {
      if (r.ignoreError) return null;
      throw new ReaderError(`No ${what} found on line number ${lineNumber}: '${line}'`);
    }
    return line.slice(start, i);
  };
  const headers = cut(r.parseHeaders, 0, r.headersDelimiter, "headers delimiter");
  const headerOffset = headers === null ? 0 : headers.length + r.headersDelimiter.length;
  const key = cut(r.parseKey, headerOffset, r.keySeparator, "key separator");
  const keyOffset = key === null ? 0 : key.length + r.keySeparator.length;
  const value = line.slice(headerOffset + keyOffset);
  if (headers !== null && headers !== r.nullMarker) {
    for (const pair of headers.split(r.headersSeparator)) {
      const i = pair.indexOf(r.headersKeySeparator);
      if (i < 0 && !r.ignoreError) throw new ReaderError(`No header key separator found in pair '${pair}' on line number ${lineNumber}`);
      if (i >= 0 && pair.slice(0, i) === r.nullMarker) throw new ReaderError(`Header keys should not be equal to the null marker '${r.nullMarker}' as they can't be null`);
    }
  }
  return [key !== null && key !== r.nullMarker ? key : null, value !== r.nullMarker ? value : null];
}

function checkArgs(io: Io, o: ParsedOptions, argc: number): void {
  maybeHelpOrVersion(io, SPECS, argc, o.has, "This tool helps to read data from standard input and publish it to Kafka.");
  if (!o.has("topic")) usageExit(io, SPECS, `Missing required argument "${spec("topic")}"`);
  // ToolsUtils.validateBootstrapServer: every entry must be host:port.
  const servers = valueOf(o, o.has("bootstrap-server") ? "bootstrap-server" : "broker-list") ?? "";
  if (servers.trim() === "") usageExit(io, SPECS, "Error while validating the bootstrap address\n");
  if (!servers.split(",").every((hp) => /:\d+$/.test(hp))) usageExit(io, SPECS, "Please provide valid host:port like host1:9091,host2:9092\n");
}

/** Runs kafka-console-producer with `args`; `stdin` holds the lines to send. */
export function runConsoleProducer(args: readonly string[], stdin: readonly string[], host: CliHost, io: Io): void {
  let o: ParsedOptions;
  try {
    o = parseOptions(SPECS, args);
  } catch (e) {
    if (!(e instanceof OptionError)) throw e;
    return usageExit(io, SPECS, e.message);
  }
  checkArgs(io, o, args.length);
  const topic = valueOf(o, "topic")!;
  const className = valueOf(o, "line-reader");
  if (className !== DEFAULT_READER) {
    io.errln(`java.lang.ClassNotFoundException: ${className}`);
    throw new Exit(1);
  }
  try {
    const r = reader(keyValueArgs(o.values("property")));
    stdin.forEach((line, i) => {
      const [key, value] = parseLine(r, line, i + 1);
      const sent = host.produce(topic, key, value);
      if (sent.ok) return;
      const cause = `${exceptionClass(sent.error.type)}: ${sent.error.message}`;
      if (o.has("sync")) {
        io.errln(`java.util.concurrent.ExecutionException: ${cause}`);
        throw new Exit(1);
      }
      const k = key === null ? "null" : `${utf8Length(key)} bytes`;
      const v = value === null ? "null" : `${utf8Length(value)} bytes`;
      io.errln(`ERROR Error when sending message to topic ${topic} with key: ${k}, value: ${v} with error: (org.apache.kafka.clients.producer.internals.ErrorLoggingCallback)`);
      io.errln(cause);
    });
  } catch (e) {
    if (!(e instanceof ReaderError)) throw e;
    io.errln(`org.apache.kafka.common.KafkaException: ${e.message}`);
    throw new Exit(1);
  }
}
