import { describe, expect, it } from "vitest";
import { ATTEMPT_KEY_TTL_SECONDS, checkAttemptKey, issueAttemptKey } from "@/lib/quizzes/attempt-key";

const NOW = Date.UTC(2026, 10, 26, 12);

describe("attemptKey", () => {
  it("is accepted for its own quiz and version, carrying its seed and nonce", () => {
    const { key, claims } = issueAttemptKey("kafka/the-log", "v1", NOW);
    const check = checkAttemptKey(key, "kafka/the-log", "v1", NOW + 1000);
    expect(check).toEqual({ ok: true, claims });
    expect(claims.nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("differs on every issue (new seed and nonce)", () => {
    const a = issueAttemptKey("kafka/the-log", "v1", NOW).claims;
    const b = issueAttemptKey("kafka/the-log", "v1", NOW).claims;
    expect(a.nonce).not.toBe(b.nonce);
  });

  it("is refused when altered, for another quiz, after a content change, or when expired", () => {
    const { key } = issueAttemptKey("kafka/the-log", "v1", NOW);
    const [body, mac] = key.split(".");
    const forged = Buffer.from(JSON.stringify(["kafka/the-log", "v1", 0, "n".repeat(22), NOW / 1000])).toString("base64url");
    expect(checkAttemptKey(`${forged}.${mac}`, "kafka/the-log", "v1", NOW)).toEqual({ ok: false, reason: "invalid" });
    expect(checkAttemptKey(`${body}.x${mac}`, "kafka/the-log", "v1", NOW)).toEqual({ ok: false, reason: "invalid" });
    expect(checkAttemptKey("not-a-key", "kafka/the-log", "v1", NOW)).toEqual({ ok: false, reason: "invalid" });
    expect(checkAttemptKey(key, "kafka/offsets-and-commits", "v1", NOW)).toEqual({ ok: false, reason: "other-quiz" });
    expect(checkAttemptKey(key, "kafka/the-log", "v2", NOW)).toEqual({ ok: false, reason: "quiz-changed" });
    expect(checkAttemptKey(key, "kafka/the-log", "v1", NOW + (ATTEMPT_KEY_TTL_SECONDS + 1) * 1000)).toEqual({ ok: false, reason: "expired" });
  });
});
