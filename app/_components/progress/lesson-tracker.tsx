"use client";

/**
 * Records the reader's progress in a lesson: a visit when the page opens, "read" when this element
 * (placed right after the lesson body) comes into view, and the section being read. Renders only
 * an empty marker, so the lesson's HTML is the same for every reader.
 */
import { useEffect, useRef } from "react";
import { queueProgress } from "./progress-queue";

/** A section counts once the reader has stayed in it this long. */
const SETTLE_MS = 1_500;

export function LessonTracker({ guide, lesson, bodyId }: { guide: string; lesson: string; bodyId: string }) {
  const endRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    queueProgress(guide, lesson, { visited: true });

    const end = endRef.current;
    let readSent = false;
    const endObserver = new IntersectionObserver((entries) => {
      if (!readSent && entries.some((e) => e.isIntersecting)) {
        readSent = true;
        queueProgress(guide, lesson, { read: true });
        endObserver.disconnect();
      }
    });
    if (end) endObserver.observe(end);

    // The current section: the last heading whose top has scrolled past the upper third.
    const headings = [...(document.getElementById(bodyId)?.querySelectorAll<HTMLElement>("h2[id], h3[id]") ?? [])];
    let current: string | null = null;
    let sent: string | null = null;
    let settle: ReturnType<typeof setTimeout> | undefined;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const line = window.innerHeight / 3;
      let found: string | null = null;
      for (const h of headings) if (h.getBoundingClientRect().top <= line) found = h.id;
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
    window.addEventListener("scroll", onScroll, { passive: true });
    // Leaving the page before the section settled still records where the reader was.
    const onHide = () => {
      if (document.visibilityState === "hidden" && current && current !== sent) {
        clearTimeout(settle);
        sent = current;
        queueProgress(guide, lesson, { section: current });
      }
    };
    document.addEventListener("visibilitychange", onHide);
    measure();

    return () => {
      // Navigating to another page within the site: keep where the reader was.
      if (current && current !== sent) queueProgress(guide, lesson, { section: current });
      endObserver.disconnect();
      window.removeEventListener("scroll", onScroll);
      document.removeEventListener("visibilitychange", onHide);
      cancelAnimationFrame(frame);
      clearTimeout(settle);
    };
  }, [guide, lesson, bodyId]);

  return <div ref={endRef} data-lesson-end aria-hidden="true" />;
}
