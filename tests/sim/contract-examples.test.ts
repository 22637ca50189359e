/**
 * The runner's public contract (scenario-contract.md): examples E1–E5 exactly, and the command
 * line itself (`npm run sim`'s script): observation on stdout, exit 0; invalid scenarios exit 2
 * with one line on stderr naming the JSON path and nothing on stdout; stdin with `-`; `--events`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CONTRACT_EXAMPLES, e2, e4 } from "./fixtures/contract-examples";
import { consumerOf, dataRecords, kv, partitionLog, run, type Json } from "./helpers/scenario";

const example = (id: string) => CONTRACT_EXAMPLES.find((e) => e.id === id)!.scenario as unknown as Json;

describe("E1: keyed records go where murmur2 sends them", () => {
  it("puts k2, k5 on 0; k3, k4 on 1; k1 twice on 2; every log end offset 2", () => {
    const obs = run(example("E1"));
    expect(kv(obs, "orders", 0)).toEqual([[0, "k2", "b"], [1, "k5", "f"]]);
    expect(kv(obs, "orders", 1)).toEqual([[0, "k3", "c"], [1, "k4", "e"]]);
    expect(kv(obs, "orders", 2)).toEqual([[0, "k1", "a"], [1, "k1", "d"]]);
    expect([0, 1, 2].map((p) => partitionLog(obs, "orders", p).logEndOffset)).toEqual([2, 2, 2]);
  });
});

describe("E2: at-least-once, a crash between processing and committing", () => {
  it("charges each payment twice with an insert sink", () => {
    const obs = run(e2("insert") as unknown as Json);
    const c1 = consumerOf(obs, "c1");
    const c2 = consumerOf(obs, "c2");
    expect(c1.processed.map((r) => r.offset)).toEqual([0, 1]);
    // Until c1's session times out (45 s after its last heartbeat) the partition stays with it.
    expect(c2.delivered.filter((r) => r.at === 30000)).toEqual([]);
    expect(c2.processed.map((r) => [r.at, r.offset])).toEqual([[50000, 0], [50000, 1]]);
    expect(obs.sinks.charges!.rows.map((r) => r.key)).toEqual(["A100", "A101", "A100", "A101"]);
    expect(obs.groups.billing!.committed).toEqual({ "payments-0": 2 });
    expect(obs.groups.billing!.members.map((m) => [m.client, m.assignment])).toEqual([["c2", ["payments-0"]]]);
  });

  it("leaves one row per payment with an upsert sink keyed by the record key", () => {
    const obs = run(e2("upsert") as unknown as Json);
    expect(obs.sinks.charges!.rows.map((r) => [r.key, r.value])).toEqual([["A100", "42"], ["A101", "17"]]);
    expect(obs.groups.billing!.committed).toEqual({ "payments-0": 2 });
  });
});

describe("E3: range assignment", () => {
  it("gives c1 three partitions and c2, c3 two each, with the range assignor", () => {
    const obs = run(example("E3"));
    expect(["c1", "c2", "c3"].map((c) => consumerOf(obs, c).assignment)).toEqual([["t-0", "t-1", "t-2"], ["t-3", "t-4"], ["t-5", "t-6"]]);
    expect(obs.groups.g!.assignor).toBe("range");
  });
});

describe("E4: time retention deletes whole segments, offsets are never reused", () => {
  it.each([
    // The first segment's newest record (10000) is only 55 s old: e0 (65 s old) stays readable.
    [65000, 0, 6, ["e0", "e1", "e2", "e3", "e4", "e5"]],
    [71000, 3, 6, ["e3", "e4", "e5"]],
    // The active segment [5] has expired as a whole: rolled, then deleted.
    [107000, 6, 6, []],
  ])("at %i: log start offset %i, log end offset %i", (at, start, end, values) => {
    const log = partitionLog(run(e4(at) as unknown as Json), "events");
    expect([log.logStartOffset, log.logEndOffset]).toEqual([start, end]);
    expect(log.records.map((r) => ("value" in r ? r.value : r.control))).toEqual(values);
  });

  it("gives the record produced at 110000 offset 6, not 0", () => {
    const obs = run(e4(110000, true) as unknown as Json);
    expect(dataRecords(obs, "events").map((r) => [r.offset, r.value])).toEqual([[6, "e6"]]);
    expect(partitionLog(obs, "events").segments).toEqual([{ baseOffset: 6, sizeBytes: 71 }]);
  });
});

describe("E5: kafka-configs", () => {
  it("prints the header only, then the alter message, then both overrides with their synonyms", () => {
    const cli = run(example("E5")).cli;
    expect(cli.map((c) => c.stdout)).toEqual([
      "Dynamic configs for topic orders are:\n",
      "Completed updating config for topic orders.\n",
      "Dynamic configs for topic orders are:\n" +
        "  cleanup.policy=compact sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:cleanup.policy=compact, DEFAULT_CONFIG:log.cleanup.policy=delete}\n" +
        "  retention.ms=86400000 sensitive=false synonyms={DYNAMIC_TOPIC_CONFIG:retention.ms=86400000}\n",
    ]);
    expect(cli.map((c) => [c.stderr, c.exitCode])).toEqual([["", 0], ["", 0], ["", 0]]);
  });
});

describe("the runner's command line", () => {
  let dir: string;
  const runner = path.resolve("scripts/sim.mjs");
  const file = (name: string, content: unknown) => {
    const f = path.join(dir, name);
    writeFileSync(f, typeof content === "string" ? content : JSON.stringify(content));
    return f;
  };
  const sim = (args: string[], input?: string) => spawnSync("node", [runner, ...args], { input, encoding: "utf8" });

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "sim-cli-"));
    // Builds the cached bundle once, so the cases below time like a user's second run.
    execFileSync("node", [runner, file("warm.json", {})]);
  }, 60_000);

  it("prints the observation as JSON and exits 0; Kafka errors are results", () => {
    const out = sim([file("e1.json", example("E1"))]);
    expect(out.status).toBe(0);
    expect(out.stderr).toBe("");
    expect(JSON.parse(out.stdout).topics.orders.log[2].records.map((r: { key: string }) => r.key)).toEqual(["k1", "k1"]);
    const rejected = sim([file("keyless.json", { topics: [{ name: "c", partitions: 1, config: { "cleanup.policy": "compact" } }], clients: [{ id: "p1", kind: "producer" }], steps: [{ at: 0, do: "produce", client: "p1", topic: "c", key: null, value: "v" }] })]);
    expect(rejected.status).toBe(0);
    expect(JSON.parse(rejected.stdout).clients.p1.errors[0].type).toBe("InvalidRecordException");
  });

  it("reads the scenario from stdin with -, and fills events only with --events", () => {
    const plain = sim(["-"], JSON.stringify(example("E3")));
    expect(plain.status).toBe(0);
    expect(JSON.parse(plain.stdout).events).toEqual([]);
    const traced = sim(["-", "--events"], JSON.stringify(example("E3")));
    expect(JSON.parse(traced.stdout).events.map((e: { type: string }) => e.type)).toContain("rebalance-completed");
  });

  it.each([
    [{ steps: [{ at: 0, do: "poll", client: "c9" }] }, 'steps[0].client: unknown client "c9"'],
    [{ clients: [{ id: "p1", kind: "producer" }], steps: [{ at: 5, do: "produce", client: "p1", topic: "t", key: "k", value: "v" }, { at: 4, do: "runRetention" }] }, "steps[1].at: time goes backwards (4 < 5)"],
    [{ topics: [{ name: "t", partitions: 1, config: { "retention.msec": 5 } }] }, "topics[0].config"],
    [{ clients: [{ id: "c1", kind: "consumer", config: { "group.idd": "g" } }] }, 'clients[0].config.group.idd: unknown config "group.idd"'],
    [{ broker: { "log.retention.check.intervall.ms": 5 } }, "broker.log.retention.check.intervall.ms"],
    [{ steps: [{ at: 0, do: "fly" }] }, 'steps[0].do: unknown step "fly"'],
    [{ topics: [{ name: "t", partitions: 0 }] }, "topics[0].partitions"],
    ["{ not json", "(root): invalid JSON"],
  ])("refuses an invalid scenario with exit 2, one line naming the path and no stdout (%#)", (scenario, expected) => {
    const out = sim([file("bad.json", scenario)]);
    expect(out.status).toBe(2);
    expect(out.stdout).toBe("");
    expect(out.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(out.stderr).toContain(expected);
  });

  it("answers a missing file and a bad option with exit 2", () => {
    expect(sim([path.join(dir, "missing.json")]).status).toBe(2);
    expect(sim(["--verbose", "x.json"]).status).toBe(2);
  });
});

describe("observation order", () => {
  it("lists committed offsets by topic, then partition number (t-2 before t-10)", () => {
    const obs = run({
      topics: [{ name: "t", partitions: 12 }],
      clients: [{ id: "c1", kind: "consumer", subscribe: ["t"], config: { "group.id": "g", "enable.auto.commit": false } }],
      steps: [{ at: 0, do: "start", client: "c1" }, { at: 0, do: "commit", client: "c1", offsets: { "t-10": 0, "t-2": 0, "t-1": 0 } }],
    });
    expect(Object.keys(obs.groups.g!.committed)).toEqual(["t-1", "t-2", "t-10"]);
  });
});
