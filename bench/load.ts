/**
 * Load (issue point 5): 50 virtual learners at once on the app `npm start` runs, first on the
 * embedded database, then on a real PostgreSQL server (a fresh database, dropped after; skipped
 * with a note when none answers). Each learner is a real account, signed in with its own session
 * cookie and client address, on its own keep-alive connection, going round the lesson as a browser
 * does (bench/lib/virtual-learner.ts): lesson page, progress writes, "try it" commands, quiz fetch
 * and submission. Every response time is recorded per endpoint after a warm-up
 * (bench/lib/virtual-users.ts) for p50/p95/p99 and throughput. Two phases on the same app:
 *   - learners: each learner sends a request every half second at most (two a second: far busier
 *     than anyone reading a lesson, answering a quiz or pressing a panel's buttons). The targets
 *     apply here: every API call's p95 < 100 ms, also the lesson page's; no error at all.
 *   - capacity: the same learners in a closed loop (each request as soon as the last is answered,
 *     so 50 always in flight), for the throughput the server tops out at. Latency there is set by
 *     that throughput (Little's law), so it has no target; errors must still be none.
 * Baseline: GET /healthz (a prerendered route, no database) under the same 50 connections just
 * before and just after, on the same server. The CPU each process used over each measured window
 * says which one bounds the throughput (bench/lib/cpu-usage.ts). Nothing is relaxed for the run:
 * rate limits stay on, and each learner sends no more than its limits allow.
 */
import { startApp, type RunningApp } from "../scripts/lib/run-app";
import { createPostgresDatabase, POSTGRES_ADMIN_URL, postgresServerAvailable } from "../tests/setup/postgres-server";
import { measureCpu, type CpuUsage } from "./lib/cpu-usage";
import { learnerHeaders, signUpLearners, type SignedInLearner } from "./lib/learners";
import { loadLesson, type LoadLesson } from "./lib/lesson-content";
import type { BenchResult, Figure, Table } from "./lib/report";
import { embeddedDatabasePid, nextServerPid, postgresServerPids } from "./lib/server-process";
import { ENDPOINTS, LEARNER_BUDGETS, RIGHT_ANSWERS, ROUND, VirtualLearner } from "./lib/virtual-learner";
import { runVirtualUsers, type LoadRun, type VirtualUser } from "./lib/virtual-users";

const LEARNERS = 50;
/** Requests per second per learner in the "learners" phase. */
const PACE = 2;
const WARMUP_SECONDS = 5;
const SECONDS = 25;
const CAPACITY_SECONDS = 15;
const HEALTHZ_WARMUP_SECONDS = 2;
const HEALTHZ_SECONDS = 6;
const TARGET_P95_MS = 100;
/** The lesson with a quiz and a panel; the panel's buttons a learner presses, in this order. */
const LESSON = { guide: "kafka", lesson: "production-reality", scenario: "at-least-once", controls: ["produce", "c1-poll", "c1-process", "c1-commit"] } as const;

interface Phase {
  mix: LoadRun;
  /** CPU over the mix's measured window. */
  cpu: CpuUsage;
}

interface DatabaseRun {
  database: string;
  /** Learners at PACE requests per second each: the targets. */
  paced: Phase;
  /** The same learners in a closed loop: capacity. */
  capacity: Phase;
  /** GET /healthz alone, just before the mix and just after (the machine is shared: either may be the unlucky one). */
  healthz: { before: LoadRun; after: LoadRun };
  /** Steps the learners skipped to stay within their rate limits, by action. */
  skipped: Record<string, number>;
}

/** Opens each learner's panel session (as the lesson page does when it loads): its id and version. */
async function openPanels(baseUrl: string, learners: SignedInLearner[], lesson: LoadLesson): Promise<{ sessionId: string; version: number }[]> {
  return Promise.all(
    learners.map(async (learner) => {
      const res = await fetch(`${baseUrl}/api/sim/sessions`, {
        method: "POST",
        headers: { ...learnerHeaders(learner, baseUrl), "content-type": "application/json" },
        body: JSON.stringify({ guide: lesson.guide, lesson: lesson.lesson, scenario: lesson.scenario }),
      });
      const body = (await res.json()) as { sessionId?: string; version?: number };
      if (res.status !== 200 || !body.sessionId || body.version === undefined) throw new Error(`opening the panel: ${res.status} ${JSON.stringify(body)}`);
      return { sessionId: body.sessionId, version: body.version };
    }),
  );
}

