/**
 * kafka-configs (Kafka 3.x ConfigCommand) for topics: --describe [--all] and --alter with
 * --add-config / --delete-config, selected by `--entity-type topics --entity-name T` or `--topic T`;
 * brokers: --describe of the (empty) dynamic configs. Checks, messages and streams are Kafka's:
 * usage mistakes print their message on stderr (exit 1); a failed admin call prints
 * "Error while executing config command with args '…'" and the exception on stderr (exit 1).
 */
import { topicConfigEntries, validateTopicConfigs } from "../configs";
import { DEFAULT_OPTIONS, OptionError, parseOptions, spec, valueOf, type OptionSpec, type ParsedOptions } from "./args";
import type { CliHost } from "./host";
import { exceptionClass, Exit, type Io, maybeHelpOrVersion, unsupported, usageExit } from "./output";
import { topicNameError } from "./topic-name";

export const SPECS: readonly OptionSpec[] = [
  ...DEFAULT_OPTIONS,
  { name: "zookeeper", arg: "required", describedAs: "urls", description: "DEPRECATED. The ZooKeeper connection string (not supported by the simulator)." },
  { name: "bootstrap-server", arg: "required", describedAs: "server to connect to", description: "The Kafka servers to connect to." },
  { name: "bootstrap-controller", arg: "required", describedAs: "controller to connect to", description: "The Kafka controllers to connect to." },
  { name: "command-config", arg: "required", describedAs: "command config property file", description: "Property file containing configs to be passed to Admin Client (ignored by the simulator)." },
  { name: "alter", description: "Alter the configuration for the entity." },
  { name: "describe", description: "List configs for the given entity." },
  { name: "all", description: "List all configs for the given topic, broker, or broker-logger entity." },
  { name: "entity-type", arg: "required", description: "Type of entity (topics/clients/users/brokers/broker-loggers/ips/client-metrics)" },
  { name: "entity-name", arg: "required", description: "Name of entity (topic name/client id/user principal name/broker id/ip/client metrics)" },
  { name: "entity-default", description: "Default entity name for clients/users/brokers/ips." },
  { name: "add-config", arg: "required", description: "Key Value pairs of configs to add. Square brackets group values which contain commas: 'k1=v1,k2=[v1,v2,v2],k3=v3'." },
  { name: "add-config-file", arg: "required", description: "Path to a properties file with configs to add (not supported by the simulator)." },
  { name: "delete-config", arg: "required", separator: ",", description: "config keys to remove 'k1,k2'" },
  { name: "force", description: "Suppress console prompts" },
  { name: "topic", arg: "required", description: "The topic's name." },
  { name: "client", arg: "required", description: "The client's ID." },
  { name: "client-defaults", description: "The config defaults for all clients." },
  { name: "user", arg: "required", description: "The user's principal name." },
  { name: "user-defaults", description: "The config defaults for all users." },
  { name: "broker", arg: "required", description: "The broker's ID." },
  { name: "broker-defaults", description: "The config defaults for all brokers." },
  { name: "broker-logger", arg: "required", description: "The broker's ID for its logger config." },
  { name: "ip-defaults", description: "The config defaults for all IPs." },
  { name: "ip", arg: "required", description: "The IP address." },
  { name: "zk-tls-config-file", arg: "required", describedAs: "ZooKeeper TLS configuration", description: "ZooKeeper client TLS properties file." },
];

const ENTITY_FLAGS: readonly [string, string][] = [["topic", "topics"], ["client", "clients"], ["user", "users"], ["broker", "brokers"], ["broker-logger", "broker-loggers"], ["ip", "ips"]];
const DEFAULT_FLAGS: readonly [string, string][] = [["client-defaults", "clients"], ["user-defaults", "users"], ["broker-defaults", "brokers"], ["ip-defaults", "ips"]];
const BROKER_TYPES = ["topics", "clients", "users", "brokers", "ips", "broker-loggers", "client-metrics"];
const ZK_TYPES = ["users", "brokers"];

/** An exception ConfigCommand.main reports with its message only (IllegalArgumentException, InvalidConfigurationException). */
class Refused {
  constructor(readonly message: string) {}
}

/** Any other exception: "Error while executing config command with args …" and its stack trace. */
class Failed {
  constructor(
    readonly type: string,
    readonly message: string,
    readonly wrapped: boolean,
  ) {}
}

const entityTypes = (o: ParsedOptions): string[] => [...o.values("entity-type"), ...[...ENTITY_FLAGS, ...DEFAULT_FLAGS].filter(([f]) => o.has(f)).map(([, t]) => t)];

const entityNames = (o: ParsedOptions): string[] => [
  ...o.values("entity-name"),
  ...(o.has("entity-default") ? [""] : []),
  ...ENTITY_FLAGS.filter(([f]) => o.has(f)).map(([f]) => valueOf(o, f) ?? ""),
  ...DEFAULT_FLAGS.filter(([f]) => o.has(f)).map(() => ""),
];

