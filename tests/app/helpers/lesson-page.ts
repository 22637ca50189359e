/** Browser helpers for a lesson page's lazily loaded islands. */
import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * Scrolls the rating panel into view until it has loaded (it loads when it comes near the
 * viewport; content above it, such as the quiz, can still grow and push it away). Returns it.
 */
export async function ratingPanel(page: Page) {
  const panel = page.getByTestId("page-rating");
  await expect
    .poll(async () => {
      await panel.scrollIntoViewIfNeeded();
      return panel.getByRole("button").count();
    })
    .toBeGreaterThan(0);
  return panel;
}
