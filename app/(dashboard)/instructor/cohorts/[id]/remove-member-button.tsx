"use client";

/** Takes one learner out of the cohort, after asking; then goes to `then` (their page is gone). */
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/app/_components/api/call";

export function RemoveMemberButton({ cohortId, userId, name, then }: { cohortId: string; userId: string; name: string; then: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!confirming) {
    return (
      <button type="button" className="text-sm text-red-800 underline dark:text-red-300" onClick={() => setConfirming(true)}>
        Remove from this cohort
      </button>
    );
  }
  return (
    <span role="group" aria-label={`Remove ${name}?`} className="inline-flex items-center gap-2 text-sm">
      {`Remove ${name} from this cohort? Their records stay; you will no longer see them.`}
      <button
        type="button"
        aria-disabled={busy}
        className="rounded border border-red-700 px-2 py-0.5 text-red-800 aria-disabled:opacity-50 dark:border-red-400 dark:text-red-300"
        onClick={async () => {
          if (busy) return;
          setBusy(true);
          const removed = await callApi(`/api/instructor/cohorts/${cohortId}/members/${userId}`, { method: "DELETE" });
          if (removed.ok) router.replace(then);
          else {
            setBusy(false);
            setError(removed.message);
          }
        }}
      >
        {busy ? "Removing…" : "Yes, remove"}
      </button>
      {/* Focus lands on the safe choice: a second Enter must not remove anyone. */}
      <button type="button" autoFocus className="rounded border border-zinc-300 px-2 py-0.5 dark:border-zinc-700" onClick={() => setConfirming(false)}>
        Cancel
      </button>
      {error && <span role="alert">{error}</span>}
    </span>
  );
}
