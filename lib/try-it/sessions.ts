/**
 * "Try it" sessions, event-sourced in PostgreSQL: a session row (scenario, version, seed, how many
 * commands it has applied), its command log and a snapshot of the engine state every
 * SNAPSHOT_EVERY commands. The state is rebuilt from the nearest snapshot plus the commands after
 * it, so a reload, a second tab, another server instance or a restart continues where the learner
 * was. Every function taking a learner checks that the session is theirs (else 404, as if it did
 * not exist); the review helpers leave that check to their caller. A command is stored only if
 * the engine accepted it, in one statement that also moves the version, and only if the session
 * is still exactly as the command was computed on (else 409).
 */
import "server-only";
import { requireLesson } from "@/lib/content/source";
import { db } from "@/lib/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { ownerOf, type Learner } from "@/lib/learners/learner";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordTryItGoal } from "@/lib/progress/record";
import { assertWithinLimits, rateLimitHitsCte, rateLimitVerdict, type RateLimitHit } from "@/lib/rate-limit";
import { parseScenario, runScenario, step, type ClusterState, type Command, type SimEvent } from "@/lib/sim";
import { checkGoals, type GoalProgress } from "./goals";
import type { TryItScenario } from "./schemas";
import { LIMITS, SNAPSHOT_EVERY, SNAPSHOTS_KEPT, TIMELINE_HISTORY } from "./limits";
import { requireTryItScenario } from "./source";
import { timeline, type TimelineEntry } from "./timeline";

export interface SessionRef {
  id: string;
  guide: string;
  lesson: string;
  scenario: TryItScenario;
  seed: number;
  version: number;
  goals: Record<string, string>;
  goalProgress: GoalProgress;
  /** Moves with every write: with the version it identifies the state (cache key). */
  updatedAt: Date;
}

interface SessionRow {
  id: string;
  guide: string;
  lesson: string;
  scenario: string;
  scenarioVersion: number;
  seed: number;
  version: number;
  goals: unknown;
  goalProgress: unknown;
  updatedAt: Date;
}

/** The scenario's starting state (its own steps applied) with `seed`. */
export function startingState(scenario: TryItScenario, seed: number): ClusterState {
  const parsed = parseScenario({ ...scenario.scenario, seed });
  if (!parsed.ok) throw new Error(`try-it scenario ${scenario.id}: ${parsed.error.path}: ${parsed.error.message}`);
  const ran = runScenario(parsed.value);
  if (!ran.ok) throw new Error(`try-it scenario ${scenario.id}: ${ran.error.path}: ${ran.error.message}`);
  return ran.value.state;
}

/** The 409 of a session that moved on (another tab) since the client or this request read it. */
export const sessionMoved = () => new AppError("CONFLICT", { userMessage: "This panel was changed in another tab." });

/** The 404 of a session that is not the caller's, or does not exist. */
export const noSuchSession = () => new AppError("NOT_FOUND", { userMessage: "There is no such session." });

function toRef(row: SessionRow): SessionRef {
  const scenario = requireTryItScenario(row.scenario);
  if (scenario.version !== row.scenarioVersion) {
    // The file changed since: the old command log may not make sense on the new setup. Opening the
    // panel again starts a session of the new version (openSession).
    throw new AppError("CONFLICT", { userMessage: "This panel's scenario was updated since: it starts again from the beginning." });
  }
  return { id: row.id, guide: row.guide, lesson: row.lesson, scenario, seed: row.seed, version: row.version, goals: row.goals as Record<string, string>, goalProgress: row.goalProgress as GoalProgress, updatedAt: row.updatedAt };
}

const OWNED = (learner: Learner) => (learner.kind === "user" ? { userId: learner.userId } : { guestId: learner.guestId });
const SESSION_SELECT = { id: true, guide: true, lesson: true, scenario: true, scenarioVersion: true, seed: true, version: true, goals: true, goalProgress: true, updatedAt: true } as const;

