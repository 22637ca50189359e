/**
 * The engine's one entry point: `step(state, command)` moves the clock to the command's time
 * (running everything due on the way), applies the command and returns the new state with the
 * events that happened. Pure and deterministic: the same state and command always give the same
 * result, and `state` is never modified.
 */
import { advanceTo } from "./clock";
import { runCli } from "./cli";
import { cliHost } from "./cli-host";
import type { Command } from "./commands";
import { emit, producer as producerState, type Ctx } from "./context";
import * as consumers from "./consumer";
import type { SimEvent } from "./events";
import { cleanerPass, deleteRecordsAt, retentionCheck } from "./maintenance";
import { produceRecords } from "./producer";
import { fail, ok, SimErrorCode, type Result } from "./result";
import { alterPartitions, alterTopicConfig, createTopic, normalizeTopicConfig } from "./topics";
import * as txns from "./transactions";
import { newProducer } from "./cluster";
import type { ClusterState } from "./types";

/** The state after a step and what happened during it. */
export interface StepResult {
  state: ClusterState;
  events: SimEvent[];
}

type ClientCommand = Extract<Command, { client: string }>;
const CONSUMER_ONLY = new Set(["start", "poll", "process", "commit", "seek", "setSink"]);
const PRODUCER_ONLY = new Set(["produce", "initTransactions", "beginTransaction", "commitTransaction", "abortTransaction", "sendOffsetsToTransaction"]);

/** Checks that the command's client exists, has the right kind and can act now. */
function checkClient(state: ClusterState, cmd: ClientCommand): Result<null> {
  const c = state.clients[cmd.client];
  if (!c) return fail(SimErrorCode.UnknownClient, ["client"], `unknown client "${cmd.client}"`);
  if (CONSUMER_ONLY.has(cmd.do) && c.kind !== "consumer") return fail(SimErrorCode.WrongClientKind, ["client"], `"${cmd.client}" is a producer; ${cmd.do} needs a consumer`);
  if (PRODUCER_ONLY.has(cmd.do) && c.kind !== "producer") return fail(SimErrorCode.WrongClientKind, ["client"], `"${cmd.client}" is a consumer; ${cmd.do} needs a producer`);
  const stopped = c.status === "crashed" || c.status === "closed";
  if (cmd.do === "restart") return stopped ? ok(null) : fail(SimErrorCode.ClientNotRunning, ["client"], `client "${cmd.client}" is running; only a crashed or closed client can restart`);
  if (stopped) return fail(SimErrorCode.ClientNotRunning, ["client"], `client "${cmd.client}" has ${c.status === "crashed" ? "crashed" : "been closed"}; restart it first`);
  if (c.kind === "consumer" && c.busyUntil !== null && cmd.do !== "crash") {
    return fail(SimErrorCode.ClientBusy, ["client"], `client "${cmd.client}" is busy processing until t=${c.busyUntil}`);
  }
  return ok(null);
}

function applyClient(ctx: Ctx, cmd: ClientCommand): void {
  const id = cmd.client;
  switch (cmd.do) {
    case "produce":
      if (cmd.records) return produceRecords(ctx, id, cmd.topic, cmd.records, true);
      return produceRecords(ctx, id, cmd.topic, [{ key: cmd.key ?? null, value: cmd.value ?? null, timestamp: cmd.timestamp, partition: cmd.partition, ackLost: cmd.ackLost }]);
    case "initTransactions":
      return txns.initTransactions(ctx, id);
    case "beginTransaction":
      return txns.beginTransaction(ctx, id);
    case "commitTransaction":
      return txns.commitTransaction(ctx, id);
    case "abortTransaction":
      return txns.abortTransaction(ctx, id);
    case "sendOffsetsToTransaction":
      return txns.sendOffsetsToTransaction(ctx, id, cmd.group, cmd.offsets);
    case "start":
      return consumers.start(ctx, id);
    case "poll":
      return consumers.poll(ctx, id);
    case "process":
      return consumers.processRecords(ctx, id, cmd.durationMs);
    case "commit":
      return consumers.commitSync(ctx, id, cmd.offsets);
    case "seek":
      return consumers.seek(ctx, id, cmd.topic, cmd.partition, cmd.offset);
    case "setSink":
      return consumers.setSink(ctx, id, cmd.sink && { name: cmd.sink.name, mode: cmd.sink.mode, key: cmd.sink.key ?? "key" });
    case "close":
    case "crash":
    case "restart":
      return lifecycle(ctx, cmd.do, id);
  }
}

