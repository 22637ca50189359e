import { getCurrentUser } from "@/lib/auth/session";
import { csvResponse } from "@/lib/instructor/csv";
import { progressCsv } from "@/lib/instructor/exports";
import { withRoute } from "@/lib/http/route";

type Context = { params: Promise<{ id: string }> };

// GET /api/instructor/cohorts/{id}/progress.csv – the cohort's progress as CSV, for its instructor or an admin.
export const GET = withRoute<Context>(async (_req, { params }) => {
  const { id } = await params;
  return csvResponse(await progressCsv(await getCurrentUser(), id), `cohort-${id}-progress.csv`);
});
