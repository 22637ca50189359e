/**
 * Moving a guest's learning record into an account when the reader signs up or signs in.
 */
import "server-only";
import { db } from "@/lib/db";
import { MERGE_GUEST_SET, PROGRESS_INSERT_COLUMNS } from "@/lib/progress/merge-sql";

export interface MergeCounts {
  quizAttempts: number;
  lessons: number;
  ratings: number;
  simSessions: number;
}

/**
 * Re-owns everything kept under `guestId` by `userId`, in one transaction: either all of it moves
 * or none of it does. The rules: quiz attempts all move (so the best result is kept); progress is
 * the union per lesson (earliest first visit and read, latest last visit, the later section; see
 * MERGE_GUEST_SET); where both voted on a page, the more recent vote wins; "try it" sessions move
 * unless the account has its own for that panel (then the guest's is dropped: its goals are in the
 * merged progress already).
 *
 * Each kind of row moves in one statement that deletes the guest's rows and merges exactly what it
 * deleted (`WITH moved AS (DELETE … RETURNING …)`), so a guest write landing at the same moment
 * is either moved with the rest or waits for the merge; nothing is deleted without being copied.
 * Safe to repeat (a second call finds nothing left) and to run concurrently.
 */
export async function mergeGuestIntoUser(guestId: string, userId: string): Promise<MergeCounts> {
  return db.$transaction(async (tx) => {
    const attempts = await tx.quizAttempt.updateMany({ where: { guestId }, data: { guestId: null, userId } });
    const lessons = await tx.$executeRaw`
      WITH moved AS (DELETE FROM lesson_progress WHERE guest_id = ${guestId}::uuid RETURNING *)
      INSERT INTO lesson_progress AS e ${PROGRESS_INSERT_COLUMNS}
      SELECT gen_random_uuid(), ${userId}::uuid, NULL, guide, lesson, first_visited_at, last_visited_at, read_at, section, section_at, try_it_goals, reset_at
      FROM moved ORDER BY guide, lesson
      ON CONFLICT (user_id, guide, lesson) DO UPDATE SET ${MERGE_GUEST_SET}`;
    const ratings = await tx.$executeRaw`
      WITH moved AS (DELETE FROM page_ratings WHERE guest_id = ${guestId}::uuid RETURNING *)
      INSERT INTO page_ratings AS r (id, user_id, guest_id, guide, lesson, helpful, reason, comment, content_version, created_at, updated_at)
      SELECT gen_random_uuid(), ${userId}::uuid, NULL, guide, lesson, helpful, reason, comment, content_version, created_at, updated_at
      FROM moved ORDER BY guide, lesson
      ON CONFLICT (user_id, guide, lesson) DO UPDATE SET
        helpful = EXCLUDED.helpful, reason = EXCLUDED.reason, comment = EXCLUDED.comment,
        content_version = EXCLUDED.content_version, updated_at = EXCLUDED.updated_at
      WHERE EXCLUDED.updated_at > r.updated_at`;
    const simSessions = await tx.$executeRaw`
      UPDATE sim_sessions g SET user_id = ${userId}::uuid, guest_id = NULL
      WHERE g.guest_id = ${guestId}::uuid AND NOT EXISTS (
        SELECT 1 FROM sim_sessions u
        WHERE u.user_id = ${userId}::uuid AND u.guide = g.guide AND u.lesson = g.lesson AND u.scenario = g.scenario AND u.scenario_version = g.scenario_version
      )`;
    await tx.simSession.deleteMany({ where: { guestId } });
    return { quizAttempts: attempts.count, lessons, ratings, simSessions };
  });
}
