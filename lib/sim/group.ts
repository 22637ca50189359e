/**
 * The group coordinator's side of the classic consumer-group protocol (kafka-semantics §3.6):
 * membership, the rebalance state machine (Empty → PreparingRebalance → CompletingRebalance →
 * Stable), the initial rebalance delay, session expiry and committed offsets.
 *
 * The coordinator only knows what members tell it: a crashed member keeps its partitions until its
 * session times out, and a rebalance waits for every member to rejoin (or for the rebalance timeout).
 * Handing the result to the clients is the caller's job (consumer.ts), so this module never
 * reaches into client state except to read the leader's metadata.
 */
import { assign, chooseAssignor, rebalanceProtocol, type AssignorName, type TopicPartitionRef } from "./assignors";
import { emit, removeGroup, setGroup, type Ctx } from "./context";
import { nextUuid } from "./rng";
import { brokerSetting } from "./settings";
import { parseTpKey, type ConsumerState, type GroupState, type MemberState } from "./types";

/** What a client sends in JoinGroup: its member fields as the coordinator will keep them (no member id yet on a first join). */
export type JoinRequest = Pick<
  MemberState,
  "clientId" | "instanceId" | "subscription" | "assignors" | "rebalanceTimeoutMs" | "sessionTimeoutMs" | "heartbeatIntervalMs" | "owned" | "previous" | "ownedGeneration"
> & { memberId: string | null };

/** A finished rebalance: the new generation and every member's assignment. */
export interface Completion {
  group: string;
  generation: number;
  assignor: AssignorName | null;
  members: { memberId: string; clientId: string; assignment: TopicPartitionRef[] }[];
}

/** The coordinator's answer to a JoinGroup. */
export type JoinOutcome =
  | { kind: "joined"; memberId: string; completion: Completion | null }
  /** A static member came back to a stable group: its old assignment, no rebalance (KIP-345). */
  | { kind: "static-rejoin"; memberId: string; generation: number; assignment: TopicPartitionRef[] }
  /** INCONSISTENT_GROUP_PROTOCOL: no assignor is supported by this member and all the others. */
  | { kind: "rejected"; error: { type: string; message: string } };

const INCONSISTENT_PROTOCOL =
  "The group member's supported protocols are incompatible with those of existing members or first group member tried to join with empty protocol type or empty protocol list.";

/** A group the coordinator has not seen members of yet (generation 0, Empty). */
export function emptyGroup(id: string): GroupState {
  return { id, state: "Empty", generation: 0, assignor: null, leader: null, members: {}, committed: {}, rebalance: null, emptySince: null };
}

function group(ctx: Ctx, id: string): GroupState {
  return ctx.state.groups[id] ?? emptyGroup(id);
}

function withMember(g: GroupState, m: MemberState): GroupState {
  return { ...g, members: { ...g.members, [m.memberId]: m } };
}

function newMemberId(ctx: Ctx, clientId: string): string {
  const [uuid, rng] = nextUuid(ctx.state.rng);
  ctx.state = { ...ctx.state, rng };
  return `${clientId}-${uuid}`;
}

/** Moves `g` to PreparingRebalance: every member must rejoin before the rebalance timeout. */
function prepareRebalance(ctx: Ctx, g: GroupState, reason: string): GroupState {
  const now = ctx.state.time;
  const members = Object.fromEntries(Object.entries(g.members).map(([id, m]) => [id, { ...m, rejoined: false }]));
  const timeout = Math.max(0, ...Object.values(g.members).map((m) => m.rebalanceTimeoutMs));
  const fromEmpty = g.state === "Empty";
  const delay = brokerSetting(ctx.state, "group.initial.rebalance.delay.ms");
  emit(ctx, { type: "rebalance-started", group: g.id, reason });
  return {
    ...g,
    state: "PreparingRebalance",
    members,
    emptySince: null,
    rebalance: { startedAt: now, deadline: now + timeout, delayUntil: fromEmpty && delay > 0 ? now + delay : null, joinedDuringDelay: false, reason },
  };
}

/**
 * JoinGroup. A new member gets an id `<client.id>-<uuid>`; joining a Stable or Empty group starts
 * a rebalance; the join phase completes at once if this was the last member it waited for.
 */
