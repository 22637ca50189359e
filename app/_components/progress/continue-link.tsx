"use client";

/**
 * "Continue where you left off": the reader's last visited unfinished lesson, at its last section
 * (or the next unfinished lesson). `guide` limits it to one guide; without it, the most recently
 * active guide. Renders nothing for a reader with nothing to continue.
 */
import Link from "next/link";
import type { ContinuePoint, GuideProgress } from "@/lib/progress/dto";
import { findGuide, useMyProgress } from "./progress-store";

export function ContinueLink({ guide }: { guide?: string }) {
  const { progress } = useMyProgress();
  const candidates: GuideProgress[] = guide ? [findGuide(progress, guide)].filter((g) => g !== undefined) : (progress?.guides ?? []);
  const pick = candidates.find((g) => g.continueAt);
  if (!pick?.continueAt) return null;
  return <ContinueCard guide={pick} point={pick.continueAt} showGuide={!guide} />;
}

function ContinueCard({ guide, point, showGuide }: { guide: GuideProgress; point: ContinuePoint; showGuide: boolean }) {
  return (
    <div className="rounded-lg border border-sky-200 bg-sky-50 p-4 dark:border-sky-900 dark:bg-sky-950/40" data-testid="continue">
      <p className="text-sm font-medium text-sky-900 dark:text-sky-200">{point.kind === "resume" ? "Continue where you left off" : "Up next"}</p>
      <Link href={point.href} className="mt-1 inline-block text-lg font-semibold text-sky-800 hover:underline dark:text-sky-300">
        {showGuide ? `${guide.title}: ${point.title}` : point.title} →
      </Link>
      {point.sectionTitle && <p className="text-sm text-zinc-700 dark:text-zinc-300">{`At “${point.sectionTitle}”`}</p>}
      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{`${guide.percent}% of ${guide.title} complete`}</p>
    </div>
  );
}
