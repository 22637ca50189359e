/**
 * The command vocabulary shared by the scenario runner, the tests and the "try it" panels: one
 * command per scenario step (`do`), validated with zod where input is untrusted (`parseCommand`),
 * then passed typed to `step`. `at` (optional) moves the clock forward first.
 */
import { MAX_PARTITIONS_PER_TOPIC } from "./limits";
import { z } from "zod";

const time = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const name = z.string().min(1).max(249);
const clientId = z.string().min(1).max(100);
/** `{"topic-partition": offset}`, keys as Kafka prints them (`payments-0`). */
const offsets = z.record(
  z.string().max(260).regex(/^[a-zA-Z0-9._-]+-(0|[1-9][0-9]{0,5})$/, 'expected "topic-partition", e.g. "payments-0"'),
  z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
);
const client = { at: time.optional(), client: clientId };

/** zod schema of one command, for untrusted input (the runner, the panels' API). */
export const commandSchema = z.discriminatedUnion("do", [
  z.strictObject({
    do: z.literal("produce"),
    ...client,
    topic: name,
    key: z.string().max(10_000).nullable().optional(),
    value: z.string().max(100_000).nullable().optional(),
    timestamp: time.optional(),
    partition: z.number().int().min(0).max(100_000).optional(),
    ackLost: z.boolean().optional(),
    /** Bulk form: these records, one batch each, exactly as that many `produce` steps at this instant. */
    records: z
      .array(
        z.strictObject({
          key: z.string().max(10_000).nullable(),
          value: z.string().max(100_000).nullable(),
          timestamp: time.optional(),
          partition: z.number().int().min(0).max(100_000).optional(),
        }),
      )
      .min(1)
      .max(1_000_000)
      .optional(),
  }),
  z.strictObject({ do: z.literal("initTransactions"), ...client }),
  z.strictObject({ do: z.literal("beginTransaction"), ...client }),
  z.strictObject({ do: z.literal("commitTransaction"), ...client }),
  z.strictObject({ do: z.literal("abortTransaction"), ...client }),
  z.strictObject({ do: z.literal("sendOffsetsToTransaction"), ...client, group: name, offsets }),
  z.strictObject({ do: z.literal("start"), ...client }),
  z.strictObject({ do: z.literal("poll"), ...client }),
  z.strictObject({ do: z.literal("process"), ...client, durationMs: time.optional() }),
  z.strictObject({ do: z.literal("commit"), ...client, offsets: offsets.optional() }),
  z.strictObject({ do: z.literal("seek"), ...client, topic: name, partition: z.number().int().min(0).max(100_000), offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }),
  z.strictObject({ do: z.literal("close"), ...client }),
  /** Ours, for the panels: the application now writes to `sink` this way (e.g. redeployed with upserts); null stops writing. */
  z.strictObject({
    do: z.literal("setSink"),
    ...client,
    sink: z.strictObject({ name: name, mode: z.enum(["insert", "upsert"]), key: z.enum(["key", "value", "offset"]).optional() }).nullable(),
  }),
  z.strictObject({ do: z.literal("crash"), ...client }),
  z.strictObject({ do: z.literal("restart"), ...client }),
  z.strictObject({ do: z.literal("createTopic"), at: time.optional(), topic: name, partitions: z.number().int().min(1).max(MAX_PARTITIONS_PER_TOPIC), config: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional() }),
  z.strictObject({ do: z.literal("alterPartitions"), at: time.optional(), topic: name, partitions: z.number().int().min(1).max(MAX_PARTITIONS_PER_TOPIC) }),
  z.strictObject({ do: z.literal("alterConfig"), at: time.optional(), topic: name, set: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(), delete: z.array(z.string()).optional() }),
  z.strictObject({ do: z.literal("deleteRecords"), at: time.optional(), topic: name, partition: z.number().int().min(0).max(100_000), offset: z.number().int().min(-1).max(Number.MAX_SAFE_INTEGER) }),
  z.strictObject({ do: z.literal("runRetention"), at: time.optional() }),
  z.strictObject({ do: z.literal("runCleaner"), at: time.optional() }),
  z.strictObject({ do: z.literal("cli"), at: time.optional(), command: z.string().min(1).max(20_000) }),
  z.strictObject({ do: z.literal("advance"), at: time }),
]);

/** One command; `at` absent means "now". */
export type Command = z.infer<typeof commandSchema>;
/** A command's `do`. */
export type CommandName = Command["do"];
/** The command shape for one `do`. */
export type CommandOf<N extends CommandName> = Extract<Command, { do: N }>;

/** Every command name, in the order of the contract's table. */
export const COMMAND_NAMES = commandSchema.options.map((o) => o.shape.do.value) as readonly CommandName[];
