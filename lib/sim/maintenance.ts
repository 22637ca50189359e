/**
 * The broker's background log work: retention checks (every log.retention.check.interval.ms, at
 * t = k·interval) and the log cleaner (looking for work every log.cleaner.backoff.ms), both over
 * every partition, plus their on-demand forms (`runRetention`, `runCleaner`, DeleteRecords).
 */
import { cleanLog, cleanerView } from "./cleaner";
import { emit, setPartition, type Ctx } from "./context";
import type { KafkaError } from "./events";
import { lastStableOffset } from "./partition";
import { deleteRecords, runRetention } from "./retention";
import { brokerSetting, topicSettings, type TopicSettings } from "./settings";

/** One retention check over every partition of every topic with a delete policy. */
export function retentionCheck(ctx: Ctx): void {
  for (const topic of Object.values(ctx.state.topics)) {
    const s = topicSettings(ctx.state, topic.name);
    // Segments wholly below the log start offset go even without the delete policy (after DeleteRecords).
    topic.partitions.forEach((part, partition) => {
      const result = runRetention(part.log, { retentionMs: s.retentionMs, retentionBytes: s.retentionBytes, deletePolicy: s.deletePolicy }, ctx.state.time);
      if (result.deleted.length === 0) return;
      const start = result.log.logStartOffset;
      // Aborted ranges wholly below the log start offset can no longer matter to a reader.
      const aborted = part.aborted.filter((a) => a.lastOffset >= start);
      setPartition(ctx, topic.name, partition, { ...part, log: result.log, aborted, cleanerCheckpoint: Math.max(part.cleanerCheckpoint, start) });
      const byReason = new Map<string, number[]>();
      for (const d of result.deleted) byReason.set(d.reason, [...(byReason.get(d.reason) ?? []), d.baseOffset]);
      for (const [reason, baseOffsets] of byReason) emit(ctx, { type: "segments-deleted", topic: topic.name, partition, reason, baseOffsets, logStartOffset: result.log.logStartOffset });
    });
  }
}

function cleanerConfig(s: TopicSettings) {
  return { minCleanableDirtyRatio: s.minCleanableDirtyRatio, deleteRetentionMs: s.deleteRetentionMs, minCompactionLagMs: s.minCompactionLagMs, maxCompactionLagMs: s.maxCompactionLagMs, segmentBytes: s.segmentBytes };
}

/** One cleaner pass: every compacted partition that is eligible now gets cleaned. */
export function cleanerPass(ctx: Ctx): void {
  if (!brokerSetting(ctx.state, "log.cleaner.enable")) return;
  for (const topic of Object.values(ctx.state.topics)) {
    const s = topicSettings(ctx.state, topic.name);
    if (!s.compactPolicy) continue;
    topic.partitions.forEach((part, partition) => {
      const checkpoint = Math.max(part.cleanerCheckpoint, part.log.logStartOffset);
      const result = cleanLog(part.log, checkpoint, lastStableOffset(part), part.aborted, cleanerConfig(s), ctx.state.time);
      if (!result.cleaned) return;
      setPartition(ctx, topic.name, partition, { ...part, log: result.log, cleanerCheckpoint: result.checkpoint });
      emit(ctx, { type: "cleaned", topic: topic.name, partition, removedOffsets: result.removedOffsets });
    });
  }
}

/** Whether a retention check at time `t` would delete anything (monotone in t for a fixed log). */
export function retentionWouldAct(ctx: Ctx, t: number): boolean {
  for (const topic of Object.values(ctx.state.topics)) {
    const s = topicSettings(ctx.state, topic.name);
    for (const part of topic.partitions) {
      if (runRetention(part.log, { retentionMs: s.retentionMs, retentionBytes: s.retentionBytes, deletePolicy: s.deletePolicy }, t).deleted.length) return true;
    }
  }
  return false;
}

/** Whether a cleaner pass at time `t` would clean some partition (monotone in t for a fixed log). */
export function cleanerWouldAct(ctx: Ctx, t: number): boolean {
  if (!brokerSetting(ctx.state, "log.cleaner.enable")) return false;
  for (const topic of Object.values(ctx.state.topics)) {
    const s = topicSettings(ctx.state, topic.name);
    if (!s.compactPolicy) continue;
    for (const part of topic.partitions) {
      const checkpoint = Math.max(part.cleanerCheckpoint, part.log.logStartOffset);
      if (cleanerView(part.log, checkpoint, lastStableOffset(part), cleanerConfig(s), t).eligible) return true;
    }
  }
  return false;
}

/** DeleteRecords on one partition (kafka-delete-records / Admin.deleteRecords). */
export function deleteRecordsAt(ctx: Ctx, topic: string, partition: number, offset: number): KafkaError | null {
  const part = ctx.state.topics[topic]?.partitions[partition];
  if (!part) return { type: "UnknownTopicOrPartitionException", message: `This server does not host this topic-partition.` };
  const result = deleteRecords(part.log, offset, { topicPartition: `${topic}-${partition}`, deletePolicy: topicSettings(ctx.state, topic).deletePolicy });
  if (!result.ok) return result.error;
  setPartition(ctx, topic, partition, { ...part, log: result.log });
  emit(ctx, { type: "records-deleted", topic, partition, logStartOffset: result.log.logStartOffset });
  return null;
}
