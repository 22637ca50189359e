/**
 * The guest identity: readers who have not signed in still keep quiz attempts (and later
 * progress and ratings) under a random id held in an HttpOnly, signed cookie. Signing means a
 * reader cannot claim someone else's guest id by editing the cookie.
 */
import "server-only";
import { useSecureCookies } from "@/lib/auth/cookies";
import { sign, verify } from "@/lib/auth/signing";

/** `__Host-` (Secure, Path=/, no Domain) whenever cookies are Secure. */
export const GUEST_COOKIE = `${useSecureCookies ? "__Host-" : ""}guest`;
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The cookie value for `guestId`. */
export function guestCookieValue(guestId: string): string {
  return sign("guest-id", guestId);
}

/** The guest id in a cookie value, or null if the value was not made by this server. */
export function guestIdFromCookie(value: string | undefined): string | null {
  if (!value) return null;
  const id = verify("guest-id", value);
  return id !== null && UUID.test(id) ? id : null;
}

export const guestCookieOptions = {
  httpOnly: true,
  sameSite: "lax",
  secure: useSecureCookies,
  path: "/",
  maxAge: ONE_YEAR_SECONDS,
} as const;
