/**
 * kafka-topics (Kafka 3.x TopicCommand): --create, --list, --describe, --alter --partitions,
 * --delete, with Kafka's checks in Kafka's order and its exact output. A failure inside the
 * command prints "Error while executing topic command : <message>" on stdout and the logged
 * exception on stderr (Kafka's log line without its timestamp), exit 1.
 */
import { TOPIC_CONFIG_NAMES, topicConfigEntries, validateTopicConfigs } from "../configs";
import { DEFAULT_OPTIONS, numberOf, OptionError, parseOptions, spec, valueOf, type OptionSpec, type ParsedOptions } from "./args";
import type { CliError, CliHost, CliTopic } from "./host";
import { exceptionClass, Exit, type Io, javaHashMapOrder, maybeHelpOrVersion, unsupported, usageExit } from "./output";
import { topicNameError } from "./topic-name";

const ALTER_HINT = " (To alter topic configurations, the kafka-configs tool can be used.)";

export const SPECS: readonly OptionSpec[] = [
  ...DEFAULT_OPTIONS,
  { name: "bootstrap-server", arg: "required", describedAs: "server to connect to", description: "REQUIRED: The Kafka server to connect to." },
  { name: "command-config", arg: "required", describedAs: "command config property file", description: "Property file containing configs to be passed to Admin Client (ignored by the simulator)." },
  { name: "list", description: "List all available topics." },
  { name: "create", description: "Create a new topic." },
  { name: "delete", description: "Delete a topic." },
  { name: "alter", description: `Alter the number of partitions.${ALTER_HINT}` },
  { name: "describe", description: "List details for the given topics." },
  { name: "topic", arg: "required", describedAs: "topic", description: "The topic to create, alter, describe or delete. A regular expression except with --create." },
  { name: "topic-id", arg: "required", describedAs: "topic-id", description: "The topic-id to describe." },
  { name: "config", arg: "required", describedAs: "name=value", description: `A topic configuration override for the topic being created (${TOPIC_CONFIG_NAMES.length} topic configs, see kafka-configs --describe --all). Only with --create.` },
  { name: "delete-config", arg: "required", describedAs: "name", description: "No longer supported." },
  { name: "partitions", arg: "required", type: "Integer", describedAs: "# of partitions", description: "The number of partitions for the topic being created or altered (the broker default when omitted with --create)." },
  { name: "replication-factor", arg: "required", type: "Integer", describedAs: "replication factor", description: "The replication factor (the simulated cluster has one broker)." },
  { name: "replica-assignment", arg: "required", describedAs: "broker_id_for_part1_replica1 : broker_id_for_part1_replica2 , ...", description: "Manual partition-to-broker assignment (not supported by the simulator)." },
  { name: "under-replicated-partitions", description: "With --describe, only show under-replicated partitions." },
  { name: "unavailable-partitions", description: "With --describe, only show partitions whose leader is not available." },
  { name: "under-min-isr-partitions", description: "With --describe, only show partitions whose isr count is less than the configured minimum." },
  { name: "at-min-isr-partitions", description: "With --describe, only show partitions whose isr count is equal to the configured minimum." },
  { name: "topics-with-overrides", description: "With --describe, only show topics that have overridden configs." },
  { name: "if-exists", description: "With --alter, --delete or --describe, only act if the topic exists." },
  { name: "if-not-exists", description: "With --create, do not fail if the topic already exists." },
  { name: "exclude-internal", description: "Exclude internal topics when listing or describing topics." },
  { name: "partition-size-limit-per-response", arg: "required", type: "Integer", describedAs: "maximum number of partitions per response", description: "The maximum partitions in one DescribeTopicPartitions response." },
];

const ACTIONS = ["alter", "create", "describe", "list", "delete"] as const;
const REPORTS = ["under-replicated-partitions", "under-min-isr-partitions", "at-min-isr-partitions", "unavailable-partitions"] as const;
const INTERNAL_TOPICS = new Set(["__consumer_offsets", "__transaction_state"]);

/** A failure inside the command: printed by `printException`. */
class CommandError {
  constructor(
    readonly type: string,
    readonly message: string,
  ) {}
}

