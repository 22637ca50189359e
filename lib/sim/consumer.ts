/**
 * The consumer client (KafkaConsumer with the classic protocol): joining through the coordinator,
 * eager and cooperative revocation, positions resolved at the first fetch, auto-commit only where
 * Kafka does it (inside poll when due, before a rebalance, in close), commitSync, seek, and the
 * application's processing into a sink.
 */
import { rebalanceProtocol, type TopicPartitionRef } from "./assignors";
import { emit, patchConsumer, consumer, reportError, type Ctx } from "./context";
import type { KafkaError } from "./events";
import { commitOffsets, joinGroup, removeMember, stopHeartbeats, type Completion } from "./group";
import { fetchPartition, lastStableOffset } from "./partition";
import { writeSink } from "./sinks";
import { brokerSetting } from "./settings";
import { autoCreateTopic } from "./topics";
import { parseTpKey, tpKey, type ConsumerState, type DeliveredRecord, type SinkSpec } from "./types";

const COMMIT_FAILED =
  "Offset commit cannot be completed since the consumer is not part of an active group for auto partition assignment; it is likely that the consumer was kicked out of the group.";
const REBALANCE_IN_PROGRESS =
  "Offset commit cannot be completed since the consumer is undergoing a rebalance for auto partition assignment. You can try completing the rebalance by calling poll() and then retry the operation.";
const INVALID_SESSION_TIMEOUT =
  "The session timeout is not within the range allowed by the broker (as configured by group.min.session.timeout.ms and group.max.session.timeout.ms).";
const NO_GROUP_ID = "To use the group management or offset commit APIs, you must provide a valid group.id in the consumer configuration.";

function sortRefs(refs: TopicPartitionRef[]): TopicPartitionRef[] {
  return [...refs].sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
}

/** Whether the client waits for a join it already sent (client-side PREPARING_REBALANCE). */
function awaitingJoin(ctx: Ctx, c: ConsumerState): boolean {
  const g = c.config.groupId === null ? undefined : ctx.state.groups[c.config.groupId];
  const m = c.memberId === null ? undefined : g?.members[c.memberId];
  return !!m && g!.state === "PreparingRebalance" && m.rejoined;
}

/** Whether the client must (re)join at its next poll. */
function needsJoin(ctx: Ctx, c: ConsumerState): boolean {
  if (c.memberId === null || c.rejoinNeeded) return true;
  const g = ctx.state.groups[c.config.groupId!];
  const m = g?.members[c.memberId];
  if (!m) return true;
  return g!.state === "PreparingRebalance" && !m.rejoined;
}

/** The committed-offset map of the client's current positions. */
function positionOffsets(c: ConsumerState): Record<string, number> {
  const out: Record<string, number> = {};
  for (const tp of c.assignment) {
    const key = tpKey(tp.topic, tp.partition);
    if (c.positions[key] !== undefined) out[key] = c.positions[key]!;
  }
  return out;
}

/**
 * commitSync of `offsets` for the client. Returns the error Kafka would throw, or null. Never
 * changes anything when it fails.
 */
function commitFor(ctx: Ctx, c: ConsumerState, offsets: Record<string, number>, auto: boolean): KafkaError | null {
  if (c.config.groupId === null) return { type: "InvalidGroupIdException", message: NO_GROUP_ID };
  if (Object.keys(offsets).length === 0) return null;
  for (const key of Object.keys(offsets)) {
    const tp = parseTpKey(key);
    if (!tp || !ctx.state.topics[tp.topic]?.partitions[tp.partition]) return { type: "UnknownTopicOrPartitionException", message: "This server does not host this topic-partition." };
  }
  if (c.kicked || c.memberId === null) return { type: "CommitFailedException", message: COMMIT_FAILED };
  if (awaitingJoin(ctx, c)) return { type: "RebalanceInProgressException", message: REBALANCE_IN_PROGRESS };
  const result = commitOffsets(ctx, c.config.groupId, c.memberId, c.generation, offsets);
  if (!result.ok) return { type: "CommitFailedException", message: COMMIT_FAILED };
  emit(ctx, { type: "committed", group: c.config.groupId, client: c.id, offsets, auto });
  return null;
}

