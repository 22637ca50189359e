/**
 * Instructor dashboard speed (issue 8, point 4), on the app `npm start` runs (embedded database,
 * production build), with a cohort of 500 learners following the Kafka guide:
 *   - the cohort page's server render (GET /instructor/cohorts/{id}, full HTML, as its signed-in
 *     instructor): the default page (25 learners by name) and one sorted by a lesson column with a
 *     status filter; median of 15 requests each, after warm-up;
 *   - the question analysis (GET /api/instructor/cohorts/{id}/questions): median of 15;
 *   - the attempts CSV (GET /api/instructor/cohorts/{id}/attempts.csv): time to read the whole body
 *     (median of 5), compared with the same export of a cohort of 50 learners;
 *   - the attempts CSV's memory, for a third cohort of 5,000 learners (~80k rows, ~14 MB of CSV;
 *     used for nothing else) compared with the 500-learner cohort's export (10× fewer rows), each
 *     export on a freshly started server: the memory the Next.js server holds while the body
 *     streams, i.e. its live memory (JS heap in use + external memory, process.memoryUsage(), right
 *     after a full garbage collection) probed every 250 ms through the server's inspector (opened
 *     with SIGUSR1 after the RSS downloads), above the same just before the request. A streamed
 *     export holds about as much either way, a buffered one at least its whole CSV, 10× more.
 *     Also reported, without a target: the server's resident memory (RSS, sampled every 20 ms from
 *     /proc) above its idle RSS. RSS cannot tell the two apart: it holds each download's garbage
 *     until V8's next major collection, so it grows with the bytes produced, streamed or not.
 * Every figure has a baseline measured in the same run (GET /healthz, a prerendered route, or a
 * smaller cohort's export); requests of different kinds are interleaved so a noisy neighbour hurts
 * them alike.
 *
 * Data: the app starts once (migrations, demo seed), the demo instructor signs in and creates the
 * three cohorts through the API, the app stops, the 500- and 50-learner cohorts' learners and their
 * records are bulk-inserted into its data directory (bench/lib/instructor-seed.ts: seeded PRNG, real
 * quiz definitions), and the app starts again on the same data for the speed figures. The
 * 5,000-learner cohort's learners are inserted the same way after those, while the app is stopped
 * again, so the speed figures run on the same data as without them (their cohort, still empty,
 * exists from the start). Nothing is ANALYZEd by hand: the embedded database refreshes its planner
 * statistics itself when it starts (scripts/db/serve-embedded.ts), as a real `npm start`
 * deployment does.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client as PgClient } from "pg";
import { startEmbeddedPostgres } from "../scripts/db/embedded-postgres";
import { DEMO_ACCOUNTS, DEMO_COHORT } from "../scripts/db/demo-accounts";
import { CookieClient } from "../scripts/lib/cookie-client";
import { freePort, startApp, type RunningApp } from "../scripts/lib/run-app";
import { Inspector, liveMemory } from "./lib/inspector";
import { nextServerPid, rss } from "./lib/server-process";
import { generateCohort, insertCohort, loadSeedContent, type CohortData, type SeedContent } from "./lib/instructor-seed";
import type { BenchResult } from "./lib/report";

const GUIDE = "kafka";
const BIG = 500;
const SMALL = 50;
/** The cohort of the CSV memory figure only: 10× the rows of BIG's export. */
const LARGE = 5000;
const ROUNDS = 15;
const CSV_ROUNDS = 5;
const CSV_MEMORY_DOWNLOADS = 3;
/**
 * Downloads probed for live memory: at least HELD_DOWNLOADS, and more until HELD_PROBES probes in
 * all (a short export gets one or two per download). Each probe's full garbage collection pauses
 * the server for a few hundred ms, so a long export gets only the two.
 */