/** CommandLineUtils.checkInvalidArgs: `used` may not appear with any of `invalid`. */
function checkInvalid(io: Io, o: ParsedOptions, used: string, invalid: readonly string[]): void {
  if (!o.has(used)) return;
  for (const other of invalid) if (o.has(other)) usageExit(io, SPECS, `Option "${spec(used)}" can't be used with option "${spec(other)}"`);
}

const actionsExcept = (...keep: string[]) => ACTIONS.filter((a) => !keep.includes(a));

/** TopicCommandOptions.checkArgs. */
function checkArgs(io: Io, o: ParsedOptions, argc: number): void {
  if (argc === 0) usageExit(io, SPECS, "Create, delete, describe, or change a topic.");
  maybeHelpOrVersion(io, SPECS, argc, o.has, "This tool helps to create, delete, describe, or change a topic.");
  if (ACTIONS.filter((a) => o.has(a)).length !== 1) usageExit(io, SPECS, "Command must include exactly one action: --list, --describe, --create, --alter or --delete");
  if (o.has("delete-config")) io.errln("delete-config option is no longer supported and deprecated since version 4.0. The config will be fully removed in future releases.");
  // Thrown from the options constructor, outside the command's try: message plus stack trace.
  if (!o.has("bootstrap-server")) throw new OptionError("java.lang.IllegalArgumentException", "--bootstrap-server must be specified");
  if (o.has("describe") && o.has("if-exists")) {
    if (!o.has("topic") && !o.has("topic-id")) usageExit(io, SPECS, "--topic or --topic-id is required to describe a topic");
    if (o.has("topic") && o.has("topic-id")) io.outln("Only topic id will be used when both --topic and --topic-id are specified and topicId is not Uuid.ZERO_UUID");
  }
  if (!o.has("list") && !o.has("describe") && !o.has("topic")) usageExit(io, SPECS, `Missing required argument "${spec("topic")}"`);
  if (o.has("alter")) {
    if (o.has("config")) usageExit(io, SPECS, `Option combination "[${spec("bootstrap-server")}, ${spec("config")}]" can't be used with option "${spec("alter")}"${ALTER_HINT}`);
    if (!o.has("partitions")) usageExit(io, SPECS, `Missing required argument "${spec("partitions")}"`);
  }
  checkInvalid(io, o, "config", actionsExcept("alter", "create"));
  checkInvalid(io, o, "partitions", actionsExcept("alter", "create"));
  checkInvalid(io, o, "replication-factor", actionsExcept("create"));
  checkInvalid(io, o, "replica-assignment", actionsExcept("alter", "create"));
  if (o.has("create")) checkInvalid(io, o, "replica-assignment", ["partitions", "replication-factor"]);
  for (const r of REPORTS) checkInvalid(io, o, r, [...actionsExcept("describe"), "topics-with-overrides"]);
  checkInvalid(io, o, "topics-with-overrides", [...actionsExcept("describe"), ...REPORTS]);
  checkInvalid(io, o, "if-exists", actionsExcept("alter", "delete", "describe"));
  checkInvalid(io, o, "if-not-exists", actionsExcept("create"));
  checkInvalid(io, o, "exclude-internal", actionsExcept("list", "describe"));
}

