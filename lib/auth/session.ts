/**
 * Who is calling. Every server action, route handler and data-access function that needs a user
 * asks here; the proxy's redirects are a convenience only.
 */
import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import { env } from "@/lib/env.js";
import { AppError } from "@/lib/errors";
import { SESSION_COOKIE } from "@/lib/auth/cookies";
import { loadSessionUser, type SessionUser } from "@/lib/auth/sessions";
import type { RoleName } from "@/lib/users/schemas";

export type { SessionUser };

/** Reads the session cookie of the current request and resolves it against the database. */
async function uncachedGetCurrentUser(): Promise<SessionUser | null> {
  const raw = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!raw || !env.NEXTAUTH_SECRET) return null;
  const token = await decode({ token: raw, secret: env.NEXTAUTH_SECRET }).catch(() => null);
  if (!token || typeof token.sid !== "string") return null;
  return loadSessionUser(token.sid);
}

/** The signed-in user of this request (database-checked, once per request), or null. */
export const getCurrentUser = cache(uncachedGetCurrentUser);

/** The signed-in user; throws AppError UNAUTHORIZED (401) otherwise. For actions and APIs. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHORIZED");
  return user;
}

/** Throws AppError FORBIDDEN (403) unless `user` has one of `roles`; 401 when there is no user. */
export function assertRole(user: SessionUser | null, ...roles: RoleName[]): asserts user is SessionUser {
  if (!user) throw new AppError("UNAUTHORIZED");
  if (!roles.includes(user.role)) throw new AppError("FORBIDDEN");
}

/** The signed-in user if they have one of `roles`; 401/403 AppErrors otherwise. */
export async function requireRole(...roles: RoleName[]): Promise<SessionUser> {
  const user = await getCurrentUser();
  assertRole(user, ...roles);
  return user;
}

/**
 * For pages: the signed-in user, or a redirect to sign-in that comes back to `returnTo`.
 * With `roles`, a signed-in user without them gets the 403 page.
 */
export async function requirePageUser(returnTo: string, ...roles: RoleName[]): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (roles.length > 0 && !roles.includes(user.role)) redirect("/forbidden");
  return user;
}
