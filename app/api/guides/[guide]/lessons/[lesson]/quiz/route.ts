import { json, withRoute } from "@/lib/http/route";
import { startAttempt } from "@/lib/quizzes/queries";

type Context = { params: Promise<{ guide: string; lesson: string }> };

// GET /api/guides/{guide}/lessons/{lesson}/quiz – questions and choices in a fresh order, with the
// attemptKey to submit them under. No answers, no explanations. 404 for an unknown lesson.
export const GET = withRoute<Context>(async (_req, { params }) => {
  const { guide, lesson } = await params;
  return json(startAttempt(guide, lesson));
});