/** /healthz alone from as many connections: the same server's floor under the same concurrency. */
function healthz(url: string): Promise<LoadRun> {
  const user = (): VirtualUser => ({ headers: {}, next: () => ({ endpoint: "GET /healthz", method: "GET", path: "/healthz" }) });
  return runVirtualUsers({ url, users: Array.from({ length: LEARNERS }, user), warmupSeconds: HEALTHZ_WARMUP_SECONDS, seconds: HEALTHZ_SECONDS });
}

/** The baseline's figure: the mean of the runs before and after the mix. */
function healthzMean(run: DatabaseRun, figure: (r: LoadRun) => number): number {
  return (figure(run.healthz.before) + figure(run.healthz.after)) / 2;
}

/**
 * The processes whose CPU the report shows: the Next.js server, the database (the embedded one's
 * process, or every process of the PostgreSQL server, listed when asked: its backends come with the
 * pool's connections) and this process, which runs autocannon.
 */
function cpuGroups(app: RunningApp): () => Record<string, number[]> {
  const server = nextServerPid(app);
  const embedded = embeddedDatabasePid(app);
  return () => ({
    "Next.js server": [server],
    ...(embedded ? { "embedded database": [embedded] } : { "PostgreSQL server (all its processes)": postgresServerPids() }),
    "load generator (this process)": [process.pid],
  });
}

/** Starts the app (on `env`'s database), makes the learners, runs the mix, then the baseline. */
async function measure(database: string, lesson: LoadLesson, env: Record<string, string> = {}): Promise<DatabaseRun> {
  console.log(`  ${database}: starting the app`);
  const app = await startApp({ env });
  try {
    const learners = await signUpLearners(app.baseUrl, LEARNERS);
    const panels = await openPanels(app.baseUrl, learners, lesson);
    const users = learners.map((l, i) => new VirtualLearner(l, app.baseUrl, lesson, panels[i]!.sessionId, panels[i]!.version, 1000 + i));
    console.log(`  ${database}: ${LEARNERS} learners signed in; ${PACE} requests/s each for ${WARMUP_SECONDS} + ${SECONDS} s, then a closed loop for ${WARMUP_SECONDS} + ${CAPACITY_SECONDS} s`);
    const before = await healthz(app.baseUrl);
    const groups = cpuGroups(app);
    const phase = async (seconds: number, perUserRate?: number): Promise<Phase> => {
      let cpu: { stop: () => CpuUsage } | undefined;
      const mix = await runVirtualUsers({ url: app.baseUrl, users, warmupSeconds: WARMUP_SECONDS, seconds, perUserRate, onMeasureStart: () => (cpu = measureCpu(groups())) });
      return { mix, cpu: cpu!.stop() };
    };
    const paced = await phase(SECONDS, PACE);
    // The paced run stopped with requests in flight whose answers the learners never saw.
    for (const user of users) user.resume();
    const capacity = await phase(CAPACITY_SECONDS);
    const after = await healthz(app.baseUrl);
    const skipped: Record<string, number> = {};
    for (const u of users) for (const [action, n] of Object.entries(u.skipped)) skipped[action] = (skipped[action] ?? 0) + n;
    return { database, paced, capacity, healthz: { before, after }, skipped };
  } finally {
    await app.stop();
  }
}

const ms = (n: number) => n.toFixed(1);

function table(run: DatabaseRun, which: "paced" | "capacity"): Table {
  const { mix } = run[which];
  const row = (e: LoadRun["endpoints"][number]) => [e.endpoint, String(e.requests), e.perSecond.toFixed(1), ms(e.p50), ms(e.p95), ms(e.p99), ms(e.max), (e.meanBytes / 1024).toFixed(1), String(e.non2xx), String(e.failed)];
  const baseline = (when: string, r: LoadRun) => [`baseline: GET /healthz alone, ${when}`, ...row(r.endpoints[0]!).slice(1)];
  const title =
    which === "paced"
      ? `${run.database}: ${LEARNERS} learners at ${PACE} requests/s each, ${mix.seconds.toFixed(1)} s measured`
      : `${run.database}: capacity, the same learners in a closed loop (${LEARNERS} requests always in flight), ${mix.seconds.toFixed(1)} s measured`;
  return {
    title,
    columns: ["endpoint", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "mean kB", "non-2xx", "no response"],
    rows: [
      ...mix.endpoints.map(row),
      ["**whole mix**", String(mix.requests), mix.perSecond.toFixed(1), "", "", "", "", "", String(mix.errors), ""],
      ...(which === "paced" ? [baseline("before", run.healthz.before), baseline("after", run.healthz.after)] : []),
    ],
  };
}

