import { json, withRoute } from "@/lib/http/route";
import { currentLearner } from "@/lib/learners/identity";
import { listAttempts } from "@/lib/quizzes/queries";
import { attemptFilterSchema } from "@/lib/quizzes/schemas";
import { parseInput } from "@/lib/validation";

// GET /api/me/attempts[?guide=&lesson=] – the caller's quiz attempts (signed-in user or this
// browser's guest identity; nobody else's), newest first. A reader with neither has none.
export const GET = withRoute(async (req) => {
  const url = new URL(req.url);
  const filter = parseInput(attemptFilterSchema, { guide: url.searchParams.get("guide") ?? undefined, lesson: url.searchParams.get("lesson") ?? undefined });
  return json({ attempts: await listAttempts(await currentLearner(), filter) });
});
