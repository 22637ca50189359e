/**
 * Who is learning: the signed-in user, or else the guest identity of this browser. Used by every
 * route and action that reads or writes a learner's own record.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { cookies } from "next/headers";
import { getCurrentUser } from "@/lib/auth/session";
import { GUEST_COOKIE, guestCookieOptions, guestCookieValue, guestIdFromCookie } from "./guest-cookie";
import type { Learner } from "./learner";
import { mergeGuestIntoUser } from "./merge";

export { learnerKey, ownerConflictTarget, ownerOf, type Learner } from "./learner";

/**
 * The learner of this request: the signed-in user, else the guest of a valid guest cookie, else
 * null (a first-time anonymous reader). Reads only; a guest's record moves to the account at
 * sign-in (adoptGuestRecord).
 */
export async function currentLearner(): Promise<Learner | null> {
  const user = await getCurrentUser();
  if (user) return { kind: "user", userId: user.id };
  const guestId = guestIdFromCookie((await cookies()).get(GUEST_COOKIE)?.value);
  return guestId ? { kind: "guest", guestId } : null;
}

/**
 * The learner to record a write under: the current one, or a fresh guest. Call `remember()` once
 * the write has succeeded, so a failed request never hands out an identity; pass the guest id the
 * write ended up under when it differs (a replay of a fresh guest's earlier attempt).
 */
export async function learnerForWrite(): Promise<{ learner: Learner; remember: (guestId?: string) => Promise<void> }> {
  const existing = await currentLearner();
  if (existing) return { learner: existing, remember: async () => {} };
  const guestId = randomUUID();
  return {
    learner: { kind: "guest", guestId, fresh: true },
    remember: async (owner = guestId) => {
      (await cookies()).set(GUEST_COOKIE, guestCookieValue(owner), guestCookieOptions);
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
