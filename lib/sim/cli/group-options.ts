/**
 * kafka-consumer-groups' options and argument checks (Kafka 3.x ConsumerGroupCommandOptions),
 * with Kafka's messages; every failed check prints the message and the usage on stderr, exit 1.
 */
import { DEFAULT_OPTIONS, spec, type OptionSpec, type ParsedOptions } from "./args";
import { type Io, maybeHelpOrVersion, usageExit } from "./output";

/** Every option of kafka-consumer-groups (3.x), including the ones the simulator refuses. */
export const GROUP_SPECS: readonly OptionSpec[] = [
  ...DEFAULT_OPTIONS,
  { name: "bootstrap-server", arg: "required", describedAs: "server to connect to", description: "REQUIRED: The server(s) to connect to." },
  { name: "group", arg: "required", describedAs: "consumer group", description: "The consumer group we wish to act on." },
  { name: "topic", arg: "required", describedAs: "topic", description: "The topic whose offsets --reset-offsets resets; partitions can be given as topic1:0,1,2." },
  { name: "all-topics", description: "Consider all topics the group has offsets for, in `reset-offsets`." },
  { name: "list", description: "List all consumer groups." },
  { name: "describe", description: "Describe consumer group and list offset lag (number of messages not yet processed) related to given group." },
  { name: "all-groups", description: "Apply to all consumer groups." },
  { name: "delete", description: "Delete consumer groups (not supported by the simulator)." },
  { name: "timeout", arg: "required", type: "Long", describedAs: "timeout (ms)", description: "The timeout that can be set for some use cases.", defaultValue: "5000" },
  { name: "command-config", arg: "required", describedAs: "command config property file", description: "Property file containing configs to be passed to Admin Client and Consumer (ignored by the simulator)." },
  { name: "reset-offsets", description: "Reset offsets of consumer group; the group must be inactive. --dry-run (the default) shows the plan, --execute applies it." },
  { name: "delete-offsets", description: "Delete offsets of consumer group (not supported by the simulator)." },
  { name: "dry-run", description: "Only show results without executing changes on Consumer Groups. Supported operations: reset-offsets." },
  { name: "execute", description: "Execute operation. Supported operations: reset-offsets." },
  { name: "export", description: "Export operation execution to a CSV file. Supported operations: reset-offsets." },
  { name: "to-offset", arg: "required", type: "Long", describedAs: "offset", description: "Reset offsets to a specific offset." },
  { name: "from-file", arg: "required", describedAs: "path to CSV file", description: "Reset offsets to values defined in CSV file (not supported by the simulator)." },
  { name: "to-datetime", arg: "required", describedAs: "datetime", description: "Reset offsets to offset from datetime (not supported by the simulator)." },
  { name: "by-duration", arg: "required", describedAs: "duration", description: "Reset offsets to offset by duration from current timestamp (not supported by the simulator)." },
  { name: "to-earliest", description: "Reset offsets to earliest offset." },
  { name: "to-latest", description: "Reset offsets to latest offset." },
  { name: "to-current", description: "Reset offsets to current offset." },
  { name: "shift-by", arg: "required", type: "Long", describedAs: "number-of-offsets", description: "Reset offsets shifting current offset by 'n', where 'n' can be positive or negative." },
  { name: "members", availableIf: ["describe"], description: "Describe members of the group." },
  { name: "verbose", availableIf: ["describe"], description: "Provide additional information, if any, when describing the group." },
  { name: "offsets", availableIf: ["describe"], description: "Describe the group and list all topic partitions in the group along with their offset lag (the default)." },
  { name: "state", arg: "optional", availableIf: ["describe", "list"], description: "With --describe, the state of the group; with --list, the state of all groups, optionally only the given states." },
  { name: "type", arg: "optional", availableIf: ["list"], description: "With --list, the types of all groups, optionally only the given types." },
];

/** The reset scenarios, in the order Kafka checks them against each other. */
export const RESET_SCENARIOS = ["to-offset", "to-datetime", "by-duration", "to-earliest", "to-latest", "to-current", "shift-by", "from-file"] as const;

const SCOPE = `${spec("group")}, ${spec("all-groups")}`;

function checkInvalid(io: Io, o: ParsedOptions, used: string, invalid: readonly string[]): void {
  if (!o.has(used)) return;
  for (const other of invalid) if (o.has(other)) usageExit(io, GROUP_SPECS, `Option "${spec(used)}" can't be used with option "${spec(other)}"`);
}

/** ConsumerGroupCommandOptions.checkArgs and the "exactly one action" check of main. */
export function checkGroupArgs(io: Io, o: ParsedOptions, argc: number): void {
  maybeHelpOrVersion(io, GROUP_SPECS, argc, o.has, "This tool helps to list all consumer groups, describe a consumer group, delete consumer group info, or reset consumer group offsets.");
  if (!o.has("bootstrap-server")) usageExit(io, GROUP_SPECS, `Missing required argument "${spec("bootstrap-server")}"`);
  if (o.has("describe")) {
    if (!o.has("group") && !o.has("all-groups")) usageExit(io, GROUP_SPECS, `Option ${spec("describe")} takes one of these options: ${SCOPE}`);
    if (["members", "offsets", "state"].filter((x) => o.has(x)).length > 1) {
      usageExit(io, GROUP_SPECS, `Option ${spec("describe")} takes at most one of these options: ${spec("members")}, ${spec("offsets")}, ${spec("state")}`);
    }
    if (o.has("state") && o.values("state").length > 0) usageExit(io, GROUP_SPECS, `Option ${spec("describe")} does not take a value for ${spec("state")}`);
  }
  if (o.has("delete")) {
    if (!o.has("group") && !o.has("all-groups")) usageExit(io, GROUP_SPECS, `Option ${spec("delete")} takes one of these options: ${SCOPE}`);
    if (o.has("topic")) usageExit(io, GROUP_SPECS, "The consumer does not support topic-specific offset deletion from a consumer group.");
  }
  if (o.has("delete-offsets") && (!o.has("group") || !o.has("topic"))) {
    usageExit(io, GROUP_SPECS, `Option ${spec("delete-offsets")} takes the following options: ${spec("group")}, ${spec("topic")}`);
  }
  if (o.has("reset-offsets")) {
    if (o.has("dry-run") && o.has("execute")) usageExit(io, GROUP_SPECS, `Option ${spec("reset-offsets")} only accepts one of ${spec("execute")} and ${spec("dry-run")}`);
    if (!o.has("dry-run") && !o.has("execute")) {
      io.errln(
        "WARN: No action will be performed as the --execute option is missing.In a future major release, the default behavior of this command will be to prompt the user before executing the reset rather than doing a dry run. You should add the --dry-run option explicitly if you are scripting this command and want to keep the current default behavior without prompting.",
      );
    }
    if (!o.has("group") && !o.has("all-groups")) usageExit(io, GROUP_SPECS, `Option ${spec("reset-offsets")} takes one of these options: ${SCOPE}`);
    for (const used of RESET_SCENARIOS) checkInvalid(io, o, used, RESET_SCENARIOS.filter((s) => s !== used));
  }
  checkInvalid(io, o, "group", ["all-groups"]);
  checkInvalid(io, o, "group", ["list"]);
  checkInvalid(io, o, "topic", ["list", "describe"]);
  if (["list", "describe", "delete", "reset-offsets", "delete-offsets"].filter((a) => o.has(a)).length !== 1) {
    usageExit(io, GROUP_SPECS, "Command must include exactly one action: --list, --describe, --delete, --reset-offsets, --delete-offsets");
  }
}
