/**
 * kafka-consumer-groups --reset-offsets (Kafka 3.x): only for a group that is Empty or Dead
 * (unknown); scope --topic T[:p,…]… or --all-topics (the partitions the group has committed);
 * targets --to-earliest (log start offset), --to-latest (high watermark), --to-current,
 * --to-offset N and --shift-by N (both clamped into [log start, high watermark] as Kafka's
 * checkOffsetsRange does). --dry-run (the default) only prints the plan; --execute commits it.
 */
import { numberOf, type ParsedOptions } from "./args";
import { GROUP_SPECS } from "./group-options";
import type { CliHost, CliTopicPartition } from "./host";
import { exceptionClass, type Io, pad, unsupported, usageExit } from "./output";

/** An exception inside ConsumerGroupCommand.run; `stack` is the first line of its stack trace. */
export class GroupCommandError {
  readonly stack: string;
  constructor(
    readonly type: string,
    readonly message: string,
    stack?: string,
  ) {
    this.stack = stack ?? `${exceptionClass(type)}: ${message}`;
  }
}

/** ConsumerGroupCommand.printError: "\nError: msg" on stdout, the stack trace (first line) on stderr. */
export function printError(io: Io, message: string, stack?: string): void {
  io.outln(`\nError: ${message}`);
  if (stack !== undefined) io.errln(stack);
}

type Planned = CliTopicPartition & { offset: number };

const UNKNOWN_TP = "org.apache.kafka.common.errors.UnknownTopicOrPartitionException: This server does not host this topic-partition.";
const adminFailure = () => new GroupCommandError("ExecutionException", UNKNOWN_TP, `java.util.concurrent.ExecutionException: ${UNKNOWN_TP}`);

/** parseTopicPartitionsToReset: "t" means every partition of t; "t:0,2" those partitions. */
function scopePartitions(io: Io, host: CliHost, o: ParsedOptions, committed: readonly CliTopicPartition[]): CliTopicPartition[] {
  if (o.has("all-topics")) return [...committed];
  if (!o.has("topic")) usageExit(io, GROUP_SPECS, "One of the reset scopes should be defined: --all-topics, --topic.");
  const out: CliTopicPartition[] = [];
  for (const arg of o.values("topic")) {
    if (!arg.includes(":")) {
      const t = host.topic(arg);
      if (!t) throw adminFailure();
      for (let p = 0; p < t.partitions; p++) out.push({ topic: arg, partition: p });
      continue;
    }
    const parts = arg.split(":");
    if (parts.length !== 2) throw new GroupCommandError("IllegalArgumentException", `Invalid topic arg '${arg}', expected topic name and partitions`);
    for (const p of parts[1]!.split(",")) {
      if (!/^[+-]?\d+$/.test(p)) throw new GroupCommandError("IllegalArgumentException", `Invalid partition '${p}' specified in topic arg '${arg}''`);
      out.push({ topic: parts[0]!, partition: Number(p) });
    }
  }
  return out;
}

/** [log start offset, high watermark] of a partition; a missing one fails the ListOffsets call. */
function bounds(host: CliHost, tp: CliTopicPartition): [number, number] {
  const p = host.topic(tp.topic) ? host.partitionOffsets(tp.topic)[tp.partition] : undefined;
  if (!p) throw adminFailure();
  return [p.logStartOffset, p.highWatermark];
}

/** checkOffsetsRange: above the high watermark → HW; below the log start offset → log start. */
function clamp(host: CliHost, tp: CliTopicPartition, offset: number): number {
  const [start, end] = bounds(host, tp);
  return offset > end ? end : offset < start ? start : offset;
}

