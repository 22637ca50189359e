import { getCurrentUser } from "@/lib/auth/session";
import { csvResponse } from "@/lib/instructor/csv";
import { ratingsCsv } from "@/lib/instructor/exports";
import { withRoute } from "@/lib/http/route";

type Context = { params: Promise<{ id: string }> };

// GET /api/instructor/cohorts/{id}/ratings.csv – the cohort's ratings as CSV, for its instructor or an admin.
export const GET = withRoute<Context>(async (_req, { params }) => {
  const { id } = await params;
  return csvResponse(await ratingsCsv(await getCurrentUser(), id), `cohort-${id}-ratings.csv`);
});
