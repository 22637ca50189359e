"use client";

/**
 * A read-only replay of one "try it" session: step through its command log and see the panel's
 * view after each step (logs, consumers, sinks) with what that step did. Each step is fetched
 * from GET /api/sim/sessions/{id}/replay?step=N; nothing here can change the session.
 */
import { useEffect, useId, useState } from "react";
import { callApi } from "@/app/_components/api/call";
import { ConsumerTable, SinkTables } from "@/app/_components/try-it/cluster-tables";
import { seconds } from "@/app/_components/try-it/format";
import { LogView } from "@/app/_components/try-it/log-view";
import type { Command } from "@/lib/sim";
import type { ReplayStep } from "@/lib/try-it/replay";

const button =
  "rounded border border-zinc-300 px-2.5 py-1 text-sm font-medium hover:bg-zinc-100 aria-disabled:cursor-not-allowed aria-disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800";

const REQUEST_TIMEOUT_MS = 20_000;

/** JSON with object keys sorted: stored commands come back from jsonb with their keys reordered. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );

/** The command in words: its button's label when a button sent it, the typed line for the terminal. */
function commandText(command: Command | null, controls: ReplayStep["view"]["controls"]): string {
  if (!command) return "The scenario's starting point";
  const record = command as unknown as Record<string, unknown>;
  if (record.do === "cli" && typeof record.command === "string") return `$ ${record.command}`;
  const same = controls.find((c) => canonical(c.command) === canonical(command));
  if (same) return `Pressed "${same.label}"`;
  const { do: verb, ...rest } = record;
  const args = Object.entries(rest).map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`);
  return [String(verb), ...args].join(" ");
}

export function SessionReplay({ sessionId, steps }: { sessionId: string; steps: number }) {
  const [step, setStep] = useState(0);
  const [shown, setShown] = useState<ReplayStep | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const inputId = useId();

  useEffect(() => {
    const controller = new AbortController();
    // Our own signal (a newer step cancels this one) replaces callApi's timeout: keep both.
    const signal = AbortSignal.any([controller.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]);
    void callApi<ReplayStep>(`/api/sim/sessions/${encodeURIComponent(sessionId)}/replay?step=${step}`, { signal }).then((r) => {
      if (controller.signal.aborted) return;
      setLoading(false);
      if (r.ok) {
        setShown(r.data);
        setError(null);
      } else {
        // Never show an earlier step's view under this step's number.
        setShown(null);
        setError(r.message);
      }
    });
    return () => controller.abort();
  }, [sessionId, step]);

  // The buttons at either end stay focusable (aria-disabled, not disabled) so keyboard focus is
  // not lost when the last step is reached; pressing them then does nothing.
  const go = (to: number) => {
    const next = Math.max(0, Math.min(steps, to));
    if (next === step) return;
    setLoading(true);
    setStep(next);
  };

  return (
    <div className="space-y-3" data-replay={sessionId}>
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={button} onClick={() => go(0)} aria-disabled={step === 0}>
          « Start
        </button>
        <button type="button" className={button} onClick={() => go(step - 1)} aria-disabled={step === 0}>
          ← Previous
        </button>
        <button type="button" className={button} onClick={() => go(step + 1)} aria-disabled={step >= steps}>
          Next →
        </button>
        <button type="button" className={button} onClick={() => go(steps)} aria-disabled={step >= steps}>
          End »
        </button>
        <label htmlFor={inputId} className="ml-2 text-sm">
          Step
        </label>
        <input
          id={inputId}
          type="number"
          min={0}
          max={steps}
          value={step}
          onChange={(e) => {
            const n = e.currentTarget.valueAsNumber;
            if (Number.isInteger(n)) go(n);
          }}
          className="w-20 rounded border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
        <span className="text-sm">{`of ${steps}`}</span>
      </div>
      <p role="status" aria-live="polite" className="text-sm" data-replay-step>
        {loading ? `Loading step ${step}…` : shown ? `Step ${shown.step} of ${shown.steps}: ${commandText(shown.command, shown.view.controls)}` : ""}
      </p>
      {error && (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          {error}
        </p>
      )}
      {shown && (
        <div className={`space-y-3 ${loading ? "opacity-60" : ""}`}>
          {shown.timeline.length > 0 && (
            <ul className="space-y-0.5 rounded-md border border-zinc-300 p-2 font-mono text-xs dark:border-zinc-700" aria-label="What this step did">
              {shown.timeline.map((e, i) => (
                <li key={i}>
                  <span className="text-zinc-500 dark:text-zinc-400">{`${(e.at / 1000).toFixed(1)} s `}</span>
                  {e.text}
                </li>
              ))}
            </ul>
          )}
          <p className="text-sm">{`Clock: ${seconds(shown.view.time)}`}</p>
          <LogView partitions={shown.view.partitions} />
          <ConsumerTable consumers={shown.view.consumers} groups={shown.view.groups} time={shown.view.time} />
          <SinkTables sinks={shown.view.sinks} />
          <details className="text-sm">
            <summary className="cursor-pointer">Describe the cluster in words</summary>
            <ul className="mt-1 list-disc pl-5">
              {shown.view.summary.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </details>
        </div>
      )}
    </div>
  );
}

/** The replay behind a disclosure: nothing is fetched until the instructor opens it. */
export function SessionReplayDisclosure({ sessionId, steps }: { sessionId: string; steps: number }) {
  const [opened, setOpened] = useState(false);
  return (
    <details className="rounded border border-zinc-200 p-2 dark:border-zinc-800" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary className="cursor-pointer text-sm font-medium">Replay this session step by step</summary>
      <div className="mt-3">{opened && <SessionReplay sessionId={sessionId} steps={steps} />}</div>
    </details>
  );
}
