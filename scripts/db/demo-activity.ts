/**
 * Some history for the demo learners, so the demo instructor's dashboard is not empty on first
 * start: lessons visited and read over the past days, quiz attempts (passed, failed, retried),
 * page ratings and one "try it" session. Everything goes through the same library functions the
 * API uses (scoring, progress evidence, ratings, the simulator), so the records are the ones real
 * use would leave. Deterministic apart from the attempt keys' random seeds.
 */
import { getGuide, getQuizWithKey } from "@/lib/content/source";
import { db } from "@/lib/db";
import type { Learner } from "@/lib/learners/learner";
import { recordProgress } from "@/lib/progress/record";
import { issueAttemptKey } from "@/lib/quizzes/attempt-key";
import { choiceOrders, toDisplayed } from "@/lib/quizzes/shuffle";
import { submitAttempt } from "@/lib/quizzes/submit";
import { rateLesson } from "@/lib/ratings/rate";
import { applyCommandTo, openSession } from "@/lib/try-it/sessions";

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;

/** One thing a demo learner did, `daysAgo` days before the seed ran, in lesson `lesson` (1-based, in guide order). */
type Step =
  | { daysAgo: number; lesson: number; do: "visit" | "read" }
  | { daysAgo: number; lesson: number; do: "quiz"; wrong: number }
  | { daysAgo: number; lesson: number; do: "rate"; helpful: boolean; reason?: string; comment?: string }
  /** Presses the panel's buttons with these ids, in order (ids the scenario no longer has are skipped). */
  | { daysAgo: number; lesson: number; do: "try-it"; presses: string[] };

/** The demo learners joined the demo cohort this many days before the seed ran (before their history). */
export const DEMO_JOINED_DAYS_AGO = 14;

/** What each demo learner did, by e-mail (the first learner is further along than the second). */
export const DEMO_HISTORY: Record<string, Step[]> = {
  "learner@example.com": [
    { daysAgo: 9, lesson: 1, do: "visit" },
    { daysAgo: 9, lesson: 1, do: "read" },
    { daysAgo: 9, lesson: 1, do: "quiz", wrong: 0 },
    { daysAgo: 9, lesson: 1, do: "rate", helpful: true },
    { daysAgo: 7, lesson: 2, do: "visit" },
    { daysAgo: 7, lesson: 2, do: "try-it", presses: ["send-k1", "send-k2", "send-k1", "add-partition", "send-k1", "send-k3", "describe"] },
    { daysAgo: 7, lesson: 2, do: "read" },
    { daysAgo: 7, lesson: 2, do: "quiz", wrong: 2 },
    { daysAgo: 6, lesson: 2, do: "quiz", wrong: 0 },
    { daysAgo: 4, lesson: 3, do: "visit" },
    { daysAgo: 3, lesson: 3, do: "read" },
    { daysAgo: 3, lesson: 3, do: "quiz", wrong: 1 },
    { daysAgo: 1, lesson: 4, do: "visit" },
  ],
  "learner2@example.com": [
    { daysAgo: 12, lesson: 1, do: "visit" },
    { daysAgo: 11, lesson: 1, do: "read" },
    { daysAgo: 11, lesson: 1, do: "quiz", wrong: 2 },
    { daysAgo: 10, lesson: 2, do: "visit" },
    {
      daysAgo: 10,
      lesson: 2,
      do: "rate",
      helpful: false,
      reason: "unclear",
      comment: "I lost track of which partition a key goes to once partitions were added. A worked example would help.",
    },
  ],
};

/** Answers (displayed indexes) for an attempt key's choice order, getting the first `wrong` questions wrong. */
function answersFor(guide: string, lesson: string, wrong: number, now: number): { attemptKey: string; answers: number[] } | null {
  const quiz = getQuizWithKey(guide, lesson);
  if (!quiz) return null;
  const { key, claims } = issueAttemptKey(`${guide}/${lesson}`, quiz.version, now);
  const orders = choiceOrders(claims.seed, quiz.questions.map((q) => q.choices.length), quiz.settings.shuffle);
  const canonical = quiz.questions.map((q, i) => (i < wrong ? (q.answer + 1) % q.choices.length : q.answer));
  return { attemptKey: key, answers: canonical.map((c, i) => toDisplayed(orders[i]!, c)) };
}

/** Replays `steps` for `learner` in guide `guide`, relative to `now`. */
export async function seedDemoHistory(learner: Learner, guide: string, steps: readonly Step[], now = Date.now()): Promise<void> {
  const lessons = getGuide(guide)?.lessons ?? [];
  for (const [i, step] of steps.entries()) {
    const lesson = lessons[step.lesson - 1];
    if (!lesson) continue;
    // Steps of one day follow each other a few minutes apart, from 9:00 UTC.
    const at = Math.floor((now - step.daysAgo * DAY) / DAY) * DAY + 9 * HOUR + i * 7 * 60 * 1000;
    switch (step.do) {
      case "visit":
        await recordProgress(learner, guide, lesson.slug, { visited: true }, { now: at });
        break;
      case "read":
        await recordProgress(learner, guide, lesson.slug, { read: true }, { now: at });
        break;
      case "quiz": {
        const input = answersFor(guide, lesson.slug, step.wrong, at);
        if (input) await submitAttempt(learner, getQuizWithKey(guide, lesson.slug)!, input, { now: at });
        break;
      }
      case "rate":
        await rateLesson(learner, guide, lesson.slug, { helpful: step.helpful, reason: step.reason, comment: step.comment }, { now: at });
        break;
      case "try-it": {
        const scenario = lesson.tryIt[0];
        if (!scenario) break;
        let session = await openSession(learner, guide, lesson.slug, scenario);
        for (const id of step.presses) {
          const control = session.scenario.controls.find((c) => c.id === id);
          if (control) session = (await applyCommandTo(learner, session, control.command, session.version, at)).session;
        }
        // The database stamps sessions and commands with its own clock: move them to the step's day.
        await db.$transaction([
          db.simSession.update({ where: { id: session.id }, data: { createdAt: new Date(at), updatedAt: new Date(at) } }),
          db.simCommand.updateMany({ where: { sessionId: session.id }, data: { createdAt: new Date(at) } }),
        ]);
        break;
      }
    }
  }
}