/** The application's commitSync(), with the current positions or explicit offsets. */
export function commitSync(ctx: Ctx, id: string, offsets?: Record<string, number>): void {
  const c = consumer(ctx, id);
  const error = commitFor(ctx, c, offsets ?? positionOffsets(c), false);
  if (error) reportError(ctx, c.id, error);
}

/** Auto-commit before a rebalance or in close: synchronous, failures are only logged (as Kafka does). */
function autoCommitNow(ctx: Ctx, c: ConsumerState): void {
  if (!c.config.enableAutoCommit) return;
  commitFor(ctx, c, positionOffsets(c), true);
}

/**
 * JoinGroup from this client (inside poll or start): onJoinPrepare first (auto-commit; eager
 * revokes everything, a kicked-out member loses everything), then the coordinator's answer.
 */
function join(ctx: Ctx, id: string): void {
  let c = consumer(ctx, id);
  const groupId = c.config.groupId!;
  const timeout = c.config.sessionTimeoutMs;
  if (timeout < brokerSetting(ctx.state, "group.min.session.timeout.ms") || timeout > brokerSetting(ctx.state, "group.max.session.timeout.ms")) {
    return reportError(ctx, c.id, { type: "InvalidSessionTimeoutException", message: INVALID_SESSION_TIMEOUT });
  }
  for (const topic of c.subscribe) autoCreateTopic(ctx, topic);
  c = consumer(ctx, id);
  const owned = c.assignment;
  const ownedGeneration = c.generation;
  if (c.memberId !== null && !c.kicked) autoCommitNow(ctx, c);
  c = consumer(ctx, id);
  const protocol = rebalanceProtocol(c.config.assignors);
  if (c.kicked || c.memberId === null) {
    if (c.assignment.length) emit(ctx, { type: "revoked", group: groupId, client: id, partitions: c.assignment, lost: true });
    c = patchConsumer(ctx, id, { assignment: [], positions: {}, fetchOrder: [] });
  } else if (protocol === "eager" && c.assignment.length) {
    emit(ctx, { type: "revoked", group: groupId, client: id, partitions: c.assignment, lost: false });
    c = patchConsumer(ctx, id, { assignment: [], positions: {}, fetchOrder: [] });
  }
  // Metadata is fetched for topics it has not seen yet; known counts change only at refreshes.
  const known: Record<string, number> = { ...c.knownPartitions };
  for (const topic of c.subscribe) if (!known[topic]) known[topic] = ctx.state.topics[topic]?.partitions.length ?? 0;
  patchConsumer(ctx, id, { rejoinNeeded: false, kicked: false, knownPartitions: known });
  const outcome = joinGroup(ctx, groupId, {
    clientId: id,
    memberId: c.kicked ? null : c.memberId,
    instanceId: c.config.groupInstanceId,
    subscription: c.subscribe,
    assignors: c.config.assignors,
    rebalanceTimeoutMs: c.config.maxPollIntervalMs,
    sessionTimeoutMs: c.config.sessionTimeoutMs,
    heartbeatIntervalMs: c.config.heartbeatIntervalMs,
    owned: c.assignment,
    previous: c.kicked || c.memberId === null ? [] : owned,
    ownedGeneration,
  });
  if (outcome.kind === "rejected") return reportError(ctx, consumer(ctx, id).id, outcome.error);
  if (outcome.kind === "static-rejoin") {
    patchConsumer(ctx, id, { memberId: outcome.memberId, generation: outcome.generation, status: "active" });
    applyAssignment(ctx, id, outcome.generation, outcome.assignment);
    return;
  }
  patchConsumer(ctx, id, { memberId: outcome.memberId, status: "active" });
  if (outcome.completion) deliverAssignments(ctx, outcome.completion);
}

/**
 * SyncGroup answers: every member whose client is waiting for this group gets its assignment.
 * Cooperative members revoke only what moved and rejoin for the follow-up rebalance.
 */
export function deliverAssignments(ctx: Ctx, completion: Completion): void {
  for (const m of completion.members) {
    const c = ctx.state.clients[m.clientId];
    if (c?.kind !== "consumer" || c.memberId !== m.memberId) continue;
    patchConsumer(ctx, c.id, { generation: completion.generation });
    applyAssignment(ctx, c.id, completion.generation, m.assignment);
  }
}

