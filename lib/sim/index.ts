/**
 * The Kafka simulator's public API (a pure engine: no I/O, no wall clock, no Math.random).
 * Everything outside lib/sim imports from here, by name.
 */
export { createCluster, type ClusterSetup, type ClientSetup, type TopicSetup } from "./cluster";
export { step, type StepResult } from "./step";
export { commandSchema, COMMAND_NAMES, type Command, type CommandName } from "./commands";
export { type SimEvent, type SimEventType, type KafkaError } from "./events";
export { SimErrorCode, type SimError, type Result } from "./result";
export { parseScenario, runScenario, scenarioSetup, formatPath, type Scenario, type ScenarioError } from "./scenario";
export { observe, recordEvents, emptyHistory, type Observation, type History, type HistoryRecord } from "./observe";
export { nextEventTime } from "./clock";
export { cliCompletions } from "./cli";
export { sinkRows } from "./sinks";
export { lastStableOffset, readableRecords } from "./partition";
export { type StoredRecord } from "./log";
export { partitionForKey, murmur2 } from "./murmur2";
export { batchSize } from "./record-size";
export { tpKey, parseTpKey, type ClusterState, type TpKey, type ConsumerState, type ProducerState, type GroupState, type TopicState, type PartitionState, type SinkState, type SinkRow } from "./types";
export { type AssignorName, type TopicPartitionRef } from "./assignors";
