import { requireUser } from "@/lib/auth/session";
import { withRoute } from "@/lib/http/route";

// GET /api/me – the signed-in user (401 without a session)
export const GET = withRoute(async () => {
  const { id, email, name, role } = await requireUser();
  return Response.json({ user: { id, email, name, role } }, { headers: { "Cache-Control": "no-store" } });
});
