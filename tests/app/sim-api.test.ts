/**
 * The "try it" sessions API over HTTP on the running app: open (a first-time reader becomes a
 * guest), drive, reload, two tabs (409), undo, reset, refused and malformed commands, other
 * people's sessions (404), cross-site requests (403) and request limits.
 */
import { describe, expect, it } from "vitest";
import type { SessionPayload } from "@/lib/try-it/payload";
import { AT_LEAST_ONCE_PANEL, CHARGED_TWICE_PATH } from "../fixtures/try-it-paths";
import { Client } from "./helpers/http-client";

type ErrorBody = { error: { code: string; message: string; fieldErrors?: Record<string, string[]> } };
type CommandBody = SessionPayload & { events: { type: string; stdout?: string; exitCode?: number }[]; goalsReached: string[] };

const PANEL = AT_LEAST_ONCE_PANEL;

async function open(client: Client): Promise<SessionPayload> {
  const res = await client.request("/api/sim/sessions", { method: "POST", json: PANEL });
  expect(res.status).toBe(200);
  return (await res.json()) as SessionPayload;
}

async function send(client: Client, id: string, command: unknown, expectedVersion: number): Promise<Response> {
  return client.request(`/api/sim/sessions/${id}/commands`, { method: "POST", json: { command, expectedVersion } });
}

async function play(client: Client, id: string, commands: readonly unknown[], from = 0): Promise<CommandBody> {
  let body: CommandBody | undefined;
  let version = from;
  for (const command of commands) {
    const res = await send(client, id, command, version);
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
    body = (await res.json()) as CommandBody;
    version = body.version;
  }
  return body!;
}

const CRASH_PATH = CHARGED_TWICE_PATH;

