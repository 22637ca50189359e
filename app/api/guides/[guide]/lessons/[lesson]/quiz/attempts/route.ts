import { clientIp } from "@/lib/http/client-ip";
import { json, readJsonBody, withRoute } from "@/lib/http/route";
import { currentLearner, learnerForWrite } from "@/lib/learners/identity";
import { submitAttempt } from "@/lib/quizzes/submit";
import { listAttempts, requireQuiz } from "@/lib/quizzes/queries";

type Context = { params: Promise<{ guide: string; lesson: string }> };

// POST /api/guides/{guide}/lessons/{lesson}/quiz/attempts – { attemptKey, answers } → 201 with the
// score and per-question results. A replay of the same attemptKey and answers gets the same body
// (and `Idempotent-Replayed: true`). Guests get a guest cookie with their first attempt.
export const POST = withRoute<Context>(async (req, { params }) => {
  const { guide, lesson } = await params;
  const quiz = requireQuiz(guide, lesson);
  const body = await readJsonBody(req);
  const { learner, remember } = await learnerForWrite();
  const outcome = await submitAttempt(learner, quiz, body, { ip: clientIp(req.headers) });
  await remember(outcome.ownerGuestId);
  return new Response(outcome.body, {
    status: 201,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store", ...(outcome.replayed ? { "Idempotent-Replayed": "true" } : {}) },
  });
});

// GET …/quiz/attempts – the caller's own attempts at this quiz, newest first.
export const GET = withRoute<Context>(async (_req, { params }) => {
  const { guide, lesson } = await params;
  requireQuiz(guide, lesson);
  return json({ attempts: await listAttempts(await currentLearner(), { guide, lesson }) });
});
