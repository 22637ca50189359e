import { getCurrentUser } from "@/lib/auth/session";
import { json, withRoute } from "@/lib/http/route";
import { getCohortLearner } from "@/lib/instructor/learner-query";

type Context = { params: Promise<{ id: string; userId: string }> };

// GET /api/instructor/cohorts/{id}/learners/{userId} – one learner of the cohort in detail: lesson
// statuses, activity timeline, quiz attempts with the choices made, "try it" sessions.
export const GET = withRoute<Context>(async (_req, { params }) => {
  const { id, userId } = await params;
  return json(await getCohortLearner(await getCurrentUser(), id, userId));
});
