"use client";

/**
 * Records the reader's progress in a lesson: a visit once the page has been in view for a moment,
 * "read" once this element (placed right after the lesson body) has come into view or been
 * scrolled past, and the section being read. Renders only an empty marker, so the lesson's HTML
 * is the same for every reader.
 */
import { useEffect, useRef } from "react";
import { queueProgress } from "./progress-queue";

/** A section (and the visit itself) counts once the reader has stayed this long. */
const SETTLE_MS = 1_500;

export function LessonTracker({ guide, lesson, bodyId }: { guide: string; lesson: string; bodyId: string }) {
  const endRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // A page opened in a background tab, or left at once, is not a visit.
    let visitTimer: ReturnType<typeof setTimeout> | undefined;
    let visited = false;
    const startVisit = () => {
      if (visited || visitTimer || document.visibilityState !== "visible") return;
      visitTimer = setTimeout(() => {
        visited = true;
        queueProgress(guide, lesson, { visited: true });
      }, SETTLE_MS);
    };

    // The lesson's own section headings (class "heading"), not the titles inside "try it" panels.
    const headings = [...(document.getElementById(bodyId)?.querySelectorAll<HTMLElement>("h2.heading[id], h3.heading[id]") ?? [])];
    let readSent = false;
    let current: string | null = null;
    let sent: string | null = null;
    let settle: ReturnType<typeof setTimeout> | undefined;
    let frame = 0;

    const measure = () => {
      frame = 0;
      // The end of the body reached: in view or already above it (a jump with End or a link
      // skips straight past it).
      const end = endRef.current;
      if (!readSent && end && end.getBoundingClientRect().top <= window.innerHeight) {
        readSent = true;
        queueProgress(guide, lesson, { read: true });
      }
      // The current section: the last heading whose top has scrolled past the upper third.
      const line = window.innerHeight / 3;
      let found: string | null = null;
      for (const h of headings) {
        if (h.getBoundingClientRect().top > line) break; // headings are in document order
        found = h.id;
      }
      if (found === current) return;
      current = found;
      clearTimeout(settle);
      if (found && found !== sent) {
        settle = setTimeout(() => {
          sent = found;
          queueProgress(guide, lesson, { section: found });
        }, SETTLE_MS);
      }
    };
    const onScroll = () => {
      frame ||= requestAnimationFrame(measure);
    };
    const onVisibility = () => {
      if (document.visibilityState === "visible") {
        startVisit();
        onScroll();
        return;
      }
      clearTimeout(visitTimer);
      visitTimer = undefined;
      // Leaving before the section settled still records where the reader was.
      if (current && current !== sent) {
        clearTimeout(settle);
        sent = current;
        queueProgress(guide, lesson, { section: current });
      }
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("resize", onScroll, { passive: true });
    document.addEventListener("visibilitychange", onVisibility);
    startVisit();
    if (document.visibilityState === "visible") measure();

    return () => {
      // Navigating to another page of the site: keep where the reader was.
      if (visited && current && current !== sent) queueProgress(guide, lesson, { section: current });
      window.removeEventListener("scroll", onScroll);
      window.removeEventListener("resize", onScroll);
      document.removeEventListener("visibilitychange", onVisibility);
      cancelAnimationFrame(frame);
      clearTimeout(settle);
      clearTimeout(visitTimer);
    };
  }, [guide, lesson, bodyId]);

  return <div ref={endRef} data-lesson-end aria-hidden="true" />;
}
