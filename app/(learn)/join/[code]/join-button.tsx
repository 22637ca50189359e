"use client";

/** Joins the cohort of the page's code, then points to its guide. */
import Link from "next/link";
import { useState } from "react";
import { callApi } from "@/app/_components/api/call";

export function JoinButton({ code, firstGuide, signedInAs }: { code: string; firstGuide: string; signedInAs: string }) {
  const [state, setState] = useState<{ status: "idle" | "joining" | "joined" | "failed"; message?: string }>({ status: "idle" });
  if (state.status === "joined") {
    return (
      <div role="status" className="space-y-2">
        <p className="font-semibold">{state.message}</p>
        <Link href={`/guides/${firstGuide}`} className="btn-primary inline-block">
          Start the guide
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-2">
      <button
        type="button"
        className="btn-primary"
        disabled={state.status === "joining"}
        onClick={async () => {
          setState({ status: "joining" });
          const joined = await callApi<{ name: string }>("/api/cohorts/join", { method: "POST", body: JSON.stringify({ code }) });
          setState(joined.ok ? { status: "joined", message: `You joined ${joined.data.name}.` } : { status: "failed", message: joined.message });
        }}
      >
        {state.status === "joining" ? "Joining…" : "Join the cohort"}
      </button>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{`Signed in as ${signedInAs}.`}</p>
      {state.status === "failed" && (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          {state.message}
        </p>
      )}
    </div>
  );
}
