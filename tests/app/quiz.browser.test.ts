import { describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { seriousViolations } from "./helpers/axe";
import { hasChromium, useBrowser } from "./helpers/browser";
import { baseUrl } from "./helpers/http-client";
import { quizFile } from "./helpers/quiz";

const LESSON = "/guides/kafka/production-reality";
const KEY = quizFile("kafka", "production-reality");
const rightChoice = (i: number) => KEY[i]!.choices[KEY[i]!.answer]!;

describe.skipIf(!hasChromium)("taking the Phase 3 quiz in Chromium", () => {
  const browser = useBrowser();

  async function openLesson(options: { dark?: boolean } = {}): Promise<Page> {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, colorScheme: options.dark ? "dark" : "light" });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}${LESSON}`);
    await quizSection(page).getByRole("group").first().waitFor();
    return page;
  }

  const quizSection = (page: Page): Locator => page.getByRole("region", { name: /Check your understanding/ });
  const question = (page: Page, i: number): Locator => quizSection(page).getByRole("group").nth(i);

  /** Picks, in question `i`, the right choice or (with `wrong`) the first other one. */
  async function answer(page: Page, i: number, wrong = false): Promise<void> {
    const radios = question(page, i).getByRole("radio");
    const labels = await question(page, i).locator("label").allTextContents();
    const at = wrong ? labels.findIndex((l) => !l.startsWith(rightChoice(i))) : labels.findIndex((l) => l.startsWith(rightChoice(i)));
    await radios.nth(at).check();
  }

  it("gets 2/3 with one wrong answer and sees why, then tries again with reshuffled choices and passes", async () => {
    const page = await openLesson();
    const section = quizSection(page);
    expect(await section.getByRole("heading", { level: 2 }).textContent()).toContain("3 questions");
    const submit = section.getByRole("button", { name: "Submit answers" });
    expect(await submit.isDisabled()).toBe(true);
    expect(await section.locator("#quiz-submit-hint").textContent()).toContain("3 of 3 still open");

    await answer(page, 0);
    await answer(page, 1);
    expect(await submit.isDisabled()).toBe(true);
    await answer(page, 2, true);
    expect(await submit.isDisabled()).toBe(false);
    const firstOrder = await question(page, 0).locator("label").allTextContents();
    await submit.click();

    const score = section.getByTestId("quiz-score");
    await expect.poll(() => score.textContent()).toContain("You scored 2/3");
    expect(await score.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await question(page, 2).locator("legend").textContent()).toContain("Incorrect");
    expect(await question(page, 0).locator("legend").textContent()).toContain("Correct");
    expect(await question(page, 2).getByTestId("quiz-explain").textContent()).toContain(KEY[2]!.explain);
    expect(await question(page, 2).locator(".quiz-choice-key").textContent()).toContain(rightChoice(2));
    expect(await seriousViolations(page)).toEqual([]);
    await expect.poll(() => section.getByTestId("attempt-list").locator("li").count()).toBe(1);

    // A new attempt: new key and a new choice order (all three questions keeping both the first
    // attempt's and the file's order would take a 1 in 24³ coincidence).
    await section.getByRole("button", { name: "Try again" }).click();
    await section.getByRole("button", { name: "Submit answers" }).waitFor();
    const orders = await Promise.all([0, 1, 2].map((i) => question(page, i).locator("label").allTextContents()));
    expect(orders[0]!.join() !== firstOrder.join() || orders.some((o, i) => o.join() !== KEY[i]!.choices.join())).toBe(true);
    expect(await question(page, 0).getByRole("radio", { checked: true }).count()).toBe(0);
    for (const i of [0, 1, 2]) await answer(page, i);
    await section.getByRole("button", { name: "Submit answers" }).click();
    await expect.poll(() => score.textContent()).toContain("You scored 3/3 — passed");
    await expect.poll(() => section.getByTestId("best-score").textContent()).toContain("Best score: 3/3");
    await page.context().close();
  });

  it("can be answered and submitted with the keyboard alone", async () => {
    const page = await openLesson({ dark: true });
    const section = quizSection(page);
    // Into the first question: Tab lands on its radio group; arrows move within it.
    await question(page, 0).getByRole("radio").first().focus();
    for (const i of [0, 1, 2]) {
      const labels = await question(page, i).locator("label").allTextContents();
      const target = labels.findIndex((l) => l.startsWith(rightChoice(i)));
      await page.keyboard.press("Space"); // selects the focused (first) choice
      for (let step = 0; step < target; step++) await page.keyboard.press("ArrowDown");
      expect(await question(page, i).getByRole("radio").nth(target).isChecked()).toBe(true);
      await page.keyboard.press("Tab"); // to the next question (or the submit button)
    }
    const submit = section.getByRole("button", { name: "Submit answers" });
    expect(await submit.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await expect.poll(() => section.getByTestId("quiz-score").textContent()).toContain("You scored 3/3 — passed");
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
