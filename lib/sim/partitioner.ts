/**
 * The producer's built-in partitioner: keyed records by murmur2 (partitionForKey), keyless
 * records sticky (KIP-480/KIP-794): they stay on one randomly chosen partition until about
 * `batch.size` bytes have gone to it, then a new partition is drawn. Not round-robin.
 */
import { partitionForKey } from "./murmur2";
import { nextInt, type RngState } from "./rng";

/** Per producer and topic: the sticky partition for keyless records and bytes sent to it. */
export interface StickyState {
  partition: number;
  bytes: number;
}

/** Where a record goes, the producer's sticky state after it and the PRNG state after it. */
export interface PartitionChoice {
  partition: number;
  sticky: StickyState | null;
  rng: RngState;
}

/**
 * Where a record goes. `sticky` is the producer's current keyless choice for the topic (null
 * before its first keyless record, or after the partition count changed).
 */
export function choosePartition(
  key: string | null,
  size: number,
  partitions: number,
  sticky: StickyState | null,
  batchSize: number,
  rng: RngState,
): PartitionChoice {
  if (key !== null) return { partition: partitionForKey(key, partitions), sticky, rng };
  let current = sticky && sticky.partition < partitions ? sticky : null;
  let state = rng;
  if (!current || current.bytes >= batchSize) {
    const [p, next] = nextInt(state, partitions);
    state = next;
    current = { partition: p, bytes: 0 };
  }
  return { partition: current.partition, sticky: { partition: current.partition, bytes: current.bytes + size }, rng: state };
}
