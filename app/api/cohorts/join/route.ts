import { getCurrentUser } from "@/lib/auth/session";
import { joinCohort } from "@/lib/cohorts/join";
import { joinCohortSchema } from "@/lib/cohorts/schemas";
import { clientIp } from "@/lib/http/client-ip";
import { json, readJson, withRoute } from "@/lib/http/route";
import { enforceRateLimit } from "@/lib/rate-limit";

// POST /api/cohorts/join – { code } → the signed-in learner joins that open cohort. Codes are
// random; the limits keep anyone from trying many.
export const POST = withRoute(async (req) => {
  const user = await getCurrentUser();
  const ip = clientIp(req.headers);
  if (ip) await enforceRateLimit(`cohort-join:ip:${ip}`, { limit: 60, windowSeconds: 600 });
  if (user) await enforceRateLimit(`cohort-join:user:${user.id}`, { limit: 20, windowSeconds: 600 });
  const input = await readJson(req, joinCohortSchema);
  return json(await joinCohort(user, input));
});
