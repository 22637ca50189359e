/**
 * The instructor's charts: the drawing is hidden from screen readers, and every number it shows is
 * in a table they can read (caption, one row per bar or day, marks spelled out).
 */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarList } from "@/app/_components/charts/bar-list";
import { DailyColumns } from "@/app/_components/charts/daily-columns";

/** The text of each row of the page's one table: [header cell, data cells...]. */
function tableRows(html: string): string[][] {
  const table = /<table[^>]*>([\s\S]*?)<\/table>/.exec(html)![1]!;
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, "")));
}

describe("BarList", () => {
  const html = renderToStaticMarkup(
    <BarList
      caption="Choices picked"
      headers={["Choice", "Learners"]}
      max={6}
      rows={[
        { label: "At most once", value: 2, text: "2 (25%)" },
        { label: "At least once", value: 6, text: "6 (75%)", mark: "right answer" },
      ]}
    />,
  );

  it("hides the drawing from screen readers and gives them the numbers as a table", () => {
    expect(html).toMatch(/<ul aria-hidden="true"/);
    expect(html).toMatch(/<div class="sr-only"><table><caption>Choices picked<\/caption>/);
    expect(tableRows(html)).toEqual([
      ["Choice", "Learners"],
      ["At most once", "2 (25%)"],
      ["At least once (right answer)", "6 (75%)"],
    ]);
  });

  const widths = (markup: string) => [...markup.matchAll(/style="width:([\d.]+)%"/g)].map((m) => Number(m[1]));

  it("draws each bar in proportion to the largest value", () => {
    expect(widths(html)).toEqual([(2 / 6) * 100, 100]);
  });

  it("never draws past the end, and draws nothing when every value is zero", () => {
    const over = renderToStaticMarkup(<BarList caption="c" headers={["a", "b"]} max={100} rows={[{ label: "x", value: 140, text: "140%" }]} />);
    expect(widths(over)).toEqual([100]);
    const none = renderToStaticMarkup(<BarList caption="c" headers={["a", "b"]} max={0} rows={[{ label: "x", value: 0, text: "0" }]} />);
    expect(widths(none)).toEqual([0]);
  });

  it("can caption its table apart from the drawing, once for screen readers", () => {
    const two = renderToStaticMarkup(<BarList caption="Choices picked" tableCaption="Choices picked: question 3" headers={["a", "b"]} max={1} rows={[]} />);
    expect(two).toContain('<figcaption aria-hidden="true"');
    expect(two).toContain("<caption>Choices picked: question 3</caption>");
  });
});

describe("DailyColumns", () => {
  it("puts every day's numbers, the extra series included, in the table", () => {
    const html = renderToStaticMarkup(
      <DailyColumns
        caption="Active learners per day"
        headers={{ value: "Active learners", extra: ["Quiz attempts"] }}
        days={[
          { day: "2026-11-26", value: 3, extra: [5] },
          { day: "2026-11-27", value: 0, extra: [0] },
        ]}
      />,
    );
    expect(html).toMatch(/<div aria-hidden="true"[^>]*><span[^>]*>3<\/span><svg/);
    expect(tableRows(html)).toEqual([
      ["Day", "Active learners", "Quiz attempts"],
      ["Nov 26, 2026", "3", "5"],
      ["Nov 27, 2026", "0", "0"],
    ]);
  });
});