function applyAssignment(ctx: Ctx, id: string, generation: number, assignment: TopicPartitionRef[]): void {
  const c = consumer(ctx, id);
  const groupId = c.config.groupId!;
  const next = sortRefs(assignment);
  const nextKeys = new Set<string>(next.map((tp) => tpKey(tp.topic, tp.partition)));
  const revoked = c.assignment.filter((tp) => !nextKeys.has(tpKey(tp.topic, tp.partition)));
  const ownedKeys = new Set(c.assignment.map((tp) => tpKey(tp.topic, tp.partition)));
  const added = next.filter((tp) => !ownedKeys.has(tpKey(tp.topic, tp.partition)));
  const positions: Record<string, number> = {};
  for (const key of nextKeys) if (c.positions[key] !== undefined) positions[key] = c.positions[key]!;
  if (revoked.length) emit(ctx, { type: "revoked", group: groupId, client: id, partitions: revoked, lost: false });
  if (added.length || next.length === 0) emit(ctx, { type: "assigned", group: groupId, client: id, partitions: next });
  const fetchOrder = [...c.fetchOrder.filter((k) => nextKeys.has(k)), ...added.map((tp) => tpKey(tp.topic, tp.partition))];
  // Cooperative: what was revoked is handed over in a follow-up rebalance that this member starts.
  patchConsumer(ctx, id, { generation, assignment: next, positions, fetchOrder, rejoinNeeded: c.rejoinNeeded || revoked.length > 0 });
}

function checkGroupId(ctx: Ctx, c: ConsumerState): boolean {
  if (c.config.groupId !== null) return true;
  reportError(ctx, c.id, { type: "InvalidGroupIdException", message: NO_GROUP_ID });
  return false;
}

/** `start`: subscribe and join, as a first poll that fetches nothing. */
export function start(ctx: Ctx, id: string): void {
  const c = consumer(ctx, id);
  if (!checkGroupId(ctx, c)) return;
  patchConsumer(ctx, id, { lastPollAt: ctx.state.time, status: c.kicked ? "left" : "active" });
  if (needsJoin(ctx, c)) join(ctx, id);
}

/**
 * One poll(): rejoin if a rebalance is pending (a cooperative member that revoked something rejoins
 * again at once), auto-commit if the interval has elapsed, then fetch up to max.poll.records from
 * the partitions it owns, starting at its positions.
 */
export function poll(ctx: Ctx, id: string): void {
  let c = consumer(ctx, id);
  if (!checkGroupId(ctx, c)) return;
  patchConsumer(ctx, id, { lastPollAt: ctx.state.time });
  if (needsJoin(ctx, c)) {
    join(ctx, id);
    if (consumer(ctx, id).rejoinNeeded) join(ctx, id);
  }
  c = consumer(ctx, id);
  if (c.config.enableAutoCommit && ctx.state.time >= c.nextAutoCommitAt && !awaitingJoin(ctx, c)) {
    commitFor(ctx, c, positionOffsets(c), true);
    c = patchConsumer(ctx, id, { nextAutoCommitAt: ctx.state.time + c.config.autoCommitIntervalMs });
  }
  fetch(ctx, id);
}

/** Where a partition's position starts: the group's committed offset, else auto.offset.reset. */
function initialPosition(ctx: Ctx, c: ConsumerState, tp: TopicPartitionRef): number | KafkaError {
  const key = tpKey(tp.topic, tp.partition);
  const committed = ctx.state.groups[c.config.groupId!]?.committed[key];
  if (committed) {
    emit(ctx, { type: "position-reset", client: c.id, topic: tp.topic, partition: tp.partition, from: null, to: committed.offset, reason: "committed" });
    return committed.offset;
  }
  return resetPosition(ctx, c, tp, null, "no-committed-offset");
}

