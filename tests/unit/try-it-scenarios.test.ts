/**
 * "Try it" scenario files (content/try-it): every shipped file loads and runs through the engine,
 * broken files are reported by field, and goals are detected from what the learner does.
 */
import { describe, expect, it } from "vitest";
import { createCluster, sinkRows, step, type Command } from "@/lib/sim";
import { checkTryItScenario, loadTryItScenarios } from "@/lib/try-it/load";
import { tryItScenarioSchema, type TryItScenario } from "@/lib/try-it/schemas";
import { drive } from "./helpers/try-it";

const { scenarios, problems } = loadTryItScenarios();
const atLeastOnce = scenarios.get("at-least-once")!;

describe("shipped scenario files", () => {
  it("all load without problems", () => {
    expect(problems).toEqual([]);
    expect([...scenarios.keys()]).toContain("at-least-once");
  });
});

describe("checkTryItScenario", () => {
  const broken = (patch: (s: TryItScenario) => void) => {
    const copy = structuredClone(atLeastOnce);
    patch(copy);
    return checkTryItScenario(tryItScenarioSchema.parse(copy));
  };

  it("reports a control naming an unknown client", () => {
    expect(broken((s) => (s.controls[0]!.command = { do: "poll", client: "c9" }))).toEqual(['controls[0].command.client: unknown client "c9"']);
  });

  it("reports a control of the wrong client kind", () => {
    expect(broken((s) => (s.controls[0]!.command = { do: "poll", client: "p1" }))[0]).toMatch(/^controls\[0\]\.command\.client: "p1" is a producer/);
  });

  it("reports a goal about a sink nobody writes to", () => {
    expect(broken((s) => (s.goals[0]!.when = { sink: "refunds", duplicates: { atLeast: 1 } }))).toEqual(['goals[0].when.sink: no consumer writes to a sink named "refunds"']);
  });

  it("reports a starting cluster the engine refuses, with its path", () => {
    expect(broken((s) => ((s.scenario.topics as { partitions: number }[])[0]!.partitions = 0))[0]).toMatch(/^scenario\.topics\[0\]\.partitions/);
  });

  it("refuses a control with its own time: controls run when pressed", () => {
    const copy = structuredClone(atLeastOnce);
    copy.controls[0]!.command = { do: "poll", client: "c1", at: 5000 };
    const parsed = tryItScenarioSchema.safeParse(copy);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.path.join("."))).toEqual(["controls.0.command.at"]);
  });

  it("refuses duplicate control ids", () => {
    expect(broken((s) => (s.controls[1]!.id = s.controls[0]!.id))).toContain('controls[1].id: "c1-poll" is used twice');
  });
});

describe("goals of at-least-once", () => {
  it("reaches 'charged twice' only once c2 has charged the payments c1 charged before crashing", () => {
    const run = drive(atLeastOnce, [
      [100, "c1-poll"],
      [100, "c1-process"],
      [1000, "c1-crash"],
      [30000, "c2-poll"],
      [50000, "c2-poll"],
      [50000, "c2-process"],
    ]);
    expect(run.after.slice(0, 5)).toEqual([[], [], [], [], []]);
    expect(run.reached).toEqual(["charged-twice"]);
    expect(sinkRows(run.state, "charges").map((r) => r.key)).toEqual(["A100", "A101", "A100", "A101"]);
  });

  it("reaches 'exactly once' when both consumers upsert by payment id before the crash", () => {
    const run = drive(atLeastOnce, [
      [0, "c1-upsert"],
      [0, "c2-upsert"],
      [100, "c1-poll"],
      [100, "c1-process"],
      [1000, "c1-crash"],
      [50000, "c2-poll"],
      [50000, "c2-process"],
    ]);
    expect(run.reached).toEqual(["duplicate-harmless"]);
    expect(sinkRows(run.state, "charges").map((r) => [r.key, r.writes])).toEqual([["A100", 2], ["A101", 2]]);
  });

  it("does not call a clean run (no crash) exactly-once", () => {
    const run = drive(atLeastOnce, [
      [0, "c1-upsert"],
      [100, "c1-poll"],
      [100, "c1-process"],
      [100, "c1-commit"],
    ]);
    expect(run.reached).toEqual([]);
  });
});

describe("setSink (the application redeployed with another write)", () => {
  it("turns later duplicates into overwrites of the same row", () => {
    const created = createCluster({
      topics: [{ name: "t", partitions: 1 }],
      clients: [{ id: "p1", kind: "producer" }, { id: "c1", kind: "consumer", subscribe: ["t"], config: { "group.id": "g", "auto.offset.reset": "earliest", "enable.auto.commit": false }, sink: { name: "s", mode: "insert" } }],
    });
    if (!created.ok) throw new Error(created.error.message);
    const commands: Command[] = [
      { do: "produce", client: "p1", topic: "t", key: "k", value: "1" },
      { do: "poll", client: "c1" },
      { do: "process", client: "c1" },
      { do: "seek", client: "c1", topic: "t", partition: 0, offset: 0 },
      { do: "setSink", client: "c1", sink: { name: "s", mode: "upsert", key: "key" } },
      { do: "poll", client: "c1" },
      { do: "process", client: "c1" },
    ];
    const state = commands.reduce((s, c) => {
      const r = step(s, c);
      if (!r.ok) throw new Error(r.error.message);
      return r.value.state;
    }, created.value);
    expect(sinkRows(state, "s").map((r) => [r.key, r.writes])).toEqual([["k", 2]]);
  });
});
