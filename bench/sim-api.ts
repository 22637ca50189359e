/**
 * "Try it" sessions through the HTTP API of the app `npm start` runs (embedded database): the
 * median round trip of one command (against `/healthz` on the same server), and the time to reload
 * a session of 1,000 commands (against reloading a fresh one).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startApp } from "../scripts/lib/run-app";
import { SNAPSHOT_EVERY } from "../lib/try-it/limits";
import type { BenchResult } from "./lib/report";

const PANEL = { guide: "kafka", lesson: "production-reality", scenario: "at-least-once" };

class Browser {
  private cookie = "";
  constructor(private base: string) {}

  /** The same browser (cookies kept) talking to a restarted server. */
  rebase(base: string): void {
    this.base = base;
  }

  async call(path: string, json?: unknown): Promise<{ status: number; body: unknown; ms: number }> {
    const t0 = process.hrtime.bigint();
    const res = await fetch(this.base + path, {
      method: json === undefined ? "GET" : "POST",
      headers: { ...(json === undefined ? {} : { "content-type": "application/json" }), ...(this.cookie ? { cookie: this.cookie } : {}), origin: this.base },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    const body: unknown = await res.json().catch(() => null);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const set = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    if (set) this.cookie = set;
    return { status: res.status, body, ms };
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A realistic panel command: a payment, then c1 polls and charges it. */
const cycle = (i: number) => [
  { do: "produce", client: "p1", topic: "payments", key: `A${1000 + i}`, value: String(i) },
  { do: "poll", client: "c1" },
  { do: "process", client: "c1" },
];

async function drive(b: Browser, id: string, count: number, times?: number[]): Promise<number> {
  let version = 0;
  for (let i = 0; version < count; i++) {
    for (const command of cycle(i)) {
      if (version >= count) break;
      const r = await b.call(`/api/sim/sessions/${id}/commands`, { command, expectedVersion: version });
      if (r.status !== 200) throw new Error(`command ${version}: ${r.status} ${JSON.stringify(r.body)}`);
      times?.push(r.ms);
      version = (r.body as { version: number }).version;
    }
  }
  return version;
}

export async function benchSimApi(): Promise<BenchResult> {
  let app = await startApp({ dataDir: mkdtempSync(path.join(tmpdir(), "guides-bench-")) });
  try {
    const health = new Browser(app.baseUrl);
    for (let i = 0; i < 50; i++) await health.call("/healthz");
    const healthTimes: number[] = [];

    const b = new Browser(app.baseUrl);
    const opened = await b.call("/api/sim/sessions", PANEL);
    const id = (opened.body as { sessionId: string }).sessionId;
    await drive(b, id, 50);
    const times: number[] = [];
    // Measured in alternation with /healthz, so a noisy neighbour hurts both alike.
    let version = 50;
    for (let i = 0; i < 200; i++) {
      const command = cycle(i)[i % 3]!;
      const r = await b.call(`/api/sim/sessions/${id}/commands`, { command, expectedVersion: version });
      if (r.status !== 200) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
      version = (r.body as { version: number }).version;
      times.push(r.ms);
      healthTimes.push((await health.call("/healthz")).ms);
    }

    // Long sessions, then a restart on the same data: the first reload of each is cold (latest
    // snapshot + replays, nothing cached), as after a deploy or on another instance.
    const longs: { browser: Browser; id: string }[] = [];
    for (let i = 0; i < 4; i++) {
      const browser = new Browser(app.baseUrl);
      const id = ((await browser.call("/api/sim/sessions", PANEL)).body as { sessionId: string }).sessionId;
      await drive(browser, id, 999);
      longs.push({ browser, id });
    }
    const fresh = new Browser(app.baseUrl);
    const freshIds: string[] = [];
    for (let i = 0; i < 4; i++) freshIds.push(((await fresh.call("/api/sim/sessions", PANEL)).body as { sessionId: string }).sessionId);
    await app.stop({ keepData: true });
    app = await startApp({ dataDir: app.dataDir });
    // The first requests load and compile code: warm the route on a fresh session and the replay on
    // one long session, so the figures below measure the missing cache, not a cold process.
    fresh.rebase(app.baseUrl);
    for (let i = 0; i < 3; i++) await fresh.call(`/api/sim/sessions/${freshIds[0]}`);
    const warmer = longs.shift()!;
    warmer.browser.rebase(app.baseUrl);
    await warmer.browser.call(`/api/sim/sessions/${warmer.id}`);
    const reload: number[] = [];
    const reloadFresh: number[] = [];
    for (const [i, { browser, id }] of longs.entries()) {
      browser.rebase(app.baseUrl);
      const r = await browser.call(`/api/sim/sessions/${id}`);
      if (r.status !== 200 || (r.body as { version: number }).version !== 999) throw new Error(`reload after restart: ${r.status}`);
      reload.push(r.ms);
      reloadFresh.push((await fresh.call(`/api/sim/sessions/${freshIds[i + 1]}`)).ms);
    }
    const roundTrip = median(times);
    const reloaded = median(reload);
    return {
      name: "Try it sessions API (issue 7)",
      figures: [
        { name: "median command round trip (POST …/commands, embedded database)", value: roundTrip, unit: "ms", baseline: { name: "GET /healthz, same server", value: median(healthTimes) }, target: "< 20 ms", pass: roundTrip < 20 },
        { name: "reload a session of 999 commands after a restart (GET …/{id}, cold)", value: reloaded, unit: "ms", baseline: { name: "first reload of a fresh session, same restart", value: median(reloadFresh) }, target: "< 100 ms", pass: reloaded < 100 },
      ],
      notes: [
        "200 commands (produce a payment, c1 polls, c1 charges) on a session already 50 commands long, each followed by a /healthz request; medians.",
        `A session is rebuilt from its latest snapshot (every ${SNAPSHOT_EVERY} commands) plus the commands after it: 999 commands = the snapshot at ${999 - (999 % SNAPSHOT_EVERY)} and ${999 % SNAPSHOT_EVERY} replays; the reload also reads the latest timeline lines. The command's rate limits are counted in the same statement that reads the session. After the app restarts on the same data, three such sessions are reloaded once each (median; nothing of them is cached), after one more warmed the code; the sessions survive the restart.`,
      ],
    };
  } finally {
    await app.stop();
    rmSync(app.dataDir, { recursive: true, force: true });
  }
}
