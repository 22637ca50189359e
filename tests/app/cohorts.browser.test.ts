/**
 * Cohorts in Chromium: the demo instructor creates a cohort from the cohorts page, a learner opens
 * its join link signed out, signs in (and comes back), joins, and the instructor sees them in the
 * cohort and can remove them. axe checks the instructor's pages and the join page.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { seriousViolations } from "./helpers/axe";
import { hasChromium, useBrowser } from "./helpers/browser";
import { baseUrl, newLearner } from "./helpers/http-client";

describe.skipIf(!hasChromium)("cohorts in Chromium", () => {
  const browser = useBrowser();

  async function signedIn(email: string, password: string, path: string): Promise<Page> {
    const page = await (await browser().newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${baseUrl()}/sign-in?callbackUrl=${encodeURIComponent(path)}`);
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`**${path}`);
    return page;
  }

  it("an instructor creates a cohort, a learner joins by its link, the instructor sees and removes them", async () => {
    const instructor = await signedIn("instructor@example.com", "demo-instructor-2026", "/instructor/cohorts");
    expect(await seriousViolations(instructor)).toEqual([]);
    const name = `Browser class ${Date.now()}`;
    await instructor.getByLabel("Name").fill(name);
    await instructor.getByRole("button", { name: "Create the cohort" }).click();
    await instructor.getByRole("heading", { level: 1, name }).waitFor();
    const link = (await instructor.locator("[data-join-link]").textContent())!.trim();
    expect(link).toMatch(new RegExp(`^${baseUrl()}/join/[A-Z2-9]{10}$`));
    expect(await seriousViolations(instructor)).toEqual([]);

    const learner = await newLearner("joins-by-link");
    const page = await (await browser().newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(link);
    await page.getByRole("heading", { level: 1, name }).waitFor();
    expect(await page.getByText("Ivan Instructor invites you").count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "Sign in to join" }).click();
    await page.getByLabel("E-mail").fill(learner.email);
    await page.getByLabel("Password").fill(learner.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(link);
    await page.getByRole("button", { name: "Join the cohort" }).click();
    await page.getByRole("status").getByText(`You joined ${name}.`).waitFor();
    expect(await page.getByRole("link", { name: "Start the guide" }).getAttribute("href")).toBe("/guides/kafka");

    await instructor.reload();
    // The progress matrix: one row for the learner, every lesson not started yet, sortable by link.
    const matrixRow = instructor.locator(`[data-matrix-row="${learner.email}"]`);
    await matrixRow.waitFor();
    const statuses = await matrixRow.locator("[data-status]").evaluateAll((cells) => cells.map((c) => c.getAttribute("data-status")));
    expect(statuses.length).toBeGreaterThan(5);
    expect(new Set(statuses)).toEqual(new Set(["not-started"]));
    await instructor.getByRole("link", { name: "Sort by Complete" }).click();
    await instructor.waitForURL(/sort=complete&dir=asc/);
    expect(await instructor.getByRole("columnheader", { name: /Complete/ }).getAttribute("aria-sort")).toBe("ascending");
    expect(await seriousViolations(instructor)).toEqual([]);
    const row = instructor.locator(`[data-member="${learner.email}"]`);
    await row.waitFor();
    await row.getByRole("button", { name: "Remove Test Learner" }).click();
    await row.getByRole("button", { name: "Yes, remove" }).click();
    await row.waitFor({ state: "detached" });
    expect(await instructor.getByText("Nobody has joined yet.").count()).toBe(1);
    await instructor.context().close();
    await page.context().close();
  });

  it("sends learners who open an instructor's page to the forbidden page, and says when a join link is dead", async () => {
    const learner = await newLearner("not-an-instructor");
    const page = await signedIn(learner.email, learner.password, "/me");
    await page.goto(`${baseUrl()}/instructor/cohorts`);
    await page.waitForURL("**/forbidden");
    await page.goto(`${baseUrl()}/join/ABCDEFGHJK`);
    await page.getByRole("heading", { level: 1, name: "This join link does not work" }).waitFor();
    await page.context().close();
  });
});
