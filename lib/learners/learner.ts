/**
 * Who a learner is (a user, or a guest before they sign up or in) and how their rows are keyed.
 * No framework imports, so scripts (the demo seed) can use the modules that write learner rows.
 */
import { Prisma } from "@/lib/generated/prisma/client";

export type Learner =
  | { kind: "user"; userId: string }
  /** `fresh`: minted for this request (the browser sent no guest cookie). */
  | { kind: "guest"; guestId: string; fresh?: true };

/** The owner columns of a learner's rows (exactly one of them set). */
export function ownerOf(learner: Learner): { userId: string; guestId: null } | { userId: null; guestId: string } {
  return learner.kind === "user" ? { userId: learner.userId, guestId: null } : { userId: null, guestId: learner.guestId };
}

/** The unique key a learner's one-row-per-lesson tables upsert on (`ON CONFLICT …`). */
export function ownerConflictTarget(learner: Learner): Prisma.Sql {
  return learner.kind === "user" ? Prisma.sql`(user_id, guide, lesson)` : Prisma.sql`(guest_id, guide, lesson)`;
}

/** A stable string for rate-limit keys and logs. */
export function learnerKey(learner: Learner): string {
  return learner.kind === "user" ? `user:${learner.userId}` : `guest:${learner.guestId}`;
}
