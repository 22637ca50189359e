/**
 * Moving a guest's learning record into an account when the reader signs up or signs in.
 */
import "server-only";
import { db } from "@/lib/db";
import { MERGE_PROGRESS_SET, PROGRESS_INSERT_COLUMNS } from "@/lib/progress/merge-sql";

export interface MergeCounts {
  quizAttempts: number;
  lessons: number;
  ratings: number;
}

/**
 * Re-owns everything kept under `guestId` by `userId`, in one transaction: either all of it moves
 * or none of it does. The rules: quiz attempts all move (so the best result is kept); progress is
 * the union per lesson, with the earliest first visit and read, the latest last visit and the
 * later section (the same merge as every progress write); where both voted on a page, the more
 * recent vote wins. Safe to repeat (a second call finds nothing left) and to run concurrently with
 * the account's own writes (each row is merged by one INSERT … ON CONFLICT).
 */
export async function mergeGuestIntoUser(guestId: string, userId: string): Promise<MergeCounts> {
  return db.$transaction(async (tx) => {
    const attempts = await tx.quizAttempt.updateMany({ where: { guestId }, data: { guestId: null, userId } });
    const lessons = await tx.$executeRaw`
      INSERT INTO lesson_progress AS e ${PROGRESS_INSERT_COLUMNS}
      SELECT gen_random_uuid(), ${userId}::uuid, NULL, guide, lesson, first_visited_at, last_visited_at, read_at, section, section_at, try_it_goals, reset_at
      FROM lesson_progress WHERE guest_id = ${guestId}::uuid
      ON CONFLICT (user_id, guide, lesson) DO UPDATE SET ${MERGE_PROGRESS_SET}`;
    await tx.lessonProgress.deleteMany({ where: { guestId } });
    const ratings = await tx.$executeRaw`
      INSERT INTO page_ratings AS r (id, user_id, guest_id, guide, lesson, helpful, reason, comment, content_version, created_at, updated_at)
      SELECT gen_random_uuid(), ${userId}::uuid, NULL, guide, lesson, helpful, reason, comment, content_version, created_at, updated_at
      FROM page_ratings WHERE guest_id = ${guestId}::uuid
      ON CONFLICT (user_id, guide, lesson) DO UPDATE SET
        helpful = EXCLUDED.helpful, reason = EXCLUDED.reason, comment = EXCLUDED.comment,
        content_version = EXCLUDED.content_version, updated_at = EXCLUDED.updated_at
      WHERE EXCLUDED.updated_at > r.updated_at`;
    await tx.pageRating.deleteMany({ where: { guestId } });
    return { quizAttempts: attempts.count, lessons, ratings };
  });
}