const HELD_DOWNLOADS = 2;
const HELD_PROBES = 10;
const SAMPLE_MS = 20;
/** Pause between two probes of the server's live memory (each a full garbage collection). */
const PROBE_MS = 250;
/** Slack for the held-memory target (see the figure's note). */
const HELD_SLACK_MB = 5;
const MB = 2 ** 20;
/** The matrix sorted by a lesson column, with a status filter. */
const SORTED = `?sort=${encodeURIComponent(`lesson:${GUIDE}/offsets-and-commits`)}&dir=desc&status=quiz-passed`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

/** A browser (the shared cookie-jar client) sending same-origin requests to an app that may restart on another port. */
class Browser extends CookieClient {
  private readonly target: { base: string };

  constructor(base: string) {
    const target = { base };
    super(() => target.base);
    this.target = target;
  }

  rebase(base: string): void {
    this.target.base = base;
  }

  override async request(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("origin", this.target.base);
    return super.request(path, { ...init, headers });
  }

  /** Signs in with next-auth's credentials; fails unless a session cookie comes back. */
  async signInOrFail(email: string, password: string): Promise<void> {
    const res = await this.signIn(email, password);
    await res.arrayBuffer();
    if (!this.signedIn) throw new Error(`sign-in as ${email} failed: ${res.status}`);
  }

  /** GET `path`, reading the whole body; fails on anything but 200. */
  async timed(path: string): Promise<{ ms: number; body: string }> {
    const t0 = process.hrtime.bigint();
    const res = await this.request(path);
    const body = await res.text();
    const elapsed = ms(t0);
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${body.slice(0, 300)}`);
    return { ms: elapsed, body };
  }
}

interface Download {
  ms: number;
  ttfbMs: number;
  bytes: number;
  rows: number;
  idleRss: number;
  peakRss: number;
}

/** Downloads `path` whole, counting bytes and lines, sampling the server's RSS every SAMPLE_MS. */
async function download(browser: Browser, path: string, serverPid: number): Promise<Download> {
  // Idle: the median of a few samples just before the request.
  const idle: number[] = [];
  for (let i = 0; i < 5; i++) {
    idle.push(rss(serverPid));
    await new Promise((r) => setTimeout(r, SAMPLE_MS));
  }
  const idleRss = median(idle);
  let peakRss = idleRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rss(serverPid));
  }, SAMPLE_MS);
  try {
    const t0 = process.hrtime.bigint();
    const res = await browser.request(path);
    if (res.status !== 200 || !res.body) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    let ttfbMs = 0;
    let bytes = 0;
    let lines = 0;
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (bytes === 0) ttfbMs = ms(t0);
      bytes += value.length;
      for (let i = value.indexOf(10); i !== -1; i = value.indexOf(10, i + 1)) lines++;
    }
    const elapsed = ms(t0);
    peakRss = Math.max(peakRss, rss(serverPid));
    // Rows without the header (attempts.csv has no line breaks inside cells).
    return { ms: elapsed, ttfbMs, bytes, rows: lines - 1, idleRss, peakRss };
  } finally {
    clearInterval(sampler);
  }
}

// --- What the Next.js server holds, through its inspector -------------------------------------


interface HeldDownload {
  /** Live memory just before the request. */
  idle: number;
  /** The most live memory found while the response was produced and read. */
  peak: number;
  probes: number;
  ms: number;
  rows: number;
}

/** Downloads `path` whole while measuring the server's live memory every PROBE_MS (each probe a full GC). */
async function heldDownload(browser: Browser, path: string, inspector: Inspector): Promise<HeldDownload> {
  const idle = await liveMemory(inspector);
  let peak = idle;
  let probes = 0;
  let done = false;
  const prober = (async () => {
    while (!done) {
      await new Promise((r) => setTimeout(r, PROBE_MS));
      if (done) break;
      peak = Math.max(peak, await liveMemory(inspector));
      probes++;
    }
  })();
  let body: string;
  let elapsed: number;
  try {
    const t0 = process.hrtime.bigint();
    const res = await browser.request(path);
    body = await res.text();
    elapsed = ms(t0);
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${body.slice(0, 300)}`);
  } finally {
    done = true;
    await prober;
  }
  // Rows without the header and the empty string after the last line break.
  return { idle, peak, probes, ms: elapsed, rows: body.split("\n").length - 2 };
}

