/**
 * The browser side of progress writes: every write is queued (in localStorage, one key per write,
 * so tabs never overwrite each other's), sent one at a time in order, and removed only once the
 * server has accepted it. A write that fails for a reason that may pass (offline, 5xx, 429) is
 * retried later with backoff, when the browser comes back online, and on the next page load;
 * when the page is hidden or closed, everything pending is sent with `keepalive`. The server
 * merges writes idempotently, so sending one twice is harmless.
 */
import type { LessonProgress } from "@/lib/progress/dto";
import { lessonApi } from "../api/call";

export interface ProgressEvent {
  visited?: true;
  read?: true;
  section?: string;
}

interface Pending {
  key: string;
  guide: string;
  lesson: string;
  event: ProgressEvent;
  /** Browser time of the event; sent as `at` when the write goes out late. */
  at: number;
}

const PREFIX = "pending-progress:";
/** Writes sent later than this say when they happened. */
const LATE_MS = 5_000;
const MAX_PENDING = 200;

const inFlight = new Set<string>();
const memoryOnly = new Map<string, Pending>(); // when localStorage is unavailable
const listeners = new Set<(progress: LessonProgress) => void>();
let flushing: Promise<void> | null = null;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let retryDelay = 2_000;

function store(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function pending(): Pending[] {
  const s = store();
  const items = [...memoryOnly.values()];
  if (s) {
    for (let i = 0; i < s.length; i++) {
      const key = s.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      try {
        items.push(JSON.parse(s.getItem(key) ?? "") as Pending);
      } catch {
        s.removeItem(key);
      }
    }
  }
  return items.sort((a, b) => a.at - b.at);
}

function save(item: Pending): void {
  try {
    store()!.setItem(item.key, JSON.stringify(item));
  } catch {
    memoryOnly.set(item.key, item);
  }
}

function remove(key: string): void {
  memoryOnly.delete(key);
  store()?.removeItem(key);
}

const sectionOnly = (e: ProgressEvent) => e.section !== undefined && !e.visited && !e.read;

/** Queues a progress write for the lesson and starts sending. */
export function queueProgress(guide: string, lesson: string, event: ProgressEvent): void {
  const queued = pending();
  // A newer section makes an unsent older one pointless (the server keeps the newer anyway).
  if (sectionOnly(event)) {
    for (const old of queued) if (old.guide === guide && old.lesson === lesson && sectionOnly(old.event) && !inFlight.has(old.key)) remove(old.key);
  }
  if (queued.length >= MAX_PENDING) remove(queued[0]!.key);
  save({ key: `${PREFIX}${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`, guide, lesson, event, at: Date.now() });
  // Queued while the page is being hidden or closed: an ordinary request might be cancelled.
  if (document.visibilityState === "hidden") flushOnLeave();
  else void flushProgress();
}

/** Called with the lesson's progress after each accepted write. */
export function onProgressSaved(listener: (progress: LessonProgress) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** `true` when the write is done with (accepted, or refused for good); `false` to retry later. */
async function send(item: Pending, keepalive: boolean): Promise<boolean> {
  inFlight.add(item.key);
  const late = Date.now() - item.at > LATE_MS;
  try {
    const res = await fetch(`${lessonApi(item.guide, item.lesson)}/progress`, {
      method: "PUT",
      keepalive,
      cache: "no-store",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ ...item.event, ...(late ? { at: new Date(item.at).toISOString() } : {}) }),
    });
    if (res.status === 408 || res.status === 429 || res.status >= 500) return false;
    remove(item.key); // accepted, or a 4xx that no retry would fix
    if (res.ok) {
      const body = (await res.json().catch(() => null)) as { progress?: LessonProgress } | null;
      if (body?.progress) for (const listener of listeners) listener(body.progress);
    }
    return true;
  } catch {
    return false;
  } finally {
    inFlight.delete(item.key);
  }
}

/** Sends every queued write, oldest first; resolves when the queue is empty or a send failed. */
export function flushProgress(): Promise<void> {
  // Cleared in a later microtask, so an empty queue cannot leave a settled promise behind.
  flushing ??= drain().finally(() => {
    flushing = null;
  });
  return flushing;
}

async function drain(): Promise<void> {
  for (const item of pending()) {
    if (inFlight.has(item.key)) continue;
    if (!(await send(item, false))) {
      scheduleRetry();
      return;
    }
  }
  retryDelay = 2_000;
}

function scheduleRetry(): void {
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => void flushProgress(), retryDelay);
  retryDelay = Math.min(retryDelay * 2, 60_000);
}

/** The page is going away: send everything still pending, without waiting (keepalive). */
function flushOnLeave(): void {
  for (const item of pending()) if (!inFlight.has(item.key)) void send(item, true);
}

/** Forgets unsent writes: at sign-out, so they are not sent later under the next person's account. */
export function forgetPendingProgress(): void {
  for (const item of pending()) remove(item.key);
}

if (typeof window !== "undefined") {
  window.addEventListener("pagehide", flushOnLeave);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flushOnLeave();
  });
  window.addEventListener("online", () => void flushProgress());
  // Writes left over from an earlier page (closed offline, say) go out soon after any page loads.
  setTimeout(() => {
    if (pending().length > 0) void flushProgress();
  }, 1_000);
}
