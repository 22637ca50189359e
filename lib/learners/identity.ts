/**
 * Who is learning: the signed-in user, or else the guest identity of this browser. Used by every
 * route and action that reads or writes a learner's own record.
 */
import "server-only";
import { cookies } from "next/headers";
import { getCurrentUser } from "@/lib/auth/session";
import { GUEST_COOKIE, guestCookieOptions, guestCookieValue, guestIdFromCookie, newGuestId } from "./guest-cookie";
import { mergeGuestIntoUser } from "./merge";

export type Learner = { kind: "user"; userId: string } | { kind: "guest"; guestId: string };

/** The owner columns of a learner's rows (exactly one of them set). */
export function ownerOf(learner: Learner): { userId: string; guestId: null } | { userId: null; guestId: string } {
  return learner.kind === "user" ? { userId: learner.userId, guestId: null } : { userId: null, guestId: learner.guestId };
}

/** A stable string for rate-limit keys and logs. */
export function learnerKey(learner: Learner): string {
  return learner.kind === "user" ? `user:${learner.userId}` : `guest:${learner.guestId}`;
}

/**
 * The learner of this request, or null for a first-time anonymous reader. For route handlers and
 * server actions only (it may rewrite cookies): a signed-in user who still carries a guest cookie
 * gets the guest's record merged first, so nothing done before signing in is lost, whichever way
 * they signed in.
 */
export async function currentLearner(): Promise<Learner | null> {
  const jar = await cookies();
  const guestId = guestIdFromCookie(jar.get(GUEST_COOKIE)?.value);
  const user = await getCurrentUser();
  if (user) {
    if (guestId) await mergeGuestIntoUser(guestId, user.id);
    if (jar.has(GUEST_COOKIE)) forgetGuest(jar);
    return { kind: "user", userId: user.id };
  }
  return guestId ? { kind: "guest", guestId } : null;
}

/**
 * The learner to record a write under: the current one, or a new guest. Call `remember()` once
 * the write has succeeded, so a failed request never hands out an identity.
 */
export async function learnerForWrite(): Promise<{ learner: Learner; remember: () => Promise<void> }> {
  const existing = await currentLearner();
  if (existing) return { learner: existing, remember: async () => {} };
  const guestId = newGuestId();
  return {
    learner: { kind: "guest", guestId },
    remember: async () => {
      (await cookies()).set(GUEST_COOKIE, guestCookieValue(guestId), guestCookieOptions);
    },
  };
}

/** Called at sign-in: moves this browser's guest record into `userId` and forgets the guest. */
export async function adoptGuestRecord(userId: string): Promise<void> {
  const jar = await cookies();
  const guestId = guestIdFromCookie(jar.get(GUEST_COOKIE)?.value);
  if (!guestId) return;
  await mergeGuestIntoUser(guestId, userId);
  forgetGuest(jar);
}

// Expire it with the same attributes it was set with: a `__Host-` cookie is only replaced by a
// Secure one.
function forgetGuest(jar: Awaited<ReturnType<typeof cookies>>): void {
  jar.set(GUEST_COOKIE, "", { ...guestCookieOptions, maxAge: 0 });
}
