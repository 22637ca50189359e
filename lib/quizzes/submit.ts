/**
 * Submitting a quiz attempt: validated, scored on the server, stored with every answer, and
 * idempotent on the attemptKey (Stripe's idempotency-key rules: a replay gets the original
 * response, a different body under the same key is refused).
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { lessonKey } from "@/lib/content/load";
import type { QuizWithKey } from "@/lib/content/source";
import { db } from "@/lib/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { ownerOf, type Learner } from "@/lib/learners/learner";
import { enforceLearnerRateLimit, type RateLimitRule } from "@/lib/rate-limit";
import { parseInput } from "@/lib/validation";
import { ATTEMPT_KEY_PROBLEMS, checkAttemptKey } from "./attempt-key";
import type { AttemptResult } from "./dto";
import { submitAttemptSchema } from "./schemas";
import { mayReveal, scoreAttempt } from "./scoring";
import { choiceOrders } from "./shuffle";

/** Per learner: far above a person answering quizzes, far below a script. */
const QUIZ_SUBMIT_LIMIT: RateLimitRule = { limit: 30, windowSeconds: 10 * 60 };
/** Per IP, for guests only (a guest can drop its cookie and become a new learner). */
const QUIZ_SUBMIT_GUEST_IP_LIMIT: RateLimitRule = { limit: 300, windowSeconds: 10 * 60 };

interface SubmitOutcome {
  result: AttemptResult;
  /** The response body, exactly as first sent (a replay gets the same bytes). */
  body: string;
  /** True when this was a replay of an attempt already stored under the same attemptKey. */
  replayed: boolean;
  /** The guest the attempt belongs to, when a fresh guest replayed it (its cookie never arrived). */
  ownerGuestId?: string;
}

function badField(field: string, message: string): AppError {
  return new AppError("BAD_REQUEST", { userMessage: `${field}: ${message}`, fieldErrors: { [field]: [message] } });
}

/**
 * Scores and stores `input` (`{ attemptKey, answers }`, untrusted) as `learner`'s attempt at
 * `quiz` (from requireQuiz). Throws 400 naming the field (bad body, answers of
 * the wrong length or out of range, unknown/expired/foreign key), 422 (key already used with other
 * answers or by someone else) and 429; stores nothing in any of those cases. Ten concurrent
 * identical submissions store one attempt and all get its response.
 */
export async function submitAttempt(learner: Learner, quiz: QuizWithKey, input: unknown, options: { ip?: string; now?: number } = {}): Promise<SubmitOutcome> {
  const now = options.now ?? Date.now();
  const { guide, lesson } = quiz;
  await enforceLearnerRateLimit("quiz-submit", learner, options.ip, QUIZ_SUBMIT_LIMIT, QUIZ_SUBMIT_GUEST_IP_LIMIT);

  const { attemptKey, answers } = parseInput(submitAttemptSchema, input);
  const key = checkAttemptKey(attemptKey, lessonKey(guide, lesson), quiz.version, now);
  if (!key.ok) throw badField("attemptKey", ATTEMPT_KEY_PROBLEMS[key.reason]);
  if (answers.length !== quiz.questions.length) {
    throw badField("answers", `must hold ${quiz.questions.length} answers, one per question (got ${answers.length})`);
  }
  const outOfRange = answers.findIndex((a, i) => a >= quiz.questions[i]!.choices.length);
  if (outOfRange >= 0) {
    throw badField(`answers.${outOfRange}`, `must be a choice index from 0 to ${quiz.questions[outOfRange]!.choices.length - 1}`);
  }

  const orders = choiceOrders(key.claims.seed, quiz.questions.map((q) => q.choices.length), quiz.settings.shuffle);
  const scored = scoreAttempt(quiz.questions, orders, answers, quiz.settings.passAt);
  const owner = ownerOf(learner);
  const passedBefore =
    quiz.settings.reveal === "after-pass" && !scored.passed
      ? (await db.quizAttempt.findFirst({ where: { ...owner, guide, lesson, passed: true }, select: { id: true } })) !== null
      : false;
  const revealed = mayReveal(quiz.settings.reveal, scored.passed, passedBefore);
  const attemptId = randomUUID();
  const submittedAt = new Date(now);
  const result: AttemptResult = {
    attemptId,
    score: scored.score,
    total: scored.total,
    passed: scored.passed,
    revealed,
    submittedAt: submittedAt.toISOString(),
    results: scored.outcomes.map((o) => ({
      questionId: o.questionId,
      correct: o.correct,
      chosen: o.chosen,
      ...(revealed ? { correctChoice: o.correctChoice, explain: o.explain } : {}),
    })),
  };

  const body = JSON.stringify(result);
  try {
    await insertAttempt({
      id: attemptId,
      nonce: key.claims.nonce,
      ...owner,
      guide,
      lesson,
      quizVersion: quiz.version,
      seed: key.claims.seed,
      choiceOrder: orders,
      submitted: answers,
      score: scored.score,
      total: scored.total,
      passed: scored.passed,
      response: body,
      startedAt: new Date(key.claims.issuedAt * 1000),
      submittedAt,
      answers: scored.outcomes.map((o) => ({ questionId: o.questionId, questionVersion: o.questionVersion, chosen: o.chosenCanonical, displayed: o.chosen, correct: o.correct })),
    });
  } catch (error) {
    // The key was used before (a replay, or a concurrent submission that committed first): answer
    // as a replay of the stored attempt.
    if (isUniqueViolation(error)) {
      const winner = await findByNonce(key.claims.nonce);
      if (winner) return replay(winner, learner, answers);
    }
    throw error;
  }
  return { result, body, replayed: false };
}

