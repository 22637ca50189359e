"use client";

/**
 * A terminal for the kafka-* tools the simulator emulates: the transcript (commands typed here and
 * those the panel's buttons ran) and, when the panel offers one, a prompt. Enter runs the line
 * (Shift+Enter adds a line: the console producer reads the lines after the first as its input),
 * ↑/↓ walk the history, Tab completes tool names and options. Tab never traps the keyboard: when it
 * has nothing to complete, or has just listed the choices, it moves focus on as usual.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { complete, type Completions } from "./complete";

/** What a command line printed. */
export type CliRun = { stdout: string; stderr: string; exitCode: number };

export interface TerminalEntry {
  command: string;
  output: CliRun | { error: string };
}

export function Terminal({
  entries,
  prompt,
  completions,
  onRun,
  busy,
}: {
  entries: TerminalEntry[];
  /** False: a transcript only (the panel offers no terminal of its own). */
  prompt: boolean;
  /** Tab completion's table, once loaded. */
  completions: Completions | null;
  onRun: (line: string) => Promise<void>;
  busy: boolean;
}) {
  const [input, setInput] = useState("");
  const [history, setHistory] = useState<string[]>([]);
  // Where ↑/↓ is in the history (history.length: the line being typed), and that line, kept aside.
  const [cursor, setCursor] = useState(0);
  const draft = useRef("");
  const listedFor = useRef<string | null>(null);
  const [choices, setChoices] = useState<string[]>([]);
  const helpId = useId();
  const outputRef = useRef<HTMLDivElement>(null);

  const submit = async () => {
    const line = input.trim();
    if (!line || busy) return;
    setInput("");
    setChoices([]);
    const nextHistory = [...history.filter((h) => h !== line), line].slice(-100);
    setHistory(nextHistory);
    setCursor(nextHistory.length);
    await onRun(line);
  };

  useEffect(() => {
    outputRef.current?.scrollTo({ top: outputRef.current.scrollHeight });
  }, [entries]);

  const walk = (by: -1 | 1) => {
    const next = Math.min(history.length, Math.max(0, cursor + by));
    if (next === cursor) return;
    if (cursor === history.length) draft.current = input;
    setCursor(next);
    setInput(next === history.length ? draft.current : history[next]!);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter that confirms an input method's composition (Japanese, Chinese…) is not a submit.
    if (e.nativeEvent.isComposing) return;
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      void submit();
    } else if ((e.key === "ArrowUp" || e.key === "ArrowDown") && !input.includes("\n")) {
      e.preventDefault();
      walk(e.key === "ArrowUp" ? -1 : 1);
    } else if (e.key === "Tab" && !e.shiftKey && completions) {
      const result = complete(completions, input);
      if (result.kind === "completed") {
        e.preventDefault();
        setInput(result.value);
        setChoices([]);
        listedFor.current = null;
      } else if (result.kind === "choices" && listedFor.current !== input) {
        e.preventDefault();
        setChoices(result.choices);
        listedFor.current = input;
      }
    } else if (e.key === "Escape") {
      setChoices([]);
    }
  };

  return (
    <div data-terminal className="rounded-md bg-zinc-950 p-3 font-mono text-xs text-zinc-100">
      {/* A Tab stop (to scroll it by keyboard) once there is something in it: empty, it has no height to show the focus on. */}
      <div ref={outputRef} role="log" aria-label="Terminal output" tabIndex={entries.length > 0 ? 0 : undefined} className="max-h-72 overflow-y-auto whitespace-pre-wrap">
        {entries.map((e, i) => (
          <div key={i} className="mb-2" data-terminal-entry>
            <div className="text-emerald-300">{`$ ${e.command}`}</div>
            {"error" in e.output ? (
              <div className="text-red-300">{e.output.error}</div>
            ) : (
              <>
                {e.output.stdout && <div>{e.output.stdout.replace(/\n$/, "")}</div>}
                {e.output.stderr && <div className="text-red-300">{e.output.stderr.replace(/\n$/, "")}</div>}
                {e.output.exitCode !== 0 && <div className="text-zinc-400">{`(exit code ${e.output.exitCode})`}</div>}
              </>
            )}
          </div>
        ))}
      </div>
      {choices.length > 0 && (
        <p role="status" className="mb-1 text-zinc-300" data-completions>
          {choices.join("  ")}
        </p>
      )}
      {prompt && (
        <>
          <div className="flex items-start gap-2">
            <span aria-hidden="true" className="pt-1 text-emerald-300">$</span>
            <textarea
              value={input}
              onChange={(e) => {
                setInput(e.target.value);
                listedFor.current = null;
              }}
              onKeyDown={onKeyDown}
              rows={Math.min(6, input.split("\n").length)}
              spellCheck={false}
              autoCapitalize="off"
              autoComplete="off"
              aria-label="Command"
              aria-describedby={helpId}
              placeholder="kafka-topics.sh --bootstrap-server localhost:9092 --describe"
              className="w-full resize-none bg-transparent p-1 text-zinc-100 outline-none placeholder:text-zinc-400 focus-visible:ring-2 focus-visible:ring-sky-400"
            />
          </div>
          <p id={helpId} className="mt-1 text-[11px] text-zinc-400">
            Enter runs · Shift+Enter adds a line (input for the console producer) · ↑/↓ history · Tab completes commands and options
          </p>
        </>
      )}
    </div>
  );
}