function resetPosition(ctx: Ctx, c: ConsumerState, tp: TopicPartitionRef, from: number | null, reason: "no-committed-offset" | "out-of-range"): number | KafkaError {
  const key = tpKey(tp.topic, tp.partition);
  const p = ctx.state.topics[tp.topic]!.partitions[tp.partition]!;
  const policy = c.config.autoOffsetReset;
  if (policy === "none") {
    return reason === "out-of-range"
      ? { type: "OffsetOutOfRangeException", message: `Fetch position FetchPosition{offset=${from}, offsetEpoch=Optional.empty, currentLeader=LeaderAndEpoch{leader=Optional[localhost:9092 (id: 1 rack: null)], epoch=0}} is out of range for partition ${key}` }
      : { type: "NoOffsetForPartitionException", message: `Undefined offset with no reset policy for partitions: [${key}]` };
  }
  const to = policy === "earliest" ? p.log.logStartOffset : c.config.isolationLevel === "read_committed" ? lastStableOffset(p) : p.log.highWatermark;
  emit(ctx, { type: "position-reset", client: c.id, topic: tp.topic, partition: tp.partition, from, to, reason });
  return to;
}

function fetch(ctx: Ctx, id: string): void {
  let c = consumer(ctx, id);
  if (c.assignment.length === 0 || awaitingJoin(ctx, c) && rebalanceProtocol(c.config.assignors) === "eager") return;
  const positions = { ...c.positions };
  const byKey = new Map(c.assignment.map((tp) => [tpKey(tp.topic, tp.partition) as string, tp]));
  const order = c.fetchOrder.filter((k) => byKey.has(k));
  const delivered: DeliveredRecord[] = [];
  const served: string[] = [];
  for (const key of order) {
    const tp = byKey.get(key)!;
    const partition = ctx.state.topics[tp.topic]?.partitions[tp.partition];
    if (!partition) continue;
    let position = positions[key] ?? initialPosition(ctx, c, tp);
    if (typeof position !== "number") return reportError(ctx, c.id, position);
    if (position < partition.log.logStartOffset || position > partition.log.highWatermark) {
      position = resetPosition(ctx, c, tp, position, "out-of-range");
      if (typeof position !== "number") return reportError(ctx, c.id, position);
    }
    const room = c.config.maxPollRecords - delivered.length;
    const result = room > 0 ? fetchPartition(partition, position, room, c.config.isolationLevel) : null;
    if (result?.kind === "records") {
      for (const r of result.records) delivered.push({ topic: tp.topic, partition: tp.partition, offset: r.offset, key: r.key, value: r.value, timestamp: r.timestamp });
      if (result.records.length) served.push(key);
      position = result.next;
    }
    positions[key] = position;
  }
  const fetchOrder = [...order.filter((k) => !served.includes(k)), ...served];
  c = patchConsumer(ctx, id, { positions, fetchOrder, pending: delivered.length ? [...c.pending, ...delivered] : c.pending });
  if (delivered.length) emit(ctx, { type: "delivered", client: id, records: delivered });
}

/**
 * The application processes everything delivered and not yet processed: at once, or (with a
 * duration) until `now + durationMs`, during which it cannot poll but keeps heartbeating.
 */
export function processRecords(ctx: Ctx, id: string, durationMs: number | undefined): void {
  const c = consumer(ctx, id);
  if (durationMs !== undefined && durationMs > 0) {
    const until = ctx.state.time + durationMs;
    patchConsumer(ctx, id, { pending: [], inProgress: c.pending, busyUntil: until, status: "busy" });
    emit(ctx, { type: "processing", client: id, records: c.pending, until });
    return;
  }
  patchConsumer(ctx, id, { pending: [] });
  finishProcessing(ctx, id, c.pending);
}

function finishProcessing(ctx: Ctx, id: string, records: DeliveredRecord[]): void {
  const c = consumer(ctx, id);
  if (records.length === 0) return;
  emit(ctx, { type: "processed", client: id, records });
  if (c.sink) writeSink(ctx, c.sink, id, records);
}

/** The end of a timed `process`: the records count as processed now. */
export function onProcessingDone(ctx: Ctx, id: string): void {
  const c = consumer(ctx, id);
  patchConsumer(ctx, id, { inProgress: [], busyUntil: null, status: c.kicked ? "left" : "active" });
  finishProcessing(ctx, id, c.inProgress);
}

/**
 * max.poll.interval.ms passed since the last poll: the heartbeat thread leaves the group
 * ("consumer poll timeout has expired."); a static member just stops heartbeating and is
 * expired after session.timeout.ms. Either way its generation is gone, so commits fail.
 */
