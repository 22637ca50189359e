"use client";

/**
 * "Start over" for one lesson of the reader's own progress, with a confirmation step. Quiz
 * attempts are kept in the history but stop counting towards the lesson.
 */
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi, lessonApi } from "@/app/_components/api/call";

export function ResetLessonButton({ guide, lesson, title }: { guide: string; lesson: string; title: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function reset() {
    setBusy(true);
    setError(null);
    const result = await callApi(`${lessonApi(guide, lesson)}/progress`, { method: "DELETE" });
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setConfirming(false);
    router.refresh();
  }

  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)} className="text-xs font-medium text-sky-800 underline hover:no-underline dark:text-sky-300">
        Start over<span className="sr-only">{`: ${title}`}</span>
      </button>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2 text-xs">
      <span>Reset this lesson?</span>
      <button type="button" disabled={busy} onClick={() => void reset()} className="rounded bg-red-700 px-2 py-0.5 font-semibold text-white hover:bg-red-800 disabled:opacity-60">
        Yes, start over
      </button>
      <button type="button" disabled={busy} onClick={() => setConfirming(false)} className="font-medium underline">
        Cancel
      </button>
      {error && (
        <span role="alert" className="text-red-700 dark:text-red-400">
          {error}
        </span>
      )}
    </span>
  );
}