export function joinGroup(ctx: Ctx, groupId: string, req: JoinRequest): JoinOutcome {
  let g = group(ctx, groupId);
  const now = ctx.state.time;
  const others = Object.values(g.members).filter((m) => m.memberId !== req.memberId && (req.instanceId === null || m.instanceId !== req.instanceId));
  if (others.length && chooseAssignor([...others.map((m) => m.assignors), req.assignors]) === null) {
    return { kind: "rejected", error: { type: "InconsistentGroupProtocolException", message: INCONSISTENT_PROTOCOL } };
  }
  const staticOld = req.instanceId === null ? undefined : Object.values(g.members).find((m) => m.instanceId === req.instanceId);
  const memberId = req.memberId !== null && g.members[req.memberId] ? req.memberId : newMemberId(ctx, req.clientId);
  const previous = g.members[memberId] ?? staticOld;
  const member: MemberState = {
    ...req,
    memberId,
    heartbeatBase: now,
    heartbeatStoppedAt: null,
    rejoined: true,
    assignment: previous?.assignment ?? [],
  };
  if (staticOld && staticOld.memberId !== memberId) {
    // The coordinator swaps the old member id for the new one (the old instance is fenced).
    const members = { ...g.members };
    delete members[staticOld.memberId];
    g = { ...g, members, leader: g.leader === staticOld.memberId ? memberId : g.leader };
    const sameSubscription = [...staticOld.subscription].sort().join() === [...req.subscription].sort().join();
    if (g.state === "Stable" && sameSubscription) {
      g = withMember(g, { ...member, rejoined: false });
      setGroup(ctx, g);
      emit(ctx, { type: "joined", group: groupId, client: req.clientId, memberId, static: true });
      return { kind: "static-rejoin", memberId, generation: g.generation, assignment: staticOld.assignment };
    }
  }
  const isNew = !previous;
  g = withMember(g, member);
  if (g.leader === null || !g.members[g.leader]) g = { ...g, leader: memberId };
  emit(ctx, { type: "joined", group: groupId, client: req.clientId, memberId, static: req.instanceId !== null });
  if (g.state === "Empty" || g.state === "Dead") g = prepareRebalance(ctx, { ...g, state: "Empty" }, `member ${memberId} joined an empty group`);
  else if (g.state === "Stable" || g.state === "CompletingRebalance") {
    g = prepareRebalance(ctx, g, isNew ? `new member ${memberId} joined` : `member ${memberId} rejoined`);
  } else if (isNew && g.generation === 0 && g.rebalance?.delayUntil != null && now < g.rebalance.delayUntil) {
    // Kafka extends the initial delay only while the group forms for the first time.
    g = { ...g, rebalance: { ...g.rebalance, joinedDuringDelay: true } };
  }
  g = withMember(g, { ...g.members[memberId]!, rejoined: true });
  setGroup(ctx, g);
  return { kind: "joined", memberId, completion: tryCompleteJoin(ctx, groupId) };
}

/**
 * Completes the join phase if it can: every member has rejoined and no initial-delay timer is
 * pending. Then the leader's assignor runs (SyncGroup) and the group is Stable at generation + 1.
 */
export function tryCompleteJoin(ctx: Ctx, groupId: string): Completion | null {
  const g = ctx.state.groups[groupId];
  if (!g || g.state !== "PreparingRebalance" || !g.rebalance) return null;
  if (g.rebalance.delayUntil !== null) return null;
  if (!Object.values(g.members).every((m) => m.rejoined)) return null;
  return completeJoin(ctx, g);
}

function completeJoin(ctx: Ctx, g: GroupState): Completion {
  const members = Object.values(g.members);
  const generation = g.generation + 1;
  if (members.length === 0) {
    setGroup(ctx, { ...g, state: "Empty", generation, leader: null, rebalance: null, emptySince: ctx.state.time });
    emit(ctx, { type: "rebalance-completed", group: g.id, generation, assignor: g.assignor ?? "", protocol: "eager", assignment: {} });
    return { group: g.id, generation, assignor: g.assignor, members: [] };
  }
  const assignor = chooseAssignor(members.map((m) => m.assignors)) ?? members[0]!.assignors[0] ?? "range";
  const leader = g.leader && g.members[g.leader] ? g.members[g.leader]! : members[0]!;
  const result = assign(
    assignor,
    // The eager sticky assignor reads previous assignments from userData; the cooperative one reads
    // ownedPartitions, which an eager member has emptied (so a mixed group hands its partitions on).
    members.map((m) => ({ memberId: m.memberId, instanceId: m.instanceId, topics: m.subscription, owned: assignor === "sticky" ? m.previous : m.owned, generation: m.ownedGeneration })),
    leaderMetadata(ctx, leader, members),
  );
  const next: GroupState = {
    ...g,
    state: "Stable",
    generation,
    assignor,
    leader: leader.memberId,
    rebalance: null,
    members: Object.fromEntries(members.map((m) => [m.memberId, { ...m, rejoined: false, heartbeatBase: ctx.state.time, assignment: result[m.memberId] ?? [] }])),
  };
  setGroup(ctx, next);
  const protocol = members.every((m) => rebalanceProtocol(m.assignors) === "cooperative") ? "cooperative" : "eager";
  emit(ctx, { type: "rebalance-completed", group: g.id, generation, assignor, protocol, assignment: result });
  return { group: g.id, generation, assignor, members: members.map((m) => ({ memberId: m.memberId, clientId: m.clientId, assignment: result[m.memberId] ?? [] })) };
}

