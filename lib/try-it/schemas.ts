/**
 * The "try it" scenario file format (content/try-it/<id>.json): the starting cluster in the
 * runner's scenario format, the controls a panel offers, captions, and goals (conditions on what
 * the simulator did). zod only; the loader checks the cluster itself against the engine.
 */
import { z } from "zod";
import { commandSchema } from "@/lib/sim";

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lowercase words joined by dashes").max(60);
const text = (max: number) => z.string().trim().min(1).max(max);

/** A button: a label and the command it sends, at the simulated time of the press (so it has no `at`). */
export const controlSchema = z.strictObject({
  id,
  label: text(60),
  /** What pressing it does, in one line (shown as the button's description). */
  caption: text(200).optional(),
  command: commandSchema.refine((c) => c.at === undefined, { message: "a control runs when pressed: no \"at\"", path: ["at"] }),
});

const count = z.strictObject({ atLeast: z.number().int().min(0).optional(), exactly: z.number().int().min(0).optional() });

/**
 * A goal's condition. Event conditions count everything the session did since its start (in any
 * order); state conditions look at the cluster now. `all` needs every part.
 */
export type GoalCondition =
  | { event: string; where?: Record<string, string | number | boolean>; count?: z.infer<typeof count> }
  | { sink: string; duplicates: z.infer<typeof count> }
  | { sink: string; rowsPerKey: z.infer<typeof count> }
  | { partition: { topic: string; partition: number }; logStartOffset: z.infer<typeof count> }
  | { all: GoalCondition[] };

export const goalConditionSchema: z.ZodType<GoalCondition> = z.lazy(() =>
  z.union([
    z.strictObject({ event: z.string().min(1).max(40), where: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(), count: count.optional() }),
    z.strictObject({ sink: z.string().min(1), duplicates: count }),
    z.strictObject({ sink: z.string().min(1), rowsPerKey: count }),
    z.strictObject({ partition: z.strictObject({ topic: z.string().min(1), partition: z.number().int().min(0) }), logStartOffset: count }),
    z.strictObject({ all: z.array(goalConditionSchema).min(1).max(8) }),
  ]),
);

export const goalSchema = z.strictObject({
  id,
  title: text(120),
  /** Shown when the goal is reached: why it happened, in the lesson's words. */
  explain: text(600),
  when: goalConditionSchema,
});

export const tryItScenarioSchema = z.strictObject({
  id,
  /** Bump when the setup, controls or goals change: sessions keep the version they started with. */
  version: z.number().int().min(1),
  title: text(120),
  intro: text(800),
  /** The starting cluster, in the runner's scenario format (its steps run before the learner's). */
  scenario: z.record(z.string(), z.unknown()),
  controls: z.array(controlSchema).min(1).max(24),
  /** Clock buttons offered (ms), e.g. [1000, 10000]; "to next event" is always offered. */
  advance: z.array(z.number().int().min(1).max(7 * 24 * 3600 * 1000)).max(4).default([1000, 10000]),
  /** Whether the panel shows a terminal for kafka-* commands. */
  terminal: z.boolean().default(false),
  goals: z.array(goalSchema).min(1).max(8),
});

export type TryItScenario = z.infer<typeof tryItScenarioSchema>;
export type TryItControl = z.infer<typeof controlSchema>;
export type TryItGoal = z.infer<typeof goalSchema>;

// Requests of the sessions API (app/api/sim/sessions).

const slug = z.string().min(1).max(80).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "a slug");

/** POST /api/sim/sessions: the panel (lesson and scenario) to open or continue. */
export const openSessionSchema = z.strictObject({ guide: slug, lesson: slug, scenario: id });

const expectedVersion = z.number().int().min(0).max(1_000_000);

/**
 * POST …/commands: one engine command and the version the client last saw. Bulk produces are
 * for loading scenarios, not for panels: at most 100 records per command here.
 */
export const sessionCommandSchema = z.strictObject({
  command: commandSchema.refine((c) => c.do !== "produce" || (c.records?.length ?? 0) <= 100, { message: "at most 100 records per command", path: ["records"] }),
  expectedVersion,
});

/** POST …/undo: the version the client last saw (undo takes back that version's last command). */
export const undoSchema = z.strictObject({ expectedVersion });

/** GET …/replay?step=N: which step to show (absent: the latest). */
export const replayQuerySchema = z.strictObject({ step: z.coerce.number().int().min(0).max(1_000_000).optional() });
