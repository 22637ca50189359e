/**
 * kafka-consumer-groups (Kafka 3.x ConsumerGroupCommand): --list [--state [S]] [--type [T]],
 * --describe (--offsets by default, --members [--verbose], --state) of --group G… or
 * --all-groups, and --reset-offsets (reset-offsets.ts). Tables, column widths and state banners
 * are Kafka's: "has no active members" and "is rebalancing" go to stderr, "does not exist" (and
 * every other "Error: …") to stdout. CURRENT-OFFSET is the committed offset, LOG-END-OFFSET the
 * high watermark, LAG their difference.
 */
import { OptionError, parseOptions, valueOf, type ParsedOptions } from "./args";
import { checkGroupArgs, GROUP_SPECS } from "./group-options";
import type { CliGroup, CliGroupState, CliHost, CliTopicPartition } from "./host";
import { Exit, type Io, pad, unsupported, usageExit } from "./output";
import { GroupCommandError, printError, resetOffsets } from "./reset-offsets";

const MISSING = "-";
const COORDINATOR = "localhost:9092  (1)";
const VALID_STATES = ["PreparingRebalance", "CompletingRebalance", "Stable", "Dead", "Empty", "Assigning", "Reconciling"];

/** The group as described: an unknown group reads as Dead with nothing in it, as Kafka reports it. */
const describeGroup = (host: CliHost, id: string): CliGroup => host.group(id) ?? { id, state: "Dead", assignor: "", members: [], committed: [] };

const byPartitionThenTopic = (a: CliTopicPartition, b: CliTopicPartition) => a.partition - b.partition || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0);

/**
 * shouldPrintMemberState: prints the state banner and says whether a table follows (only for a
 * live group with rows).
 */
function stateBanner(io: Io, group: string, state: CliGroupState, rows: number): boolean {
  if (state === "Dead") printError(io, `Consumer group '${group}' does not exist.`);
  else if (state === "Empty") io.errln(`\nConsumer group '${group}' has no active members.`);
  else if (state === "PreparingRebalance" || state === "CompletingRebalance") io.errln(`\nWarning: Consumer group '${group}' is rebalancing.`);
  return state !== "Dead" && rows > 0;
}

interface OffsetRow {
  topic: string;
  partition: number;
  offset: number | null;
  logEnd: number | null;
  consumerId: string;
  host: string;
  clientId: string;
}

function offsetRows(host: CliHost, g: CliGroup): OffsetRow[] {
  const committed = new Map(g.committed.map((c) => [`${c.topic}\u0000${c.partition}`, c.offset]));
  const logEnd = (tp: CliTopicPartition): number | null => (host.topic(tp.topic) ? (host.partitionOffsets(tp.topic)[tp.partition]?.highWatermark ?? null) : null);
  const row = (tp: CliTopicPartition, consumerId: string, hostName: string, clientId: string): OffsetRow => ({
    ...tp,
    offset: committed.get(`${tp.topic}\u0000${tp.partition}`) ?? null,
    logEnd: logEnd(tp),
    consumerId,
    host: hostName,
    clientId,
  });
  // Members with partitions, the largest assignment first (a stable sort keeps the group's order).
  const members = g.members.filter((m) => m.assignment.length > 0).sort((a, b) => b.assignment.length - a.assignment.length);
  const assigned = new Set(members.flatMap((m) => m.assignment.map((tp) => `${tp.topic}\u0000${tp.partition}`)));
  const rows = members.flatMap((m) => [...m.assignment].sort(byPartitionThenTopic).map((tp) => row(tp, m.memberId, m.host, m.clientId)));
  const unassigned = g.committed.filter((c) => !assigned.has(`${c.topic}\u0000${c.partition}`)).map(({ topic, partition }) => ({ topic, partition }));
  return [...rows, ...unassigned.sort(byPartitionThenTopic).map((tp) => row(tp, MISSING, MISSING, MISSING))];
}

