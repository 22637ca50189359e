/**
 * The platform works under its Content-Security-Policy: Chromium reports no violation (neither a
 * `securitypolicyviolation` event nor a console message) on the home page, a guide, a lesson with
 * its quiz submitted and a "try it" panel running, the sign-in page, a learner's progress page and
 * an instructor's cohort dashboard.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { hasChromium, useBrowser } from "./helpers/browser";
import { baseUrl } from "./helpers/http-client";

describe.skipIf(!hasChromium)("the Content-Security-Policy in Chromium", () => {
  const browser = useBrowser();

  /** A page recording every CSP violation it sees, as events and as console messages. */
  async function watchedPage(): Promise<{ page: Page; violations: () => Promise<string[]> }> {
    const page = await (await browser().newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const console: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) console.push(m.text());
    });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __csp: string[] }).__csp = seen;
      document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    return { page, violations: async () => [...console, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))] };
  }

  it("reports nothing on the reader's pages, with the quiz submitted and a panel running", async () => {
    const { page, violations } = await watchedPage();
    for (const path of ["/", "/guides/kafka", "/sign-in"]) {
      await page.goto(`${baseUrl()}${path}`, { waitUntil: "load" });
      expect(await violations(), path).toEqual([]);
    }
    await page.goto(`${baseUrl()}/guides/kafka/production-reality`, { waitUntil: "load" });
    // A panel loads its live part when it scrolls near the viewport; then press one of its buttons.
    const panel = page.locator("[data-try-it]").first();
    await expect
      .poll(async () => {
        await panel.scrollIntoViewIfNeeded();
        return panel.locator("[data-try-it-panel]").count();
      })
      .toBe(1);
    const version = page.waitForResponse((r) => r.url().includes("/commands") && r.request().method() === "POST");
    await panel.locator("[data-try-it-panel] [data-controls] button").first().click();
    expect((await version).status()).toBe(200);
    const quiz = page.getByRole("region", { name: /Check your understanding/ });
    for (const group of await quiz.getByRole("group").all()) await group.getByRole("radio").first().check();
    await quiz.getByRole("button", { name: "Submit answers" }).click();
    await quiz.getByTestId("quiz-score").waitFor();
    expect(await violations(), "lesson").toEqual([]);
    await page.goto(`${baseUrl()}/me`, { waitUntil: "load" });
    expect(await violations(), "/me").toEqual([]);
    await page.context().close();
  });

  it("reports nothing on an instructor's dashboard", async () => {
    const { page, violations } = await watchedPage();
    await page.goto(`${baseUrl()}/sign-in?callbackUrl=${encodeURIComponent("/instructor/cohorts")}`);
    await page.getByLabel("E-mail").fill("instructor@example.com");
    await page.getByLabel("Password").fill("demo-instructor-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/instructor/cohorts");
    await page.getByRole("link", { name: "Kafka guide: demo class" }).click();
    await page.getByRole("navigation", { name: "Cohort pages" }).waitFor();
    await page.waitForLoadState("load");
    expect(await violations()).toEqual([]);
    await page.context().close();
  });
});
