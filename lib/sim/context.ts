/**
 * A step's working area: the current (immutable) state and the events emitted so far. Engine
 * functions replace `ctx.state` with new states that share everything they did not touch; nothing
 * reachable from an earlier state is ever modified.
 */
import type { KafkaError, SimEvent } from "./events";
import type { ClientState, ClusterState, ConsumerState, GroupState, PartitionState, ProducerState, TopicState } from "./types";

/** The state a step is building and the events it has emitted so far. */
export interface Ctx {
  state: ClusterState;
  events: SimEvent[];
}

type EventBody = SimEvent extends infer E ? (E extends SimEvent ? Omit<E, "at"> : never) : never;

/** Records an event at the current simulated time. */
export function emit(ctx: Ctx, event: EventBody): void {
  // The literal is the caller's own fresh object, so stamping it avoids a copy per event.
  (event as { at?: number }).at = ctx.state.time;
  ctx.events.push(event as SimEvent);
}

/** Records a Kafka-level error as client `client`'s application sees it (an exception from a call). */
export function reportError(ctx: Ctx, client: string, error: KafkaError): void {
  emit(ctx, { type: "error", client, error });
}

/** Replaces topic `topic.name` in the state. */
export function setTopic(ctx: Ctx, topic: TopicState): void {
  ctx.state = { ...ctx.state, topics: { ...ctx.state.topics, [topic.name]: topic } };
}

/** Replaces one partition of a topic (copying only the topic's partition array). */
export function setPartition(ctx: Ctx, topic: string, partition: number, next: PartitionState): void {
  const t = ctx.state.topics[topic]!;
  const partitions = t.partitions.slice();
  partitions[partition] = next;
  setTopic(ctx, { ...t, partitions });
}

/** Replaces (or adds) a group. */
export function setGroup(ctx: Ctx, group: GroupState): void {
  ctx.state = { ...ctx.state, groups: { ...ctx.state.groups, [group.id]: group } };
}

/** Removes a group (offsets expired, no members). */
export function removeGroup(ctx: Ctx, id: string): void {
  const groups = { ...ctx.state.groups };
  delete groups[id];
  ctx.state = { ...ctx.state, groups };
}

/** Replaces (or adds) a client. */
export function setClient(ctx: Ctx, client: ClientState): void {
  ctx.state = { ...ctx.state, clients: { ...ctx.state.clients, [client.id]: client } };
}

/** The consumer `id` (callers have checked that it exists and is a consumer). */
export function consumer(ctx: Ctx, id: string): ConsumerState {
  return ctx.state.clients[id] as ConsumerState;
}

/** The producer `id` (callers have checked that it exists and is a producer). */
export function producer(ctx: Ctx, id: string): ProducerState {
  return ctx.state.clients[id] as ProducerState;
}

/** Updates fields of consumer `id`; returns the new consumer. */
export function patchConsumer(ctx: Ctx, id: string, patch: Partial<ConsumerState>): ConsumerState {
  const next = { ...consumer(ctx, id), ...patch };
  setClient(ctx, next);
  return next;
}

/** Updates fields of producer `id`; returns the new producer. */
export function patchProducer(ctx: Ctx, id: string, patch: Partial<ProducerState>): ProducerState {
  const next = { ...producer(ctx, id), ...patch };
  setClient(ctx, next);
  return next;
}
