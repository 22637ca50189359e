"use client";

/** The cohort's join link (copyable), a new code on demand, and archive / reopen. */
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import { callApi } from "@/app/_components/api/call";

export function CohortControls({ id, joinCode, archived }: { id: string; joinCode: string; archived: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  // The site's own address, known only in the browser (the server renders the path alone).
  const origin = useSyncExternalStore(
    () => () => {},
    () => window.location.origin,
    () => "",
  );
  const link = `${origin}/join/${joinCode}`;

  const act = async (request: () => Promise<{ ok: boolean; message?: string }>, done: string) => {
    setBusy(true);
    const result = await request();
    setBusy(false);
    setMessage(result.ok ? { text: done, error: false } : { text: result.message ?? "That did not work.", error: true });
    if (result.ok) router.refresh();
  };

  return (
    <section aria-labelledby="join-heading" className="space-y-3 rounded-md border border-zinc-200 p-4 dark:border-zinc-800">
      <h2 id="join-heading" className="text-lg font-semibold">
        Join link
      </h2>
      {archived ? (
        <p>This cohort is archived: nobody can join it. Reopen it to let learners join again.</p>
      ) : (
        <>
          <p className="font-mono text-sm break-all" data-join-link>
            {link}
          </p>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {"Code: "}
            <span className="font-mono font-semibold" data-join-code>
              {joinCode}
            </span>
          </p>
        </>
      )}
      <div className="flex flex-wrap gap-2">
        {!archived && (
          <button type="button" className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700" onClick={() => void navigator.clipboard?.writeText(link).then(() => setMessage({ text: "Link copied.", error: false }))}>
            Copy link
          </button>
        )}
        {!archived && (
          <button
            type="button"
            disabled={busy}
            className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700"
            onClick={() => void act(() => callApi(`/api/instructor/cohorts/${id}/join-code`, { method: "POST" }), "New code made: the old link no longer works.")}
          >
            New code
          </button>
        )}
        <button
          type="button"
          disabled={busy}
          className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700"
          onClick={() => void act(() => callApi(`/api/instructor/cohorts/${id}`, { method: "PATCH", body: JSON.stringify({ archived: !archived }) }), archived ? "Cohort reopened." : "Cohort archived.")}
        >
          {archived ? "Reopen" : "Archive"}
        </button>
      </div>
      {message && (
        <p role={message.error ? "alert" : "status"} className={`text-sm ${message.error ? "text-red-800 dark:text-red-300" : ""}`}>
          {message.text}
        </p>
      )}
    </section>
  );
}
