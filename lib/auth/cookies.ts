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

export const useSecureCookies =
  env.NEXTAUTH_URL?.startsWith("https://") === true ||
  (env.NODE_ENV === "production" && !isPlainHttpLoopback(env.NEXTAUTH_URL));

export const SESSION_COOKIE = `${useSecureCookies ? "__Secure-" : ""}next-auth.session-token`;