interface AttemptRow {
  id: string;
  nonce: string;
  userId: string | null;
  guestId: string | null;
  guide: string;
  lesson: string;
  quizVersion: string;
  seed: number;
  choiceOrder: number[][];
  submitted: number[];
  score: number;
  total: number;
  passed: boolean;
  response: string;
  startedAt: Date;
  submittedAt: Date;
  /** In question order (their position). */
  answers: { questionId: string; questionVersion: string; chosen: number; displayed: number; correct: boolean }[];
}

/**
 * Stores the attempt and all its answers in one statement: all or nothing, as one statement is,
 * in one round trip. Prisma's nested create is a transaction of five round trips (BEGIN, two
 * INSERTs, a SELECT, COMMIT): the embedded database serves one connection at a time, so while that
 * transaction waited for this busy process between its statements, every other request's queries
 * waited too. With 50 learners at once in a closed loop
 * (bench/load.ts) one statement halved the submissions' p95 on the embedded database. A nonce
 * used before fails with a unique violation (isUniqueViolation).
 */
async function insertAttempt(a: AttemptRow): Promise<void> {
  const column = <K extends keyof AttemptRow["answers"][number]>(key: K) => a.answers.map((answer) => answer[key]);
  await db.$executeRaw`
    WITH attempt AS (
      INSERT INTO quiz_attempts (id, nonce, user_id, guest_id, guide, lesson, quiz_version, seed, choice_order, submitted, score, total, passed, response, started_at, submitted_at)
      VALUES (${a.id}::uuid, ${a.nonce}, ${a.userId}::uuid, ${a.guestId}::uuid, ${a.guide}, ${a.lesson}, ${a.quizVersion}, ${a.seed}, ${JSON.stringify(a.choiceOrder)}::jsonb,
        ${a.submitted}::int[], ${a.score}, ${a.total}, ${a.passed}, ${a.response}, ${a.startedAt}, ${a.submittedAt})
      RETURNING id
    )
    INSERT INTO quiz_answers (attempt_id, position, question_id, question_version, chosen, displayed, correct)
    SELECT attempt.id, answer.position - 1, answer.question_id, answer.question_version, answer.chosen, answer.displayed, answer.correct
    FROM attempt, unnest(${column("questionId")}::text[], ${column("questionVersion")}::text[], ${column("chosen")}::int[], ${column("displayed")}::int[], ${column("correct")}::boolean[])
      WITH ORDINALITY AS answer(question_id, question_version, chosen, displayed, correct, position)`;
}

function findByNonce(nonce: string) {
  return db.quizAttempt.findUnique({ where: { nonce }, select: { userId: true, guestId: true, submitted: true, response: true } });
}

function replay(
  stored: { userId: string | null; guestId: string | null; submitted: number[]; response: string },
  learner: Learner,
  answers: number[],
): SubmitOutcome {
  const owner = ownerOf(learner);
  // A fresh guest (no cookie) holding the key replays a guest's attempt: the first response, and
  // the cookie in it, was lost on the way. The key is a secret only that browser was given.
  const lostCookie = learner.kind === "guest" && learner.fresh === true && stored.guestId !== null;
  if (!lostCookie && (stored.userId !== owner.userId || stored.guestId !== owner.guestId)) {
    throw new AppError("UNPROCESSABLE", { userMessage: "attemptKey: has already been used; load the quiz again", fieldErrors: { attemptKey: ["has already been used"] } });
  }
  const sameAnswers = stored.submitted.length === answers.length && stored.submitted.every((a, i) => a === answers[i]);
  if (!sameAnswers) {
    throw new AppError("UNPROCESSABLE", {
      userMessage: "attemptKey: was already submitted with different answers; start a new attempt to answer again",
      fieldErrors: { attemptKey: ["was already submitted with different answers"] },
    });
  }
  return { result: JSON.parse(stored.response) as AttemptResult, body: stored.response, replayed: true, ...(lostCookie ? { ownerGuestId: stored.guestId! } : {}) };
}
