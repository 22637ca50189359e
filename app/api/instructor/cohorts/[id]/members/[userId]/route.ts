import { getCurrentUser } from "@/lib/auth/session";
import { removeMember } from "@/lib/cohorts/manage";
import { withRoute } from "@/lib/http/route";

type Context = { params: Promise<{ id: string; userId: string }> };

// DELETE /api/instructor/cohorts/{id}/members/{userId} – takes the learner out of the cohort (204).
export const DELETE = withRoute<Context>(async (_req, { params }) => {
  const { id, userId } = await params;
  await removeMember(await getCurrentUser(), id, userId);
  return new Response(null, { status: 204 });
});
