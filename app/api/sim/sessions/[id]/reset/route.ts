import { clientIp } from "@/lib/http/client-ip";
import { json, withRoute } from "@/lib/http/route";
import { currentLearner } from "@/lib/learners/identity";
import { enforceLearnerRateLimit } from "@/lib/rate-limit";
import { currentPayload } from "@/lib/try-it/payload";
import { noSuchSession, resetSession } from "@/lib/try-it/sessions";

type Context = { params: Promise<{ id: string }> };

// POST /api/sim/sessions/{id}/reset – back to the scenario's start (goals already reached stay).
export const POST = withRoute<Context>(async (req, { params }) => {
  const { id } = await params;
  const learner = await currentLearner();
  if (!learner) throw noSuchSession();
  await enforceLearnerRateLimit("sim-reset", learner, clientIp(req.headers), { limit: 300, windowSeconds: 600 }, { limit: 1500, windowSeconds: 600 });
  const session = await resetSession(learner, id);
  return json(await currentPayload(session));
});