const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The learner's session `id`, or 404 (also for someone else's session, and for a malformed id). */
export async function requireSession(learner: Learner, id: string): Promise<SessionRef> {
  if (!SESSION_ID.test(id)) throw noSuchSession();
  const row = await db.simSession.findFirst({ where: { id, ...OWNED(learner) }, select: SESSION_SELECT });
  if (!row) throw noSuchSession();
  return toRef(row);
}

/** Who owns a session (exactly one of the two is set). */
export interface SessionOwner {
  userId: string | null;
  guestId: string | null;
  /** The guide of the session's lesson. */
  guide: string;
}

/**
 * Session `id` for read-only review, if `mayReview` allows it for the session's owner: 404 when it
 * does not (decided before anything else about the session is looked at) or there is none.
 */
export async function findSessionForReview(id: string, mayReview: (owner: SessionOwner) => boolean | Promise<boolean>): Promise<SessionRef> {
  if (!SESSION_ID.test(id)) throw noSuchSession();
  const row = await db.simSession.findUnique({ where: { id }, select: { ...SESSION_SELECT, userId: true, guestId: true } });
  if (!row || !(await mayReview({ userId: row.userId, guestId: row.guestId, guide: row.guide }))) throw noSuchSession();
  const { userId: _userId, guestId: _guestId, ...rest } = row;
  return toRef(rest);
}

/** A stored command and its timeline lines, or null when the session has no command `seq`. */
export async function storedCommand(sessionId: string, seq: number): Promise<{ command: Command; timeline: TimelineEntry[] } | null> {
  const row = await db.simCommand.findUnique({ where: { sessionId_seq: { sessionId, seq } }, select: { command: true, timeline: true } });
  return row && { command: row.command as unknown as Command, timeline: row.timeline as unknown as TimelineEntry[] };
}

/**
 * requireSession that also counts the rate-limit `hits`, in the same statement (a command's
 * hottest path: one round trip instead of two or three). 429 first when a hit is over its limit.
 */
async function requireSessionCounting(learner: Learner, id: string, hits: readonly RateLimitHit[], now: number): Promise<SessionRef> {
  if (!SESSION_ID.test(id)) throw noSuchSession();
  const owner = learner.kind === "user" ? Prisma.sql`s.user_id = ${learner.userId}::uuid` : Prisma.sql`s.guest_id = ${learner.guestId}::uuid`;
  const [row] = await db.$queryRaw<(Partial<SessionRow> & { hits: Record<string, number> })[]>`
    WITH ${rateLimitHitsCte(hits, now)}
    SELECT (SELECT json_object_agg(key, count) FROM rate_limit_hits) AS hits,
      s.id, s.guide, s.lesson, s.scenario, s.scenario_version AS "scenarioVersion", s.seed, s.version, s.goals,
      s.goal_progress AS "goalProgress", s.updated_at AS "updatedAt"
    FROM (SELECT 1) AS one LEFT JOIN sim_sessions s ON s.id = ${id}::uuid AND ${owner}`;
  assertWithinLimits(await rateLimitVerdict(hits, row!.hits, now));
  if (!row!.id) throw noSuchSession();
  return toRef(row as SessionRow);
}

/**
 * The learner's session for this panel (guide, lesson, scenario), continued if one exists for the
 * scenario's current version, else created. A lesson only runs the scenarios it embeds.
 */
