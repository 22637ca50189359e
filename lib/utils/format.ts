/** "2026-06-30" → "Jun 30, 2026" (the date is a calendar day: no time zone shifts it). */
export function formatDay(isoDay: string): string {
  return new Date(`${isoDay}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
}

/** 75 → "1 h 15 min"; 12 → "12 min". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h} h${m ? ` ${m} min` : ""}` : `${m} min`;
}

/** "1 question", "3 questions". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** An ISO instant as "Nov 27, 2026" in UTC (server-rendered pages have no reader time zone). */
export function formatInstantDay(iso: string): string {
  return formatDay(iso.slice(0, 10));
}
