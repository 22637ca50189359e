import { getCurrentUser } from "@/lib/auth/session";
import { requireManagedCohort } from "@/lib/cohorts/access";
import { setCohortArchived } from "@/lib/cohorts/manage";
import { getCohort } from "@/lib/cohorts/queries";
import { getCohortMatrix } from "@/lib/instructor/matrix-query";
import { updateCohortSchema } from "@/lib/cohorts/schemas";
import { json, readJson, withRoute } from "@/lib/http/route";

type Context = { params: Promise<{ id: string }> };

// GET /api/instructor/cohorts/{id}?page&pageSize&sort&dir&q&phase&status&inactiveDays – the cohort,
// its members and one page of its progress matrix, for its instructor or an admin.
export const GET = withRoute<Context>(async (req, { params }) => {
  const { id } = await params;
  const user = await getCurrentUser();
  const cohort = await getCohort(user, id);
  const matrix = await getCohortMatrix(user, id, Object.fromEntries(new URL(req.url).searchParams));
  return json({ cohort, matrix });
});

// PATCH /api/instructor/cohorts/{id} – { archived } archives the cohort (no new members) or reopens it.
export const PATCH = withRoute<Context>(async (req, { params }) => {
  const { id } = await params;
  const user = await getCurrentUser();
  await requireManagedCohort(user, id);
  const { archived } = await readJson(req, updateCohortSchema);
  await setCohortArchived(user, id, archived);
  return json({ cohort: await getCohort(user, id) });
});
