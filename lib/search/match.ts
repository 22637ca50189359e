/**
 * Ranking lesson sections for a query. Pure and small: it runs in the browser over the static
 * index. Every query word must appear (as a word prefix) in the section; matches in the section
 * heading count most, then the lesson title, then the text.
 */
export interface SearchEntry {
  url: string;
  guide: string;
  lesson: string;
  section: string;
  text: string;
}

function words(s: string): string[] {
  return s.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").split(/[^a-z0-9]+/).filter(Boolean);
}

function hits(haystack: string[], term: string): number {
  let n = 0;
  for (const w of haystack) if (w.startsWith(term)) n += 1;
  return n;
}

/** The best `limit` entries for `query`, best first. */
export function searchEntries(entries: SearchEntry[], query: string, limit = 8): SearchEntry[] {
  const terms = words(query);
  if (terms.length === 0) return [];
  const scored: { entry: SearchEntry; score: number }[] = [];
  for (const entry of entries) {
    const section = words(entry.section);
    const lesson = words(entry.lesson);
    const text = words(entry.text);
    let score = 0;
    let all = true;
    for (const term of terms) {
      const s = hits(section, term) * 10 + hits(lesson, term) * 4 + Math.min(hits(text, term), 5);
      if (s === 0) {
        all = false;
        break;
      }
      score += s;
    }
    if (all) scored.push({ entry, score });
  }
  return scored.sort((a, b) => b.score - a.score).slice(0, limit).map((s) => s.entry);
}
