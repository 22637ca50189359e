"use client";

/**
 * A lesson's status for this reader, next to its title in lists (sidebar, guide overview):
 * ✓ complete, ◐ started. Empty until the reader's progress has loaded.
 */
import { isStarted } from "@/lib/progress/summary";
import { findLesson, useMyProgress } from "./progress-store";

export function LessonMark({ guide, lesson }: { guide: string; lesson: string }) {
  const { progress } = useMyProgress();
  const mine = findLesson(progress, guide, lesson);
  if (mine?.completed) {
    return (
      <span className="lesson-mark lesson-mark-done" data-status="completed" title="Completed">
        <span aria-hidden="true">✓</span>
        <span className="sr-only"> (completed)</span>
      </span>
    );
  }
  if (mine && isStarted(mine)) {
    return (
      <span className="lesson-mark" data-status="started" title="Started">
        <span aria-hidden="true">◐</span>
        <span className="sr-only"> (started)</span>
      </span>
    );
  }
  return null;
}
