/**
 * A "try it" session survives a restart of the app: a learner drives the at-least-once panel past
 * its "charged twice" goal and past a snapshot, the app stops and a new one starts on the same
 * data directory; signed in again, the learner gets the same session back (version, view, goal),
 * and it goes on from there (the next command moves the version, a stale one gets 409).
 */
import { rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SNAPSHOT_EVERY } from "@/lib/try-it/limits";
import type { SessionPayload } from "@/lib/try-it/payload";
import { startApp, type RunningApp } from "../../scripts/lib/run-app";
import { AT_LEAST_ONCE_PANEL, CHARGED_TWICE_PATH } from "../fixtures/try-it-paths";
import { Client } from "./helpers/http-client";

const PANEL = AT_LEAST_ONCE_PANEL;
const LEARNER = { email: "learner@example.com", password: "demo-learner-2026" };

// The lesson's crash path (charged twice on its last step), then the clock moves on in 1 s steps,
// so the state after the restart is rebuilt from a snapshot plus the commands after it.
const CRASH_PATH = CHARGED_TWICE_PATH;
// Past a snapshot and then some: the reload after the restart rebuilds from the snapshot plus replays.
const COMMANDS = [...CRASH_PATH, ...Array.from({ length: SNAPSHOT_EVERY + 2 }, (_, i) => ({ do: "advance", at: 51000 + i * 1000 }))];

async function signedIn(app: RunningApp): Promise<Client> {
  const client = new Client(undefined, app.baseUrl);
  await client.signIn(LEARNER.email, LEARNER.password);
  expect(client.signedIn).toBe(true);
  return client;
}

async function open(client: Client): Promise<SessionPayload> {
  const res = await client.request("/api/sim/sessions", { method: "POST", json: PANEL });
  expect(res.status).toBe(200);
  return (await res.json()) as SessionPayload;
}

function send(client: Client, id: string, command: unknown, expectedVersion: number): Promise<Response> {
  return client.request(`/api/sim/sessions/${id}/commands`, { method: "POST", json: { command, expectedVersion } });
}

describe("sim sessions across a restart", () => {
  it("continues a learner's session on a new app on the same data: same version, view and goals", async () => {
    const first = await startApp();
    let second: RunningApp | undefined;
    try {
      const client = await signedIn(first);
      let last = await open(client);
      for (const command of COMMANDS) {
        const res = await send(client, last.sessionId, command, last.version);
        expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
        last = (await res.json()) as SessionPayload;
      }
      expect(last.version).toBe(COMMANDS.length);
      expect(last.goals.find((g) => g.id === "charged-twice")!.reachedAt).not.toBeNull();
      expect(await first.stop({ keepData: true })).toBe(0);

      second = await startApp({ dataDir: first.dataDir });
      const learner = await signedIn(second);
      const res = await learner.request(`/api/sim/sessions/${last.sessionId}`);
      expect(res.status).toBe(200);
      const reloaded = (await res.json()) as SessionPayload;
      expect(reloaded.version).toBe(last.version);
      expect(reloaded.view).toEqual(last.view);
      expect(reloaded.goals).toEqual(last.goals);

      const next = await send(learner, last.sessionId, { do: "advance", at: 100_000 }, reloaded.version);
      expect(next.status).toBe(200);
      expect(((await next.json()) as SessionPayload).version).toBe(reloaded.version + 1);
      expect((await send(learner, last.sessionId, { do: "advance", at: 100_000 }, reloaded.version)).status).toBe(409);

      const again = await open(learner);
      expect([again.sessionId, again.version]).toEqual([last.sessionId, reloaded.version + 1]);
    } finally {
      await first.stop({ keepData: true });
      await second?.stop();
      rmSync(first.dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
