import { env } from "@/lib/env.js";

/**
 * The caller's IP for rate limiting. X-Forwarded-For is trusted only with TRUST_PROXY=1 (behind
 * your own reverse proxy); otherwise Next's own forwarded header for the socket peer is used.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded && env.TRUST_PROXY) return forwarded.split(",")[0]!.trim() || "unknown";
  return headers.get("x-real-ip") ?? forwarded?.split(",").at(-1)?.trim() ?? "unknown";
}
