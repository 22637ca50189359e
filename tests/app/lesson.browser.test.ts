import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { seriousViolations } from "./helpers/axe";
import { hasChromium, useBrowser } from "./helpers/browser";
import { baseUrl } from "./helpers/http-client";

describe.skipIf(!hasChromium)("reading a lesson in Chromium", () => {
  const browser = useBrowser();

  async function open(path: string, options: { width?: number; dark?: boolean } = {}): Promise<Page> {
    const context = await browser().newContext({ viewport: { width: options.width ?? 1400, height: 900 }, colorScheme: options.dark ? "dark" : "light" });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}${path}`);
    return page;
  }

  it("should follow next and previous links through the guide", async () => {
    const page = await open("/guides/kafka/consumer-groups");
    expect(await page.locator("h1").textContent()).toBe("Consumer Groups and Rebalancing");
    await page.getByRole("navigation", { name: "Lesson navigation" }).locator("a[rel=next]").click();
    await page.waitForURL("**/guides/kafka/offsets-and-commits");
    expect(await page.locator("h1").textContent()).toBe("Polling and Committing Offsets");
    await page.getByRole("navigation", { name: "Lesson navigation" }).locator("a[rel=prev]").click();
    await page.waitForURL("**/guides/kafka/consumer-groups");
    await page.getByRole("navigation", { name: "Lesson navigation" }).getByRole("link", { name: "Guide overview" }).click();
    await page.waitForURL("**/guides/kafka");
    expect(await page.locator("h1").textContent()).toBe("Apache Kafka");
    await page.context().close();
  });

  it("should jump to a section from the table of contents and highlight it", async () => {
    const page = await open("/guides/kafka/production-reality");
    const toc = page.getByRole("navigation", { name: "On this page" });
    const target = toc.getByRole("link").nth(3);
    const href = (await target.getAttribute("href"))!;
    await target.click();
    await page.waitForURL(`**${href}`);
    const top = await page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().top, href.slice(1));
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(300);
    await expect.poll(() => target.getAttribute("aria-current")).toBe("location");
    await page.context().close();
  });

  it("should search for 'idempotent' from the keyboard and land on that section", async () => {
    const page = await open("/guides/kafka/the-log");
    const box = page.getByRole("combobox", { name: "Search the guides" });
    // The shortcut works once the page is hydrated; until then "/" does nothing.
    await expect
      .poll(async () => {
        await page.locator("body").press("/");
        return box.evaluate((el) => el === document.activeElement);
      })
      .toBe(true);
    await box.pressSequentially("idempotent");
    const first = page.getByRole("listbox", { name: "Search results" }).getByRole("option").first();
    await first.waitFor();
    // The option is the result's link itself.
    const href = (await first.getAttribute("href"))!;
    expect(href).toMatch(/^\/guides\/[a-z-]+\/[a-z-]+#[a-z0-9-]+$/);
    await box.press("Enter");
    await page.waitForURL(`**${href}`);
    const id = href.split("#")[1]!;
    const section = await page.evaluate((i) => document.getElementById(i)?.textContent ?? "", id);
    expect(section.toLowerCase()).toMatch(/idempot|duplicat|harmless/);
    await page.context().close();
  });

  it("should highlight code in both themes and switch with the toggle", async () => {
    const page = await open("/guides/kafka/production-reality");
    // A token whose two theme colours differ.
    const differs = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("figure.code-block pre .line > span")].findIndex(
        (s) => s.style.getPropertyValue("--shiki-light").toLowerCase() !== s.style.getPropertyValue("--shiki-dark").toLowerCase(),
      ),
    );
    expect(differs).toBeGreaterThanOrEqual(0);
    const token = page.locator("figure.code-block pre .line > span").nth(differs);
    const light = await token.evaluate((el) => getComputedStyle(el).color);
    await page.getByTestId("theme-toggle").click();
    const dark = await token.evaluate((el) => getComputedStyle(el).color);
    expect(dark).not.toBe(light);
    await page.context().close();
  });

  it("should fill the reading progress bar at the end of the lesson", async () => {
    const page = await open("/guides/kafka/the-log");
    const bar = page.getByRole("progressbar", { name: "Reading progress" });
    expect(Number(await bar.getAttribute("aria-valuenow"))).toBeLessThan(10);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(async () => Number(await bar.getAttribute("aria-valuenow"))).toBe(100);
    await page.context().close();
  });

  it("should keep lessons readable at 360 px: no sideways page scroll, diagrams scroll inside", async () => {
    const page = await open("/guides/kafka/production-reality", { width: 360 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const diagram = page.locator("[data-diagram]").first();
    expect(await diagram.evaluate((el) => getComputedStyle(el).overflowX)).toBe("auto");
    await page.context().close();
  });

  for (const dark of [false, true]) {
    it.each(["/", "/guides/kafka", "/guides/kafka/production-reality", "/guides/webhooks-and-message-queues/queues-versus-logs"])(
      `should have no serious or critical axe violations on %s (${dark ? "dark" : "light"})`,
      async (path) => {
        const page = await open(path, { dark });
        await page.waitForLoadState("load");
        expect(await seriousViolations(page)).toEqual([]);
        await page.context().close();
      },
    );
  }
});
