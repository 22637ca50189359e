import { clientIp } from "@/lib/http/client-ip";
import { readJson, withRoute } from "@/lib/http/route";
import { enforceRateLimit, SIGN_UP_LIMIT_PER_IP } from "@/lib/rate-limit";
import { signUpSchema } from "@/lib/users/schemas";
import { signUp } from "@/lib/users/sign-up";

// POST /api/users – sign up: { name, email, password } → 201 { user } (then sign in as usual)
export const POST = withRoute(async (req) => {
  await enforceRateLimit(`signup:ip:${clientIp(req.headers)}`, SIGN_UP_LIMIT_PER_IP);
  const input = await readJson(req, signUpSchema);
  const user = await signUp(input);
  return Response.json({ user }, { status: 201, headers: { "Cache-Control": "no-store" } });
});
