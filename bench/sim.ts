/**
 * Simulator engine speed and size (issue 6): 1,000,000 small records produced and then consumed
 * through `step`, the heap they take and give back to retention, the median cost of one step on a
 * state holding 100,000 records (against the same step on an empty state: no whole-state copies),
 * and the scenario runner's wall time on every contract example (against a bare tsx start-up).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createCluster, step, type ClusterState, type Command } from "@/lib/sim";
import { CONTRACT_EXAMPLES } from "../tests/sim/fixtures/contract-examples";
import type { BenchResult, Figure } from "./lib/report";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

function heapMb(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function apply(state: ClusterState, command: Command): ClusterState {
  const result = step(state, command);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.state;
}

function cluster(topicConfig: Record<string, string | number> = {}, consumerConfig: Record<string, string | number | boolean> = {}): ClusterState {
  const created = createCluster({
    topics: [{ name: "events", partitions: 1, config: topicConfig }],
    clients: [
      { id: "p1", kind: "producer" },
      { id: "c1", kind: "consumer", subscribe: ["events"], config: { "group.id": "g", "auto.offset.reset": "earliest", "enable.auto.commit": false, "max.poll.records": 500, ...consumerConfig } },
    ],
  });
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

const produceCmd = (i: number): Command => ({ do: "produce", client: "p1", topic: "events", key: `k${i % 1000}`, value: `v${i}` });

/** The input, built before any timing: n records in bulk commands of `size`. */
function bulkCommands(n: number, size = 1000, first = 0): Command[] {
  return Array.from({ length: Math.ceil(n / size) }, (_, b) => ({
    do: "produce" as const,
    client: "p1",
    topic: "events",
    records: Array.from({ length: Math.min(size, n - b * size) }, (_, j) => ({ key: `k${(first + b * size + j) % 1000}`, value: `v${first + b * size + j}` })),
  }));
}

