import { describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import type { MyProgress } from "@/lib/progress/dto";
import { seriousViolations } from "./helpers/axe";
import { hasChromium, useBrowser } from "./helpers/browser";
import { ratingPanel } from "./helpers/lesson-page";
import { baseUrl } from "./helpers/http-client";
import { quizFile } from "./helpers/quiz";

const GUIDE = "kafka";

describe.skipIf(!hasChromium)("progress and ratings in Chromium", () => {
  const browser = useBrowser();

  async function newContext(): Promise<BrowserContext> {
    return browser().newContext({ viewport: { width: 1280, height: 900 } });
  }

  const sidebarMark = (page: Page, lesson: string) => page.getByRole("navigation", { name: /lessons$/ }).locator(`a[data-lesson="${lesson}"] [data-status]`);


  /** The reader's progress as the API has it, asked from inside the page (same cookies). */
  async function apiProgress(page: Page): Promise<MyProgress> {
    return page.evaluate(async () => (await (await fetch("/api/me/progress")).json()) as MyProgress);
  }
  const lessonOf = (mine: MyProgress, lesson: string) => mine.guides.find((g) => g.guide === GUIDE)?.lessonProgress.find((l) => l.lesson === lesson);

  /** Passes the lesson's quiz through the quiz panel (all answers right). */
  async function passQuizInPage(page: Page, lesson: string): Promise<void> {
    const key = quizFile(GUIDE, lesson);
    const section = page.getByRole("region", { name: /Check your understanding/ });
    await section.getByRole("group").first().waitFor();
    for (let i = 0; i < key.length; i++) {
      const group = section.getByRole("group").nth(i);
      const labels = await group.locator("label").allTextContents();
      await group.getByRole("radio").nth(labels.findIndex((l) => l.startsWith(key[i]!.choices[key[i]!.answer]!))).check();
    }
    await section.getByRole("button", { name: "Submit answers" }).click();
    await expect.poll(() => section.getByTestId("quiz-score").textContent()).toContain("passed");
  }

  it("reads a lesson to the end, passes its quiz, and sees the check mark and the guide % change", async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/guides/${GUIDE}/the-log`);
    // The visit is recorded: the lesson shows as started, not done.
    await expect.poll(() => sidebarMark(page, "the-log").getAttribute("data-status")).toBe("started");

    await page.goto(`${baseUrl()}/guides/${GUIDE}`);
    await expect.poll(() => page.getByTestId("guide-percent").textContent()).toBe("0% complete");
    await page.goto(`${baseUrl()}/guides/${GUIDE}/the-log`);
    await page.locator("[data-lesson-end]").scrollIntoViewIfNeeded();
    await expect.poll(async () => lessonOf(await apiProgress(page), "the-log")?.readAt ?? null).not.toBeNull();
    // Read, but the quiz is not passed yet: still only started.
    expect(await sidebarMark(page, "the-log").getAttribute("data-status")).toBe("started");
    await passQuizInPage(page, "the-log");
    await expect.poll(() => sidebarMark(page, "the-log").getAttribute("data-status"), { timeout: 10_000 }).toBe("completed");
    expect(await sidebarMark(page, "the-log").textContent()).toContain("(completed)");

    await page.goto(`${baseUrl()}/guides/${GUIDE}`);
    await expect.poll(() => page.getByTestId("guide-percent").textContent()).toBe("12% complete");
    expect(await page.getByTestId("phase-progress-1").textContent()).toContain("1/3 complete");
    expect(await page.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("12");
    expect(await page.locator(`li:has(a[href="/guides/${GUIDE}/the-log"]) [data-status]`).getAttribute("data-status")).toBe("completed");
    // The only visited lesson is done, so the overview points to the next unfinished one.
    expect(await page.getByTestId("continue").textContent()).toContain("Up next");
    expect(await page.getByTestId("continue").getByRole("link").getAttribute("href")).toBe(`/guides/${GUIDE}/topics-and-partitions`);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${baseUrl()}/`);
    await expect.poll(() => page.getByTestId(`guide-progress-${GUIDE}`).getByTestId("guide-percent").textContent()).toBe("12% complete");
    expect(await page.getByTestId(`guide-progress-event-driven-architecture`).count()).toBe(0);

    await page.goto(`${baseUrl()}/me`);
    const row = page.locator('tr[data-lesson="the-log"]');
    expect(await row.getByTestId("lesson-status").textContent()).toContain("Completed");
    expect(await row.getByTestId("quiz-score").textContent()).toContain(`best ${quizFile(GUIDE, "the-log").length}/`);
    expect(await page.getByTestId(`my-guide-${GUIDE}`).textContent()).toContain("12% complete");
    expect(await seriousViolations(page)).toEqual([]);

    // Starting the lesson over, from /me.
    await row.getByRole("button", { name: /Start over/ }).click();
    await row.getByRole("button", { name: /Yes, start over/ }).click();
    // It was the only lesson touched in the guide: the guide is no longer started at all.
    await page.getByText("You have not started a guide yet").waitFor();
    expect((await apiProgress(page)).guides).toEqual([]);
    await context.close();
  });

  it("continues where the reader left off: the lesson and section, from the home page", async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/guides/${GUIDE}/consumer-groups`);
    const heading = page.locator("#lesson-body h2[id]").nth(2);
    const id = (await heading.getAttribute("id"))!;
    await heading.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 100));
    await expect.poll(async () => lessonOf(await apiProgress(page), "consumer-groups")?.section, { timeout: 10_000 }).toBe(id);

    await page.goto(`${baseUrl()}/guides/${GUIDE}`);
    await expect.poll(() => page.getByTestId("continue").getByRole("link").getAttribute("href")).toBe(`/guides/${GUIDE}/consumer-groups#${id}`);
    expect(await page.getByTestId("continue").textContent()).toContain("Continue where you left off");

    await page.goto(`${baseUrl()}/`);
    const card = page.getByTestId("continue");
    await card.waitFor();
    expect(await card.textContent()).toContain("Continue where you left off");
    await card.getByRole("link").click();
    await page.waitForURL(`**/guides/${GUIDE}/consumer-groups#${id}`);
    await expect.poll(() => page.evaluate((h) => Math.abs(document.getElementById(h)!.getBoundingClientRect().top) < 200, id)).toBe(true);
    await context.close();
  });

  it("loses no progress offline: the write waits in the page and goes out when the network is back, even after the tab closed", async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/guides/${GUIDE}/producers`);
    await expect.poll(() => sidebarMark(page, "producers").getAttribute("data-status")).toBe("started");

    expect(lessonOf(await apiProgress(page), "producers")?.readAt).toBeNull();
    await context.setOffline(true);
    await page.locator("[data-lesson-end]").scrollIntoViewIfNeeded();
    await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("pending-progress:")).length)).toBeGreaterThan(0);
    await page.close(); // the tab is closed while offline

    await context.setOffline(false);
    const next = await context.newPage();
    await next.goto(`${baseUrl()}/`); // any page of the site sends what was left over
    await expect.poll(async () => lessonOf(await apiProgress(next), "producers")?.readAt ?? null, { timeout: 15_000 }).not.toBeNull();
    // Everything queued (the read, and the section the reader was in when the tab closed) went out.
    await expect.poll(() => next.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("pending-progress:")).length)).toBe(0);
    await context.close();
  });

  it("retries a write the server failed, without a reload, and empties the queue", async () => {
    const context = await newContext();
    const page = await context.newPage();
    let failures = 0;
    await page.route("**/api/guides/*/lessons/*/progress", async (route) => {
      if (route.request().method() === "PUT" && failures < 2) {
        failures += 1;
        await route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: { code: "DB_UNAVAILABLE", message: "try later" } }) });
      } else {
        await route.continue();
      }
    });
    await page.goto(`${baseUrl()}/guides/${GUIDE}/consumer-lag`);
    await expect.poll(() => failures).toBe(2);
    await expect.poll(async () => lessonOf(await apiProgress(page), "consumer-lag")?.lastVisitedAt ?? null, { timeout: 20_000 }).not.toBeNull();
    await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("pending-progress:")).length)).toBe(0);
    await context.close();
  });

  it("votes No with a reason and a comment, keeps the vote across a reload, and changes it", async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/guides/${GUIDE}/brokers-and-retention`);
    const panel = await ratingPanel(page);
    await panel.getByRole("button", { name: "No" }).click();
    await panel.getByRole("radio", { name: "Hard to understand" }).check();
    const comment = `The <b>segment</b> part <img src=x onerror="document.title='owned'"> lost me.`;
    await panel.getByLabel("Comment (optional)").fill(comment);
    expect(await panel.getByText(`${[...comment].length} / 1000 characters`).count()).toBe(1);
    await panel.getByRole("button", { name: "Send feedback" }).click();
    await panel.getByText("Thanks for your feedback!").waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.reload();
    await ratingPanel(page);
    await expect.poll(() => panel.getByTestId("rating-vote").textContent()).toBe("You found this page not helpful: Hard to understand.");
    // Shown as the text it is: no element made from it, nothing run.
    expect(await panel.getByTestId("rating-comment").textContent()).toBe(comment);
    expect(await panel.locator("img, b").count()).toBe(0);
    expect(await page.title()).not.toBe("owned");

    await panel.getByRole("button", { name: "Change your answer" }).click();
    await panel.getByRole("button", { name: "Yes" }).click();
    await panel.getByRole("button", { name: "Send feedback" }).click();
    await panel.getByText("Thanks for your feedback!").waitFor();
    await page.reload();
    await ratingPanel(page);
    await expect.poll(() => panel.getByTestId("rating-vote").textContent()).toBe("You found this page helpful.");
    const stored = await page.evaluate(async () => (await (await fetch("/api/guides/kafka/lessons/brokers-and-retention/rating")).json()) as { rating: { helpful: boolean; comment: string | null } });
    expect(stored.rating).toMatchObject({ helpful: true, comment: null });
    await context.close();
  });

  it("says clearly when a vote cannot be saved, and keeps the reader's text", async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/guides/${GUIDE}/offsets-and-commits`);
    const panel = await ratingPanel(page);
    await panel.getByRole("button", { name: "No" }).click();
    await panel.getByLabel("Comment (optional)").fill("Offline comment");
    await context.setOffline(true);
    await panel.getByRole("button", { name: "Send feedback" }).click();
    await expect.poll(() => panel.getByRole("alert").textContent()).toContain("Could not reach the server");
    expect(await panel.getByLabel("Comment (optional)").inputValue()).toBe("Offline comment");
    await context.setOffline(false);
    // Back online the reader sends again (Chromium may fail a request or two while it notices).
    const send = panel.getByRole("button", { name: "Send feedback" });
    await expect
      .poll(
        async () => {
          if ((await send.count()) > 0 && (await send.isEnabled())) await send.click();
          return panel.getByText("Thanks for your feedback!").count();
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe(1);
    await context.close();
  });
});
