import { env } from "@/lib/env.js";

/**
 * The caller's IP for rate limiting. With TRUST_PROXY=1 (behind your own reverse proxy) it is the
 * first X-Forwarded-For address. Without a proxy it is the last one: `next start` fills the header
 * with the socket peer only when the request has none, so a client that sends its own can choose
 * its per-IP bucket. Per-account limits do not depend on this; deployments should set TRUST_PROXY
 * behind a proxy that overwrites the header.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded && env.TRUST_PROXY) return forwarded.split(",")[0]!.trim() || "unknown";
  return forwarded?.split(",").at(-1)?.trim() || "unknown";
}
