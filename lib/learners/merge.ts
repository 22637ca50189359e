/**
 * Moving a guest's learning record into an account when the reader signs up or signs in.
 */
import "server-only";
import { db } from "@/lib/db";

export interface MergeCounts {
  quizAttempts: number;
}

/**
 * Re-owns everything kept under `guestId` by `userId`, in one transaction: either all of it moves
 * or none of it does. Safe to repeat (a second call finds nothing left to move) and to run
 * concurrently (rows are moved by one UPDATE each, which PostgreSQL serialises per row).
 */
export async function mergeGuestIntoUser(guestId: string, userId: string): Promise<MergeCounts> {
  return db.$transaction(async (tx) => {
    const attempts = await tx.quizAttempt.updateMany({ where: { guestId }, data: { guestId: null, userId } });
    return { quizAttempts: attempts.count };
  });
}