/** Errors of a phase as a figure: none allowed, warm-up included (an error there is one a learner saw). */
function errorFigure(name: string, mix: LoadRun, extraErrors = 0): Figure {
  const statuses = mix.endpoints.flatMap((e) => Object.entries(e.statuses).map(([s, n]) => `${n}× ${s} on ${e.endpoint}`));
  return {
    name: `${name}: error rate (non-2xx, timeouts, socket errors: ${mix.errors} of ${mix.requests}; ${mix.errorsWithWarmup} with the warm-up)${statuses.length ? ` — ${statuses.join(", ")}` : ""}`,
    value: (100 * mix.errors) / Math.max(1, mix.requests),
    unit: "%",
    target: "0",
    pass: mix.errorsWithWarmup === 0 && extraErrors === 0,
  };
}

function figures(run: DatabaseRun): Figure[] {
  const baseline = { name: `GET /healthz p95, same ${LEARNERS} connections`, value: healthzMean(run, (r) => r.endpoints[0]!.p95) };
  const order = Object.values(ENDPOINTS) as string[];
  const sorted = (mix: LoadRun) => [...mix.endpoints].sort((a, b) => order.indexOf(a.endpoint) - order.indexOf(b.endpoint));
  const baselineErrors = run.healthz.before.errorsWithWarmup + run.healthz.after.errorsWithWarmup;
  const healthzRate = { name: "GET /healthz alone, same connections", value: healthzMean(run, (r) => r.perSecond) };
  // CPU time per request of the closed loop: what bounds its throughput once a process is saturated.
  const { mix, cpu } = run.capacity;
  const cpuPerRequest = (group: string) => (10 * (cpu.groups[group] ?? 0) * mix.seconds) / mix.requests;
  const learners = `${run.database}, ${LEARNERS} learners at ${PACE}/s`;
  return [
    ...sorted(run.paced.mix).map((e) => ({ name: `${learners}: p95 ${e.endpoint}`, value: e.p95, unit: "ms", baseline, target: `< ${TARGET_P95_MS} ms`, pass: e.p95 < TARGET_P95_MS })),
    errorFigure(learners, run.paced.mix, baselineErrors),
    { name: `${learners}: throughput, whole mix`, value: run.paced.mix.perSecond, unit: "req/s", baseline: healthzRate },
    { name: `${run.database}, capacity (closed loop): throughput, whole mix`, value: mix.perSecond, unit: "req/s", baseline: healthzRate },
    ...sorted(mix).map((e) => ({ name: `${run.database}, capacity (closed loop): p95 ${e.endpoint}`, value: e.p95, unit: "ms", baseline })),
    errorFigure(`${run.database}, capacity (closed loop)`, mix),
    ...Object.keys(cpu.groups)
      .filter((group) => !group.startsWith("load generator"))
      .map((group) => ({ name: `${run.database}, capacity: CPU per request of the mix, ${group}`, value: cpuPerRequest(group), unit: "ms" })),
  ];
}

