/**
 * The browser side of progress writes. Every write is queued in localStorage (one key per write,
 * so tabs never overwrite each other's), sent oldest first, and removed only once the server has
 * accepted it (or refused it for good with a 4xx). A write that fails for a reason that may pass
 * (offline, 5xx, 429) is retried with backoff, when the browser comes back online, and on the
 * next page load; when the page is hidden or closed, what is pending goes out with `keepalive`.
 * The server merges writes idempotently, so a write sent twice is harmless.
 *
 * Tabs take turns (Web Locks), and until this browser is known to have an identity on the server
 * (guest cookie or session) writes go one at a time: a first-time reader's parallel writes would
 * each become a different guest.
 */
import type { LessonProgress } from "@/lib/progress/dto";
import { lessonApi } from "../api/call";
import { forgetIdentity, identityKnown, identityWrite, rememberIdentity } from "../api/identity-gate";

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
  /** Browser time of the event. */
  at: number;
  tries?: number;
  /** Not before this browser time (backoff). */
  nextAt?: number;
}

const PREFIX = "pending-progress:";
const CLOCK_KEY = "progress-clock-offset";
/** Writes sent later than this say when they happened (`at`). */
const LATE_MS = 5_000;
const MAX_PENDING = 200;
const MAX_TRIES = 20;
const REQUEST_TIMEOUT_MS = 15_000;

