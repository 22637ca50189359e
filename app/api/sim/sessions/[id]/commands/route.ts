import { clientIp } from "@/lib/http/client-ip";
import { json, readJson, withRoute } from "@/lib/http/route";
import { currentLearner } from "@/lib/learners/identity";
import { learnerRateLimitHits } from "@/lib/rate-limit";
import { sessionPayload } from "@/lib/try-it/payload";
import { sessionCommandSchema } from "@/lib/try-it/schemas";
import { applyCommand, noSuchSession } from "@/lib/try-it/sessions";

type Context = { params: Promise<{ id: string }> };

// POST /api/sim/sessions/{id}/commands – { command, expectedVersion } → the new view, this step's
// engine events and timeline lines, and the goals reached by it. 409 when another tab moved the
// session first, 422 when the engine refuses the command (nothing is stored).
export const POST = withRoute<Context>(async (req, { params }) => {
  const { id } = await params;
  const body = await readJson(req, sessionCommandSchema);
  const learner = await currentLearner();
  if (!learner) throw noSuchSession();
  const rateLimits = learnerRateLimitHits("sim-command", learner, clientIp(req.headers), { limit: 1200, windowSeconds: 600 }, { limit: 6000, windowSeconds: 600 });
  const outcome = await applyCommand(learner, id, body.command, body.expectedVersion, { rateLimits });
  return json({ ...sessionPayload(outcome.session, outcome.state, outcome.timeline), events: outcome.events, goalsReached: outcome.goalsReached });
});