export async function openSession(learner: Learner, guide: string, lesson: string, scenarioId: string): Promise<SessionRef> {
  const meta = requireLesson(guide, lesson);
  if (!meta.tryIt.includes(scenarioId)) throw new AppError("NOT_FOUND", { userMessage: `The lesson "${lesson}" has no "try it" panel "${scenarioId}".` });
  const scenario = requireTryItScenario(scenarioId);
  const existing = await db.simSession.findFirst({
    where: { ...OWNED(learner), guide, lesson, scenario: scenarioId, scenarioVersion: scenario.version },
    orderBy: { updatedAt: "desc" },
    select: SESSION_SELECT,
  });
  if (existing) return toRef(existing);
  // Sessions of this panel's earlier scenario versions cannot continue (toRef); their goals are in
  // the learner's progress already.
  await db.simSession.deleteMany({ where: { ...OWNED(learner), guide, lesson, scenario: scenarioId, scenarioVersion: { not: scenario.version } } });
  const count = await db.simSession.count({ where: OWNED(learner) });
  if (count >= LIMITS.sessionsPerLearner) throw new AppError("RATE_LIMITED", { userMessage: `You have ${count} simulator sessions, the most we keep; reset one instead.` });
  const seed = typeof scenario.scenario.seed === "number" ? scenario.scenario.seed : 1;
  try {
    const row = await db.simSession.create({
      data: { ...ownerOf(learner), guide, lesson, scenario: scenarioId, scenarioVersion: scenario.version, seed },
      select: SESSION_SELECT,
    });
    return toRef(row);
  } catch (error) {
    // Two tabs opened the panel at once: one session per learner and panel (a unique index), so
    // the other tab's is this one's too.
    if (!isUniqueViolation(error)) throw error;
    const other = await db.simSession.findFirst({ where: { ...OWNED(learner), guide, lesson, scenario: scenarioId, scenarioVersion: scenario.version }, select: SESSION_SELECT });
    if (!other) throw error;
    return toRef(other);
  }
}

// States this process computed lately, keyed by session, version and the row's updated_at (which
// every write moves, so an undo elsewhere never meets a stale entry). The database stays the source
// of truth and any instance can serve any session; the cache only spares the replay. Bounded:
// oldest entries go first.
const recent = new Map<string, ClusterState>();
const RECENT_MAX = 200;
const cacheKey = (id: string, version: number, updatedAt: Date) => `${id}:${version}:${updatedAt.getTime()}`;

function remember(key: string, state: ClusterState): void {
  recent.delete(key);
  recent.set(key, state);
  if (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value!);
}

/** The session's state at its version: the nearest snapshot, then the commands after it. */
export async function rebuildState(session: SessionRef, upTo = session.version): Promise<ClusterState> {
  const key = upTo === session.version ? cacheKey(session.id, upTo, session.updatedAt) : null;
  const cached = key && recent.get(key);
  if (cached) return cached;
  const snapshot = await db.simSnapshot.findFirst({ where: { sessionId: session.id, seq: { lte: upTo } }, orderBy: { seq: "desc" }, select: { seq: true, state: true } });
  let state = snapshot ? (snapshot.state as unknown as ClusterState) : startingState(session.scenario, session.seed);
  const commands = await db.simCommand.findMany({ where: { sessionId: session.id, seq: { gt: snapshot?.seq ?? 0, lte: upTo } }, orderBy: { seq: "asc" }, select: { command: true } });
  for (const { command } of commands) {
    const result = step(state, command as unknown as Command);
    // Stored commands were accepted when they were applied, and the engine is deterministic.
    if (!result.ok) throw new Error(`session ${session.id}: a stored command no longer applies: ${result.error.message}`);
    state = result.value.state;
  }
  if (key) remember(key, state);
  return state;
}

/** Why `state` is more than a session may hold, or null. */
function tooBig(state: ClusterState): string | null {
  let partitions = 0;
  let records = 0;
  for (const topic of Object.values(state.topics)) {
    partitions += topic.partitions.length;
    if (partitions > LIMITS.partitionsPerSession) return `the cluster would have more than ${LIMITS.partitionsPerSession} partitions`;
    for (const [i, p] of topic.partitions.entries()) {
      const held = p.log.logEndOffset - p.log.logStartOffset;
      if (held > LIMITS.recordsPerPartition) return `${topic.name}-${i} would hold more than ${LIMITS.recordsPerPartition} records`;
      records += held;
    }
  }
  return records > LIMITS.recordsPerSession ? `the cluster would hold more than ${LIMITS.recordsPerSession} records` : null;
}