/** Partition counts of the subscribed topics as the leader's metadata has them. */
function leaderMetadata(ctx: Ctx, leader: MemberState, members: MemberState[]): Record<string, number> {
  const client = ctx.state.clients[leader.clientId] as ConsumerState | undefined;
  const counts: Record<string, number> = {};
  for (const topic of new Set(members.flatMap((m) => m.subscription))) {
    const actual = ctx.state.topics[topic]?.partitions.length;
    if (actual === undefined) continue;
    const known = client?.kind === "consumer" && client.memberId === leader.memberId ? client.knownPartitions[topic] : undefined;
    counts[topic] = Math.min(known ?? actual, actual);
  }
  return counts;
}

/**
 * Removes a member (LeaveGroup, session expiry, poll timeout, rebalance timeout). The others must
 * rebalance; a group left without members becomes Empty at the next generation.
 */
export function removeMember(ctx: Ctx, groupId: string, memberId: string, reason: "leave" | "session-timeout" | "poll-timeout" | "rebalance-timeout"): Completion | null {
  let g = ctx.state.groups[groupId];
  const m = g?.members[memberId];
  if (!g || !m) return null;
  const members = { ...g.members };
  delete members[memberId];
  g = { ...g, members, leader: g.leader === memberId ? (Object.keys(members)[0] ?? null) : g.leader };
  emit(ctx, { type: "member-removed", group: groupId, client: m.clientId, memberId, reason });
  if (g.state === "Stable" || g.state === "CompletingRebalance") g = prepareRebalance(ctx, g, `member ${memberId} left (${reason})`);
  setGroup(ctx, g);
  return tryCompleteJoin(ctx, groupId);
}

/** When a member whose heartbeats stopped is expired: its last heartbeat + session.timeout.ms. */
export function sessionDeadline(m: MemberState): number | null {
  if (m.heartbeatStoppedAt === null) return null;
  const beats = Math.floor((m.heartbeatStoppedAt - m.heartbeatBase) / m.heartbeatIntervalMs);
  return m.heartbeatBase + Math.max(0, beats) * m.heartbeatIntervalMs + m.sessionTimeoutMs;
}

/** The heartbeat thread of a member stopped at the current time (crash, static close). */
export function stopHeartbeats(ctx: Ctx, groupId: string, memberId: string): void {
  const g = ctx.state.groups[groupId];
  const m = g?.members[memberId];
  if (!g || !m || m.heartbeatStoppedAt !== null) return;
  setGroup(ctx, withMember(g, { ...m, heartbeatStoppedAt: ctx.state.time }));
}

/**
 * The join phase's timers: the initial delay (extended while new members keep arriving, capped by
 * the rebalance timeout) and the rebalance timeout (members that did not rejoin are removed).
 */
export function onRebalanceTimer(ctx: Ctx, groupId: string): Completion | null {
  const g = ctx.state.groups[groupId];
  if (!g?.rebalance || g.state !== "PreparingRebalance") return null;
  const now = ctx.state.time;
  const r = g.rebalance;
  if (r.delayUntil !== null && now >= r.delayUntil) {
    const remaining = r.deadline - now;
    const delay = brokerSetting(ctx.state, "group.initial.rebalance.delay.ms");
    const extend = r.joinedDuringDelay && remaining > 0;
    setGroup(ctx, { ...g, rebalance: { ...r, delayUntil: extend ? now + Math.min(delay, remaining) : null, joinedDuringDelay: false } });
    return tryCompleteJoin(ctx, groupId);
  }
  if (now >= r.deadline) {
    let completion: Completion | null = null;
    // Static members that did not rejoin stay (GroupCoordinator.onCompleteJoin removes dynamic
    // ones only); only their session timeout removes them.
    for (const m of Object.values(g.members)) if (!m.rejoined && m.instanceId === null) completion = removeMember(ctx, groupId, m.memberId, "rebalance-timeout") ?? completion;
    return completion ?? tryCompleteJoin(ctx, groupId) ?? forceComplete(ctx, groupId);
  }
  return null;
}

function forceComplete(ctx: Ctx, groupId: string): Completion | null {
  const g = ctx.state.groups[groupId];
  if (!g || g.state !== "PreparingRebalance") return null;
  return completeJoin(ctx, { ...g, rebalance: g.rebalance && { ...g.rebalance, delayUntil: null } });
}

