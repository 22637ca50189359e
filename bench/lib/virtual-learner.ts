/**
 * One virtual learner of the load benchmark (bench/load.ts): a signed-in browser going through a
 * lesson again and again. Each round it loads the lesson page, records the visit, plays with the
 * lesson's "try it" panel (its buttons, in order), records the section it scrolled to, plays some
 * more, records that it read the lesson to the end, then fetches the quiz and submits it (most
 * answers right). Every request is one the real pages send, with the body they send.
 *
 * It keeps what the server told it: the panel's session version (each command must name the
 * version it was computed on, else 409) and the quiz's attemptKey and choice order. It never sends
 * more rate-limited requests than the app allows one learner in a window, so a run cannot end up
 * measuring 429s: a step over its budget is skipped (and counted), not sent.
 */
import { LIMITS } from "../../lib/try-it/limits";
import { Rng } from "./instructor-seed";
import type { LoadLesson } from "./lesson-content";
import { learnerHeaders, type SignedInLearner } from "./learners";
import type { Step, VirtualUser } from "./virtual-users";

/** How the figures name the endpoints. */
export const ENDPOINTS = {
  page: "GET lesson page",
  progress: "PUT …/progress",
  quiz: "GET …/quiz",
  submit: "POST …/quiz/attempts",
  command: "POST /api/sim/sessions/{id}/commands",
  /** Only after a command failed: the panel reloads its session to learn the current version. */
  resync: "GET /api/sim/sessions/{id}",
} as const;

type Action = "page" | "visited" | "section" | "read" | "quiz" | "submit" | "command";

/** Panel commands in each of the round's two bursts. */
const COMMANDS_PER_BURST = 6;

/** One round (one pass through the lesson): 18 requests, one of them a quiz submission. */
export const ROUND: readonly Action[] = [
  "page",
  "visited",
  ...Array<Action>(COMMANDS_PER_BURST).fill("command"),
  "section",
  ...Array<Action>(COMMANDS_PER_BURST).fill("command"),
  "read",
  "quiz",
  "submit",
];

/**
 * What the app lets one signed-in learner send per fixed 10-minute window (lib/quizzes/submit.ts,
 * lib/progress/record.ts, app/api/sim/sessions/[id]/commands/route.ts), and what one panel session
 * takes at most (lib/try-it/limits.ts). A run of a few minutes spans at most one window boundary,
 * after which counts start again: staying within these over the whole run is enough.
 */
export const LEARNER_BUDGETS = {
  submit: 30,
  progress: 600,
  command: Math.min(1200, LIMITS.commandsPerSession),
} as const;

/** Share of questions a learner answers right (the rest: a wrong choice). */
export const RIGHT_ANSWERS = 0.8;

interface ServedQuiz {
  attemptKey: string;
  questions: { choices: string[] }[];
}

/** `body` as JSON, or null when it is not (a response cut short). */
function parse<T>(body: string): T | null {
  try {
    return JSON.parse(body) as T;
  } catch {
    return null;
  }
}

export class VirtualLearner implements VirtualUser {
  readonly headers: Record<string, string>;
  /** Steps skipped because they would have gone over a budget (should stay 0). */
  readonly skipped: Record<string, number> = {};
  private readonly sent = { submit: 0, progress: 0, command: 0 };
  private readonly rng: Rng;
  private readonly base: string;
  private round = 0;
  private nextCommand = 0;
  private served: ServedQuiz | null = null;
  private resync = false;

  /**
   * `sessionId`/`version`: the learner's panel session, opened before the run (POST
   * /api/sim/sessions). `seed`: for its choice of sections and answers.
   */
  constructor(
    learner: SignedInLearner,
    origin: string,
    private readonly lesson: LoadLesson,
    private readonly sessionId: string,
    private version: number,
    seed: number,
  ) {
    this.headers = learnerHeaders(learner, origin);
    this.rng = new Rng(seed);
    this.base = `/api/guides/${lesson.guide}/lessons/${lesson.lesson}`;
  }

  /**
   * After a run stopped this learner mid-request (its last answer never came back): start again
   * as a reloaded panel does, by reading the session's version. (A stranded quiz submission needs
   * nothing: its attempt key is spent, and the next round fetches a new one.)
   */
  resume(): void {
    this.resync = true;
  }

  next(): Step {
    if (this.resync) {
      this.resync = false;
      return { endpoint: ENDPOINTS.resync, method: "GET", path: `/api/sim/sessions/${this.sessionId}` };
    }
    // Some action of every round is always possible (the page), so this ends.
    for (;;) {
      const action = ROUND[this.round]!;
      this.round = (this.round + 1) % ROUND.length;
      const step = this.stepFor(action);
      if (step) return step;
      this.skipped[action] = (this.skipped[action] ?? 0) + 1;
    }
  }

  onResponse(step: Step, status: number, body: string): void {
    if (step.endpoint === ENDPOINTS.command || step.endpoint === ENDPOINTS.resync) {
      const version = status === 200 ? parse<{ version?: unknown }>(body)?.version : undefined;
      if (typeof version === "number") this.version = version;
      // A failed command leaves the version unknown (it may have been stored): ask, as the panel does.
      else this.resync = true;
    } else if (step.endpoint === ENDPOINTS.quiz) {
      this.served = status === 200 ? parse<ServedQuiz>(body) : null;
    }
  }

  /** The request for `action`, or null when it must be skipped (budget spent, no quiz to submit). */
  private stepFor(action: Action): Step | null {
    const progress = (json: unknown): Step | null => (this.spend("progress") ? { endpoint: ENDPOINTS.progress, method: "PUT", path: `${this.base}/progress`, json } : null);
    switch (action) {
      case "page":
        return { endpoint: ENDPOINTS.page, method: "GET", path: `/guides/${this.lesson.guide}/${this.lesson.lesson}` };
      case "visited":
        return progress({ visited: true });
      case "section":
        return progress({ section: this.rng.pick(this.lesson.sections) });
      case "read":
        return progress({ read: true, section: this.lesson.sections.at(-1) });
      case "quiz":
        return { endpoint: ENDPOINTS.quiz, method: "GET", path: `${this.base}/quiz` };
      case "submit":
        return this.served && this.spend("submit") ? { endpoint: ENDPOINTS.submit, method: "POST", path: `${this.base}/quiz/attempts`, json: this.answers(this.served) } : null;
      case "command": {
        if (!this.spend("command")) return null;
        const command = this.lesson.commands[this.nextCommand]!;
        this.nextCommand = (this.nextCommand + 1) % this.lesson.commands.length;
        return { endpoint: ENDPOINTS.command, method: "POST", path: `/api/sim/sessions/${this.sessionId}/commands`, json: { command, expectedVersion: this.version } };
      }
    }
  }

  private spend(kind: keyof typeof LEARNER_BUDGETS): boolean {
    if (this.sent[kind] >= LEARNER_BUDGETS[kind]) return false;
    this.sent[kind]++;
    return true;
  }

  /** The submission for `quiz` (each attempt shows the choices in its own order): mostly right. */
  private answers(quiz: ServedQuiz): { attemptKey: string; answers: number[] } {
    this.served = null;
    const answers = quiz.questions.map((q, i) => {
      const right = q.choices.indexOf(this.lesson.rightChoices[i] ?? "");
      if (right >= 0 && this.rng.chance(RIGHT_ANSWERS)) return right;
      const wrong = q.choices.map((_, c) => c).filter((c) => c !== right);
      return this.rng.pick(wrong.length > 0 ? wrong : [0]);
    });
    return { attemptKey: quiz.attemptKey, answers };
  }
}
