/**
 * Optimistic redirects only: a visitor with no session cookie at all is sent to sign-in before a
 * protected page renders. Every page, action and route still checks the session itself
 * (lib/auth/session.ts); this file is never the security boundary.
 */
import { NextResponse, type NextRequest } from "next/server";

export function proxy(req: NextRequest) {
  const hasSession = req.cookies.getAll().some((c) => c.name.endsWith("next-auth.session-token"));
  if (hasSession) return NextResponse.next();
  const url = req.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = `?callbackUrl=${encodeURIComponent(req.nextUrl.pathname + req.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

// Must be a literal: Next reads it at build time.
export const config = {
  // Not /me: guests have a progress page too.
  matcher: ["/admin", "/admin/:path*", "/instructor", "/instructor/:path*"],
};
