/**
 * attemptKey: what GET …/quiz hands out with the questions and POST …/quiz/attempts takes back.
 * It names the quiz and content version, carries the seed of the choice order the learner was
 * shown, and a random nonce that makes it the idempotency key of the submission. Signed, so a
 * client can neither pick its own order nor submit against a quiz it was not given.
 */
import "server-only";
import { randomBytes, randomInt } from "node:crypto";
import { z } from "zod";
import { sign, verify } from "@/lib/auth/signing";

/** How long a learner may keep a quiz open before submitting. */
export const ATTEMPT_KEY_TTL_SECONDS = 24 * 60 * 60;

// What a key's payload holds, in order (an array keeps the key short).
const claimsTuple = z.tuple([z.string(), z.string(), z.number().int(), z.string(), z.number()]);

interface AttemptKeyClaims {
  quizId: string;
  version: string;
  seed: number;
  nonce: string;
  /** Unix seconds. */
  issuedAt: number;
}

export function issueAttemptKey(quizId: string, version: string, now = Date.now()): { key: string; claims: AttemptKeyClaims } {
  const claims: AttemptKeyClaims = { quizId, version, seed: randomInt(0, 2 ** 31 - 1), nonce: randomBytes(16).toString("base64url"), issuedAt: Math.floor(now / 1000) };
  return { key: sign("quiz-attempt", JSON.stringify([claims.quizId, claims.version, claims.seed, claims.nonce, claims.issuedAt])), claims };
}

type AttemptKeyCheck =
  | { ok: true; claims: AttemptKeyClaims }
  | { ok: false; reason: "invalid" | "other-quiz" | "expired" | "quiz-changed" };

/** Checks a key against the quiz it is submitted to. Expected failures are values, not throws. */
export function checkAttemptKey(key: string, quizId: string, currentVersion: string, now = Date.now()): AttemptKeyCheck {
  const payload = verify("quiz-attempt", key);
  if (payload === null) return { ok: false, reason: "invalid" };
  let parsed;
  try {
    parsed = claimsTuple.safeParse(JSON.parse(payload));
  } catch {
    return { ok: false, reason: "invalid" };
  }
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const [q, version, seed, nonce, issuedAt] = parsed.data;
  if (q !== quizId) return { ok: false, reason: "other-quiz" };
  if (now / 1000 - issuedAt > ATTEMPT_KEY_TTL_SECONDS) return { ok: false, reason: "expired" };
  if (version !== currentVersion) return { ok: false, reason: "quiz-changed" };
  return { ok: true, claims: { quizId: q, version, seed, nonce, issuedAt } };
}

export const ATTEMPT_KEY_PROBLEMS: Record<Exclude<AttemptKeyCheck, { ok: true }>["reason"], string> = {
  invalid: "is not a key this server issued; load the quiz again",
  "other-quiz": "belongs to another quiz; load this quiz again",
  expired: `has expired (quizzes must be submitted within ${ATTEMPT_KEY_TTL_SECONDS / 3600} hours of loading); load the quiz again`,
  "quiz-changed": "is for an older version of this quiz, which has since been edited; load the quiz again",
};
