/**
 * Where the session cookie lives. Secure (and `__Secure-`-prefixed) whenever the site is served
 * over HTTPS, and in production everywhere except plain-HTTP loopback, where browsers would drop
 * it and only a developer on their own machine connects.
 */
import { env } from "@/lib/env.js";

function isPlainHttpLoopback(url: string | undefined): boolean {
  if (!url) return true;
  const { protocol, hostname } = new URL(url);
  return protocol === "http:" && (hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]");
}

/** Whether session cookies must be Secure for a site at `siteUrl` running in `nodeEnv`. */
export function shouldUseSecureCookies(nodeEnv: string, siteUrl: string | undefined): boolean {
  return siteUrl?.startsWith("https://") === true || (nodeEnv === "production" && !isPlainHttpLoopback(siteUrl));
}

export const useSecureCookies = shouldUseSecureCookies(env.NODE_ENV, env.NEXTAUTH_URL);

export const SESSION_COOKIE = `${useSecureCookies ? "__Secure-" : ""}next-auth.session-token`;
