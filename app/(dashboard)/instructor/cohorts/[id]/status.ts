import type { CellStatus } from "@/lib/instructor/schemas";

/** How a lesson status reads and looks in the instructor's tables (the colour only repeats the words). */
export const STATUS_LABEL: Record<CellStatus, { label: string; className: string }> = {
  "not-started": { label: "not started", className: "text-zinc-600 dark:text-zinc-400" },
  visited: { label: "visited", className: "bg-zinc-100 dark:bg-zinc-800" },
  read: { label: "read", className: "bg-sky-100 dark:bg-sky-950" },
  "quiz-passed": { label: "quiz passed", className: "bg-amber-100 dark:bg-amber-950" },
  complete: { label: "complete", className: "bg-emerald-100 font-semibold dark:bg-emerald-950" },
};