function printOffsets(io: Io, host: CliHost, g: CliGroup): void {
  const rows = offsetRows(host, g);
  if (!stateBanner(io, g.id, g.state, rows.length)) return;
  const w = (values: string[]) => Math.max(15, ...values.map((v) => v.length));
  const [gw, tw, cw, hw] = [w([g.id]), w(rows.map((r) => r.topic)), w(rows.map((r) => r.consumerId)), w(rows.map((r) => r.host))];
  const line = (c: readonly (string | number)[]) => `${pad(c[0]!, gw)} ${pad(c[1]!, tw)} ${pad(c[2]!, 10)} ${pad(c[3]!, 15)} ${pad(c[4]!, 15)} ${pad(c[5]!, 15)} ${pad(c[6]!, cw)} ${pad(c[7]!, hw)} ${c[8]}`;
  io.outln(`\n${line(["GROUP", "TOPIC", "PARTITION", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG", "CONSUMER-ID", "HOST", "CLIENT-ID"])}`);
  for (const r of rows) {
    const lag = r.offset !== null && r.offset !== -1 && r.logEnd !== null ? r.logEnd - r.offset : MISSING;
    io.outln(line([g.id, r.topic, r.partition, r.offset ?? MISSING, r.logEnd ?? MISSING, lag, r.consumerId, r.host, r.clientId]));
  }
}

/** "orders(0,1), payments(2)": topics sorted, partitions sorted. */
function assignmentString(assignment: readonly CliTopicPartition[]): string {
  if (assignment.length === 0) return MISSING;
  const byTopic = new Map<string, number[]>();
  for (const tp of assignment) byTopic.set(tp.topic, [...(byTopic.get(tp.topic) ?? []), tp.partition]);
  return [...byTopic].map(([t, ps]) => `${t}(${[...ps].sort((a, b) => a - b).join(",")})`).sort().join(", ");
}

function printMembers(io: Io, g: CliGroup, verbose: boolean): void {
  if (!stateBanner(io, g.id, g.state, g.members.length)) return;
  const ms = g.members;
  const w = (min: number, values: string[]) => Math.max(min, ...values.map((v) => v.length));
  const gw = w(15, [g.id]);
  const cw = w(15, ms.map((m) => m.memberId));
  const iw = w(17, ms.map((m) => m.instanceId ?? ""));
  const hw = w(15, ms.map((m) => m.host));
  const kw = w(15, ms.map((m) => m.clientId));
  const withInstance = ms.some((m) => (m.instanceId ?? "") !== "");
  const line = (group: string, id: string, instance: string, hostName: string, client: string, count: string | number) =>
    withInstance ? `${pad(group, gw)} ${pad(id, cw)} ${pad(instance, iw)} ${pad(hostName, hw)} ${pad(client, kw)} ${pad(count, 15)} ` : `${pad(group, gw)} ${pad(id, cw)} ${pad(hostName, hw)} ${pad(client, kw)} ${pad(count, 15)} `;
  io.outln(`\n${line("GROUP", "CONSUMER-ID", "GROUP-INSTANCE-ID", "HOST", "CLIENT-ID", "#PARTITIONS")}${verbose ? "ASSIGNMENT" : ""}`);
  for (const m of ms) io.outln(`${line(g.id, m.memberId, m.instanceId ?? "", m.host, m.clientId, m.assignment.length)}${verbose ? assignmentString(m.assignment) : ""}`);
}

function printState(io: Io, g: CliGroup): void {
  if (!stateBanner(io, g.id, g.state, 1)) return;
  const cw = Math.max(25, COORDINATOR.length);
  const line = (c: readonly (string | number)[]) => `${pad(c[0]!, cw)} ${pad(c[1]!, 25)} ${pad(c[2]!, 20)} ${pad(c[3]!, 15)} ${c[4]}`;
  io.out(`\n${line(["GROUP", "COORDINATOR (ID)", "ASSIGNMENT-STRATEGY", "STATE", "#MEMBERS"])}`);
  io.out(`\n${line([g.id, COORDINATOR, g.assignor, g.state, g.members.length])}`);
  io.outln();
}

