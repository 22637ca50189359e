import { getCurrentUser } from "@/lib/auth/session";
import { rotateJoinCode } from "@/lib/cohorts/manage";
import { json, withRoute } from "@/lib/http/route";

type Context = { params: Promise<{ id: string }> };

// POST /api/instructor/cohorts/{id}/join-code – a new join code; the old link stops working.
export const POST = withRoute<Context>(async (_req, { params }) => {
  const { id } = await params;
  return json(await rotateJoinCode(await getCurrentUser(), id));
});
