"use client";

/** Takes one learner out of the cohort, after asking; then goes to `then` (their page is gone). */
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/app/_components/api/call";

export function RemoveMemberButton({ cohortId, userId, name, then }: { cohortId: string; userId: string; name: string; then: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!confirming) {
    return (
      <button type="button" className="text-sm text-red-800 underline dark:text-red-300" onClick={() => setConfirming(true)} aria-label={`Remove ${name} from this cohort`}>
        Remove from this cohort
      </button>
    );
  }
  return (
    <span role="group" aria-label={`Remove ${name}?`} className="inline-flex items-center gap-2 text-sm">
      {`Remove ${name}?`}
      <button
        type="button"
        autoFocus
        className="rounded border border-red-700 px-2 py-0.5 text-red-800 dark:border-red-400 dark:text-red-300"
        onClick={async () => {
          const removed = await callApi(`/api/instructor/cohorts/${cohortId}/members/${userId}`, { method: "DELETE" });
          if (removed.ok) router.replace(then);
          else setError(removed.message);
        }}
      >
        Yes, remove
      </button>
      <button type="button" className="rounded border border-zinc-300 px-2 py-0.5 dark:border-zinc-700" onClick={() => setConfirming(false)}>
        Cancel
      </button>
      {error && <span role="alert">{error}</span>}
    </span>
  );
}
