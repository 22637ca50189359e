import { getCurrentUser } from "@/lib/auth/session";
import { json, withRoute } from "@/lib/http/route";
import { getQuestionAnalysis } from "@/lib/instructor/questions-query";

type Context = { params: Promise<{ id: string }> };

// GET /api/instructor/cohorts/{id}/questions – item analysis of every quiz question of the cohort's
// guides (one series per question version), for its instructor or an admin.
export const GET = withRoute<Context>(async (_req, { params }) => {
  const { id } = await params;
  return json({ questions: await getQuestionAnalysis(await getCurrentUser(), id) });
});