export interface CommandOutcome {
  session: SessionRef;
  state: ClusterState;
  events: SimEvent[];
  /** This command's timeline lines (also stored with the command). */
  timeline: TimelineEntry[];
  goalsReached: string[];
}

/**
 * Applies one command for the learner if the session is still at `expectedVersion`: 422 with the
 * engine's message when the engine refuses it (nothing stored), 409 when another tab got there
 * first, 429 over a limit (the session's, or one of `rateLimits`, which are counted whatever the
 * outcome). Goals reached are recorded in the lesson's progress.
 */
export async function applyCommand(
  learner: Learner,
  id: string,
  command: Command,
  expectedVersion: number,
  { now = Date.now(), rateLimits = [] }: { now?: number; rateLimits?: readonly RateLimitHit[] } = {},
): Promise<CommandOutcome> {
  const session = rateLimits.length ? await requireSessionCounting(learner, id, rateLimits, now) : await requireSession(learner, id);
  return applyCommandTo(learner, session, command, expectedVersion, now);
}

/**
 * applyCommand on a session the caller has already read (and checked is the learner's). That read
 * may be stale by the time of the write: the write then stores nothing and answers 409.
 */
export async function applyCommandTo(learner: Learner, session: SessionRef, command: Command, expectedVersion: number, now = Date.now()): Promise<CommandOutcome> {
  if (session.version !== expectedVersion) throw sessionMoved();
  if (command.do === "cli" && !session.scenario.terminal && !session.scenario.controls.some((c) => c.command.do === "cli" && c.command.command === command.command)) {
    throw new AppError("UNPROCESSABLE", { userMessage: "This panel has no terminal.", fieldErrors: { "command.do": ["this panel has no terminal"] } });
  }
  if (session.version >= LIMITS.commandsPerSession) throw new AppError("RATE_LIMITED", { userMessage: `This session has reached ${LIMITS.commandsPerSession} steps; reset it to continue.` });
  const before = await rebuildState(session);
  const result = step(before, command);
  if (!result.ok) throw new AppError("UNPROCESSABLE", { userMessage: result.error.message, fieldErrors: { [["command", ...result.error.path].join(".")]: [result.error.message] } });
  const big = tooBig(result.value.state);
  if (big) throw new AppError("RATE_LIMITED", { userMessage: `Too many records: ${big}. Reset the panel to start again.` });
  const checked = checkGoals(session.scenario.goals, result.value.state, result.value.events, session.goalProgress, Object.keys(session.goals));
  const at = new Date(now).toISOString();
  const goals = { ...session.goals, ...Object.fromEntries(checked.reached.map((g) => [g, at])) };
  const seq = session.version + 1;
  const lines = timeline(result.value.events);
  const snapshot = seq % SNAPSHOT_EVERY === 0 ? JSON.stringify(result.value.state) : null;
  // One statement: the session moves only if it is exactly the one this command was computed on
  // (same version and same last write: an undo and another command in between leave the version
  // as it was, not updated_at), and the command (and snapshot, replacing the oldest kept one) are
  // written with it or not at all.
  const [written] = await db.$queryRaw<{ updated_at: Date }[]>`
    WITH moved AS (
      UPDATE sim_sessions SET version = ${seq}, goals = ${JSON.stringify(goals)}::jsonb, goal_progress = ${JSON.stringify(checked.progress)}::jsonb, updated_at = clock_timestamp()
      WHERE id = ${session.id}::uuid AND version = ${expectedVersion} AND updated_at = ${session.updatedAt}
      RETURNING id, updated_at
    ), command AS (
      INSERT INTO sim_commands (session_id, seq, command, timeline) SELECT id, ${seq}, ${JSON.stringify(command)}::jsonb, ${JSON.stringify(lines)}::jsonb FROM moved RETURNING session_id
    ), snapshot AS (
      INSERT INTO sim_snapshots (session_id, seq, state) SELECT session_id, ${seq}, ${snapshot}::jsonb FROM command WHERE ${snapshot !== null} RETURNING 1
    ), pruned AS (
      DELETE FROM sim_snapshots WHERE session_id = ${session.id}::uuid AND seq <= ${seq - SNAPSHOT_EVERY * SNAPSHOTS_KEPT} AND ${snapshot !== null} AND EXISTS (SELECT 1 FROM command)
    )
    SELECT moved.updated_at FROM moved, command`;
  if (!written) throw sessionMoved();
  remember(cacheKey(session.id, seq, written.updated_at), result.value.state);
  for (const goal of checked.reached) await recordTryItGoal(learner, session.guide, session.lesson, `${session.scenario.id}:${goal}`, now);
  return { session: { ...session, version: seq, goals, goalProgress: checked.progress, updatedAt: written.updated_at }, state: result.value.state, events: result.value.events, timeline: lines, goalsReached: checked.reached };
}

