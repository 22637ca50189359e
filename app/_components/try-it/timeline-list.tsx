"use client";

/** What happened, newest last, in the lesson's style; scrolls itself to the newest line. */
import { useEffect, useRef } from "react";
import type { TimelineEntry } from "@/lib/try-it/timeline";

const TONE: Record<TimelineEntry["tone"], string> = {
  info: "",
  good: "text-emerald-800 dark:text-emerald-300",
  bad: "font-semibold text-red-800 dark:text-red-300",
};

export function TimelineList({ entries }: { entries: TimelineEntry[] }) {
  const ref = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const list = ref.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [entries]);
  if (entries.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing has happened yet: press a button.</p>;
  return (
    <ol ref={ref} tabIndex={0} aria-label="What happened, oldest first" data-timeline className="max-h-64 space-y-0.5 overflow-y-auto rounded-md border border-zinc-300 p-2 font-mono text-xs dark:border-zinc-700">
      {entries.map((e, i) => (
        <li key={i} className={TONE[e.tone]}>
          <span className="text-zinc-500 dark:text-zinc-400">{`${(e.at / 1000).toFixed(1)} s `}</span>
          {e.text}
        </li>
      ))}
    </ol>
  );
}