/** Topic names matching --topic (a regex; commas separate alternatives, as IncludeList reads it). */
function matchingTopics(host: CliHost, o: ParsedOptions): string[] {
  const all = host.listTopics().filter((t) => !(o.has("exclude-internal") && INTERNAL_TOPICS.has(t)));
  const raw = valueOf(o, "topic");
  if (raw === null) return all;
  const source = raw.trim().replace(/,/g, "|").replace(/ /g, "").replace(/^["']+/, "").replace(/["']+$/, "");
  let pattern: RegExp;
  try {
    pattern = new RegExp(`^(?:${source})$`);
  } catch {
    return all.filter((t) => t === raw);
  }
  return all.filter((t) => pattern.test(t));
}

function ensureExists(found: readonly string[], o: ParsedOptions): void {
  const requested = valueOf(o, "topic");
  if (requested !== null && requested !== "" && !o.has("if-exists") && found.length === 0) {
    throw new CommandError("IllegalArgumentException", `Topic '${requested}' does not exist as expected`);
  }
}

const brokerError = (e: CliError): CommandError => new CommandError(e.type, e.message);

/** parseTopicConfigsToBeAdded: "k=v" pairs (Java's split drops trailing empty parts), then LogConfig.validate. */
function topicConfigs(io: Io, o: ParsedOptions): Record<string, string> {
  const props: Record<string, string> = {};
  for (const entry of o.values("config")) {
    const parts = entry.split(/\s*=\s*/);
    while (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
    if (parts.length !== 2) throw new CommandError("IllegalArgumentException", 'requirement failed: Invalid topic config: all configs to be added must be in the format "key=val".');
    props[parts[0]!.trim()] = parts[1]!.trim();
  }
  const checked = validateTopicConfigs(props);
  if (!checked.ok) throw new CommandError("InvalidConfigurationException", checked.message);
  const mfv = props["message.format.version"];
  if (mfv !== undefined) {
    io.outln(`WARNING: The configuration message.format.version=${mfv} is specified. This configuration will be ignored if the version is newer than the inter.broker.protocol.version specified in the broker or if the inter.broker.protocol.version is 3.0 or newer. This configuration is deprecated and it will be removed in Apache Kafka 4.0.`);
  }
  return checked.value;
}

function create(io: Io, host: CliHost, o: ParsedOptions): void {
  const name = valueOf(o, "topic")!;
  const partitions = numberOf(o, "partitions", "Integer");
  const replicationFactor = numberOf(o, "replication-factor", "Integer");
  if (o.has("replica-assignment")) unsupported(io, "kafka-topics", "--replica-assignment");
  const configs = topicConfigs(io, o);
  if (name.includes(".") || name.includes("_")) {
    io.outln("WARNING: Due to limitations in metric names, topics with a period ('.') or underscore ('_') could collide. To avoid issues it is best to use either, but not both.");
  }
  if (replicationFactor !== null && (replicationFactor > 32767 || replicationFactor < 1)) throw new CommandError("IllegalArgumentException", "The replication factor must be between 1 and 32767 inclusive");
  if (partitions !== null && partitions < 1) throw new CommandError("IllegalArgumentException", "The partitions must be greater than 0");
  if (host.topic(name)) {
    if (o.has("if-not-exists")) return;
    throw new CommandError("TopicExistsException", `Topic '${name}' already exists.`);
  }
  const rf = replicationFactor ?? Number(host.staticBrokerConfigs["default.replication.factor"] ?? 1);
  if (rf > 1) {
    throw new CommandError("InvalidReplicationFactorException", `Unable to replicate the partition ${rf} time(s): The target replication factor of ${rf} cannot be reached because only 1 broker(s) are registered.`);
  }
  const bad = topicNameError(name);
  if (bad) throw new CommandError("InvalidTopicException", bad);
  // Names equal once '.' and '_' are unified would collide in metric names (KRaft refuses them).
  const unified = name.replace(/\./g, "_");
  const colliding = host.listTopics().find((t) => t !== name && t.replace(/\./g, "_") === unified);
  if (colliding !== undefined) throw new CommandError("InvalidTopicException", `Topic '${name}' collides with existing topic: ${colliding}`);
  const count = partitions ?? Number(host.staticBrokerConfigs["num.partitions"] ?? 1);
  const result = host.createTopic(name, count, configs);
  if (!result.ok) {
    if (result.error.type === "TopicExistsException" && o.has("if-not-exists")) return;
    throw brokerError(result.error);
  }
  io.outln(`Created topic ${name}.`);
}

function list(io: Io, host: CliHost, o: ParsedOptions): void {
  // String.join("\n", topics) then println: no topics still prints one empty line.
  io.outln(matchingTopics(host, o).join("\n"));
}

function describeTopic(io: Io, host: CliHost, o: ParsedOptions, t: CliTopic): void {
  const entries = topicConfigEntries(t.overrides, host.staticBrokerConfigs);
  const shown = entries.filter((e) => e.source !== "DEFAULT_CONFIG");
  const byName = new Map(shown.map((e) => [e.name, e.value]));
  const configs = javaHashMapOrder([...byName.keys()], entries.length).map((n) => `${n}=${byName.get(n)}`).join(",");
  const minIsr = Number(entries.find((e) => e.name === "min.insync.replicas")?.value ?? "1");
  const reports = REPORTS.filter((r) => o.has(r));
  if (reports.length === 0 && (!o.has("topics-with-overrides") || shown.length > 0)) {
    io.outln(`Topic: ${t.name}\tTopicId: ${t.topicId}\tPartitionCount: ${t.partitions}\tReplicationFactor: 1\tConfigs: ${configs}`);
  }
  if (o.has("topics-with-overrides")) return;
  // One broker, replication factor 1: the ISR is always [1], so only the min-ISR reports can match.
  const printPartition = reports.length === 0 || (o.has("under-min-isr-partitions") && 1 < minIsr) || (o.has("at-min-isr-partitions") && minIsr === 1);
  if (!printPartition) return;
  for (let p = 0; p < t.partitions; p++) {
    io.outln(`\tTopic: ${t.name}\tPartition: ${p}\tLeader: 1\tReplicas: 1\tIsr: 1\tElr: N/A\tLastKnownElr: N/A`);
  }
}

function describe(io: Io, host: CliHost, o: ParsedOptions): void {
  const topicId = valueOf(o, "topic-id");
  if (topicId !== null && topicId !== "AAAAAAAAAAAAAAAAAAAAAA") {
    const t = host.listTopics().map((n) => host.topic(n)).find((x) => x?.topicId === topicId);
    if (!t && !o.has("if-exists")) throw new CommandError("IllegalArgumentException", `TopicId '${topicId}' does not exist as expected`);
    if (t) describeTopic(io, host, o, t);
    return;
  }
  const names = matchingTopics(host, o);
  ensureExists(names, o);
  for (const n of names) {
    const t = host.topic(n);
    if (t) describeTopic(io, host, o, t);
  }
}

function alter(io: Io, host: CliHost, o: ParsedOptions): void {
  const requested = numberOf(o, "partitions", "Integer")!;
  const names = matchingTopics(host, o);
  ensureExists(names, o);
  if (o.has("replica-assignment")) unsupported(io, "kafka-topics", "--replica-assignment");
  for (const n of names) {
    const t = host.topic(n);
    if (!t) continue;
    // The controller's (KRaft ReplicationControlManager) checks and texts.
    if (requested < t.partitions) throw new CommandError("InvalidPartitionsException", `The topic ${n} currently has ${t.partitions} partition(s); ${requested} would not be an increase.`);
    if (requested === t.partitions) throw new CommandError("InvalidPartitionsException", `Topic already has ${t.partitions} partition(s).`);
    const result = host.alterPartitions(n, requested);
    if (!result.ok) throw brokerError(result.error);
  }
}

function remove(host: CliHost, o: ParsedOptions): void {
  const names = matchingTopics(host, o);
  ensureExists(names, o);
  for (const n of names) {
    const result = host.deleteTopic(n);
    if (!result.ok) throw brokerError(result.error);
  }
}

/** Runs kafka-topics with `args` (the words after the tool name). */
export function runTopics(args: readonly string[], host: CliHost, io: Io): void {
  let o: ParsedOptions;
  try {
    o = parseOptions(SPECS, args);
    checkArgs(io, o, args.length);
  } catch (e) {
    // TopicCommand.mainNoExit: the message, then the stack trace (here its first line).
    if (!(e instanceof OptionError)) throw e;
    io.errln(e.message);
    io.errln(`${e.exceptionClass}: ${e.message}`);
    throw new Exit(1);
  }
  try {
    if (o.has("create")) create(io, host, o);
    else if (o.has("alter")) alter(io, host, o);
    else if (o.has("list")) list(io, host, o);
    else if (o.has("describe")) describe(io, host, o);
    else if (o.has("delete")) remove(host, o);
  } catch (e) {
    const failure = e instanceof CommandError ? e : e instanceof OptionError ? new CommandError(e.exceptionClass, e.message) : null;
    if (!failure) throw e;
    io.outln(`Error while executing topic command : ${failure.message}`);
    io.errln(`ERROR ${exceptionClass(failure.type)}: ${failure.message}`);
    io.errln(" (org.apache.kafka.tools.TopicCommand)");
    throw new Exit(1);
  }
}
