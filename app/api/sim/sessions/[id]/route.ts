import { json, withRoute } from "@/lib/http/route";
import { currentLearner } from "@/lib/learners/identity";
import { currentPayload } from "@/lib/try-it/payload";
import { noSuchSession, requireSession } from "@/lib/try-it/sessions";

type Context = { params: Promise<{ id: string }> };

// GET /api/sim/sessions/{id} – the caller's own session as it is now (404 for anyone else's).
export const GET = withRoute<Context>(async (_req, { params }) => {
  const { id } = await params;
  const learner = await currentLearner();
  if (!learner) throw noSuchSession();
  const session = await requireSession(learner, id);
  return json(await currentPayload(session));
});
