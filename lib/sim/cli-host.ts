/**
 * The emulated Kafka tools' view of the simulated cluster (CliHost over a step's context). Reads
 * are plain snapshots; writes go through the same engine functions as the scenario steps, so a
 * `kafka-topics --alter` and an `alterPartitions` step are one code path.
 */
import type { CliConsumeRequest, CliConsumeResult, CliHost, CliRecord, CliResult } from "./cli/host";
import { emit, type Ctx } from "./context";
import type { KafkaError } from "./events";
import { storeOffsets } from "./group";
import { fetchPartition, lastStableOffset } from "./partition";
import { produceRecords } from "./producer";
import { newProducer } from "./cluster";
import { alterPartitions, alterTopicConfig, createTopic, deleteTopic } from "./topics";
import { parseTpKey, tpKey } from "./types";


const result = (error: KafkaError | null): CliResult => (error ? { ok: false, error } : { ok: true });

/** One record from kafka-console-producer: a short-lived idempotent producer that is not a scenario client. */
function consoleProduce(ctx: Ctx, topic: string, key: string | null, value: string | null): CliResult {
  const before = ctx.events.length;
  // Named like the real tool's client.id, and never one of the scenario's clients.
  let toolId = "console-producer";
  for (let n = 2; ctx.state.clients[toolId]; n++) toolId = `console-producer-${n}`;
  const temp = newProducer(ctx, toolId, { acks: "all", enableIdempotence: true, transactionalId: null, batchSize: 16384, transactionTimeoutMs: 60000, metadataMaxAgeMs: 300000 });
  ctx.state = { ...ctx.state, clients: { ...ctx.state.clients, [toolId]: temp } };
  produceRecords(ctx, toolId, topic, [{ key, value }]);
  const rest = { ...ctx.state.clients };
  delete rest[toolId];
  ctx.state = { ...ctx.state, clients: rest };
  const error = ctx.events.slice(before).find((e) => e.type === "error");
  // The tool reports its own errors on stderr; they are not a scenario client's errors.
  ctx.events = ctx.events.filter((e, i) => i < before || e.type !== "error");
  return error?.type === "error" ? { ok: false, error: error.error } : { ok: true };
}

/** What kafka-console-consumer reads before it stops: from the group's committed offsets, the given offset, or earliest/latest. */
function consoleConsume(ctx: Ctx, req: CliConsumeRequest): CliConsumeResult {
  const topic = ctx.state.topics[req.topic];
  if (!topic) return { records: [] };
  const group = req.group === null ? undefined : ctx.state.groups[req.group];
  const partitions = req.partition === null ? topic.partitions.map((_, i) => i) : [req.partition];
  const records: CliRecord[] = [];
  const positions: Record<string, number> = {};
  for (const p of partitions) {
    const part = topic.partitions[p];
    if (!part) return { error: { type: "IllegalArgumentException", message: `Partition ${p} does not exist in topic ${req.topic}` } };
    const committed = group?.committed[tpKey(req.topic, p)]?.offset;
    const latest = req.isolationLevel === "read_committed" ? lastStableOffset(part) : part.log.highWatermark;
    let from = req.offset ?? committed ?? (req.fromBeginning ? part.log.logStartOffset : latest);
    if (from < part.log.logStartOffset || from > part.log.highWatermark) from = req.fromBeginning ? part.log.logStartOffset : latest;
    const room = req.maxMessages === null ? Number.MAX_SAFE_INTEGER : req.maxMessages - records.length;
    if (room <= 0) break;
    const fetched = fetchPartition(part, from, room, req.isolationLevel);
    if (fetched.kind !== "records") continue;
    for (const r of fetched.records) records.push({ key: r.key, value: r.value, partition: p, offset: r.offset, timestamp: r.timestamp });
    positions[tpKey(req.topic, p)] = fetched.next;
  }
  // With --group the tool commits where it stopped (auto-commit on close) if it could be the group's
  // only member; an active group would rebalance around it, which this emulation does not model.
  if (req.group !== null && (!group || Object.keys(group.members).length === 0)) {
    storeOffsets(ctx, req.group, positions);
    emit(ctx, { type: "committed", group: req.group, client: null, offsets: positions, auto: true });
  }
  return { records };
}

/** The CLI's host over the context of the step running the command. */
export function cliHost(ctx: Ctx): CliHost {
  return {
    staticBrokerConfigs: ctx.state.broker,
    listTopics: () => Object.keys(ctx.state.topics).sort(),
    topic: (name) => {
      const t = ctx.state.topics[name];
      return t ? { name, topicId: t.topicId, partitions: t.partitions.length, overrides: { ...t.config } } : null;
    },
    partitionOffsets: (name) =>
      (ctx.state.topics[name]?.partitions ?? []).map((p) => ({ logStartOffset: p.log.logStartOffset, highWatermark: p.log.highWatermark, lastStableOffset: lastStableOffset(p) })),
    createTopic: (name, partitions, overrides) => result(createTopic(ctx, name, partitions, overrides)),
    deleteTopic: (name) => result(deleteTopic(ctx, name)),
    alterPartitions: (name, partitions) => result(alterPartitions(ctx, name, partitions)),
    alterTopicConfig: (name, set, del) => result(alterTopicConfig(ctx, name, set, del)),
    listGroups: () => Object.keys(ctx.state.groups).sort(),
    group: (id) => {
      const g = ctx.state.groups[id];
      if (!g) return null;
      return {
        id,
        state: g.state,
        assignor: g.assignor ?? "",
        members: Object.values(g.members).map((m) => ({ memberId: m.memberId, clientId: m.clientId, instanceId: m.instanceId, host: "/127.0.0.1", assignment: m.assignment })),
        committed: Object.entries(g.committed).map(([key, c]) => ({ ...parseTpKey(key)!, offset: c.offset })),
      };
    },
    commitOffsets: (groupId, offsets) => {
      const g = ctx.state.groups[groupId];
      if (g && Object.keys(g.members).length > 0) return { ok: false, error: { type: "UnknownMemberIdException", message: "The coordinator is not aware of this member." } };
      const map = Object.fromEntries(offsets.map((o) => [tpKey(o.topic, o.partition), o.offset]));
      storeOffsets(ctx, groupId, map);
      emit(ctx, { type: "committed", group: groupId, client: null, offsets: map, auto: false });
      return { ok: true };
    },
    produce: (topic, key, value) => consoleProduce(ctx, topic, key, value),
    consume: (req) => consoleConsume(ctx, req),
  };
}
