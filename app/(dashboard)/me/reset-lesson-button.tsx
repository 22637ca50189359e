"use client";

/**
 * "Start over" for one lesson of the reader's own progress, with a confirmation step. Quiz
 * attempts are kept in the history but stop counting towards the lesson.
 */
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { callApi, lessonApi } from "@/app/_components/api/call";
import { forgetPendingProgress } from "@/app/_components/progress/progress-queue";

/** `started`: whether there is anything to reset (the button stays mounted to announce the reset). */
export function ResetLessonButton({ guide, lesson, title, started }: { guide: string; lesson: string; title: string; started: boolean }) {
  const router = useRouter();
  const [step, setStep] = useState<"idle" | "confirming" | "done">("idle");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const doneRef = useRef<HTMLSpanElement>(null);
  const moved = useRef(false);

  // Keyboard focus follows the step (but not on first render).
  useEffect(() => {
    if (!moved.current) return;
    if (step === "confirming") confirmRef.current?.focus();
    if (step === "idle") startRef.current?.focus();
    if (step === "done") doneRef.current?.focus();
  }, [step]);

  const go = (next: typeof step) => {
    moved.current = true;
    setStep(next);
  };

  async function reset() {
    setBusy(true);
    setError(null);
    const result = await callApi(`${lessonApi(guide, lesson)}/progress`, { method: "DELETE" });
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    // Writes for this lesson still waiting in the browser predate the reset.
    forgetPendingProgress(guide, lesson);
    go("done");
    router.refresh();
  }

  if (step === "done") {
    return (
      <span ref={doneRef} tabIndex={-1} role="status" className="text-xs">
        {`“${title}” starts over.`}
      </span>
    );
  }
  if (step === "idle") {
    if (!started) return null;
    return (
      <button ref={startRef} type="button" onClick={() => go("confirming")} className="text-xs font-medium text-sky-800 underline hover:no-underline dark:text-sky-300">
        Start over<span className="sr-only">{`: ${title}`}</span>
      </button>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2 text-xs">
      <span>Reset this lesson?</span>
      <button ref={confirmRef} type="button" disabled={busy} onClick={() => void reset()} className="rounded bg-red-700 px-2 py-0.5 font-semibold text-white hover:bg-red-800 disabled:opacity-60">
        Yes, start over<span className="sr-only">{`: ${title}`}</span>
      </button>
      <button type="button" disabled={busy} onClick={() => go("idle")} className="font-medium underline">
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