/** When this group's next coordinator timer fires (session expiry, join timers), or Infinity. */
export function nextGroupTimer(g: GroupState): number {
  let next = Infinity;
  for (const m of Object.values(g.members)) {
    const d = sessionDeadline(m);
    if (d !== null && d < next) next = d;
  }
  if (g.state === "PreparingRebalance" && g.rebalance) next = Math.min(next, g.rebalance.delayUntil ?? g.rebalance.deadline);
  return next;
}

/** Why the coordinator refused an OffsetCommit (the client raises CommitFailedException for each). */
export type CommitRejection = "UNKNOWN_MEMBER_ID" | "ILLEGAL_GENERATION" | "REBALANCE_IN_PROGRESS";

/**
 * OffsetCommit from a member (memberId + generation) or from outside any generation (admin tools,
 * memberId null: only while the group has no members). Offsets mean "next offset to read".
 */
export function commitOffsets(ctx: Ctx, groupId: string, memberId: string | null, generation: number, offsets: Record<string, number>): { ok: true } | { ok: false; reason: CommitRejection } {
  const g = group(ctx, groupId);
  if (memberId === null) {
    if (Object.keys(g.members).length > 0) return { ok: false, reason: "UNKNOWN_MEMBER_ID" };
  } else {
    if (!g.members[memberId]) return { ok: false, reason: "UNKNOWN_MEMBER_ID" };
    if (g.state === "CompletingRebalance") return { ok: false, reason: "REBALANCE_IN_PROGRESS" };
    if (generation !== g.generation) return { ok: false, reason: "ILLEGAL_GENERATION" };
  }
  storeOffsets(ctx, groupId, offsets);
  return { ok: true };
}

/** Writes committed offsets without membership checks (transactional offset commits, admin resets). */
export function storeOffsets(ctx: Ctx, groupId: string, offsets: Record<string, number>): void {
  const g = group(ctx, groupId);
  const committed = { ...g.committed };
  for (const [tp, offset] of Object.entries(offsets)) committed[tp] = { offset, committedAt: ctx.state.time };
  setGroup(ctx, { ...g, committed, emptySince: g.state === "Empty" ? (g.emptySince ?? ctx.state.time) : g.emptySince });
}

/**
 * When each committed offset of `g` expires (KIP-211): offsets of an Empty group count from when it
 * became Empty (or their commit, if later); in an active group, offsets of topics no member
 * subscribes to any more count from their commit. Others never expire.
 */
function expiryTimes(g: GroupState, now: number, retention: number): [string, number][] {
  if (g.state === "Empty") {
    const since = g.emptySince ?? now;
    return Object.entries(g.committed).map(([tp, c]) => [tp, Math.max(since, c.committedAt) + retention]);
  }
  const subscribed = new Set(Object.values(g.members).flatMap((m) => m.subscription));
  return Object.entries(g.committed)
    .filter(([tp]) => !subscribed.has(parseTpKey(tp)?.topic ?? tp))
    .map(([tp, c]) => [tp, c.committedAt + retention]);
}

/**
 * One offsets-retention check (offsets.retention.minutes): expired offsets are removed, and an
 * Empty group left with no offsets is removed too.
 */
export function expireOffsets(ctx: Ctx): void {
  const retention = brokerSetting(ctx.state, "offsets.retention.minutes") * 60000;
  const now = ctx.state.time;
  for (const g of Object.values(ctx.state.groups)) {
    const expired = expiryTimes(g, now, retention).filter(([, at]) => at <= now).map(([tp]) => tp);
    if (expired.length) {
      const committed = { ...g.committed };
      for (const tp of expired) delete committed[tp];
      setGroup(ctx, { ...g, committed });
      emit(ctx, { type: "offsets-expired", group: g.id, partitions: expired });
    }
    if (g.state === "Empty" && Object.keys(ctx.state.groups[g.id]!.committed).length === 0) {
      removeGroup(ctx, g.id);
      emit(ctx, { type: "group-removed", group: g.id });
    }
  }
}

/** The next time an offsets-retention check could expire something, on the check schedule. */
export function nextOffsetsExpiry(ctx: Ctx): number {
  const retention = brokerSetting(ctx.state, "offsets.retention.minutes") * 60000;
  const interval = brokerSetting(ctx.state, "offsets.retention.check.interval.ms");
  const now = ctx.state.time;
  let earliest = Infinity;
  for (const g of Object.values(ctx.state.groups)) {
    // An Empty group without offsets goes at the next check.
    if (g.state === "Empty" && Object.keys(g.committed).length === 0) earliest = Math.min(earliest, now);
    for (const [, at] of expiryTimes(g, now, retention)) earliest = Math.min(earliest, at);
  }
  if (earliest === Infinity) return Infinity;
  return Math.max(1, Math.ceil(Math.max(earliest, now) / interval)) * interval;
}