function lifecycle(ctx: Ctx, action: "close" | "crash" | "restart", id: string): void {
  const c = ctx.state.clients[id]!;
  if (c.kind === "consumer") {
    if (action === "close") return consumers.close(ctx, id);
    if (action === "crash") return consumers.crash(ctx, id);
    return consumers.restart(ctx, id);
  }
  if (action === "restart") {
    const fresh = newProducer(ctx, id, c.config);
    ctx.state = { ...ctx.state, clients: { ...ctx.state.clients, [id]: fresh } };
    emit(ctx, { type: "client", client: id, action: "restarted" });
    return;
  }
  if (action === "close") txns.abortOnClose(ctx, id);
  ctx.state = { ...ctx.state, clients: { ...ctx.state.clients, [id]: { ...producerState(ctx, id), status: action === "close" ? "closed" : "crashed" } } };
  emit(ctx, { type: "client", client: id, action: action === "close" ? "closed" : "crashed" });
}

type AdminCommand = Exclude<Command, ClientCommand>;

function applyAdmin(ctx: Ctx, cmd: AdminCommand): Result<null> {
  const refuse = (path: string, error: { message: string } | null): Result<null> => (error ? fail(SimErrorCode.InvalidCommand, [path], error.message) : ok(null));
  switch (cmd.do) {
    case "createTopic": {
      const config = normalizeTopicConfig(cmd.config ?? {});
      if (!config.ok) return fail(SimErrorCode.InvalidCommand, ["config", config.name], config.message);
      const error = createTopic(ctx, cmd.topic, cmd.partitions, cmd.config ?? {});
      return refuse(error?.type === "InvalidPartitionsException" ? "partitions" : "topic", error);
    }
    case "alterPartitions":
      return refuse(ctx.state.topics[cmd.topic] ? "partitions" : "topic", alterPartitions(ctx, cmd.topic, cmd.partitions));
    case "alterConfig": {
      if (!ctx.state.topics[cmd.topic]) return fail(SimErrorCode.InvalidCommand, ["topic"], `unknown topic "${cmd.topic}"`);
      const config = normalizeTopicConfig(cmd.set ?? {});
      if (!config.ok) return fail(SimErrorCode.InvalidCommand, ["set", config.name], config.message);
      return refuse("delete", alterTopicConfig(ctx, cmd.topic, cmd.set ?? {}, cmd.delete ?? []));
    }
    case "deleteRecords":
      if (!ctx.state.topics[cmd.topic]) return fail(SimErrorCode.InvalidCommand, ["topic"], `unknown topic "${cmd.topic}"`);
      if (cmd.partition >= ctx.state.topics[cmd.topic]!.partitions.length) return fail(SimErrorCode.InvalidCommand, ["partition"], `topic "${cmd.topic}" has no partition ${cmd.partition}`);
      return refuse("offset", deleteRecordsAt(ctx, cmd.topic, cmd.partition, cmd.offset));
    case "runRetention":
      retentionCheck(ctx);
      return ok(null);
    case "runCleaner":
      cleanerPass(ctx);
      return ok(null);
    case "cli": {
      const out = runCli(cmd.command, cliHost(ctx));
      emit(ctx, { type: "cli", command: cmd.command, ...out });
      return ok(null);
    }
    case "advance":
      return ok(null);
  }
}

/**
 * Applies one command. Fails (as a value, with nothing changed) when the command cannot run at all:
 * time going backwards, an unknown or stopped client, a client of the wrong kind, an invalid admin
 * request. Kafka-level failures (a rejected record, a failed commit) are events, not failures.
 */
export function step(state: ClusterState, command: Command): Result<StepResult> {
  if (command.at !== undefined && command.at < state.time) {
    return fail(SimErrorCode.TimeWentBackwards, ["at"], `time goes backwards (${command.at} < ${state.time})`);
  }
  if (command.do === "produce" && command.records && [command.key, command.value, command.timestamp, command.partition, command.ackLost].some((f) => f !== undefined)) {
    return fail(SimErrorCode.InvalidCommand, ["records"], "give either records or one record's key/value/timestamp/partition/ackLost, not both");
  }
  const ctx: Ctx = { state, events: [] };
  if (command.at !== undefined) advanceTo(ctx, command.at);
  if ("client" in command) {
    const checked = checkClient(ctx.state, command);
    if (!checked.ok) return checked;
    applyClient(ctx, command);
  } else {
    const applied = applyAdmin(ctx, command);
    if (!applied.ok) return applied;
  }
  return ok({ state: ctx.state, events: ctx.events });
}
