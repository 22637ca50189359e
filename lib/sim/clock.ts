/**
 * Simulated time. Moving the clock runs every background activity due on the way, in time order
 * (and, at one instant, in a fixed order): timed processing ending, poll timeouts, session expiry
 * and rebalance timers, transaction timeouts, metadata refreshes, retention checks, cleaner runs
 * and offsets expiry. Heartbeats are not individual events: a running heartbeat thread keeps its
 * member alive, and a stopped one is expired at its last beat + session.timeout.ms (group.ts).
 */
import { emit, patchConsumer, patchProducer, type Ctx } from "./context";
import { deliverAssignments, onPollTimeout, onProcessingDone, pollDeadline } from "./consumer";
import { expireOffsets, nextGroupTimer, nextOffsetsExpiry, onRebalanceTimer, removeMember, sessionDeadline } from "./group";
import { cleanerPass, cleanerWouldAct, retentionCheck, retentionWouldAct } from "./maintenance";
import { brokerSetting } from "./settings";
import { onTxnTimeout, txnDeadline } from "./transactions";
import type { ClientState, ClusterState } from "./types";

/**
 * The first tick k·interval (k ≥ 1) after `after` and not before `now` at which `acts` holds,
 * looking no further than `horizon`; Infinity if none. `acts` must be monotone in time for the
 * current state. Ticks up to `after` were already looked at (when the state was what it was then);
 * looking at them again with today's log would run a check in the past.
 */
function firstTick(after: number, now: number, interval: number, horizon: number, acts: (t: number) => boolean): number {
  if (interval <= 0) return Infinity;
  let lo = Math.max(Math.floor(after / interval) + 1, Math.ceil(now / interval));
  let hi = Math.floor(horizon / interval);
  if (lo > hi || !acts(hi * interval)) return Infinity;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (acts(mid * interval)) hi = mid;
    else lo = mid + 1;
  }
  return lo * interval;
}

/**
 * Metadata refreshes every metadata.max.age.ms from the client's creation (refreshes at or before
 * `after` already happened); only a changed partition count matters.
 */
function metadataDue(ctx: Ctx, c: ClientState, after: number): number {
  if (c.status === "crashed" || c.status === "closed") return Infinity;
  const topics = c.kind === "consumer" ? c.subscribe : Object.keys(c.knownPartitions);
  const changed = topics.some((t) => {
    const actual = ctx.state.topics[t]?.partitions.length;
    return actual !== undefined && c.knownPartitions[t] !== undefined && actual !== c.knownPartitions[t];
  });
  if (!changed) return Infinity;
  const age = c.config.metadataMaxAgeMs;
  if (age <= 0) return ctx.state.time;
  const k = Math.max(1, Math.floor((after - c.createdAt) / age) + 1, Math.ceil((ctx.state.time - c.createdAt) / age));
  return c.createdAt + k * age;
}

function refreshMetadata(ctx: Ctx, c: ClientState): void {
  const known = { ...c.knownPartitions };
  for (const topic of Object.keys(known)) {
    const actual = ctx.state.topics[topic]?.partitions.length;
    if (actual === undefined || actual === known[topic]) continue;
    known[topic] = actual;
    emit(ctx, { type: "metadata", client: c.id, topic, partitions: actual });
  }
  if (c.kind === "consumer") {
    // Only the leader compares the metadata it assigned with against the new one (assignmentSnapshot).
    const leader = c.memberId !== null && c.config.groupId !== null && ctx.state.groups[c.config.groupId]?.leader === c.memberId;
    patchConsumer(ctx, c.id, { knownPartitions: known, rejoinNeeded: leader || c.rejoinNeeded });
  }
  else patchProducer(ctx, c.id, { knownPartitions: known, sticky: {} });
}

type Due = { at: number; run: () => void };

/**
 * Every background activity with its due time (Infinity if none), in the order they run at one
 * instant. Periodic ticks at or before `start` (where this advance began) were already looked at.
 */