describe("sim sessions API", () => {
  it("opens a session for a first-time reader (a guest) at the scenario's start, and continues it on reload", async () => {
    const client = new Client();
    const first = await open(client);
    expect(first.version).toBe(0);
    expect(first.view.partitions[0]).toMatchObject({ topic: "payments", logEndOffset: 2 });
    expect(first.goals.map((g) => [g.id, g.reachedAt, g.explain])).toEqual([["charged-twice", null, null], ["duplicate-harmless", null, null]]);
    await play(client, first.sessionId, CRASH_PATH.slice(0, 1));
    const again = await open(client);
    expect(again.sessionId).toBe(first.sessionId);
    expect(again.version).toBe(1);
    const reloaded = await client.request(`/api/sim/sessions/${first.sessionId}`);
    expect(((await reloaded.json()) as SessionPayload).view).toEqual(again.view);
  });

  it("plays the lesson's situation: charged twice, reported as a goal and in the timeline", async () => {
    const client = new Client();
    const { sessionId } = await open(client);
    const last = await play(client, sessionId, CRASH_PATH);
    expect(last.goalsReached).toEqual(["charged-twice"]);
    expect(last.goals.find((g) => g.id === "charged-twice")!.reachedAt).not.toBeNull();
    // The explanation comes with the goal reached, not before.
    expect(last.goals.find((g) => g.id === "charged-twice")!.explain).toMatch(/^c1 charged the cards and died before committing/);
    expect(last.goals.find((g) => g.id === "duplicate-harmless")!.explain).toBeNull();
    expect(last.view.sinks[0]!.rows.filter((r) => r.duplicate)).toHaveLength(2);
    expect(last.timeline.map((t) => t.text)).toContain("c2 writes A100 to charges AGAIN → twice ❌");
    const progress = await client.request("/api/guides/kafka/lessons/production-reality/progress");
    expect(((await progress.json()) as { progress: { tryItGoals: string[] } }).progress.tryItGoals).toEqual(["at-least-once:charged-twice"]);
  });

  it("runs a terminal command: its output comes back in the step's events, and a reload gets the timeline back", async () => {
    const client = new Client();
    const { sessionId } = await open(client);
    const ran = await play(client, sessionId, [{ do: "cli", command: "kafka-topics.sh --bootstrap-server localhost:9092 --describe --topic payments" }]);
    const cli = ran.events.find((e) => e.type === "cli")!;
    expect(cli.exitCode).toBe(0);
    expect(cli.stdout).toMatch(/^Topic: payments\tTopicId: \S+\tPartitionCount: 1\t/);
    const after = await play(client, sessionId, CRASH_PATH.slice(0, 1), 1);
    const reloaded = (await (await client.request(`/api/sim/sessions/${sessionId}`)).json()) as SessionPayload;
    expect(reloaded.timeline).toEqual([...ran.timeline, ...after.timeline]);
    expect(reloaded.timeline[0]!.text).toBe("$ kafka-topics.sh --bootstrap-server localhost:9092 --describe --topic payments");
  });

  it("answers 409 to the second of two tabs sending from the same version, and the session stays consistent", async () => {
    const client = new Client();
    const { sessionId } = await open(client);
    const [a, b] = await Promise.all([send(client, sessionId, { do: "poll", client: "c1", at: 100 }, 0), send(client, sessionId, { do: "poll", client: "c2", at: 100 }, 0)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const now = (await (await client.request(`/api/sim/sessions/${sessionId}`)).json()) as SessionPayload;
    expect(now.version).toBe(1);
  });

  it("undoes the last command and resets to the start", async () => {
    const client = new Client();
    const { sessionId, view: start } = await open(client);
    const one = await play(client, sessionId, CRASH_PATH.slice(0, 1));
    await play(client, sessionId, CRASH_PATH.slice(1, 2), 1);
    const undo = await client.request(`/api/sim/sessions/${sessionId}/undo`, { method: "POST", json: { expectedVersion: 2 } });
    expect(undo.status).toBe(200);
    expect(((await undo.json()) as SessionPayload).view).toEqual(one.view);
    const reset = await client.request(`/api/sim/sessions/${sessionId}/reset`, { method: "POST" });
    const body = (await reset.json()) as SessionPayload;
    expect([reset.status, body.version]).toEqual([200, 0]);
    expect(body.view).toEqual(start);
  });

  it.each([
    [{ command: { do: "poll", client: "c9" }, expectedVersion: 0 }, 422, "command.client"],
    [{ command: { do: "fly" }, expectedVersion: 0 }, 400, "command.do"],
    [{ command: { do: "poll", client: "c1" } }, 400, "expectedVersion"],
    [{ command: { do: "produce", client: "p1", topic: "payments", records: Array.from({ length: 101 }, () => ({ key: "k", value: "v" })) }, expectedVersion: 0 }, 400, "command.records"],
  ])("refuses %j with %i naming %s, storing nothing", async (json, status, field) => {
    const client = new Client();
    const { sessionId } = await open(client);
    const res = await client.request(`/api/sim/sessions/${sessionId}/commands`, { method: "POST", json });
    expect(res.status).toBe(status);
    expect(Object.keys(((await res.json()) as ErrorBody).error.fieldErrors ?? {})).toContain(field);
    expect(((await (await client.request(`/api/sim/sessions/${sessionId}`)).json()) as SessionPayload).version).toBe(0);
  });

  it("refuses a body over 16 kB before parsing it", async () => {
    const client = new Client();
    const { sessionId } = await open(client);
    const res = await client.request(`/api/sim/sessions/${sessionId}/commands`, { method: "POST", json: { command: { do: "cli", command: "x".repeat(20_000) }, expectedVersion: 0 } });
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorBody).error.fieldErrors).toHaveProperty("_body");
  });

  it("hides a session from everyone but its owner (404), and refuses cross-site requests (403)", async () => {
    const owner = new Client();
    const { sessionId } = await open(owner);
    const stranger = new Client();
    await open(stranger);
    for (const [path, method, json] of [
      [`/api/sim/sessions/${sessionId}`, "GET", undefined],
      [`/api/sim/sessions/${sessionId}/commands`, "POST", { command: { do: "poll", client: "c1" }, expectedVersion: 0 }],
      [`/api/sim/sessions/${sessionId}/reset`, "POST", undefined],
      [`/api/sim/sessions/${sessionId}/undo`, "POST", { expectedVersion: 0 }],
      [`/api/sim/sessions/${sessionId}/replay?step=0`, "GET", undefined],
    ] as const) {
      expect((await stranger.request(path, { method, json })).status, path).toBe(404);
      expect((await new Client().request(path, { method, json })).status, path).toBe(404);
    }
    const foreign = await owner.request(`/api/sim/sessions/${sessionId}/reset`, { method: "POST", headers: { origin: "https://evil.example" } });
    expect(foreign.status).toBe(403);
  });

  it("replays a session read-only for its owner and for an admin, step by step; 400 naming a bad step", async () => {
    const owner = new Client();
    const { sessionId } = await open(owner);
    await play(owner, sessionId, CRASH_PATH);
    const third = (await (await owner.request(`/api/sim/sessions/${sessionId}/replay?step=3`)).json()) as { steps: number; step: number; command: unknown; timeline: { text: string }[] };
    expect(third).toMatchObject({ steps: 5, step: 3, command: CRASH_PATH[2] });
    expect(third.timeline.map((t) => t.text)).toContain("c1 CRASHES (no commit, no LeaveGroup)");
    const admin = new Client();
    await admin.signIn("admin@example.com", "demo-admin-2026");
    expect((await admin.request(`/api/sim/sessions/${sessionId}/replay?step=5`)).status).toBe(200);
    for (const step of ["abc", "-1", "6"]) {
      const bad = await owner.request(`/api/sim/sessions/${sessionId}/replay?step=${step}`);
      expect(bad.status, step).toBe(400);
      expect(((await bad.json()) as ErrorBody).error.fieldErrors, step).toHaveProperty("step");
    }
    // Reading it changed nothing.
    expect(((await (await owner.request(`/api/sim/sessions/${sessionId}`)).json()) as SessionPayload).version).toBe(5);
  });

  it("answers 404 for a panel the lesson does not have", async () => {
    const res = await new Client().request("/api/sim/sessions", { method: "POST", json: { ...PANEL, lesson: "the-log" } });
    expect(res.status).toBe(404);
  });
});