function describe(io: Io, host: CliHost, o: ParsedOptions): void {
  const ids = o.has("all-groups") ? host.listGroups() : [...new Set(o.values("group"))].sort();
  for (const id of ids) {
    const g = describeGroup(host, id);
    if (o.has("members")) printMembers(io, g, o.has("verbose"));
    else if (o.has("state")) printState(io, g);
    else printOffsets(io, host, g);
  }
}

/** "stable,empty" → the states asked for; Kafka's message for an unknown one. */
function statesFilter(raw: string | null): Set<string> | null {
  if (raw === null || raw === "") return null;
  const parsed = raw.split(",").map((s) => VALID_STATES.find((v) => v.toLowerCase() === s.trim().toLowerCase()));
  if (parsed.some((s) => s === undefined)) throw new GroupCommandError("IllegalArgumentException", `Invalid state list '${raw}'. Valid states are: ${VALID_STATES.join(", ")}`);
  return new Set(parsed as string[]);
}

function list(io: Io, host: CliHost, o: ParsedOptions): void {
  const withState = o.has("state");
  const withType = o.has("type");
  if (!withState && !withType) {
    for (const id of host.listGroups()) io.outln(id);
    return;
  }
  const states = statesFilter(valueOf(o, "state"));
  const typeRaw = valueOf(o, "type");
  if (typeRaw !== null && typeRaw !== "") {
    const types = typeRaw.toLowerCase().split(",").map((s) => s.trim());
    if (types.some((t) => t !== "classic" && t !== "consumer")) throw new GroupCommandError("IllegalArgumentException", `Invalid types list '${typeRaw}'. Valid types are: Classic, Consumer`);
  }
  // Every simulated group uses the classic protocol.
  const classic = typeRaw === null || typeRaw === "" || typeRaw.toLowerCase().includes("classic");
  const groups = classic ? host.listGroups().map((id) => describeGroup(host, id)).filter((g) => !states || states.has(g.state)) : [];
  const gw = Math.max(15, ...groups.map((g) => g.id.length)) + 10;
  const line = (id: string, type: string, state: string) => `${pad(id, gw)}${withType ? ` ${pad(type, 20)}` : ""}${withState ? ` ${pad(state, 20)}` : ""}`;
  io.outln(line("GROUP", "TYPE", "STATE"));
  for (const g of groups) io.outln(line(g.id, "Classic", g.state));
}

/** Runs kafka-consumer-groups with `args` (the words after the tool name). */
export function runConsumerGroups(args: readonly string[], host: CliHost, io: Io): void {
  let o: ParsedOptions;
  try {
    o = parseOptions(GROUP_SPECS, args);
  } catch (e) {
    // The options are parsed outside any try: the JVM reports the uncaught exception.
    if (!(e instanceof OptionError)) throw e;
    io.errln(`Exception in thread "main" ${e.exceptionClass}: ${e.message}`);
    throw new Exit(1);
  }
  checkGroupArgs(io, o, args.length);
  try {
    if (o.has("list")) list(io, host, o);
    else if (o.has("describe")) describe(io, host, o);
    else if (o.has("reset-offsets")) resetOffsets(io, host, o);
    else unsupported(io, "kafka-consumer-groups", `--${o.has("delete") ? "delete" : "delete-offsets"}`);
  } catch (e) {
    if (e instanceof OptionError) {
      printError(io, `Executing consumer group command failed due to ${e.message}`, `${e.exceptionClass}: ${e.message}`);
      return;
    }
    if (!(e instanceof GroupCommandError)) throw e;
    // ConsumerGroupCommand.run: IllegalArgumentException → usage (exit 1); anything else is printed, exit 0.
    if (e.type === "IllegalArgumentException") usageExit(io, GROUP_SPECS, e.message);
    printError(io, `Executing consumer group command failed due to ${e.message}`, e.stack);
  }
}
