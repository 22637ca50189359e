/**
 * Each piece of lesson MDX renders to the HTML the pages rely on.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { renderLessonBody } from "@/lib/content/render";

async function html(mdx: string): Promise<string> {
  return renderToStaticMarkup(await renderLessonBody(mdx, { guide: "kafka", lesson: "production-reality" }));
}

describe("renderLessonBody", () => {
  it("should give headings ids and anchor links", async () => {
    const out = await html("## Rebalances: when the group reshuffles\n\n### Sub part\n");
    expect(out).toContain('<h2 id="rebalances-when-the-group-reshuffles"');
    expect(out).toContain('href="#rebalances-when-the-group-reshuffles"');
    expect(out).toContain('<h3 id="sub-part"');
  });

  it.each([
    ["key", "💡", "Key point"],
    ["warning", "⚠️", "Watch out"],
    ["term", "📝", "Terminology"],
    ["note", "ℹ️", "Note"],
    ["tip", "✅", "Tip"],
  ])("should render a %s callout with its icon and label", async (kind, icon, label) => {
    const out = await html(`<Callout kind="${kind}">\n**Bold** text.\n</Callout>\n`);
    expect(out).toContain(`data-callout="${kind}"`);
    expect(out).toContain(icon);
    expect(out).toContain(label);
    expect(out).toContain("<strong>Bold</strong>");
  });

  it("should highlight code at build time with a language label and a copy button", async () => {
    const out = await html("```sql\nINSERT INTO t VALUES (1) ON CONFLICT DO NOTHING;\n```\n");
    expect(out).toContain('data-language="sql"');
    expect(out).toMatch(/class="shiki/);
    expect(out).toContain("--shiki-dark:");
    expect(out).toContain(">SQL<");
    expect(out).toContain(">Copy<");
  });

  it("should fall back to plain text for unknown languages", async () => {
    const out = await html("```cobol\nDISPLAY 'HI'.\n```\n");
    expect(out).toContain("DISPLAY");
    expect(out).toContain('data-language="text"');
  });

  it("should render Explain as a 'What just happened' block", async () => {
    const out = await html("```bash\necho hi\n```\n\n<Explain>\nIt printed **hi**.\n</Explain>\n");
    expect(out).toMatch(/<figure class="code-block[\s\S]*<\/figure>\s*<div data-explain="true"[^>]*><p[^>]*>What just happened<\/p>/);
    expect(out).toContain("<strong>hi</strong>");
  });

  it("should keep a diagram's layout and give it a text alternative", async () => {
    const out = await html('```diagram alt="A reads 50, crashes, reads 50 again"\nread 50  ->  CRASH\n   restart  ->  read 50\n```\n');
    expect(out).toContain('role="img"');
    expect(out).toContain('aria-label="A reads 50, crashes, reads 50 again"');
    expect(out).toContain('tabindex="0"');
    expect(out).toContain("read 50  -&gt;  CRASH\n   restart");
  });

  it("should render the recap list and GFM tables", async () => {
    const out = await html("<Recap>\n1. One.\n2. Two.\n</Recap>\n\n| a | b |\n| - | - |\n| 1 | 2 |\n");
    expect(out).toMatch(/<div data-recap="true"[^>]*><ol>\s*<li>One\.<\/li>/);
    expect(out).toMatch(/role="region"[^>]*><table>/);
    expect(out).toContain("<td>2</td>");
  });

  it("should render internal links as site links and external ones with rel=noopener", async () => {
    const out = await html("[in](/guides/kafka/the-log) and [out](https://kafka.apache.org)\n");
    expect(out).toContain('href="/guides/kafka/the-log"');
    expect(out).toContain('rel="noopener noreferrer"');
  });

  it("should escape text, never inject HTML", async () => {
    const out = await html("A &lt;script&gt; and `<b>`.\n");
    expect(out).not.toContain("<script>");
    expect(out).toContain("&lt;b&gt;");
  });

  it("should render a try-it panel's title, intro and goals with the page, and load the panel itself later", async () => {
    const out = await html('Before.\n\n<TryIt scenario="at-least-once" />\n\nAfter.\n');
    expect(out).toMatch(/<section aria-labelledby="try-it-at-least-once" data-try-it="at-least-once"/);
    expect(out).toContain("Charged twice: a crash between processing and committing");
    expect(out).toContain("Goal: A payment was charged twice");
    expect(out).toContain("Start the simulator");
    // Nothing of the live panel (its controls) is in the page's HTML.
    expect(out).not.toContain("c1: charge the cards");
    expect(out.indexOf("Before.")).toBeLessThan(out.indexOf("data-try-it"));
    expect(out.indexOf("data-try-it")).toBeLessThan(out.indexOf("After."));
  });
});
