/**
 * The simulator's own size limits (Kafka has no such fixed numbers). Every way in, from a scenario
 * file, a command or a kafka-topics line, is held to the same limit, so no input can make the
 * engine allocate without bound.
 */

/** Partitions one topic may have. */
export const MAX_PARTITIONS_PER_TOPIC = 10_000;
