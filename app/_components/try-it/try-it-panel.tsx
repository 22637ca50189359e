"use client";

/**
 * A live "try it" panel: the learner's simulator session, drawn from the view the server computes.
 * Buttons send the scenario's commands; the clock moves only when asked; undo and reset act on the
 * stored session. Everything is a native button or field, so it all works by keyboard; each step
 * is announced in a polite live region, and failures in an alert. Loaded on demand (see TryItLoader).
 */
import { useEffect, useId, useRef, useState, type Ref } from "react";
import type { Command } from "@/lib/sim";
import { ConsumerTable, SinkTables } from "./cluster-tables";
import type { Completions } from "./complete";
import { GoalList } from "./goal-list";
import { LogView } from "./log-view";
import { Terminal, type TerminalEntry } from "./terminal";
import { TimelineList } from "./timeline-list";
import { useSimSession } from "./use-sim-session";
import { seconds } from "./format";

/** Terminal entries kept on screen (the oldest go first). */
const TRANSCRIPT_KEPT = 50;

export interface TryItPanelProps {
  guide: string;
  lesson: string;
  scenario: string;
  /** Clock buttons (ms). */
  advance: number[];
  /** Whether the panel has a terminal for kafka-* commands. */
  terminal: boolean;
  /** Move keyboard focus to the panel once it has loaded (the reader asked for it). */
  focusOnLoad?: boolean;
}

const step = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);

/**
 * A button that stays focusable while it cannot act (so keyboard focus is never lost). Why it
 * cannot act is its description (read out with it, shown on hover) and is said when it is pressed.
 */
function ActionButton({
  label,
  onPress,
  onBlocked,
  blocked,
  description,
  primary,
  buttonRef,
}: {
  label: string;
  onPress: () => void;
  onBlocked: (why: string) => void;
  blocked: string | null;
  description?: string | null;
  primary?: boolean;
  buttonRef?: Ref<HTMLButtonElement>;
}) {
  const id = useId();
  const note = blocked ? `Not now: ${blocked}` : (description ?? null);
  return (
    <span className="inline-flex max-w-[16rem] flex-col">
      <button
        ref={buttonRef}
        type="button"
        title={note ?? undefined}
        aria-disabled={blocked ? true : undefined}
        aria-describedby={note ? id : undefined}
        onClick={() => (blocked ? onBlocked(`${label}: not now, ${blocked}.`) : onPress())}
        className={`try-it-button ${primary ? "try-it-button-primary" : ""}`}
      >
        {label}
      </button>
      {note && (
        <span id={id} className={blocked ? "sr-only" : "mt-0.5 text-[11px] leading-tight text-zinc-600 dark:text-zinc-400"}>
          {note}
        </span>
      )}
    </span>
  );
}

