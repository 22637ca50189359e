import { requireRole } from "@/lib/auth/session";
import { readJson, withRoute } from "@/lib/http/route";
import { updateUserSchema } from "@/lib/users/schemas";
import { updateUser } from "@/lib/users/update-user";

type Context = { params: Promise<{ id: string }> };

// PATCH /api/admin/users/{id} – admin only: { role?, disabled? }
export const PATCH = withRoute<Context>(async (req, { params }) => {
  // Authorize before reading the body, so strangers learn nothing about its validation.
  const actor = await requireRole("ADMIN");
  const { id } = await params;
  const input = await readJson(req, updateUserSchema);
  const user = await updateUser(actor, id, input);
  return Response.json({ user }, { headers: { "Cache-Control": "no-store" } });
});
