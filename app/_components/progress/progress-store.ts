/**
 * The reader's progress (GET /api/me/progress) shared by every progress island on a page: fetched
 * once the pending writes are sent, refreshed when an island mounts (client-side navigation keeps
 * this module) and when a write changes what a lesson counts as.
 */
import { useEffect, useSyncExternalStore } from "react";
import type { GuideProgress, LessonProgress, MyProgress } from "@/lib/progress/dto";
import { callApi } from "../api/call";
import { flushProgress, onProgressSaved } from "./progress-queue";

export interface ProgressSnapshot {
  status: "idle" | "loading" | "ready" | "failed";
  progress: MyProgress | null;
}

const IDLE: ProgressSnapshot = { status: "idle", progress: null };
let snapshot: ProgressSnapshot = IDLE;
const subscribers = new Set<() => void>();
let refreshing: Promise<void> | null = null;
let again = false;
let fetchedAt = 0;

function publish(next: ProgressSnapshot): void {
  snapshot = next;
  for (const notify of subscribers) notify();
}

/** Fetches the progress again (after sending pending writes); concurrent calls share one fetch. */
export function refreshMyProgress(): Promise<void> {
  if (refreshing) {
    again = true; // something changed since that fetch started
    return refreshing;
  }
  if (snapshot.status === "idle") publish({ status: "loading", progress: null });
  refreshing = (async () => {
    await flushProgress();
    const result = await callApi<MyProgress>("/api/me/progress");
    fetchedAt = Date.now();
    publish(result.ok ? { status: "ready", progress: result.data } : { status: snapshot.progress ? "ready" : "failed", progress: snapshot.progress });
  })().finally(() => {
    refreshing = null;
    if (again) {
      again = false;
      void refreshMyProgress();
    }
  });
  return refreshing;
}

export function findLesson(progress: MyProgress | null, guide: string, lesson: string): LessonProgress | undefined {
  return progress?.guides.find((g) => g.guide === guide)?.lessonProgress.find((l) => l.lesson === lesson);
}

export function findGuide(progress: MyProgress | null, guide: string): GuideProgress | undefined {
  return progress?.guides.find((g) => g.guide === guide);
}

// A write that changes whether a lesson is read or complete changes marks and percentages.
onProgressSaved((saved) => {
  const known = findLesson(snapshot.progress, saved.guide, saved.lesson);
  if (!known || known.completed !== saved.completed || known.readAt !== saved.readAt) void refreshMyProgress();
});

/** Refreshes unless a fetch is under way or has just finished (islands mounting together share one). */
function refreshIfStale(): void {
  if (!refreshing && Date.now() - fetchedAt > 250) void refreshMyProgress();
}

const subscribe = (notify: () => void) => {
  subscribers.add(notify);
  return () => subscribers.delete(notify);
};

/** The reader's progress; "idle" on the server, so pages render the same HTML for everyone. */
export function useMyProgress(): ProgressSnapshot {
  const current = useSyncExternalStore(subscribe, () => snapshot, () => IDLE);
  useEffect(refreshIfStale, []);
  return current;
}
