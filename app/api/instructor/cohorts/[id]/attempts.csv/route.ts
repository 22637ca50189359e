import { getCurrentUser } from "@/lib/auth/session";
import { csvResponse } from "@/lib/instructor/csv";
import { attemptsCsv } from "@/lib/instructor/exports";
import { withRoute } from "@/lib/http/route";

type Context = { params: Promise<{ id: string }> };

// GET /api/instructor/cohorts/{id}/attempts.csv – the cohort's attempts as CSV, for its instructor or an admin.
export const GET = withRoute<Context>(async (_req, { params }) => {
  const { id } = await params;
  return csvResponse(await attemptsCsv(await getCurrentUser(), id), `cohort-${id}-attempts.csv`);
});