const inFlight = new Set<string>();
const memoryOnly = new Map<string, Pending>(); // when localStorage is unavailable
const listeners = new Set<(progress: LessonProgress) => void>();
let flushing: Promise<void> | null = null;
let flushAgain = false;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let pausedUntil = 0;
let closed = false;

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
    const keys: string[] = [];
    for (let i = 0; i < s.length; i++) {
      const key = s.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
    for (const key of keys) {
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

function flag(key: string): string | null {
  try {
    return store()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function setFlag(key: string, value: string | null): void {
  try {
    if (value === null) store()?.removeItem(key);
    else store()?.setItem(key, value);
  } catch {
    // Without storage the defaults apply: one write at a time, the browser's clock.
  }
}

const sectionOnly = (e: ProgressEvent) => e.section !== undefined && !e.visited && !e.read;

/** Queues a progress write for the lesson and starts sending. */
export function queueProgress(guide: string, lesson: string, event: ProgressEvent): void {
  if (closed) return;
  const queued = pending();
  // A newer section makes an unsent older one pointless (the server keeps the newer anyway).
  if (sectionOnly(event)) {
    for (const old of queued) if (old.guide === guide && old.lesson === lesson && sectionOnly(old.event) && !inFlight.has(old.key)) remove(old.key);
  }
  if (queued.length >= MAX_PENDING) remove((queued.find((q) => sectionOnly(q.event)) ?? queued[0]!).key);
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

/** The event's time on the server's clock, as far as this browser can tell (see `learnClock`). */
function serverTime(at: number): string {
  return new Date(at + (Number(flag(CLOCK_KEY)) || 0)).toISOString();
}

// The server compares `at` with its own clock (a lesson reset, say): remember how far this
// browser's clock is off, from the Date header of a response. Seconds are enough.
function learnClock(res: Response): void {
  const server = Date.parse(res.headers.get("date") ?? "");
  if (Number.isNaN(server)) return;
  const offset = server - Date.now();
  setFlag(CLOCK_KEY, Math.abs(offset) > 2_000 ? String(offset) : null);
}

type Outcome = "done" | "retry" | "offline";

async function send(item: Pending, keepalive: boolean): Promise<Outcome> {
  inFlight.add(item.key);
  const late = keepalive || Date.now() - item.at > LATE_MS;
  try {
    const request = () =>
      fetch(`${lessonApi(item.guide, item.lesson)}/progress`, {
        method: "PUT",
        keepalive,
        cache: "no-store",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ ...item.event, ...(late ? { at: serverTime(item.at) } : {}) }),
        signal: keepalive ? undefined : AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    // A page that is going away cannot wait its turn (flushOnLeave sends one write at most then).
    const res = keepalive ? await request() : await identityWrite(request, (r) => r.ok);
    if (res.status === 429) pausedUntil = Date.now() + (Number(res.headers.get("retry-after")) || 60) * 1000;
    if (res.status === 408 || res.status === 429 || res.status >= 500) {
      const tries = (item.tries ?? 0) + 1;
      if (tries >= MAX_TRIES) remove(item.key);
      else save({ ...item, tries, nextAt: Date.now() + Math.min(2 ** tries * 1000, 10 * 60_000) });
      return "retry";
    }
    remove(item.key); // accepted, or a 4xx that no retry would fix
    if (res.ok) {
      rememberIdentity(); // for keepalive writes, which do not go through identityWrite
      learnClock(res);
      const body = (await res.json().catch(() => null)) as { progress?: LessonProgress } | null;
      if (body?.progress) for (const listener of listeners) listener(body.progress);
    }
    return "done";
  } catch {
    return "offline";
  } finally {
    inFlight.delete(item.key);
  }
}

/** Sends every queued write that is due, oldest first, and schedules a retry for the rest. */
export function flushProgress(): Promise<void> {
  if (flushing) {
    flushAgain = true; // queued during this drain: drain once more afterwards
    return flushing;
  }
  flushing = withLock(drain).finally(() => {
    flushing = null;
    if (flushAgain) {
      flushAgain = false;
      void flushProgress();
    }
  });
  return flushing;
}

function withLock(work: () => Promise<void>): Promise<void> {
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  return locks ? locks.request("pending-progress", () => work()).then(() => undefined) : work();
}

// One pass over the queue as it was when the drain began (writes queued meanwhile make
// flushProgress drain again). A write the server failed on waits for its backoff; the others need
// not wait behind it.
async function drain(): Promise<void> {
  for (const item of pending()) {
    if (Date.now() < pausedUntil) break;
    if (inFlight.has(item.key) || (item.nextAt ?? 0) > Date.now() || !stillQueued(item.key)) continue;
    if ((await send(item, false)) === "offline") break;
  }
  scheduleRetry();
}

/** Whether a write is still waiting (another tab, or a reset, may have removed it meanwhile). */
function stillQueued(key: string): boolean {
  return memoryOnly.has(key) || flag(key) !== null;
}

function scheduleRetry(): void {
  clearTimeout(retryTimer);
  const left = pending();
  if (left.length === 0) return;
  const due = Math.min(...left.map((item) => item.nextAt ?? Date.now() + 2_000), pausedUntil || Infinity);
  retryTimer = setTimeout(() => void flushProgress(), Math.max(1_000, due - Date.now()));
}

/** The page is going away: send what is pending without waiting for answers (keepalive). */
function flushOnLeave(): void {
  const known = identityKnown();
  // Without a known identity, one write at a time across the page (not only within this call):
  // while one is on its way, the rest go out on the next page load.
  if (!known && inFlight.size > 0) return;
  const items = pending().filter((item) => !inFlight.has(item.key));
  for (const item of known ? items : items.slice(0, 1)) void send(item, true);
}

/**
 * Before signing out: sends what is pending (waiting at most `ms`), then forgets the rest and
 * stops queueing on this page, so nothing is sent later under the next person's identity.
 */
export async function settleBeforeSignOut(ms = 1_500): Promise<void> {
  await Promise.race([flushProgress(), new Promise((resolve) => setTimeout(resolve, ms))]);
  closed = true;
  for (const item of pending()) remove(item.key);
  forgetIdentity();
}

/** Forgets unsent writes for one lesson (after the reader started it over). */
export function forgetPendingProgress(guide: string, lesson: string): void {
  for (const item of pending()) if (item.guide === guide && item.lesson === lesson) remove(item.key);
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