// --- Data ------------------------------------------------------------------------------------

interface Seeded {
  id: string;
  data: CohortData;
}

async function createCohort(browser: Browser, name: string): Promise<string> {
  const res = await browser.request("/api/instructor/cohorts", { method: "POST", json: { name, guides: [GUIDE] } });
  const body = (await res.json()) as { id?: string };
  if (res.status !== 201 || !body.id) throw new Error(`creating cohort "${name}": ${res.status} ${JSON.stringify(body)}`);
  return body.id;
}

/** Opens the stopped app's data directory and bulk-inserts the cohorts' learners. */
async function seed(dataDir: string, content: SeedContent, now: Date, cohorts: { id: string; learners: number; seed: number; tag: string }[]): Promise<{ seeded: Seeded[]; ms: number; generateMs: number }> {
  const t0 = process.hrtime.bigint();
  let generateMs = 0;
  const database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg") });
  const client = new PgClient({ connectionString: database.url });
  await client.connect();
  try {
    const seeded: Seeded[] = [];
    for (const c of cohorts) {
      const g0 = process.hrtime.bigint();
      const data = generateCohort(content, { learners: c.learners, seed: c.seed, now, tag: c.tag });
      generateMs += ms(g0);
      await insertCohort(client, c.id, GUIDE, data);
      seeded.push({ id: c.id, data });
    }
    return { seeded, ms: ms(t0), generateMs };
  } finally {
    await client.end();
    await database.stop();
  }
}

const counts = (d: CohortData) =>
  `${d.users.length} learners, ${d.progress.length} lesson_progress rows, ${d.attempts.length} quiz attempts (${d.attempts.filter((a) => a.passed).length} passed), ${d.answers.length} answers (${Math.round((100 * d.answers.filter((a) => a.correct).length) / d.answers.length)} % correct), ${d.ratings.length} page ratings (${d.ratings.filter((r) => r.comment).length} with a comment)`;

// --- The benchmark ---------------------------------------------------------------------------

/** Each learner's first attempt at each quiz, one response per question: what the question analysis must count. */
function firstAttemptAnswers(data: CohortData): number {
  const first = new Map<string, string>();
  // Attempts are generated in time order per learner and lesson.
  for (const a of data.attempts) if (!first.has(`${a.userId}/${a.lesson}`)) first.set(`${a.userId}/${a.lesson}`, a.id);
  const ids = new Set(first.values());
  return data.answers.filter((a) => ids.has(a.attemptId)).length;
}

interface ExportMemory {
  /** The most one download raised RSS above the idle RSS just before it (MB). */
  growth: number;
  /** The highest RSS of all downloads above the idle RSS before the first (MB). */
  overall: number;
  downloads: Download[];
  /** The most live memory one download added to what the server held just before it (MB). */
  held: number;
  helds: HeldDownload[];
}

/**
 * The server's memory for one export, from the same state each time: a freshly started server,
 * the CSV route warmed on the demo cohort, then CSV_MEMORY_DOWNLOADS downloads sampling its RSS,
 * then (its inspector opened) more probing its live memory (HELD_DOWNLOADS, HELD_PROBES).
 */
