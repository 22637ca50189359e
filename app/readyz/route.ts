import { checkDatabase } from "@/lib/health/readiness";
import { logError } from "@/lib/log";

// GET /readyz – readiness: 200 "ready" when the database answers, else 503 with Retry-After (the
// reason is logged, never sent). Liveness, without the database, is /healthz.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const database = await checkDatabase();
  const headers = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };
  if (database.ok) return new Response("ready\n", { headers });
  logError("readyz-database-unavailable", { reason: database.reason });
  return new Response("database unavailable\n", { status: 503, headers: { ...headers, "Retry-After": "5" } });
}