function seconds(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

/** The cheapest way to keep the same records: plain objects pushed onto one array (the baseline). */
function baselineRate(commands: Command[], n: number): number {
  const t0 = process.hrtime.bigint();
  const out: { offset: number; key: string | null; value: string | null; timestamp: number; size: number }[] = [];
  for (const cmd of commands) if (cmd.do === "produce") for (const r of cmd.records ?? []) out.push({ offset: out.length, key: r.key, value: r.value, timestamp: 0, size: 72 });
  const rate = n / seconds(t0);
  if (out.length !== n) throw new Error("baseline");
  return rate;
}

function throughput(n: number): Figure[] {
  const before = heapMb();
  const singles = Array.from({ length: 200_000 }, (_, i) => produceCmd(i));
  let t0 = process.hrtime.bigint();
  let single = cluster();
  for (const cmd of singles) single = apply(single, cmd);
  const singleRate = singles.length / seconds(t0);
  single = cluster();

  const commands = bulkCommands(n);
  const baseline = baselineRate(commands, n);
  let state = apply(cluster(), { do: "start", client: "c1" });
  t0 = process.hrtime.bigint();
  for (const cmd of commands) state = apply(state, cmd);
  const produceRate = n / seconds(t0);
  // Input arrays dropped: what is left is the state (records share the input's strings).
  commands.length = 0;
  const held = heapMb() - before;
  t0 = process.hrtime.bigint();
  let consumed = 0;
  while (consumed < n) {
    const polled = step(state, { do: "poll", client: "c1" });
    if (!polled.ok) throw new Error(polled.error.message);
    const delivered = polled.value.events.find((e) => e.type === "delivered");
    if (!delivered || delivered.type !== "delivered") throw new Error(`poll returned nothing after ${consumed}`);
    consumed += delivered.records.length;
    state = apply(polled.value.state, { do: "process", client: "c1" });
  }
  state = apply(state, { do: "commit", client: "c1" });
  const consumeRate = n / seconds(t0);
  const count = n.toLocaleString("en");
  return [
    { name: `produce ${count} records, bulk produce steps of 1,000 (one batch per record)`, value: produceRate, unit: "rec/s", baseline: { name: "same records pushed onto a plain array", value: baseline }, target: "≥ 1,000,000 rec/s", pass: produceRate >= 1_000_000 },
    { name: "produce 200,000 records, one produce step each", value: singleRate, unit: "rec/s", baseline: { name: "same records pushed onto a plain array", value: baseline } },
    { name: `consume ${count} records (poll of 500, then process)`, value: consumeRate, unit: "rec/s", baseline: { name: "same records pushed onto a plain array", value: baseline }, target: "≥ 1,000,000 rec/s", pass: consumeRate >= 1_000_000 },
    { name: `heap held by ${count} retained records`, value: held, unit: "MiB", target: "proportional to retained records" },
  ];
}

/** Memory follows retained records: the same records, then retention deletes all but the last segments. */
function memoryGivenBack(n: number): Figure[] {
  const before = heapMb();
  let state = cluster({ "segment.bytes": 1024 * 1024, "retention.bytes": 8 * 1024 * 1024 });
  for (let i = 0; i < n; i += 1000) state = apply(state, bulkCommands(1000, 1000, i)[0]!);
  const beforeRetention = heapMb() - before;
  state = apply(state, { do: "runRetention" });
  const afterRetention = heapMb() - before;
  const log = state.topics.events!.partitions[0]!.log;
  const retained = log.logEndOffset - log.logStartOffset;
  const share = retained / n;
  return [
    {
      name: `heap after retention keeps ${retained.toLocaleString("en")} of ${n.toLocaleString("en")} records`,
      value: afterRetention,
      unit: "MiB",
      baseline: { name: "before the retention check", value: beforeRetention },
      target: `ratio ≤ retained share ${share.toFixed(2)} + 0.05`,
      pass: afterRetention / beforeRetention <= share + 0.05,
    },
  ];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median µs of `command` applied to `state` (each run starts from the same state). */
function stepMicros(state: ClusterState, command: (i: number) => Command, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cmd = command(i);
    const t0 = process.hrtime.bigint();
    const r = step(state, cmd);
    times.push(Number(process.hrtime.bigint() - t0) / 1000);
    if (!r.ok) throw new Error(r.error.message);
  }
  return median(times);
}

function stepCost(records: number): Figure[] {
  const empty = apply(apply(cluster({}, { "max.poll.records": 100 }), { do: "start", client: "c1" }), { do: "poll", client: "c1" });
  let full = apply(cluster({}, { "max.poll.records": 100 }), { do: "start", client: "c1" });
  for (const cmd of bulkCommands(records)) full = apply(full, cmd);
  full = apply(full, { do: "poll", client: "c1" });
  full = apply(full, { do: "process", client: "c1" });
  // A consumer in the middle of the log, so poll has records to return.
  const figures: Figure[] = [];
  const runs = 3000;
  const cases: [string, (i: number) => Command][] = [
    ["produce", produceCmd],
    ["poll", () => ({ do: "poll", client: "c1" })],
    ["commit", () => ({ do: "commit", client: "c1" })],
    // With `at` the clock moves first: every background schedule is looked at.
    ["poll 1 ms later (clock advance)", (i) => ({ do: "poll", client: "c1", at: 1 + (i % 1000) })],
  ];
  for (const [name, cmd] of cases) {
    stepMicros(full, cmd, 500);
    stepMicros(empty, cmd, 500);
    const onFull = stepMicros(full, cmd, runs);
    const onEmpty = stepMicros(empty, cmd, runs);
    figures.push({ name: `median step: ${name} on ${records.toLocaleString("en")} records`, value: onFull, unit: "µs", baseline: { name: "same step, empty log", value: onEmpty }, target: "< 50 µs", pass: onFull < 50 });
  }
  return figures;
}

/** Wall time of `npm run sim` on each contract example, against Node starting an empty script. */
function runnerTimes(): Figure[] {
  const dir = mkdtempSync(path.join(tmpdir(), "sim-bench-"));
  const time = (command: string, args: string[]) => {
    const t0 = process.hrtime.bigint();
    execFileSync(command, args, { stdio: ["ignore", "ignore", "inherit"] });
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  const runs = (command: string, args: string[]) => median([0, 1, 2, 3, 4].map(() => time(command, args)));
  time("node", ["-e", ""]);
  const baseline = runs("node", ["-e", ""]);
  const figures: Figure[] = [];
  for (const example of CONTRACT_EXAMPLES) {
    const file = path.join(dir, `${example.id}.json`);
    writeFileSync(file, JSON.stringify(example.scenario));
    // The first run after a change of lib/sim also bundles the runner; measured runs reuse it.
    time("npm", ["run", "-s", "sim", "--", file]);
    const ms = runs("npm", ["run", "-s", "sim", "--", file]);
    figures.push({ name: `npm run sim on ${example.id} (${example.title})`, value: ms, unit: "ms", baseline: { name: "node -e '' (bare start-up)", value: baseline }, target: "< 1000 ms", pass: ms < 1000 });
  }
  const e2 = path.join(dir, "E2.json");
  figures.push({ name: "node scripts/sim.mjs on E2 (without npm's own start-up)", value: runs("node", ["scripts/sim.mjs", e2]), unit: "ms", baseline: { name: "node -e '' (bare start-up)", value: baseline } });
  return figures;
}

export async function benchSim(): Promise<BenchResult> {
  const figures = [...throughput(1_000_000), ...memoryGivenBack(1_000_000), ...stepCost(100_000), ...runnerTimes()];
  return {
    name: "Simulator engine (issue 6)",
    figures,
    notes: [
      "Bulk produce = `produce` with `records` (1,000 per step): the same log, offsets and segments as one `produce` step per record (tests/sim/bulk-produce.test.ts), reported as one event per step. Inputs are built before timing.",
      "Consume = `poll` (max.poll.records 500) then `process` until every record is delivered; the baseline stores the same records as plain objects in one array.",
      "Heap measured after two forced GCs; records of 8–14 bytes of key and value.",
      "Step medians start every run from the same state (immutable states make that free), 3,000 runs after 500 warm-up runs.",
    ],
  };
}