export function onPollTimeout(ctx: Ctx, id: string): void {
  const c = consumer(ctx, id);
  if (c.memberId === null || c.config.groupId === null) return;
  const groupId = c.config.groupId;
  const memberId = c.memberId;
  patchConsumer(ctx, id, { kicked: true, memberId: null, generation: -1, status: c.status === "busy" ? "busy" : "left" });
  emit(ctx, { type: "client", client: id, action: "kicked-out" });
  if (c.config.groupInstanceId !== null) stopHeartbeats(ctx, groupId, memberId);
  else {
    const completion = removeMember(ctx, groupId, memberId, "poll-timeout");
    if (completion) deliverAssignments(ctx, completion);
  }
}

/** When the client's poll timer expires, or Infinity. */
export function pollDeadline(c: ConsumerState): number {
  if (c.memberId === null || c.lastPollAt === null || (c.status !== "active" && c.status !== "busy")) return Infinity;
  return c.lastPollAt + c.config.maxPollIntervalMs;
}

/** The application's output changes (e.g. redeployed to upsert): later processing writes this way. */
export function setSink(ctx: Ctx, id: string, sink: SinkSpec | null): void {
  patchConsumer(ctx, id, { sink });
  emit(ctx, { type: "sink-changed", client: id, sink });
}

/** seek(): the next poll fetches `partition` from `offset` (checked against the log only then). */
export function seek(ctx: Ctx, id: string, topic: string, partition: number, offset: number): void {
  const c = consumer(ctx, id);
  const key = tpKey(topic, partition);
  if (!c.assignment.some((tp) => tp.topic === topic && tp.partition === partition)) {
    return reportError(ctx, c.id, { type: "IllegalStateException", message: `No current assignment for partition ${key}` });
  }
  patchConsumer(ctx, id, { positions: { ...c.positions, [key]: offset } });
  emit(ctx, { type: "seek", client: id, topic, partition, offset });
}

/** close(): auto-commit if enabled, LeaveGroup (dynamic members only), stop. */
export function close(ctx: Ctx, id: string): void {
  const c = consumer(ctx, id);
  const groupId = c.config.groupId;
  if (c.memberId !== null && !c.kicked) autoCommitNow(ctx, c);
  if (groupId !== null && c.memberId !== null) {
    if (c.config.groupInstanceId !== null) stopHeartbeats(ctx, groupId, c.memberId);
    else {
      const completion = removeMember(ctx, groupId, c.memberId, "leave");
      if (completion) deliverAssignments(ctx, completion);
    }
  }
  patchConsumer(ctx, id, { status: "closed", memberId: null, generation: -1, assignment: [], positions: {}, fetchOrder: [], pending: [], inProgress: [], busyUntil: null });
  emit(ctx, { type: "client", client: id, action: "closed" });
}

/** The process dies: nothing is committed, no LeaveGroup, heartbeats stop, unfinished work is lost. */
export function crash(ctx: Ctx, id: string): void {
  const c = consumer(ctx, id);
  if (c.config.groupId !== null && c.memberId !== null) stopHeartbeats(ctx, c.config.groupId, c.memberId);
  patchConsumer(ctx, id, { status: "crashed", memberId: null, generation: -1, assignment: [], positions: {}, fetchOrder: [], pending: [], inProgress: [], busyUntil: null });
  emit(ctx, { type: "client", client: id, action: "crashed" });
}

/** A new instance of a crashed or closed consumer, same config (a new member id when it joins). */
export function restart(ctx: Ctx, id: string): void {
  const c = consumer(ctx, id);
  const now = ctx.state.time;
  const known: Record<string, number> = {};
  for (const topic of c.subscribe) known[topic] = ctx.state.topics[topic]?.partitions.length ?? 0;
  patchConsumer(ctx, id, {
    status: "idle",
    kicked: false,
    createdAt: now,
    memberId: null,
    generation: -1,
    lastPollAt: null,
    nextAutoCommitAt: now + c.config.autoCommitIntervalMs,
    rejoinNeeded: false,
    knownPartitions: known,
  });
  emit(ctx, { type: "client", client: id, action: "restarted" });
}