/** The session's latest timeline lines (up to TIMELINE_HISTORY), oldest first, for a panel that (re)loads. */
export async function recentTimeline(session: SessionRef): Promise<TimelineEntry[]> {
  // Commands that said nothing (a clock step with nothing due) are skipped, so the rows read
  // always hold at least TIMELINE_HISTORY lines when the session has that many.
  const rows = await db.$queryRaw<{ timeline: TimelineEntry[] }[]>`
    SELECT timeline FROM sim_commands
    WHERE session_id = ${session.id}::uuid AND seq <= ${session.version} AND jsonb_array_length(timeline) > 0
    ORDER BY seq DESC LIMIT ${TIMELINE_HISTORY}`;
  return rows.reverse().flatMap((r) => r.timeline).slice(-TIMELINE_HISTORY);
}

/** Back to the scenario's start: the command log and snapshots go; goals already reached stay reached. */
export async function resetSession(learner: Learner, id: string): Promise<SessionRef> {
  const session = await requireSession(learner, id);
  // The session row first: its lock makes a command racing the reset wait, then find the version
  // moved (409) instead of writing a command the deletes below would not see.
  await db.$transaction([
    db.simSession.update({ where: { id: session.id }, data: { version: 0, goalProgress: {} } }),
    db.simCommand.deleteMany({ where: { sessionId: session.id } }),
    db.simSnapshot.deleteMany({ where: { sessionId: session.id } }),
  ]);
  return requireSession(learner, id);
}

/** Takes back the last command (409 if the session moved on meanwhile); goal counts are recomputed. */
export async function undoCommand(learner: Learner, id: string, expectedVersion: number): Promise<SessionRef> {
  const session = await requireSession(learner, id);
  if (session.version !== expectedVersion) throw sessionMoved();
  if (session.version === 0) throw new AppError("UNPROCESSABLE", { userMessage: "There is nothing to undo." });
  const version = session.version - 1;
  const goalProgress = await recountGoals(session, version);
  await db.$transaction(async (tx) => {
    const moved = await tx.simSession.updateMany({ where: { id, version: expectedVersion }, data: { version, goalProgress } });
    if (moved.count !== 1) throw sessionMoved();
    await tx.simCommand.deleteMany({ where: { sessionId: id, seq: { gt: version } } });
    await tx.simSnapshot.deleteMany({ where: { sessionId: id, seq: { gt: version } } });
  });
  return requireSession(learner, id);
}

/** Goal event counts after the first `upTo` commands (a full replay: counts are not snapshotted). */
async function recountGoals(session: SessionRef, upTo: number): Promise<GoalProgress> {
  let state = startingState(session.scenario, session.seed);
  let progress: GoalProgress = {};
  const commands = await db.simCommand.findMany({ where: { sessionId: session.id, seq: { lte: upTo } }, orderBy: { seq: "asc" }, select: { command: true } });
  for (const { command } of commands) {
    const result = step(state, command as unknown as Command);
    if (!result.ok) throw new Error(`session ${session.id}: a stored command no longer applies: ${result.error.message}`);
    state = result.value.state;
    progress = checkGoals(session.scenario.goals, state, result.value.events, progress, session.scenario.goals.map((g) => g.id)).progress;
  }
  return progress;
}