/** ConfigCommandOptions.checkArgs. */
function checkArgs(io: Io, o: ParsedOptions): void {
  if (["alter", "describe"].filter((a) => o.has(a)).length !== 1) usageExit(io, SPECS, "Command must include exactly one action: --describe, --alter");
  for (const other of ["alter", "add-config", "delete-config"]) {
    if (o.has("describe") && o.has(other)) usageExit(io, SPECS, `Option "${spec("describe")}" can't be used with option "${spec(other)}"`);
  }
  const types = entityTypes(o);
  const dupes = types.filter((t, i) => types.indexOf(t) !== i);
  if (dupes.length > 0) throw new Refused(`Duplicate entity type(s) specified: ${[...new Set(dupes)].join(",")}`);
  const viaBroker = o.has("bootstrap-server") || o.has("bootstrap-controller");
  const allowed = viaBroker ? BROKER_TYPES : ZK_TYPES;
  for (const t of types) {
    if (!allowed.includes(t)) throw new Refused(`Invalid entity type ${t}, the entity type must be one of ${allowed.join(", ")} with a ${viaBroker ? "--bootstrap-server or --bootstrap-controller" : "--zookeeper"} argument`);
  }
  if (types.length === 0) throw new Refused("At least one entity type must be specified");
  if (types.length > 1 && !(types.length === 2 && types.includes("users") && types.includes("clients"))) throw new Refused("Only 'users' and 'clients' entity types may be specified together");
  const flagged = [...ENTITY_FLAGS, ...DEFAULT_FLAGS].some(([f]) => o.has(f));
  if ((o.has("entity-name") || o.has("entity-type") || o.has("entity-default")) && flagged) throw new Refused("--entity-{type,name,default} should not be used in conjunction with specific entity flags");
  const names = entityNames(o);
  const hasName = names.some((n) => n !== "");
  const hasDefault = names.some((n) => n === "");
  const connects = ["bootstrap-server", "bootstrap-controller", "zookeeper"].filter((c) => o.has(c)).length;
  if (connects === 0) throw new Refused("One of the required --bootstrap-server, --boostrap-controller, or --zookeeper arguments must be specified");
  if (connects > 1) throw new Refused("Only one of --bootstrap-server, --boostrap-controller, and --zookeeper can be specified");
  if (o.has("all") && o.has("zookeeper")) throw new Refused("--bootstrap-server must be specified for --all");
  if (o.has("zk-tls-config-file") && !o.has("zookeeper")) throw new Refused("Only the --zookeeper option can be used with the --zk-tls-config-file option.");
  if (hasName && (types.includes("brokers") || types.includes("broker-loggers"))) {
    for (const id of [...o.values("entity-name"), ...o.values("broker"), ...o.values("broker-logger")]) {
      if (!/^[+-]?\d+$/.test(id)) throw new Refused(`The entity name for ${types[0]} must be a valid integer broker id, but it is: ${id}`);
    }
  }
  if (o.has("describe") && types.includes("broker-loggers") && !hasName) throw new Refused(`an entity name must be specified with --describe of ${types.join(",")}`);
  if (o.has("alter")) {
    if (["users", "clients", "brokers", "ips"].some((t) => types.includes(t))) {
      if (!hasName && !hasDefault) throw new Refused("an entity-name or default entity must be specified with --alter of users, clients, brokers or ips");
    } else if (!hasName) throw new Refused(`an entity name must be specified with --alter of ${types.join(",")}`);
    if (o.has("add-config") && o.has("add-config-file")) throw new Refused("Only one of --add-config or --add-config-file must be specified");
    if (!o.has("add-config") && !o.has("add-config-file") && !o.has("delete-config")) throw new Refused("At least one of --add-config, --add-config-file, or --delete-config must be specified with --alter");
  }
}

/** parseConfigsToBeAdded: commas and '=' outside [..] split; brackets are then dropped from values. */
function configsToAdd(io: Io, o: ParsedOptions): Record<string, string> {
  const props: Record<string, string> = {};
  const raw = valueOf(o, "add-config");
  if (raw === null) return props;
  const outsideBrackets = "(?=[^\\]]*(?:\\[|$))";
  const pairs = raw.split(new RegExp(`,${outsideBrackets}`));
  // Java's String.split drops trailing empty strings.
  while (pairs.length > 0 && pairs[pairs.length - 1] === "") pairs.pop();
  const split = pairs.map((p) => p.split(new RegExp(`\\s*=\\s*${outsideBrackets}`)));
  if (!split.every((kv) => kv.length === 2)) throw new Refused('Invalid entity config: all configs to be added must be in the format "key=val".');
  for (const [k, v] of split) props[k!.trim()] = v!.replace(/[[\]]/g, "").trim();
  const mfv = props["message.format.version"];
  if (mfv !== undefined) {
    io.outln(`WARNING: The configuration message.format.version=${mfv} is specified. This configuration will be ignored if the version is newer than the inter.broker.protocol.version specified in the broker or if the inter.broker.protocol.version is 3.0 or newer. This configuration is deprecated and it will be removed in Apache Kafka 4.0.`);
  }
  for (const k of Object.keys(props)) if (!/^[a-zA-Z0-9._-]*$/.test(k)) throw new Refused(`Invalid character found for config key: ${k}`);
  return props;
}

