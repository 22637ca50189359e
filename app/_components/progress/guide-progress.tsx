"use client";

/**
 * The reader's completion of a guide (a bar with "n of m lessons") and of one of its phases.
 * Nothing is shown before the progress loads or for a guide not started.
 */
import { ProgressBar } from "../ui/progress-bar";
import { findGuide, useMyProgress } from "./progress-store";

export function GuideProgressBar({ guide, compact = false }: { guide: string; compact?: boolean }) {
  const mine = findGuide(useMyProgress().progress, guide);
  if (!mine) return null;
  const label = `${mine.percent}% complete`;
  return (
    <div className={compact ? "mt-3" : "space-y-1"} data-testid={`guide-progress-${guide}`}>
      <ProgressBar label={`${mine.title}: ${label}`} percent={mine.percent} />
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
