import { clientIp } from "@/lib/http/client-ip";
import { json, readJson, withRoute } from "@/lib/http/route";
import { learnerForWrite } from "@/lib/learners/identity";
import { enforceLearnerRateLimit } from "@/lib/rate-limit";
import { currentPayload } from "@/lib/try-it/payload";
import { openSessionSchema } from "@/lib/try-it/schemas";
import { openSession } from "@/lib/try-it/sessions";

// POST /api/sim/sessions – { guide, lesson, scenario } → the caller's session for that panel
// (continued if it exists, else created at the scenario's start). A first-time reader becomes a guest.
export const POST = withRoute(async (req) => {
  const body = await readJson(req, openSessionSchema);
  const { learner, remember } = await learnerForWrite();
  await enforceLearnerRateLimit("sim-open", learner, clientIp(req.headers), { limit: 300, windowSeconds: 600 }, { limit: 1500, windowSeconds: 600 });
  const session = await openSession(learner, body.guide, body.lesson, body.scenario);
  await remember();
  return json(await currentPayload(session));
});