/** The topic's describe entries; a missing topic fails the DescribeConfigs call. */
function topicEntries(host: CliHost, name: string) {
  if (name !== "") {
    const bad = topicNameError(name);
    if (bad) throw new Failed("InvalidTopicException", bad, false);
  }
  const t = host.topic(name);
  if (!t) throw new Failed("UnknownTopicOrPartitionException", "This server does not host this topic-partition.", true);
  return topicConfigEntries(t.overrides, host.staticBrokerConfigs);
}

function describeTopics(io: Io, host: CliHost, name: string | undefined, all: boolean): void {
  for (const topic of name === undefined ? host.listTopics() : [name]) {
    io.outln(`${all ? "All" : "Dynamic"} configs for topic ${topic} are:`);
    for (const e of topicEntries(host, topic)) {
      if (!all && e.source !== "DYNAMIC_TOPIC_CONFIG") continue;
      const synonyms = e.synonyms.map((s) => `${s.source}:${s.name}=${s.value}`).join(", ");
      io.outln(`  ${e.name}=${e.value} sensitive=${e.sensitive} synonyms={${synonyms}}`);
    }
  }
}

function describeBrokers(io: Io, names: string[], all: boolean): void {
  if (all) unsupported(io, "kafka-configs", "--describe --all of brokers");
  for (const name of names.length === 0 ? ["1", ""] : names) {
    if (name === "") io.outln("Default configs for brokers in the cluster are:");
    else if (Number(name) === 1) io.outln(`Dynamic configs for broker ${name} are:`);
    else throw new Failed("TimeoutException", `Broker ${name} does not exist in the simulated cluster (it has one broker, id 1)`, true);
  }
}

function alterTopic(io: Io, host: CliHost, o: ParsedOptions, name: string): void {
  const add = configsToAdd(io, o);
  const del = o.values("delete-config").map((k) => k.trim());
  const current = Object.fromEntries(topicEntries(host, name).filter((e) => e.source === "DYNAMIC_TOPIC_CONFIG").map((e) => [e.name, e.value]));
  const invalid = del.filter((k) => !(k in current));
  if (invalid.length > 0) throw new Refused(`Invalid config(s): ${invalid.join(",")}`);
  // The controller validates the resulting overrides as a whole (unknown names first).
  const merged: Record<string, string> = { ...current, ...add };
  for (const k of del) delete merged[k];
  const checked = validateTopicConfigs(merged);
  if (!checked.ok) throw new Failed("InvalidConfigurationException", checked.message, true);
  const set = Object.fromEntries(Object.keys(add).map((k) => [k, checked.value[k] ?? add[k]!]));
  const result = host.alterTopicConfig(name, set, del);
  if (!result.ok) throw new Failed(result.error.type, result.error.message, true);
  io.outln(`Completed updating config for topic ${name}.`);
}

function execute(io: Io, host: CliHost, o: ParsedOptions): void {
  const types = entityTypes(o);
  const names = entityNames(o);
  if (o.has("alter") && types.length !== names.length) throw new Refused("An entity name must be specified for every entity type");
  const type = types[0]!;
  if (type === "topics") {
    if (o.has("describe")) describeTopics(io, host, names[0], o.has("all"));
    else alterTopic(io, host, o, names[0]!);
  } else if (type === "brokers" && o.has("describe")) describeBrokers(io, names, o.has("all"));
  else unsupported(io, "kafka-configs", `${o.has("alter") ? "--alter" : "--describe"} of entity type ${type}`);
}

/** Runs kafka-configs with `args` (the words after the tool name). */
export function runConfigs(args: readonly string[], host: CliHost, io: Io): void {
  try {
    const o = parseOptions(SPECS, args);
    maybeHelpOrVersion(io, SPECS, args.length, o.has, "This tool helps to manipulate and describe entity config for a topic, client, user, broker, ip or client-metrics");
    checkArgs(io, o);
    if (o.has("zookeeper")) {
      io.outln("Warning: --zookeeper is deprecated and will be removed in a future version of Kafka.");
      io.outln("Use --bootstrap-server instead to specify a broker to connect to.");
      unsupported(io, "kafka-configs", "--zookeeper (the simulated cluster runs in KRaft mode)");
    }
    execute(io, host, o);
  } catch (e) {
    if (e instanceof OptionError || e instanceof Refused) {
      io.errln(e.message);
      throw new Exit(1);
    }
    if (!(e instanceof Failed)) throw e;
    io.errln(`Error while executing config command with args '${args.join(" ")}'`);
    const cause = `${exceptionClass(e.type)}: ${e.message}`;
    io.errln(e.wrapped ? `java.util.concurrent.ExecutionException: ${cause}` : cause);
    throw new Exit(1);
  }
}
