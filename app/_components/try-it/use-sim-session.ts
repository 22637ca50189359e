/**
 * The panel's connection to its server-side session: opens (or continues) it, sends commands with
 * the version it last saw, and keeps what the panel shows (view, goals, timeline) plus what to
 * announce to screen readers. One request at a time; a 409 (another tab moved the session) reloads
 * the session and says so. Every failure ends as a message, never as a stuck panel.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Command, SimEvent } from "@/lib/sim";
import type { SessionPayload } from "@/lib/try-it/payload";
import type { TimelineEntry } from "@/lib/try-it/timeline";
import type { ApiResult } from "../api/call";
import { openSession, resetSession, sendCommand, undoLast } from "./sim-api";
import { refreshMyProgress } from "../progress/progress-store";

/** Timeline lines kept on the page (the oldest go first). */
const TIMELINE_KEPT = 200;

export interface SimSession {
  status: "loading" | "ready" | "failed";
  payload: SessionPayload | null;
  timeline: TimelineEntry[];
  busy: boolean;
  /** The last problem, fit to show (cleared by the next successful step). */
  error: string | null;
  /** The latest announcement for the aria-live region. */
  announcement: string;
  /** Sends one command; resolves with its events, or why it did not run. */
  run: (command: Command) => Promise<{ ok: true; events: SimEvent[] } | { ok: false; message: string }>;
  undo: () => Promise<void>;
  reset: () => Promise<void>;
  retry: () => Promise<void>;
  /** Shows (and announces) why something cannot be done now. */
  explain: (why: string) => void;
}

export function useSimSession(guide: string, lesson: string, scenario: string): SimSession {
  const [status, setStatus] = useState<SimSession["status"]>("loading");
  const [payload, setPayload] = useState<SessionPayload | null>(null);
  const [timeline, setTimeline] = useState<TimelineEntry[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announced, setAnnounced] = useState({ text: "", n: 0 });
  // A live region only speaks when its text changes: the same words twice differ by a trailing
  // no-break space, so a repeated step is announced again.
  const setAnnouncement = useCallback((text: string) => setAnnounced((a) => ({ text: a.n % 2 ? text : `${text}\u00a0`, n: a.n + 1 })), []);
  // The latest payload and an in-flight flag, readable synchronously by handlers fired in a burst.
  const current = useRef<SessionPayload | null>(null);
  const inFlight = useRef(false);

  const show = useCallback((next: SessionPayload, lines: "replace" | "append") => {
    current.current = next;
    setPayload(next);
    setTimeline((old) => (lines === "replace" ? next.timeline : [...old, ...next.timeline]).slice(-TIMELINE_KEPT));
  }, []);

  const open = useCallback(async () => {
    const opened = await openSession(guide, lesson, scenario);
    if (!opened.ok) {
      setStatus("failed");
      setError(`The simulator could not start: ${opened.message}`);
      return;
    }
    show(opened.data, "replace");
    setError(null);
    setStatus("ready");
  }, [guide, lesson, scenario, show]);

  useEffect(() => {
    // Opening on mount is the point of this hook: the loader mounts the panel when it is wanted.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void open();
  }, [open]);

  const retry = useCallback(async () => {
    setStatus("loading");
    setError(null);
    await open();
  }, [open]);

  /**
   * Runs one request unless another is in flight, and handles the answers every request can get.
   * Resolves with null when it succeeded, else with why not.
   */
  const exclusive = useCallback(
    async <T extends SessionPayload>(request: (session: SessionPayload) => Promise<ApiResult<T>>, onOk: (data: T) => void): Promise<string | null> => {
      const session = current.current;
      if (!session || inFlight.current) return "The previous step is still running.";
      inFlight.current = true;
      setBusy(true);
      try {
        const result = await request(session);
        if (result.ok) {
          onOk(result.data);
          setError(null);
          return null;
        }
        if (result.status === 409 || result.status === 404) {
          // 409: another tab moved the session, or its scenario was updated. 404: it is not this
          // reader's any more (signed out elsewhere, cookies cleared). Either way, opening the
          // panel again gives the reader's session as it is now.
          const again = await openSession(guide, lesson, scenario);
          if (again.ok) show(again.data, "replace");
          setError(again.ok ? `${result.message} The panel now shows the latest state: try again.` : `${result.message} Opening the panel again failed: ${again.message}`);
        } else {
          setError(result.message);
        }
        // The alert above says what went wrong; the live region stays for what happened.
        return result.message;
      } finally {
        inFlight.current = false;
        setBusy(false);
      }
    },
    [show, guide, lesson, scenario],
  );

  const run = useCallback(
    async (command: Command) => {
      let events: SimEvent[] = [];
      const failure = await exclusive(
        (s) => sendCommand(s.sessionId, command, s.version),
        (data) => {
          events = data.events;
          show(data, "append");
          const reached = data.goals.filter((g) => data.goalsReached.includes(g.id));
          const lines = data.timeline.map((l) => l.text);
          const said = [lines.length ? lines.join(". ") : "Done; nothing visible happened", ...reached.map((g) => `Goal reached: ${g.title}`)];
          setAnnouncement(`${said.join(". ")}.`);
          if (reached.length) void refreshMyProgress();
        },
      );
      return failure === null ? { ok: true as const, events } : { ok: false as const, message: failure };
    },
    [exclusive, show, setAnnouncement],
  );

  const undo = useCallback(async () => {
    await exclusive(
      (s) => undoLast(s.sessionId, s.version),
      (data) => {
        show(data, "replace");
        setAnnouncement("The last step was undone.");
      },
    );
  }, [exclusive, show, setAnnouncement]);

  const reset = useCallback(async () => {
    await exclusive(
      (s) => resetSession(s.sessionId),
      (data) => {
        show(data, "replace");
        setAnnouncement("The panel is back at the scenario's start. Goals you reached stay reached.");
      },
    );
  }, [exclusive, show, setAnnouncement]);

  const explain = useCallback((why: string) => setError(why), []);

  return { status, payload, timeline, busy, error, announcement: announced.text, run, undo, reset, retry, explain };
}
