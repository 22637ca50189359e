/**
 * kafka-console-consumer (Kafka 3.x ConsoleConsumer with DefaultMessageFormatter): prints each
 * record's value (and, per --property print.key/print.partition/print.offset/print.timestamp,
 * more fields joined by key.separator), then "Processed a total of N messages" on stderr when it
 * stops. It stops after --max-messages records, or once it has printed what the log holds — as if
 * --timeout-ms had elapsed (then Kafka also logs the TimeoutException) or the user pressed Ctrl-C.
 */
import { effectiveTopicConfig } from "../configs";
import { DEFAULT_OPTIONS, numberOf, OptionError, parseOptions, spec, valueOf, type OptionSpec, type ParsedOptions } from "./args";
import { keyValueArgs } from "./console-producer";
import type { CliConsumeRequest, CliHost, CliRecord } from "./host";
import { exceptionClass, Exit, type Io, maybeHelpOrVersion, unsupported, usageExit } from "./output";

const FORMATTER = "org.apache.kafka.tools.consumer.DefaultMessageFormatter";
const OLD_FORMATTER = "kafka.tools.DefaultMessageFormatter";
const LOGGER = "(org.apache.kafka.tools.consumer.ConsoleConsumer)";

export const SPECS: readonly OptionSpec[] = [
  ...DEFAULT_OPTIONS,
  { name: "topic", arg: "required", describedAs: "topic", description: "The topic to consume on." },
  { name: "whitelist", arg: "required", describedAs: "Java regex (String)", description: "DEPRECATED, use --include instead; ignored if --include specified." },
  { name: "include", arg: "required", describedAs: "Java regex (String)", description: "Regular expression specifying list of topics to include for consumption (not supported by the simulator)." },
  { name: "partition", arg: "required", type: "Integer", describedAs: "partition", description: "The partition to consume from. Consumption starts from the end of the partition unless '--offset' is specified." },
  { name: "offset", arg: "required", describedAs: "consume offset", description: "The offset to consume from (a non-negative number), or 'earliest' which means from beginning, or 'latest' which means from end", defaultValue: "latest" },
  { name: "consumer-property", arg: "required", describedAs: "consumer_prop", description: "Consumer properties in the form key=value (group.id, auto.offset.reset and isolation.level are honoured)." },
  { name: "consumer.config", arg: "required", describedAs: "config file", description: "Consumer config properties file (ignored by the simulator)." },
  { name: "formatter", arg: "required", describedAs: "class", description: "The name of a class to use for formatting kafka messages for display.", defaultValue: FORMATTER },
  { name: "formatter-config", arg: "required", describedAs: "config file", description: "Config properties file to initialize the message formatter (ignored by the simulator)." },
  { name: "property", arg: "required", describedAs: "prop", description: "Formatter properties: print.timestamp, print.key, print.offset, print.partition, print.headers, print.value, key.separator, line.separator, headers.separator, null.literal." },
  { name: "from-beginning", description: "If the consumer does not already have an established offset to consume from, start with the earliest message present in the log rather than the latest message." },
  { name: "max-messages", arg: "required", type: "Integer", describedAs: "num_messages", description: "The maximum number of messages to consume before exiting." },
  { name: "timeout-ms", arg: "required", type: "Long", describedAs: "timeout_ms", description: "If specified, exit if no message is available for consumption for the specified interval." },
  { name: "skip-message-on-error", description: "If there is an error when processing a message, skip it instead of halt." },
  { name: "bootstrap-server", arg: "required", describedAs: "server to connect to", description: "REQUIRED: The server(s) to connect to." },
  { name: "key-deserializer", arg: "required", describedAs: "deserializer for key", description: "The deserializer for keys (ignored: keys print as strings)." },
  { name: "value-deserializer", arg: "required", describedAs: "deserializer for values", description: "The deserializer for values (ignored: values print as strings)." },
  { name: "enable-systest-events", description: "Log lifecycle events of the consumer (system tests)." },
  { name: "isolation-level", arg: "required", description: "Set to read_committed in order to filter out transactional messages which are not committed. Set to read_uncommitted to read all messages.", defaultValue: "read_uncommitted" },
  { name: "group", arg: "required", describedAs: "consumer group id", description: "The consumer group id of the consumer." },
];

interface Formatter {
  timestamp: boolean;
  key: boolean;
  value: boolean;
  partition: boolean;
  offset: boolean;
  headers: boolean;
  keySeparator: string;
  lineSeparator: string;
  nullLiteral: string;
}

function formatter(props: Record<string, string>): Formatter {
  const flag = (name: string, dflt: boolean) => (props[name] === undefined ? dflt : props[name]!.trim().toLowerCase() === "true");
  return {
    timestamp: flag("print.timestamp", false),
    key: flag("print.key", false),
    value: flag("print.value", true),
    partition: flag("print.partition", false),
    offset: flag("print.offset", false),
    headers: flag("print.headers", false),
    keySeparator: props["key.separator"] ?? "\t",
    lineSeparator: props["line.separator"] ?? "\n",
    nullLiteral: props["null.literal"] ?? "null",
  };
}

/** DefaultMessageFormatter.writeTo: the enabled fields, key.separator between, line.separator after the value. */
function format(f: Formatter, r: CliRecord, timestampType: string): string {
  const fields: string[] = [];
  if (f.timestamp) fields.push(`${timestampType}:${r.timestamp}`);
  if (f.partition) fields.push(`Partition:${r.partition}`);
  if (f.offset) fields.push(`Offset:${r.offset}`);
  if (f.headers) fields.push("NO_HEADERS");
  if (f.key) fields.push(r.key ?? f.nullLiteral);
  if (f.value) return `${fields.map((x) => x + f.keySeparator).join("")}${r.value ?? f.nullLiteral}${f.lineSeparator}`;
  // Without the value the last field ends with a line separator instead of a key separator.
  return fields.map((x, i) => x + (i === fields.length - 1 ? f.lineSeparator : f.keySeparator)).join("");
}

