import { getCurrentUser } from "@/lib/auth/session";
import { json, withRoute } from "@/lib/http/route";
import { getQuestionAnalysis } from "@/lib/instructor/questions-query";

type Context = { params: Promise<{ id: string }> };

// GET /api/instructor/cohorts/{id}/questions[?scope=all] – item analysis of every quiz question of
// the cohort's guides (one series per question version), for its instructor or an admin; with
// scope=all (admins only) over every learner of those guides.
export const GET = withRoute<Context>(async (req, { params }) => {
  const { id } = await params;
  const query = Object.fromEntries(new URL(req.url).searchParams);
  return json({ questions: await getQuestionAnalysis(await getCurrentUser(), id, query) });
});
