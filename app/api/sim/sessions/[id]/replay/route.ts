import { getCurrentUser } from "@/lib/auth/session";
import { clientIp } from "@/lib/http/client-ip";
import { json, withRoute } from "@/lib/http/route";
import { currentLearner } from "@/lib/learners/identity";
import { enforceLearnerRateLimit } from "@/lib/rate-limit";
import { replaySession } from "@/lib/try-it/replay";
import { replayQuerySchema } from "@/lib/try-it/schemas";
import { parseInput } from "@/lib/validation";

type Context = { params: Promise<{ id: string }> };

// GET /api/sim/sessions/{id}/replay?step=N – the session's view after N commands, read-only:
// for its learner, instructors of a cohort the learner is in, and admins (404 for anyone else).
export const GET = withRoute<Context>(async (req, { params }) => {
  const { id } = await params;
  const { step } = parseInput(replayQuerySchema, { step: new URL(req.url).searchParams.get("step") ?? undefined });
  const [learner, user] = await Promise.all([currentLearner(), getCurrentUser()]);
  // A replay of an early step may re-run most of the log: bounded per viewer.
  if (learner) await enforceLearnerRateLimit("sim-replay", learner, clientIp(req.headers), { limit: 600, windowSeconds: 600 }, { limit: 1500, windowSeconds: 600 });
  return json(await replaySession({ learner, user }, id, step));
});