/** prepareOffsetsToReset for one group. */
function plan(io: Io, host: CliHost, o: ParsedOptions, partitions: readonly CliTopicPartition[], committed: ReadonlyMap<string, number>): Planned[] {
  const key = (tp: CliTopicPartition) => `${tp.topic}\u0000${tp.partition}`;
  if (o.has("to-offset")) {
    const target = numberOf(o, "to-offset", "Long")!;
    return partitions.map((tp) => ({ ...tp, offset: clamp(host, tp, target) }));
  }
  if (o.has("to-earliest")) return partitions.map((tp) => ({ ...tp, offset: bounds(host, tp)[0] }));
  if (o.has("to-latest")) return partitions.map((tp) => ({ ...tp, offset: bounds(host, tp)[1] }));
  if (o.has("shift-by")) {
    const shift = numberOf(o, "shift-by", "Long")!;
    return partitions.map((tp) => {
      const current = committed.get(key(tp));
      if (current === undefined) throw new GroupCommandError("IllegalArgumentException", `Cannot shift offset for partition ${tp.topic}-${tp.partition} since there is no current committed offset`);
      return { ...tp, offset: clamp(host, tp, current + shift) };
    });
  }
  if (o.has("to-current")) return partitions.map((tp) => ({ ...tp, offset: committed.get(key(tp)) ?? bounds(host, tp)[1] }));
  for (const s of ["to-datetime", "by-duration", "from-file"]) if (o.has(s)) unsupported(io, "kafka-consumer-groups", `--reset-offsets --${s}`);
  const scenarios = ["to-offset", "shift-by", "to-datetime", "by-duration", "to-earliest", "to-latest", "to-current", "from-file"].map((s) => `[${s}]`).join(", ");
  return usageExit(io, GROUP_SPECS, `Option '[reset-offsets]' requires one of the following scenarios: [${scenarios}]`);
}

const byTopicThenPartition = (a: CliTopicPartition, b: CliTopicPartition) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition);

/** ConsumerGroupService.resetOffsets plus printing the plan (or --export's CSV). */
export function resetOffsets(io: Io, host: CliHost, o: ParsedOptions): void {
  const ids = o.has("all-groups") ? host.listGroups() : [...new Set(o.values("group"))].sort();
  const dryRun = o.has("dry-run") || !o.has("execute");
  const result = new Map<string, Planned[]>();
  for (const id of ids) {
    const g = host.group(id);
    const state = g?.state ?? "Dead";
    if (state !== "Empty" && state !== "Dead") {
      printError(io, `Assignments can only be reset if the group '${id}' is inactive, but the current state is ${state}.`);
      result.set(id, []);
      continue;
    }
    const committedList = g?.committed ?? [];
    const committed = new Map(committedList.map((c) => [`${c.topic}\u0000${c.partition}`, c.offset]));
    const partitions = scopePartitions(io, host, o, committedList.map(({ topic, partition }) => ({ topic, partition })));
    // A partition named twice is reset once (the plan is a map).
    const unique = [...new Map(partitions.map((tp) => [`${tp.topic}\u0000${tp.partition}`, tp])).values()];
    const planned = plan(io, host, o, unique, committed).sort(byTopicThenPartition);
    if (!dryRun) {
      const done = host.commitOffsets(id, planned);
      if (!done.ok) {
        const cause = `${exceptionClass(done.error.type)}: ${done.error.message}`;
        throw new GroupCommandError("ExecutionException", cause, `java.util.concurrent.ExecutionException: ${cause}`);
      }
    }
    result.set(id, planned);
  }
  if (o.has("export")) {
    // One group: "topic,partition,offset" rows; several: "group,topic,partition,offset"; then println.
    const single = o.values("group").length === 1;
    const rows = [...result].flatMap(([id, ps]) => ps.map((p) => `${single ? "" : `${id},`}${p.topic},${p.partition},${p.offset}\n`));
    io.outln(rows.join(""));
    return;
  }
  const line = (g: string, t: string, p: string | number, n: string | number) => `${pad(g, 30)} ${pad(t, 30)} ${pad(p, 10)} ${pad(n, 15)}`;
  if (result.size > 0) io.outln(`\n${line("GROUP", "TOPIC", "PARTITION", "NEW-OFFSET")}`);
  for (const [id, ps] of result) for (const p of ps) io.outln(line(id, p.topic, p.partition, p.offset));
}
