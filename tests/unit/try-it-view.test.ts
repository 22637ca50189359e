/**
 * The panel's view and timeline, computed from engine state and events: markers, duplicates,
 * which controls the engine would accept, the text alternative, and the lesson-style timeline.
 */
import { describe, expect, it } from "vitest";
import { parseScenario, runScenario, step, type ClusterState, type Command, type SimEvent } from "@/lib/sim";
import { loadTryItScenarios } from "@/lib/try-it/load";
import { timeline } from "@/lib/try-it/timeline";
import { panelView, RECORDS_SHOWN } from "@/lib/try-it/view";

const scenario = loadTryItScenarios().scenarios.get("at-least-once")!;

function start(): ClusterState {
  const parsed = parseScenario(scenario.scenario);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const ran = runScenario(parsed.value);
  if (!ran.ok) throw new Error(ran.error.message);
  return ran.value.state;
}

function drive(state: ClusterState, commands: [number, string][]): { state: ClusterState; events: SimEvent[] } {
  const events: SimEvent[] = [];
  for (const [at, id] of commands) {
    const result = step(state, { ...scenario.controls.find((c) => c.id === id)!.command, at } as Command);
    if (!result.ok) throw new Error(`${id}: ${result.error.message}`);
    state = result.value.state;
    events.push(...result.value.events);
  }
  return { state, events };
}

const crashRun = () => drive(start(), [[100, "c1-poll"], [100, "c1-process"], [1000, "c1-crash"], [50000, "c2-poll"], [50000, "c2-process"], [50000, "c2-commit"]]);

describe("panelView", () => {
  it("draws the log with its markers: offsets, committed offsets and positions", () => {
    const view = panelView(scenario, crashRun().state);
    const p = view.partitions.find((x) => x.topic === "payments")!;
    expect(p.records.map((r) => [r.offset, r.key])).toEqual([[0, "A100"], [1, "A101"]]);
    expect([p.logStartOffset, p.logEndOffset, p.highWatermark]).toEqual([0, 2, 2]);
    expect(p.committed).toEqual([{ group: "billing", offset: 2 }]);
    expect(p.positions).toEqual([{ client: "c2", offset: 2 }]);
    // Two one-record batches of 68 + 4 (key) + 2 (value) bytes.
    expect(p.segments).toEqual([{ baseOffset: 0, sizeBytes: 148 }]);
  });

  it("flags the second charge of a record as a duplicate", () => {
    const view = panelView(scenario, crashRun().state);
    expect(view.sinks[0]!.rows.map((r) => [r.key, r.client, r.duplicate])).toEqual([["A100", "c1", false], ["A101", "c1", false], ["A100", "c2", true], ["A101", "c2", true]]);
  });

  it("asks the engine which controls would run now, with its reason when not", () => {
    const { state } = drive(start(), [[1000, "c1-crash"]]);
    const controls = Object.fromEntries(panelView(scenario, state).controls.map((c) => [c.id, c]));
    expect(controls["c1-poll"]).toMatchObject({ enabled: false, reason: 'client "c1" has crashed; restart it first', command: { do: "poll", client: "c1" } });
    expect(controls["c1-restart"]!.enabled).toBe(true);
    expect(controls["c2-poll"]!.enabled).toBe(true);
  });

  it("knows when the next background event is due (c1's session expiry)", () => {
    const { state } = drive(start(), [[100, "c1-poll"], [1000, "c1-crash"]]);
    expect(panelView(scenario, state).nextEventAt).toBe(45100);
  });

  it("gives a text alternative for screen readers", () => {
    const view = panelView(scenario, crashRun().state);
    expect(view.summary).toContain("payments-0: offsets 0 to 1, 1 segment(s), log end offset 2; records 0 A100=42, 1 A101=17; group billing committed 2, c2 at 2.");
    expect(view.partitions[0]!.description).toBe(view.summary[0]);
    expect(view.summary).toContain("c1 is crashed, owns nothing.");
    expect(view.summary).toContain("charges: 4 row(s), 2 duplicate(s).");
  });

  it(`shows the newest ${RECORDS_SHOWN} records of a long log and counts the others`, () => {
    const state = drive(start(), Array.from({ length: 100 }, (_, i) => [i, "produce"] as [number, string])).state;
    const p = panelView(scenario, state).partitions[0]!;
    expect(p.records).toHaveLength(RECORDS_SHOWN);
    expect(p.records[0]!.offset).toBe(102 - RECORDS_SHOWN);
    expect(p.hidden).toBe(102 - RECORDS_SHOWN);
    expect(p.description).toContain(`records (the newest ${RECORDS_SHOWN}) ${102 - RECORDS_SHOWN} `);
  });
});

describe("timeline", () => {
  it("tells the at-least-once story from the engine's events", () => {
    const lines = timeline(crashRun().events);
    const texts = lines.map((l) => l.text);
    const order = ["c1 reads offsets 0–1 from payments-0", "c1 writes A100 to charges ✅", "c1 CRASHES (no commit, no LeaveGroup)", "billing: c1 session timed out (no heartbeat) → removed", "c2 starts payments-0 at 0 (no committed offset → auto.offset.reset)", "c2 writes A100 to charges AGAIN → twice ❌", "c2 commits payments-0 → 2"];
    const positions = order.map((t) => texts.indexOf(t));
    expect(positions.every((p) => p >= 0), JSON.stringify(texts, null, 1)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(lines.find((l) => l.text.includes("AGAIN"))).toMatchObject({ at: 50000, tone: "bad" });
  });

  it("calls an upsert of a redelivered record harmless", () => {
    const { events } = drive(start(), [[0, "c1-upsert"], [0, "c2-upsert"], [100, "c1-poll"], [100, "c1-process"], [1000, "c1-crash"], [50000, "c2-poll"], [50000, "c2-process"]]);
    expect(timeline(events).filter((l) => l.text.includes("harmless")).map((l) => l.text)).toEqual([
      "c2 upserts A100 into charges (same row, harmless) ✅",
      "c2 upserts A101 into charges (same row, harmless) ✅",
    ]);
  });
});