function dueList(ctx: Ctx, horizon: number, start: number): Due[] {
  const s = ctx.state;
  const list: Due[] = [];
  for (const c of Object.values(s.clients)) {
    if (c.kind === "consumer" && c.busyUntil !== null) list.push({ at: c.busyUntil, run: () => onProcessingDone(ctx, c.id) });
  }
  for (const c of Object.values(s.clients)) {
    if (c.kind === "consumer") list.push({ at: pollDeadline(c), run: () => onPollTimeout(ctx, c.id) });
  }
  for (const g of Object.values(s.groups)) {
    list.push({
      at: nextGroupTimer(g),
      run: () => {
        for (const m of Object.values(ctx.state.groups[g.id]?.members ?? {})) {
          const d = sessionDeadline(m);
          if (d !== null && d <= ctx.state.time) {
            const completion = removeMember(ctx, g.id, m.memberId, "session-timeout");
            if (completion) deliverAssignments(ctx, completion);
          }
        }
        const completion = onRebalanceTimer(ctx, g.id);
        if (completion) deliverAssignments(ctx, completion);
      },
    });
  }
  for (const txn of Object.values(s.txns)) list.push({ at: txnDeadline(txn), run: () => onTxnTimeout(ctx, txn.transactionalId) });
  for (const c of Object.values(s.clients)) list.push({ at: metadataDue(ctx, c, start), run: () => refreshMetadata(ctx, ctx.state.clients[c.id]!) });
  const retentionInterval = brokerSetting(s, "log.retention.check.interval.ms");
  list.push({
    at: firstTick(Math.max(s.lastRetentionCheck, start), s.time, retentionInterval, horizon, (t) => retentionWouldAct(ctx, t)),
    run: () => {
      retentionCheck(ctx);
      ctx.state = { ...ctx.state, lastRetentionCheck: ctx.state.time };
    },
  });
  // A backoff of 0 means the cleaner looks again at once; the simulated clock's grain is 1 ms.
  const backoff = Math.max(1, brokerSetting(s, "log.cleaner.backoff.ms"));
  list.push({
    at: firstTick(Math.max(s.lastCleanerRun, start), s.time, backoff, horizon, (t) => cleanerWouldAct(ctx, t)),
    run: () => {
      cleanerPass(ctx);
      ctx.state = { ...ctx.state, lastCleanerRun: ctx.state.time };
    },
  });
  const offsetsInterval = brokerSetting(s, "offsets.retention.check.interval.ms");
  list.push({
    at: Math.max(nextOffsetsExpiry(ctx), (Math.floor(Math.max(s.lastOffsetsCheck, start) / offsetsInterval) + 1) * offsetsInterval),
    run: () => {
      expireOffsets(ctx);
      ctx.state = { ...ctx.state, lastOffsetsCheck: ctx.state.time };
    },
  });
  return list;
}

/**
 * Moves the clock to `target` (≥ now), running everything due on the way, earliest first; at one
 * instant, activities run in dueList's order and are re-evaluated after each one.
 */
export function advanceTo(ctx: Ctx, target: number): void {
  const start = ctx.state.time;
  for (let guard = 0; ; guard++) {
    // Every activity moves its own due time forward, so this only trips on an engine bug.
    if (guard === 1_000_000) throw new Error(`advanceTo(${target}) did not settle at t=${ctx.state.time}`);
    const list = dueList(ctx, target, start);
    let next: Due | null = null;
    for (const d of list) if (d.at <= target && (next === null || d.at < next.at)) next = d;
    if (next === null) break;
    if (next.at > ctx.state.time) ctx.state = { ...ctx.state, time: next.at };
    next.run();
  }
  if (target > ctx.state.time) ctx.state = { ...ctx.state, time: target };
}

/**
 * When the next background activity is due, looking no further than `horizon` for the periodic
 * broker tasks (for the panels' "advance to next event"), or null if nothing is due.
 */
export function nextEventTime(state: ClusterState, horizon: number): number | null {
  const ctx: Ctx = { state, events: [] };
  let next = Infinity;
  for (const d of dueList(ctx, horizon, state.time)) next = Math.min(next, Math.max(d.at, ctx.state.time));
  return next === Infinity ? null : next;
}
