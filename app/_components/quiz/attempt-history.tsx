import type { AttemptSummary } from "@/lib/quizzes/dto";

const when = (iso: string) => new Date(iso).toLocaleString("en-US", { month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit" });

/** The reader's earlier attempts at this quiz, newest first, with the best score. */
export function AttemptHistory({ attempts }: { attempts: AttemptSummary[] }) {
  if (attempts.length === 0) return null;
  const best = attempts.reduce((a, b) => (b.score / b.total > a.score / a.total ? b : a));
  return (
    <section aria-labelledby="attempts-heading" className="mt-8 rounded-md border border-zinc-200 p-4 text-sm dark:border-zinc-800">
      <h3 id="attempts-heading" className="font-semibold">
        Your attempts
      </h3>
      <p className="mt-1" data-testid="best-score">
        {`Best score: ${best.score}/${best.total}${best.passed ? " (passed)" : ""}`}
      </p>
      <ol className="mt-2 space-y-1" data-testid="attempt-list">
        {attempts.map((a) => (
          <li key={a.attemptId} className="flex flex-wrap gap-x-3">
            <time dateTime={a.submittedAt}>{when(a.submittedAt)}</time>
            <span>{`${a.score}/${a.total}`}</span>
            <span className="text-zinc-600 dark:text-zinc-400">{a.passed ? "passed" : "not passed"}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
