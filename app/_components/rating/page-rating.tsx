"use client";

/**
 * "Was this page helpful?": Yes / No, then optionally a reason and a comment, then a thank-you;
 * the reader's vote is shown when they come back and can be changed. One vote per reader and page
 * (the server upserts). Loads the reader's vote only when the panel comes near the viewport.
 */
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { OwnRating } from "@/lib/ratings/dto";
import { MAX_COMMENT_CHARACTERS, RATING_REASON_LABELS, RATING_REASONS, type RatingReason } from "@/lib/ratings/reasons";
import { fetchOwnRating, putRating, type Vote } from "./rating-api";

type Step = "loading" | "ask" | "details" | "done";

const characters = (s: string) => [...s].length;

export function PageRating({ guide, lesson }: { guide: string; lesson: string }) {
  const rootRef = useRef<HTMLDivElement>(null);
  const detailsRef = useRef<HTMLParagraphElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const choicesRef = useRef<HTMLDivElement>(null);
  // Where keyboard focus goes after a change the reader made (never on the first load).
  const [focusRequest, setFocusRequest] = useState<{ target: "details" | "status" | "choices"; n: number } | null>(null);
  const focusOn = (target: "details" | "status" | "choices") => setFocusRequest((r) => ({ target, n: (r?.n ?? 0) + 1 }));
  const [step, setStep] = useState<Step>("loading");
  const [rating, setRating] = useState<OwnRating | null>(null);
  const [justSent, setJustSent] = useState(false);
  const [helpful, setHelpful] = useState<boolean | null>(null);
  const [reason, setReason] = useState<RatingReason | null>(null);
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    let live = true;
    const load = async () => {
      const result = await fetchOwnRating(guide, lesson);
      if (!live) return;
      const own = result.ok ? result.data.rating : null;
      setRating(own);
      setStep(own ? "done" : "ask");
      if (!result.ok) setError(`Your earlier answer could not be loaded: ${result.message}`);
    };
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          void load();
        }
      },
      { rootMargin: "600px" },
    );
    observer.observe(root);
    return () => {
      live = false;
      observer.disconnect();
    };
  }, [guide, lesson]);

  useEffect(() => {
    if (focusRequest?.target === "details") detailsRef.current?.focus();
    if (focusRequest?.target === "status") statusRef.current?.focus();
    if (focusRequest?.target === "choices") choicesRef.current?.querySelector("button")?.focus();
  }, [focusRequest]);

  async function save(vote: Vote, next: Step): Promise<void> {
    setBusy(true);
    setError(null);
    const result = await putRating(guide, lesson, vote);
    setBusy(false);
    if (!result.ok) {
      setError(result.status === 429 ? `You have changed your answer many times; try again in ${result.retryAfter ?? 60} seconds.` : result.message);
      return;
    }
    setRating(result.data.rating);
    setJustSent(next === "done");
    focusOn(next === "done" ? "status" : "details");
    setStep(next);
  }

  function choose(value: boolean) {
    setHelpful(value);
    if (rating?.helpful === value) {
      // The same answer as stored: nothing to send; the reason and comment stay as they are.
      focusOn("details");
      setStep("details");
      return;
    }
    // A different answer replaces the vote at once (reason and comment start empty).
    setReason(null);
    setComment("");
    void save({ helpful: value }, "details");
  }

  function sendDetails(event: FormEvent) {
    event.preventDefault();
    if (helpful === null) return;
    void save({ helpful, reason: helpful ? null : reason, comment: comment.trim() || null }, "done");
  }

  function change() {
    setHelpful(rating?.helpful ?? null);
    setReason(rating?.reason ?? null);
    setComment(rating?.comment ?? "");
    setJustSent(false);
    focusOn("choices");
    setStep("ask");
  }

  const tooLong = characters(comment) > MAX_COMMENT_CHARACTERS;

  return (
    <div ref={rootRef} className="mt-3 space-y-3" data-testid="page-rating">
      {step === "loading" && <p className="text-sm text-zinc-600 dark:text-zinc-400">Loading…</p>}
      <noscript>
        <p className="text-sm">Answering needs JavaScript.</p>
      </noscript>

      {(step === "ask" || step === "details") && (
        <div ref={choicesRef} role="group" aria-label="Was this page helpful?" className="flex gap-2">
          {[true, false].map((value) => (
            <button
              key={String(value)}
              type="button"
              aria-pressed={step === "details" ? helpful === value : rating?.helpful === value}
              disabled={busy}
              onClick={() => choose(value)}
              className="rounded-md border border-zinc-300 px-4 py-1.5 font-medium hover:bg-zinc-100 aria-pressed:border-sky-700 aria-pressed:bg-sky-100 aria-pressed:text-sky-900 dark:border-zinc-700 dark:hover:bg-zinc-800 dark:aria-pressed:bg-sky-950 dark:aria-pressed:text-sky-100"
            >
              {value ? "Yes" : "No"}
            </button>
          ))}
          {step === "ask" && rating && (
            <button
              type="button"
              onClick={() => {
                focusOn("status");
                setStep("done");
              }}
              className="rounded-md px-3 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
            >
              Keep my answer
            </button>
          )}
        </div>
      )}

      {step === "details" && helpful !== null && (
        <form onSubmit={sendDetails} className="space-y-3" aria-labelledby="rating-details-heading">
          <p
            id="rating-details-heading"
            tabIndex={-1}
            ref={detailsRef}
            className="text-sm font-medium"
          >
            {helpful ? "Thanks! Anything we could do better? (optional)" : "Sorry about that. What was wrong? (optional)"}
          </p>
          {!helpful && (
            <fieldset className="space-y-1">
              <legend className="sr-only">Reason</legend>
              {RATING_REASONS.map((r) => (
                <label key={r} className="flex items-center gap-2 text-sm">
                  <input type="radio" name={`rating-reason-${lesson}`} value={r} checked={reason === r} onChange={() => setReason(r)} />
                  {RATING_REASON_LABELS[r]}
                </label>
              ))}
            </fieldset>
          )}
          <div className="space-y-1">
            <label htmlFor={`rating-comment-${lesson}`} className="block text-sm font-medium">
              Comment (optional)
            </label>
            <textarea
              id={`rating-comment-${lesson}`}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              rows={3}
              aria-describedby={`rating-comment-count-${lesson}`}
              aria-invalid={tooLong || undefined}
              className="w-full max-w-xl rounded-md border border-zinc-300 bg-white p-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
            />
            <p id={`rating-comment-count-${lesson}`} className={`text-xs ${tooLong ? "font-semibold text-red-700 dark:text-red-400" : "text-zinc-600 dark:text-zinc-400"}`}>
              {`${characters(comment)} / ${MAX_COMMENT_CHARACTERS} characters${tooLong ? " — please shorten your comment" : ""}`}
            </p>
          </div>
          <div className="flex gap-2">
            <button type="submit" className="btn-primary" disabled={busy || tooLong}>
              Send feedback
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                setJustSent(true);
                focusOn("status");
                setStep("done");
              }}
              className="rounded-md px-3 py-2 text-sm font-medium text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
            >
              Skip
            </button>
          </div>
        </form>
      )}

      {step === "done" && rating && (
        <div className="space-y-2" data-testid="rating-summary">
          <p role={justSent ? "status" : undefined} tabIndex={-1} ref={statusRef} className="font-medium">
            {justSent ? "Thanks for your feedback!" : "You answered this question before."}
          </p>
          <p className="text-sm" data-testid="rating-vote">
            {rating.helpful ? "You found this page helpful." : "You found this page not helpful"}
            {!rating.helpful && (rating.reason ? `: ${RATING_REASON_LABELS[rating.reason]}.` : ".")}
          </p>
          {rating.comment && (
            <blockquote className="border-l-2 border-zinc-300 pl-3 text-sm whitespace-pre-wrap text-zinc-700 dark:border-zinc-700 dark:text-zinc-300" data-testid="rating-comment">
              {rating.comment}
            </blockquote>
          )}
          {rating.outdated && <p className="text-xs text-zinc-600 dark:text-zinc-400">This page has been updated since you answered.</p>}
          <button type="button" onClick={change} className="text-sm font-medium text-sky-800 underline hover:no-underline dark:text-sky-300">
            Change your answer
          </button>
        </div>
      )}

      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