/** ConsoleConsumerOptions' checks, in Kafka's order; returns the consume request. */
function request(io: Io, o: ParsedOptions, argc: number): CliConsumeRequest {
  maybeHelpOrVersion(io, SPECS, argc, o.has, "This tool helps to read data from Kafka topics and outputs it to standard output.");
  const includes = o.has("include") || o.has("whitelist");
  if ([o.has("topic"), includes].filter(Boolean).length !== 1) usageExit(io, SPECS, "Exactly one of --include/--topic is required. ");
  const partition = numberOf(o, "partition", "Integer");
  if (partition !== null) {
    if (!o.has("topic")) usageExit(io, SPECS, "The topic is required when partition is specified.");
    if (o.has("from-beginning") && o.has("offset")) usageExit(io, SPECS, "Options from-beginning and offset cannot be specified together.");
  } else if (o.has("offset")) usageExit(io, SPECS, "The partition is required when offset is specified.");
  if (!o.has("bootstrap-server")) usageExit(io, SPECS, `Missing required argument "${spec("bootstrap-server")}"`);
  const props = keyValueArgs(o.values("consumer-property"));
  const groups = [...new Set([...(o.has("group") ? [valueOf(o, "group")!] : []), ...(props["group.id"] !== undefined ? [props["group.id"]] : [])])];
  if (groups.length > 1) {
    usageExit(io, SPECS, `The group ids provided in different places (directly using '--group', via '--consumer-property', or via '--consumer.config') do not match. Detected group ids: ${groups.map((g) => `'${g}'`).join(", ")}`);
  }
  if (groups.length > 0 && partition !== null) usageExit(io, SPECS, "Options group and partition cannot be specified together.");
  let fromBeginning = o.has("from-beginning");
  const reset = props["auto.offset.reset"];
  if (reset !== undefined) {
    if (fromBeginning && reset !== "earliest") {
      io.errln(`Can't simultaneously specify --from-beginning and 'auto.offset.reset=${reset}', please remove one option`);
      throw new Exit(1);
    }
    fromBeginning = reset === "earliest";
  }
  let offset: number | null = null;
  const rawOffset = o.has("offset") ? valueOf(o, "offset")! : null;
  if (rawOffset !== null) {
    const lower = rawOffset.toLowerCase();
    if (lower === "earliest" || lower === "latest") fromBeginning = lower === "earliest";
    else if (/^[+-]?\d+$/.test(rawOffset) && Number(rawOffset) >= 0) offset = Number(rawOffset);
    else usageExit(io, SPECS, `The provided offset value '${rawOffset}' is incorrect. Valid values are 'earliest', 'latest', or a non-negative long.`);
  }
  const name = valueOf(o, "formatter")!;
  if (name !== FORMATTER && name !== OLD_FORMATTER) usageExit(io, SPECS, name);
  const isolation = o.has("isolation-level") ? valueOf(o, "isolation-level")! : (props["isolation.level"] ?? "read_uncommitted");
  if (isolation !== "read_committed" && isolation !== "read_uncommitted") {
    // Thrown by the KafkaConsumer constructor: logged, and the tool exits 1.
    io.errln(`ERROR Unknown error when running consumer:  ${LOGGER}`);
    io.errln(`org.apache.kafka.common.config.ConfigException: Invalid value ${isolation} for configuration isolation.level: String must be one of: read_committed, read_uncommitted`);
    throw new Exit(1);
  }
  if (includes) unsupported(io, "kafka-console-consumer", "--include/--whitelist");
  const max = numberOf(o, "max-messages", "Integer");
  return { topic: valueOf(o, "topic")!, group: groups[0] ?? null, fromBeginning, maxMessages: max === -1 ? null : max, partition, offset, isolationLevel: isolation };
}

/** Runs kafka-console-consumer with `args` (the words after the tool name). */
export function runConsoleConsumer(args: readonly string[], host: CliHost, io: Io): void {
  let o: ParsedOptions;
  try {
    o = parseOptions(SPECS, args);
  } catch (e) {
    if (!(e instanceof OptionError)) throw e;
    return usageExit(io, SPECS, e.message);
  }
  let req: CliConsumeRequest;
  try {
    req = request(io, o, args.length);
  } catch (e) {
    // A bad number surfaces in the options constructor, outside any try.
    if (!(e instanceof OptionError)) throw e;
    io.errln(`Exception in thread "main" ${e.exceptionClass}: ${e.message}`);
    throw new Exit(1);
  }
  const f = formatter(keyValueArgs(o.values("property")));
  const t = host.topic(req.topic);
  const timestampType = t ? effectiveTopicConfig(t.overrides, host.staticBrokerConfigs).messageTimestampType : "CreateTime";
  const result = host.consume(req);
  let count = 0;
  if ("error" in result) {
    io.errln(`ERROR Error processing message, terminating consumer process:  ${LOGGER}`);
    io.errln(`${exceptionClass(result.error.type)}: ${result.error.message}`);
  } else {
    const records = req.maxMessages === null ? result.records : result.records.slice(0, Math.max(0, req.maxMessages));
    for (const r of records) io.out(format(f, r, timestampType));
    count = records.length;
    const satisfied = req.maxMessages !== null && count >= req.maxMessages;
    if (!satisfied && o.has("timeout-ms")) {
      io.errln(`ERROR Error processing message, terminating consumer process:  ${LOGGER}`);
      io.errln("org.apache.kafka.common.errors.TimeoutException");
    }
  }
  io.errln(`Processed a total of ${count} messages`);
}
