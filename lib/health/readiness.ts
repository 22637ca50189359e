/**
 * Readiness: whether this instance can serve requests that need the database. Liveness is
 * /healthz (prerendered, no database); a load balancer stops routing to an instance whose /readyz
 * answers 503, while /healthz keeps it from being restarted for a database outage.
 */
import "server-only";
import { db } from "@/lib/db";

/** How long the check waits for the database before calling it unavailable. */
export const READINESS_TIMEOUT_MS = 2_000;

/** Runs `SELECT 1`; resolves with its round trip, or with why the database is not usable. Never throws. */
export async function checkDatabase(timeoutMs = READINESS_TIMEOUT_MS): Promise<{ ok: true; ms: number } | { ok: false; reason: string }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
    return { ok: true, ms: performance.now() - started };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
