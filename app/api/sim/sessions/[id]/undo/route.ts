import { clientIp } from "@/lib/http/client-ip";
import { json, readJson, withRoute } from "@/lib/http/route";
import { currentLearner } from "@/lib/learners/identity";
import { enforceLearnerRateLimit } from "@/lib/rate-limit";
import { currentPayload } from "@/lib/try-it/payload";
import { undoSchema } from "@/lib/try-it/schemas";
import { noSuchSession, undoCommand } from "@/lib/try-it/sessions";

type Context = { params: Promise<{ id: string }> };

// POST /api/sim/sessions/{id}/undo – { expectedVersion } → the session without its last command.
export const POST = withRoute<Context>(async (req, { params }) => {
  const { id } = await params;
  const body = await readJson(req, undoSchema);
  const learner = await currentLearner();
  if (!learner) throw noSuchSession();
  // Undo recounts goals by replaying the log from the start: bounded like commands.
  await enforceLearnerRateLimit("sim-undo", learner, clientIp(req.headers), { limit: 300, windowSeconds: 600 }, { limit: 1500, windowSeconds: 600 });
  const session = await undoCommand(learner, id, body.expectedVersion);
  return json(await currentPayload(session));
});
