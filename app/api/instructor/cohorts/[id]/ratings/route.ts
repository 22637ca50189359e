import { getCurrentUser } from "@/lib/auth/session";
import { json, withRoute } from "@/lib/http/route";
import { getCohortFeedback } from "@/lib/instructor/feedback-query";

type Context = { params: Promise<{ id: string }> };

// GET /api/instructor/cohorts/{id}/ratings – "Was this page helpful?" per lesson for the cohort's
// learners, and the lessons that need attention, for its instructor or an admin.
export const GET = withRoute<Context>(async (_req, { params }) => {
  const { id } = await params;
  return json(await getCohortFeedback(await getCurrentUser(), id));
});
