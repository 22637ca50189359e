import { getCurrentUser } from "@/lib/auth/session";
import { withRoute } from "@/lib/http/route";
import { listUsers } from "@/lib/users/queries";

// GET /api/admin/users?search=&page= – admin only
export const GET = withRoute(async (req) => {
  const params = new URL(req.url).searchParams;
  const result = await listUsers(await getCurrentUser(), {
    search: params.get("search") ?? undefined,
    page: Number(params.get("page") ?? "1") || 1,
  });
  return Response.json(result, { headers: { "Cache-Control": "no-store" } });
});
