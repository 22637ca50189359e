import { assertRole, getCurrentUser } from "@/lib/auth/session";
import { createCohort } from "@/lib/cohorts/manage";
import { listCohorts } from "@/lib/cohorts/queries";
import { createCohortSchema } from "@/lib/cohorts/schemas";
import { json, readJson, withRoute } from "@/lib/http/route";

// GET /api/instructor/cohorts – the caller's cohorts (every cohort for an admin).
export const GET = withRoute(async () => json({ cohorts: await listCohorts(await getCurrentUser()) }));

// POST /api/instructor/cohorts – { name, guides } → 201 { id, joinCode }.
export const POST = withRoute(async (req) => {
  // Authorize before reading the body, so strangers learn nothing about its validation.
  const user = await getCurrentUser();
  assertRole(user, "INSTRUCTOR", "ADMIN");
  const input = await readJson(req, createCohortSchema);
  return json(await createCohort(user, input), 201);
});