async function exportMemory(dataDir: string, browser: Browser, warmPath: string, path: string): Promise<ExportMemory> {
  // Where the server's inspector will listen; it stays closed until the RSS downloads are done.
  const inspectPort = await freePort();
  const app = await startApp({ dataDir, env: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --inspect-port=127.0.0.1:${inspectPort}`.trim() } });
  try {
    browser.rebase(app.baseUrl);
    const server = nextServerPid(app);
    for (let i = 0; i < 10; i++) await browser.timed("/healthz");
    for (let i = 0; i < 2; i++) await download(browser, warmPath, server);
    const downloads: Download[] = [];
    for (let i = 0; i < CSV_MEMORY_DOWNLOADS; i++) downloads.push(await download(browser, path, server));
    const inspector = await Inspector.attach(server, inspectPort);
    const helds: HeldDownload[] = [];
    try {
      while (helds.length < HELD_DOWNLOADS || helds.reduce((n, d) => n + d.probes, 0) < HELD_PROBES) {
        if (helds.length >= 10 * HELD_PROBES) throw new Error(`${path}: too few memory probes in ${helds.length} downloads`);
        helds.push(await heldDownload(browser, path, inspector));
      }
    } finally {
      inspector.close();
    }
    return {
      growth: Math.max(...downloads.map((d) => d.peakRss - d.idleRss)) / MB,
      overall: (Math.max(...downloads.map((d) => d.peakRss)) - downloads[0]!.idleRss) / MB,
      downloads,
      held: Math.max(...helds.map((d) => d.peak - d.idle)) / MB,
      helds,
    };
  } finally {
    await app.stop({ keepData: true });
  }
}

export async function benchInstructor(): Promise<BenchResult> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "guides-bench-instructor-"));
  let app: RunningApp | undefined;
  try {
    app = await startApp({ dataDir });
    const instructor = DEMO_ACCOUNTS.find((a) => a.email === DEMO_COHORT.instructor)!;
    const browser = new Browser(app.baseUrl);
    // Once per run: sign-ins are limited per account. The session survives the restarts below.
    await browser.signInOrFail(instructor.email, instructor.password);
    const bigId = await createCohort(browser, `Benchmark: ${BIG} learners`);
    const smallId = await createCohort(browser, `Benchmark: ${SMALL} learners`);
    const largeId = await createCohort(browser, `Benchmark: ${LARGE} learners`);
    const cohorts = ((await (await browser.request("/api/instructor/cohorts")).json()) as { cohorts: { id: string; name: string; memberCount: number }[] }).cohorts;
    const demo = cohorts.find((c) => c.name === DEMO_COHORT.name);
    if (!demo) throw new Error("the demo cohort is missing");
    await app.stop({ keepData: true });
    app = undefined;

    const content = loadSeedContent(GUIDE);
    const now = new Date();
    const { seeded, ms: seedMs } = await seed(dataDir, content, now, [
      { id: bigId, learners: BIG, seed: 2026, tag: "bench-big" },
      { id: smallId, learners: SMALL, seed: 8, tag: "bench-small" },
    ]);
    const [big, small] = seeded as [Seeded, Seeded];

    app = await startApp({ dataDir });
    browser.rebase(app.baseUrl);
    const page = (id: string, query = "") => `/instructor/cohorts/${id}${query}`;
    const apiOf = (id: string) => `/api/instructor/cohorts/${id}`;
    const questionsOf = (id: string) => `/api/instructor/cohorts/${id}/questions`;
    const csvOf = (id: string) => `/api/instructor/cohorts/${id}/attempts.csv`;

    // Warm-up: load every route (and fill the database's caches) before measuring.
    for (let i = 0; i < 20; i++) await browser.timed("/healthz");
    for (let i = 0; i < 3; i++) {
      for (const path of [page(demo.id), page(big.id), page(big.id, SORTED), apiOf(big.id), questionsOf(demo.id), questionsOf(big.id)]) await browser.timed(path);
    }
    const first = await browser.timed(page(big.id));
    const sorted = await browser.timed(page(big.id, SORTED));
    const analysis = JSON.parse((await browser.timed(questionsOf(big.id))).body) as { questions: { current: boolean; stats: { responses: number } }[] };
    const matrixRows = (html: string) => (html.match(/data-matrix-row=/g) ?? []).length;
    const responses = analysis.questions.filter((q) => q.current).reduce((n, q) => n + q.stats.responses, 0);
    if (responses !== firstAttemptAnswers(big.data)) throw new Error(`the question analysis counts ${responses} first-attempt answers of the current questions, expected ${firstAttemptAnswers(big.data)}`);

    // Measured: the kinds of request in alternation.
    const times = { health: [] as number[], dash: [] as number[], dashSorted: [] as number[], api: [] as number[], questions: [] as number[], demoDash: [] as number[], demoQuestions: [] as number[] };
    for (let i = 0; i < ROUNDS; i++) {
      times.health.push((await browser.timed("/healthz")).ms);
      times.dash.push((await browser.timed(page(big.id))).ms);
      times.health.push((await browser.timed("/healthz")).ms);
      times.dashSorted.push((await browser.timed(page(big.id, SORTED))).ms);
      times.health.push((await browser.timed("/healthz")).ms);
      times.questions.push((await browser.timed(questionsOf(big.id))).ms);
      times.api.push((await browser.timed(apiOf(big.id))).ms);
      times.demoDash.push((await browser.timed(page(demo.id))).ms);
      times.demoQuestions.push((await browser.timed(questionsOf(demo.id))).ms);
    }

    // The CSV's speed: one download of each to warm the route, then small and big in alternation.
    const server = nextServerPid(app);
    await download(browser, csvOf(small.id), server);
    await download(browser, csvOf(big.id), server);
    const bigs: Download[] = [];
    const smalls: Download[] = [];
    for (let i = 0; i < CSV_ROUNDS; i++) {
      smalls.push(await download(browser, csvOf(small.id), server));
      bigs.push(await download(browser, csvOf(big.id), server));
    }
    for (const [d, data] of [
      [bigs[0]!, big.data],
      [smalls[0]!, small.data],
    ] as const) {
      if (d.rows !== data.answers.length) throw new Error(`attempts.csv has ${d.rows} rows, expected ${data.answers.length}`);
    }
    const warmGrowth = (ds: Download[]) => Math.max(...ds.map((d) => (d.peakRss - d.idleRss) / MB));
    const warm = { big: warmGrowth(bigs), small: warmGrowth(smalls), idle: bigs[0]!.idleRss / MB };
    await app.stop({ keepData: true });
    app = undefined;

    // The CSV's memory: the 5,000-learner cohort joins the data, then each export on a freshly started server.
    const largeSeed = await seed(dataDir, content, now, [{ id: largeId, learners: LARGE, seed: 5000, tag: "bench-large" }]);
    const large = largeSeed.seeded[0]!;
    const bigMemory = await exportMemory(dataDir, browser, csvOf(demo.id), csvOf(big.id));
    const largeMemory = await exportMemory(dataDir, browser, csvOf(demo.id), csvOf(large.id));
    for (const [m, data] of [
      [bigMemory, big.data],
      [largeMemory, large.data],
    ] as const) {
      for (const d of [...m.downloads, ...m.helds]) if (d.rows !== data.answers.length) throw new Error(`attempts.csv has ${d.rows} rows, expected ${data.answers.length}`);
    }
    const memoryLimit = 2 * bigMemory.held + HELD_SLACK_MB;

    const health = median(times.health);
    const dash = median(times.dash);
    const dashSorted = median(times.dashSorted);
    const questions = median(times.questions);
    const csvMs = median(bigs.map((d) => d.ms));
    const kb = (n: number) => `${Math.round(n / 1024)} kB`;
    const mb = (n: number) => `${(n / MB).toFixed(1)} MB`;
    const list = (xs: number[], digits = 0) => xs.map((x) => x.toFixed(digits)).join(", ");
    const growths = (m: ExportMemory) => list(m.downloads.map((d) => (d.peakRss - d.idleRss) / MB), 1);
    const helds = (m: ExportMemory) =>
      `${m.helds.length} downloads (${m.helds.reduce((n, d) => n + d.probes, 0)} probes during them, ${list(m.helds.map((d) => d.ms / 1000), 1)} s), each's highest above its idle ${list(m.helds.map((d) => (d.peak - d.idle) / MB), 1)} MB (idle ${list(m.helds.map((d) => d.idle / MB), 1)} MB)`;

    return {
      name: "Instructor dashboard with 500 learners (issue 8)",
      figures: [
        { name: `cohort page, default view (GET /instructor/cohorts/{id}, 25 of ${BIG} learners by name, full HTML)`, value: dash, unit: "ms", baseline: { name: "GET /healthz, same server", value: health }, target: "< 300 ms", pass: dash < 300 },
        { name: `cohort page sorted by a lesson, filtered (${SORTED})`, value: dashSorted, unit: "ms", baseline: { name: "GET /healthz, same server", value: health }, target: "< 300 ms", pass: dashSorted < 300 },
        { name: "question analysis (GET /api/instructor/cohorts/{id}/questions)", value: questions, unit: "ms", baseline: { name: "GET /healthz, same server", value: health }, target: "< 300 ms", pass: questions < 300 },
        { name: `attempts.csv, whole body (${big.data.answers.length} rows)`, value: csvMs, unit: "ms", baseline: { name: `the ${SMALL}-learner cohort's attempts.csv (${small.data.answers.length} rows)`, value: median(smalls.map((d) => d.ms)) }, target: "< 2000 ms", pass: csvMs < 2000 },
        {
          name: `attempts.csv of ${LARGE} learners (${large.data.answers.length} rows, ${mb(largeMemory.downloads[0]!.bytes)}): memory the server holds while it streams (live heap + external after a forced GC, above idle; fresh server)`,
          value: largeMemory.held,
          unit: "MB",
          baseline: { name: `the same for the ${BIG}-learner cohort's export (${big.data.answers.length} rows)`, value: bigMemory.held },
          target: `< 2 × baseline + ${HELD_SLACK_MB} MB`,
          pass: largeMemory.held < memoryLimit,
        },
        {
          name: `attempts.csv of ${LARGE} learners: server RSS growth while it streams (fresh server)`,
          value: largeMemory.growth,
          unit: "MB",
          baseline: { name: `the same for the ${BIG}-learner cohort's export`, value: bigMemory.growth },
        },
      ],
      notes: [
        `Data (seeded PRNG): the ${BIG}-learner cohort has ${counts(big.data)}; the ${SMALL}-learner cohort has ${counts(small.data)}; both generated and inserted in ${(seedMs / 1000).toFixed(1)} s. The ${LARGE}-learner cohort, inserted after the speed figures, has ${counts(large.data)}; generated in ${(largeSeed.generateMs / 1000).toFixed(1)} s and inserted in ${((largeSeed.ms - largeSeed.generateMs) / 1000).toFixed(1)} s. The demo cohort (${demo.memberCount} learners) is the fourth. Nothing is ANALYZEd by the benchmark: the embedded database refreshes its planner statistics when it starts, as in any \`npm start\` deployment.`,
        `Medians of ${ROUNDS} requests each, after 3 warm-up requests per route; GET /healthz ${ROUNDS * 3} times in between. For comparison, same run: the cohort's JSON (GET /api/instructor/cohorts/{id}: cohort, members and the default matrix page, no rendering) ${median(times.api).toFixed(0)} ms; the demo cohort's page ${median(times.demoDash).toFixed(0)} ms and question analysis ${median(times.demoQuestions).toFixed(0)} ms.`,
        `Cohort page HTML: ${kb(Buffer.byteLength(first.body))} default view (${matrixRows(first.body)} matrix rows), ${kb(Buffer.byteLength(sorted.body))} sorted and filtered (${matrixRows(sorted.body)} matrix rows). Question analysis: ${analysis.questions.length} series, ${responses} first-attempt responses counted, as many as seeded.`,
        `attempts.csv (${BIG} learners): ${bigs[0]!.rows} rows, ${kb(bigs[0]!.bytes)}, first byte after ${median(bigs.map((d) => d.ttfbMs)).toFixed(0)} ms, whole body after ${list(bigs.map((d) => d.ms))} ms (median ${csvMs.toFixed(0)}); ${SMALL} learners: ${smalls[0]!.rows} rows, ${kb(smalls[0]!.bytes)}, ${list(smalls.map((d) => d.ms))} ms. Downloads alternate, after one warm-up download of each. ${LARGE} learners (the RSS downloads below, on a fresh server; no target): ${largeMemory.downloads[0]!.rows} rows, ${mb(largeMemory.downloads[0]!.bytes)}, first byte after ${list(largeMemory.downloads.map((d) => d.ttfbMs))} ms, whole body after ${list(largeMemory.downloads.map((d) => d.ms))} ms.`,
        `Memory, figure: each export on a freshly started server (the CSV route warmed on the demo cohort, then the RSS downloads below), whose inspector the benchmark then opens (SIGUSR1; the server starts with --inspect-port in NODE_OPTIONS, which opens nothing by itself); then at least ${HELD_DOWNLOADS} downloads and ${HELD_PROBES} probes in all. A probe makes the server run a full garbage collection (HeapProfiler.collectGarbage) and report process.memoryUsage(); one just before the request, then one every ${PROBE_MS} ms until the body is read. The value is the most heapUsed + external rose above the probe before the request. Each probe pauses the server, so these downloads are slower than the RSS ones. ${LARGE} learners: ${helds(largeMemory)}; ${BIG} learners: ${helds(bigMemory)}. Target: a streamed export holds one batch of answers and its list of attempt ids (an object holding a 36-character string each, ~90 bytes in plain Node: ~${((large.data.attempts.length * 90) / MB).toFixed(1)} MB for the ${large.data.attempts.length} attempts here) however many rows it sends; a buffered one holds at least its whole CSV at once and grows with its rows (10× here). Twice the baseline plus ${HELD_SLACK_MB} MB leaves room for the longer id list and for the variation between downloads (a few MB); the limit, ${memoryLimit.toFixed(1)} MB this run, ${memoryLimit < largeMemory.downloads[0]!.bytes / MB ? "is below" : "is NOT below"} the ${mb(largeMemory.downloads[0]!.bytes)} of CSV a buffered export would hold.`,
        `Memory, RSS (no target): the \`next start\` process's RSS (found in /proc under the app's process), sampled every ${SAMPLE_MS} ms during ${CSV_MEMORY_DOWNLOADS} downloads on the same fresh server before its inspector is opened; the largest growth of one download (its peak RSS above the idle RSS just before it). Per download, ${LARGE} learners: ${growths(largeMemory)} MB (idle before the first ${(largeMemory.downloads[0]!.idleRss / MB).toFixed(0)} MB, before the last ${(largeMemory.downloads.at(-1)!.idleRss / MB).toFixed(0)} MB; highest RSS of all ${largeMemory.overall.toFixed(1)} MB above the first idle); ${BIG} learners: ${growths(bigMemory)} MB (idle ${(bigMemory.downloads[0]!.idleRss / MB).toFixed(0)} MB, then ${(bigMemory.downloads.at(-1)!.idleRss / MB).toFixed(0)} MB; highest ${bigMemory.overall.toFixed(1)} MB above the first idle). On the warmed server of the speed figures (idle ${warm.idle.toFixed(0)} MB, its heap already grown by the pages) the largest growth was ${warm.big.toFixed(1)} MB (${BIG}) and ${warm.small.toFixed(1)} MB (${SMALL}). No target, because RSS follows the garbage a download leaves until V8's next major collection, i.e. the bytes produced rather than the bytes held: a streamed export's RSS growth rises with its size too, so only the live memory above tells streamed from buffered.`,
      ],
    };
  } finally {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
