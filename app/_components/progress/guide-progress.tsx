"use client";

/**
 * The reader's completion of a guide (a bar with "n of m lessons") and of one of its phases.
 * Nothing is shown before the progress loads or for a guide not started.
 */
import { findGuide, useMyProgress } from "./progress-store";

export function GuideProgressBar({ guide, compact = false }: { guide: string; compact?: boolean }) {
  const mine = findGuide(useMyProgress().progress, guide);
  if (!mine) return null;
  const label = `${mine.percent}% complete`;
  return (
    <div className={compact ? "mt-3" : "space-y-1"} data-testid={`guide-progress-${guide}`}>
      <div
        role="progressbar"
        aria-label={`${mine.title}: ${label}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={mine.percent}
        className="h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div className="h-full rounded-full bg-emerald-600 dark:bg-emerald-500" style={{ width: `${mine.percent}%` }} />
      </div>
      <p className="text-xs text-zinc-700 dark:text-zinc-300">
        <span data-testid="guide-percent">{label}</span>
        {` · ${mine.completed} of ${mine.lessons} lessons`}
      </p>
    </div>
  );
}

export function PhaseProgress({ guide, phase }: { guide: string; phase: number }) {
  const mine = findGuide(useMyProgress().progress, guide)?.phases.find((p) => p.order === phase);
  if (!mine) return null;
  return (
    <span className="ml-2 text-sm font-normal text-zinc-600 dark:text-zinc-400" data-testid={`phase-progress-${phase}`}>
      {`${mine.completed}/${mine.lessons} complete · ${mine.percent}%`}
    </span>
  );
}
