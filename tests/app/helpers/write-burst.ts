/**
 * A burst of learner writes (quiz submissions, progress writes, simulator commands) from several
 * signed-in learners at once, recording what the server acknowledged, so a test can break the
 * database in the middle and then check that every acknowledged write is there, whole.
 */
import { AT_LEAST_ONCE_PANEL } from "../../fixtures/try-it-paths";
import { newLearner, type Client } from "./http-client";
import { answersFor, quizFile, quizPath, type ServedQuiz } from "./quiz";

export const BURST_GUIDE = "kafka";
/** Quiz submissions per learner per burst: under the 30 per 10 minutes a learner may send. */
const MAX_QUIZ_SUBMISSIONS = 20;

export interface BurstLearner {
  client: Client;
  userId: string;
  sessionId: string;
  version: number;
}

/** Everything the server answered, per learner, by kind. */
export interface BurstLog {
  /** Attempt ids of quiz submissions answered 200. */
  attempts: { userId: string; attemptId: string }[];
  /** Submissions that got no 200 (the database was down): their keys, to be sent again. */
  unanswered: { learner: BurstLearner; lesson: string; attemptKey: string; answers: number[] }[];
  /** Lessons marked read with a 200. */
  reads: { userId: string; lesson: string }[];
  /** The newest session version a simulator command was acknowledged with, per session. */
  simVersions: Map<string, number>;
  /** "METHOD path-kind status" → count, for the test's report and assertions. */
  statuses: Map<string, number>;
  /** Answers that must never happen: anything but 2xx, 409 (a stale sim version) or 503 with Retry-After. */
  unexpected: string[];
}

/** A new learner, signed in on the app at `baseUrl`, with the at-least-once panel open. */
export async function burstLearner(baseUrl: string, n: number): Promise<BurstLearner> {
  const { client, id } = await newLearner(`burst-${n}`, baseUrl);
  const session = await client.request("/api/sim/sessions", { method: "POST", json: AT_LEAST_ONCE_PANEL });
  if (session.status !== 200) throw new Error(`open panel: ${session.status} ${await session.text()}`);
  const { sessionId, version } = (await session.json()) as { sessionId: string; version: number };
  return { client, userId: id, sessionId, version };
}

const kindOf = (path: string) =>
  path
    .replace(/\/api\/guides\/[^/]+\/lessons\/[^/]+/, "/api/guides/…/lessons/…")
    .replace(/\/api\/sim\/sessions\/[^/]+/, "/api/sim/sessions/…");

/**
 * Starts every learner's loop (a simulator command, a progress write, a quiz fetch and submission,
 * a short pause); `log` fills as answers come. `stop` ends the loops after their current step and
 * resolves with the log.
 */
export function startBurst(learners: BurstLearner[], lessons: string[]): { log: BurstLog; stop: () => Promise<BurstLog> } {
  const log: BurstLog = { attempts: [], unanswered: [], reads: [], simVersions: new Map(), statuses: new Map(), unexpected: [] };
  let done = false;

  const send = async (learner: BurstLearner, path: string, init: { method?: string; json?: unknown }): Promise<Response | undefined> => {
    const res = await learner.client.request(path, init).catch((error: unknown) => {
      log.unexpected.push(`${init.method ?? "GET"} ${path}: no answer (${(error as Error).message})`);
      return undefined;
    });
    if (!res) return undefined;
    const key = `${init.method ?? "GET"} ${kindOf(path)} ${res.status}`;
    log.statuses.set(key, (log.statuses.get(key) ?? 0) + 1);
    const fine = res.ok || (res.status === 409 && path.includes("/commands")) || (res.status === 503 && res.headers.get("retry-after") !== null);
    if (!fine) log.unexpected.push(`${key}: ${await res.clone().text()}`);
    return res;
  };

  const loop = async (learner: BurstLearner, n: number) => {
    let clock = 0;
    let submissions = 0;
    for (let i = 0; !done; i += 1) {
      clock += 1000;
      const command = await send(learner, `/api/sim/sessions/${learner.sessionId}/commands`, {
        method: "POST",
        json: { command: { do: "advance", at: clock }, expectedVersion: learner.version },
      });
      if (command?.ok) {
        learner.version = ((await command.json()) as { version: number }).version;
        log.simVersions.set(learner.sessionId, learner.version);
      } else if (command?.status === 409) {
        // A command the server stored although its answer was lost: catch up with the session.
        const current = await send(learner, `/api/sim/sessions/${learner.sessionId}`, {});
        if (current?.ok) learner.version = ((await current.json()) as { version: number }).version;
      }

      const lesson = lessons[(n + i) % lessons.length]!;
      const read = await send(learner, `/api/guides/${BURST_GUIDE}/lessons/${lesson}/progress`, { method: "PUT", json: { read: true } });
      if (read?.ok) log.reads.push({ userId: learner.userId, lesson });

      if (submissions < MAX_QUIZ_SUBMISSIONS) {
        const served = await send(learner, quizPath(BURST_GUIDE, lesson), {});
        if (served?.ok) {
          const quiz = (await served.json()) as ServedQuiz;
          submissions += 1;
          const answers = answersFor(quiz, quizFile(BURST_GUIDE, lesson), i % 2 === 0 ? [] : [0]);
          const submitted = await send(learner, `${quizPath(BURST_GUIDE, lesson)}/attempts`, { method: "POST", json: { attemptKey: quiz.attemptKey, answers } });
          if (submitted?.ok) log.attempts.push({ userId: learner.userId, attemptId: ((await submitted.json()) as { attemptId: string }).attemptId });
          else log.unanswered.push({ learner, lesson, attemptKey: quiz.attemptKey, answers });
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
  };

  const loops = Promise.all(learners.map((learner, n) => loop(learner, n)));
  return {
    log,
    stop: async () => {
      done = true;
      await loops;
      return log;
    },
  };
}

/** How many writes (POST and PUT) were answered with a 2xx so far. */
export function acknowledgedWrites(log: BurstLog): number {
  let n = 0;
  for (const [key, count] of log.statuses) if (/^(POST|PUT) .* 2\d\d$/.test(key)) n += count;
  return n;
}
