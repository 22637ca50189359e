/**
 * How much a "try it" session keeps and allows. Plain constants (no server code), so tests and
 * benchmarks can read them too.
 */

/** A snapshot every this many commands: a reload replays fewer than this many (except after an undo past the kept snapshots). */
export const SNAPSHOT_EVERY = 10;
/**
 * Snapshots kept per session (the latest): enough for undo to step back a while cheaply; undoing
 * further replays from the start, which is slower but always right (the command log is complete).
 */
export const SNAPSHOTS_KEPT = 5;
/** Timeline lines a reloaded panel gets back (the latest). */
export const TIMELINE_HISTORY = 100;
/** Limits per session and learner (over them: 429 with a message saying which). */
export const LIMITS = { commandsPerSession: 2000, partitionsPerSession: 64, recordsPerPartition: 5000, recordsPerSession: 20_000, sessionsPerLearner: 200 } as const;