export function TryItPanel({ guide, lesson, scenario, advance, terminal, focusOnLoad = false }: TryItPanelProps) {
  const sim = useSimSession(guide, lesson, scenario);
  const [confirmingReset, setConfirmingReset] = useState(false);
  const [transcript, setTranscript] = useState<TerminalEntry[]>([]);
  const [completions, setCompletions] = useState<Completions | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const focused = useRef(false);
  const loaded = sim.payload !== null;
  useEffect(() => {
    if (!focusOnLoad || !loaded || focused.current) return;
    focused.current = true;
    // Not if the reader has moved the focus on to something else meanwhile.
    const active = document.activeElement;
    if (active && active !== document.body && !rootRef.current?.closest("[data-try-it-loader]")?.contains(active)) return;
    rootRef.current?.focus();
  }, [focusOnLoad, loaded]);
  useEffect(() => {
    if (!terminal) return;
    let live = true;
    // Without the table, Tab simply moves focus on: the terminal works, only completion waits.
    void fetch("/api/sim/completions")
      .then((res) => (res.ok ? (res.json() as Promise<Completions>) : null))
      .then((table) => live && setCompletions(table))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [terminal]);
  const resetButton = useRef<HTMLButtonElement>(null);
  // Back from the confirmation, keyboard focus returns to the Reset button (it was unmounted).
  const endConfirm = () => {
    setConfirmingReset(false);
    requestAnimationFrame(() => resetButton.current?.focus());
  };
  const { payload } = sim;

  if (sim.status === "loading" && !payload) return <p role="status" className="text-sm">Starting the simulator…</p>;
  if (!payload) {
    return (
      <div role="alert" className="space-y-2 text-sm">
        <p>{sim.error ?? "The simulator could not start."}</p>
        <button type="button" className="try-it-button" onClick={() => void sim.retry()}>
          Try again
        </button>
      </div>
    );
  }

  const { view } = payload;
  const busy = sim.busy ? "the previous step is still running" : null;
  const onBlocked = sim.explain;
  // A command line, typed or from a button, and what it printed, into the terminal's transcript.
  const runCli = async (line: string) => {
    const ran = await sim.run({ do: "cli", command: line });
    const cli = ran.ok ? ran.events.find((e) => e.type === "cli") : undefined;
    const output: TerminalEntry["output"] = !ran.ok ? { error: ran.message } : cli ? { stdout: cli.stdout, stderr: cli.stderr, exitCode: cli.exitCode } : { error: "The simulator ran no command." };
    setTranscript((old) => [...old, { command: line, output }].slice(-TRANSCRIPT_KEPT));
  };
  const send = (command: Command) => void (command.do === "cli" ? runCli(command.command) : sim.run(command));

  return (
    <div ref={rootRef} tabIndex={-1} role="group" aria-label="Simulator" className="space-y-5 outline-none" data-try-it-panel data-version={payload.version}>
      <p role="status" aria-live="polite" className="sr-only" data-announcement>
        {sim.announcement}
      </p>
      {sim.error && (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-400 dark:bg-red-950/60 dark:text-red-200">
          {sim.error}
        </p>
      )}

      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Clock">
        <p className="mr-2 font-mono text-sm" data-clock={view.time}>
          <span aria-hidden="true">🕒 </span>
          {`t = ${seconds(view.time)}`}
        </p>
        {advance.map((ms) => (
          <ActionButton onBlocked={onBlocked} key={ms} label={`+${step(ms)}`} blocked={busy} onPress={() => send({ do: "advance", at: view.time + ms })} />
        ))}
        <ActionButton onBlocked={onBlocked}
          label={view.nextEventAt === null ? "To next event" : `To next event (${seconds(view.nextEventAt)})`}
          blocked={busy ?? (view.nextEventAt === null ? "nothing is scheduled" : null)}
          onPress={() => view.nextEventAt !== null && send({ do: "advance", at: view.nextEventAt })}
        />
        <span className="mx-1 h-6 w-px bg-zinc-300 dark:bg-zinc-700" aria-hidden="true" />
        <ActionButton onBlocked={onBlocked} label="Undo last step" blocked={busy ?? (payload.version === 0 ? "nothing to undo" : null)} onPress={() => void sim.undo()} />
        {confirmingReset ? (
          <span role="group" aria-label="Confirm reset" className="inline-flex items-center gap-2 text-sm" onKeyDown={(e) => e.key === "Escape" && endConfirm()}>
            Start over?
            <button
              type="button"
              className="try-it-button"
              autoFocus
              onClick={() => {
                endConfirm();
                void sim.reset();
              }}
            >
              Yes, reset
            </button>
            <button type="button" className="try-it-button" onClick={endConfirm}>
              Cancel
            </button>
          </span>
        ) : (
          <ActionButton onBlocked={onBlocked} buttonRef={resetButton} label="Reset" blocked={busy} description="back to the start; goals stay reached" onPress={() => setConfirmingReset(true)} />
        )}
      </div>

      <div role="group" aria-label="Controls" className="flex flex-wrap gap-2" data-controls>
        {view.controls.map((c) => (
          <ActionButton onBlocked={onBlocked} key={c.id} label={c.label} blocked={busy ?? c.reason} description={c.caption} primary onPress={() => send(c.command)} />
        ))}
      </div>

      <LogView partitions={view.partitions} />
      <ConsumerTable consumers={view.consumers} groups={view.groups} time={view.time} />
      <SinkTables sinks={view.sinks} />

      <details className="text-sm">
        <summary className="cursor-pointer">Describe the cluster in words</summary>
        <ul className="mt-1 list-disc pl-5" data-summary>
          {view.summary.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </details>

      <section aria-label="Goals">
        <h4 className="mb-2 font-semibold">Goals</h4>
        <GoalList goals={payload.goals} />
      </section>

      <section aria-label="Timeline">
        <h4 className="mb-2 font-semibold">What happened</h4>
        <TimelineList entries={sim.timeline} />
      </section>

      {(terminal || transcript.length > 0) && (
        <section aria-label="Terminal">
          <h4 className="mb-2 font-semibold">Terminal</h4>
          <Terminal entries={transcript} prompt={terminal} completions={completions} onRun={runCli} busy={sim.busy} />
        </section>
      )}
    </div>
  );
}
