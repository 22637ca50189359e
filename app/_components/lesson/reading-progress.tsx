"use client";

import { useEffect, useState } from "react";

/** A thin bar at the top showing how far through the lesson text the reader is. */
export function ReadingProgress({ targetId }: { targetId: string }) {
  const [percent, setPercent] = useState(0);

  useEffect(() => {
    const target = document.getElementById(targetId);
    if (!target) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const rect = target.getBoundingClientRect();
      const total = rect.height - window.innerHeight;
      setPercent(total <= 0 ? 100 : Math.round(Math.min(100, Math.max(0, (-rect.top / total) * 100))));
    };
    const onScroll = () => {
      frame ||= requestAnimationFrame(update);
    };
    update();
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("resize", onScroll);
    return () => {
      window.removeEventListener("scroll", onScroll);
      window.removeEventListener("resize", onScroll);
      cancelAnimationFrame(frame);
    };
  }, [targetId]);

  return (
    <div
      role="progressbar"
      aria-label="Reading progress"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className="fixed inset-x-0 top-0 z-40 h-1 bg-transparent"
    >
      <div className="h-full bg-sky-600 transition-[width] duration-100 dark:bg-sky-400" style={{ width: `${percent}%` }} />
    </div>
  );
}
