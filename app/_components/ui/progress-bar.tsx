/**
 * A completion bar (0–100 %) with an accessible name. No hooks, so server pages and client
 * islands both use it.
 */
export function ProgressBar({ label, percent, className = "" }: { label: string; percent: number; className?: string }) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className={`h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800 ${className}`}
    >
      <div className="h-full rounded-full bg-emerald-600 dark:bg-emerald-500" style={{ width: `${percent}%` }} />
    </div>
  );
}
