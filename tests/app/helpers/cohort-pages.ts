/**
 * Reading the instructor's cohort pages in Chromium: the charts (drawn for the eye, hidden from
 * screen readers) next to the tables that repeat their numbers (hidden from sight), a CSV the page
 * downloads, a learner's quiz attempt and the partitions a session replay draws.
 */
import { readFile } from "node:fs/promises";
import type { Locator, Page } from "playwright-core";
import { parseCsv } from "../../fixtures/csv";

/** A chart by its caption: the <figure> whose <figcaption> says `caption`. */
export function chartFigure(scope: Page | Locator, caption: string | RegExp): Locator {
  const page = "page" in scope ? scope.page() : scope;
  return scope.locator("figure").filter({ has: page.locator("figcaption", { hasText: caption }) });
}

/** "label: number" pairs, as the chart draws them and as its table says them. */
export interface ChartNumbers {
  drawn: string[];
  table: string[];
}

/**
 * A bar chart (BarList): each bar's label and value as drawn, and each row of its table. A marked
 * bar (the right answer) is drawn with the mark after the value and named "label (mark)" in the table.
 */
export async function barChartNumbers(figure: Locator): Promise<ChartNumbers> {
  const drawn = await figure.locator("ul[aria-hidden='true'] > li").evaluateAll((bars) =>
    bars.map((bar) => {
      const [label, , value] = [...bar.children];
      const mark = value!.querySelector("span")?.textContent;
      return `${mark ? `${label!.textContent} (${mark})` : label!.textContent}: ${value!.firstChild!.textContent}`;
    }),
  );
  return { drawn, table: await tableRows(figure) };
}

/** A column chart per day (DailyColumns): each column's tooltip ("Nov 27: 3") and each row of its table (day: first number). */
export async function dailyChartNumbers(figure: Locator): Promise<ChartNumbers> {
  const drawn = await figure.locator("[aria-hidden='true'] svg rect title").allTextContents();
  return { drawn, table: await tableRows(figure) };
}

/** The rows of a figure's table as "row header: first cell". */
function tableRows(figure: Locator): Promise<string[]> {
  return figure.getByRole("table").locator("tbody tr").evaluateAll((rows) => rows.map((r) => `${r.querySelector("th")!.textContent}: ${r.querySelector("td")!.textContent}`));
}

/** The leading number of each "label: 3 (50%)" pair. */
export const countsOf = (pairs: string[]): number[] => pairs.map((p) => Number(/: (\d+)/.exec(p)![1]));

/**
 * True when the element is rendered (it has a box, so screen readers get it) but cannot be seen:
 * it or an ancestor is clipped away entirely (sr-only: `clip-path: inset(50%)`, or the older
 * `clip: rect(0 0 0 0)`) inside a box of at most 1×1 px.
 */
export function isVisuallyHidden(element: Locator): Promise<boolean> {
  return element.evaluate((el) => {
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden" || el.getBoundingClientRect().width === 0) return false;
    for (let node: Element | null = el; node; node = node.parentElement) {
      const s = getComputedStyle(node);
      const clipped = s.clipPath === "inset(50%)" || /^rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)$/.test(s.clip);
      const box = node.getBoundingClientRect();
      if (clipped && box.width <= 1 && box.height <= 1) return true;
    }
    return false;
  });
}

/** Clicks a link that answers with a file; returns the file's suggested name and text. */
export async function downloadByClicking(link: Locator): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([link.page().waitForEvent("download"), link.click()]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), "utf8") };
}

/** A CSV file (a leading BOM dropped) as one record per row, keyed by the header's names. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...records] = parseCsv(text.replace(/^\uFEFF/, "")).filter((r) => r.length > 1 || r[0] !== "");
  return records.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ""])));
}

/** One answered question of an attempt on the learner's page. */
export interface ShownAnswer {
  question: string;
  chose: string;
  result: string;
}

/** The answers table of one attempt (an item of [data-attempts]) on a learner's page. */
export function attemptAnswers(attempt: Locator): Promise<ShownAnswer[]> {
  return attempt.locator("tbody tr").evaluateAll((rows) =>
    rows.map((r) => {
      const cells = r.querySelectorAll("th, td");
      return { question: cells[0]!.textContent!, chose: cells[1]!.textContent!, result: cells[2]!.textContent! };
    }),
  );
}

/** How many records each partition's drawn log holds ("orders-2" → 2), without its log-end cell. */
export function recordsPerPartition(replay: Locator): Promise<Record<string, number>> {
  return replay
    .locator("[data-partition]")
    .evaluateAll((logs) => Object.fromEntries(logs.map((log) => [log.getAttribute("data-partition")!, log.querySelectorAll("[data-offset]:not([data-log-end])").length])));
}