/** The load benchmark: embedded database, then PostgreSQL when a server answers. */
export async function benchLoad(): Promise<BenchResult> {
  const lesson = loadLesson(LESSON.guide, LESSON.lesson, LESSON.scenario, LESSON.controls);
  const runs: DatabaseRun[] = [await measure("embedded", lesson)];
  const notes: string[] = [];
  if (await postgresServerAvailable()) {
    const database = await createPostgresDatabase();
    try {
      runs.push(await measure("PostgreSQL", lesson, { DATABASE_URL: database.url }));
    } finally {
      await database.drop();
    }
  } else {
    notes.push(`PostgreSQL half skipped: no server answered at ${new URL(POSTGRES_ADMIN_URL).host} (set TEST_POSTGRES_URL to use another).`);
  }
  for (const run of runs) {
    for (const [label, { cpu }] of [["learners", run.paced], ["capacity", run.capacity]] as const) {
      const { groups, machine, cores } = cpu;
      const ours = Object.values(groups).reduce((a, b) => a + b, 0);
      notes.push(
        `${run.database}, ${label}: CPU over the measured window, % of one core (the machine has ${cores}): ${Object.entries(groups).map(([name, pct]) => `${name} ${pct.toFixed(0)}`).join(", ")}; whole machine ${machine.toFixed(0)} of ${cores * 100}, so about ${Math.max(0, machine - ours).toFixed(0)} by other processes.`,
      );
    }
    // In a closed loop the learners' requests in flight are fixed, so their mean latency is set by the
    // throughput (Little's law): say what that allows.
    notes.push(
      `${run.database}, capacity: ${LEARNERS} requests always in flight at ${run.capacity.mix.perSecond.toFixed(0)} req/s make a mean latency of ${((1000 * LEARNERS) / run.capacity.mix.perSecond).toFixed(0)} ms whatever the endpoint (Little's law); a mean of ${(TARGET_P95_MS / 2).toFixed(0)} ms, about what every p95 under ${TARGET_P95_MS} ms needs, takes ${((1000 * LEARNERS) / (TARGET_P95_MS / 2)).toFixed(0)} req/s (/healthz alone: ${healthzMean(run, (r) => r.perSecond).toFixed(0)} req/s).`,
    );
    const skipped = Object.entries(run.skipped);
    if (skipped.length) notes.push(`${run.database}: learners skipped ${skipped.map(([a, n]) => `${n} × ${a}`).join(", ")} to stay within their rate limits; the mix was lighter on those than its round says.`);
  }
  const submits = (mix: LoadRun) => (mix.endpoints.find((e) => e.endpoint === ENDPOINTS.submit)?.requests ?? 0) / LEARNERS;
  const submitsPerLearner = Math.max(...runs.map((r) => submits(r.paced.mix) + submits(r.capacity.mix)));
  return {
    name: `Load: ${LEARNERS} learners, mixed workload (issue 9)`,
    figures: runs.flatMap(figures),
    tables: runs.flatMap((run) => [table(run, "paced"), table(run, "capacity")]),
    notes: [
      ...notes,
      `autocannon on loopback, one keep-alive connection per learner, no pipelining; learners: at most ${PACE} requests per second each (autocannon's connectionRate), ${WARMUP_SECONDS} s warm-up, then ${SECONDS} s recorded; capacity: closed loop (no pause: ${LEARNERS} requests always in flight), ${WARMUP_SECONDS} s warm-up, then ${CAPACITY_SECONDS} s recorded; /healthz alone just before and just after (${HEALTHZ_WARMUP_SECONDS} s + ${HEALTHZ_SECONDS} s each; the baseline is their mean). Latency: from writing the request to the response's last byte, every response of the window kept, nearest-rank percentiles.`,
      `Each learner (own account, session cookie and X-Forwarded-For address, signed up and in through the app's endpoints) goes round /guides/${LESSON.guide}/${LESSON.lesson}: page, PUT progress {visited}, ${ROUND.filter((a) => a === "command").length / 2} panel commands (${LESSON.scenario}: ${LESSON.controls.join(", ")}, each with the version of the last answer), PUT progress {section}, as many commands again, PUT progress {read}, GET quiz, POST the attempt (${100 * RIGHT_ANSWERS} % of answers right): ${ROUND.length} requests per round.`,
      `Rate limits on, as in production; per learner and 10-minute window the app allows ${LEARNER_BUDGETS.submit} quiz submissions, ${LEARNER_BUDGETS.progress} progress writes and ${LEARNER_BUDGETS.command} panel commands. The learners stop short of each (skipping the step) over the whole run, warm-up included; at most ${submitsPerLearner.toFixed(1)} submissions per learner fell in the two measured windows here.`,
      "The lesson page is served without compression (no Accept-Encoding), as in bench/lesson-page.ts.",
    ],
  };
}
