import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { baseUrl, newLearner } from "./helpers/http-client";
import { hasChromium, useBrowser } from "./helpers/browser";

describe.skipIf(!hasChromium)("in Chromium", () => {
  const browser = useBrowser();

  async function newPage(width = 1280): Promise<Page> {
    const context = await browser().newContext({ viewport: { width, height: 800 } });
    return context.newPage();
  }

  it("should sign up from the home page, sign out and sign in again", async () => {
    const page = await newPage();
    const email = `browser-${Date.now()}@example.org`;
    const password = "browser test password";

    await page.goto(`${baseUrl()}/`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("Technical guides");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign up" }).click();
    await page.waitForURL("**/sign-up**");
    await page.getByLabel("Name").fill("Browser Learner");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    // The shared zod schema answers in the browser, next to the field.
    await page.getByText("Use at least 10 characters.").waitFor();
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByTestId("account-link").getByText("Browser Learner").waitFor();

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" }).waitFor();

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" }).click();
    await page.waitForURL("**/sign-in**");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill("not my password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").getByText("Wrong e-mail or password.").waitFor();
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByTestId("account-link").getByText("Browser Learner").waitFor();

    await page.getByTestId("account-link").click();
    await page.waitForURL("**/me");
    expect(await page.getByTestId("role").textContent()).toBe("Learner");
    await page.context().close();
  });

  it("should come back to the protected page after signing in", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl()}/admin/users`);
    await page.waitForURL("**/sign-in?callbackUrl=%2Fadmin%2Fusers");
    await page.getByLabel("E-mail").fill("admin@example.com");
    await page.getByLabel("Password").fill("demo-admin-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/admin/users");
    await page.getByRole("heading", { name: "Users" }).waitFor();
    await page.context().close();
  });

  it("should let the admin change a learner's role from the users page", async () => {
    const learner = await newLearner("role-ui");
    const page = await newPage();
    await page.goto(`${baseUrl()}/sign-in?callbackUrl=${encodeURIComponent(`/admin/users?search=${learner.email}`)}`);
    await page.getByLabel("E-mail").fill("admin@example.com");
    await page.getByLabel("Password").fill("demo-admin-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("cell", { name: learner.email, exact: true }).waitFor();
    await page.getByLabel(`Role of ${learner.email}`).selectOption("INSTRUCTOR");
    await page.getByRole("status").getByText("Saved.").waitFor();
    const me = (await (await learner.client.request("/api/me")).json()) as { user: { role: string } };
    expect(me.user.role).toBe("INSTRUCTOR");
    await page.context().close();
  });

  it("should keep the chosen theme across reloads", async () => {
    const page = await newPage();
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(`${baseUrl()}/`);
    const isDark = () => page.evaluate(() => document.documentElement.classList.contains("dark"));
    expect(await isDark()).toBe(false);
    await page.getByTestId("theme-toggle").click();
    expect(await isDark()).toBe(true);
    await page.reload();
    expect(await isDark()).toBe(true);
    await page.context().close();
  });

  it("should follow the system preference when nothing was chosen", async () => {
    const page = await newPage();
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(`${baseUrl()}/`);
    expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
    await page.context().close();
  });

  it.each(["/", "/sign-in", "/sign-up"])("should fit %s in a 360 px wide screen", async (path) => {
    const page = await newPage(360);
    await page.goto(`${baseUrl()}${path}`);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.context().close();
  });

  it("should load nothing from other hosts", async () => {
    const page = await newPage();
    const foreign: string[] = [];
    page.on("request", (req) => {
      const host = new URL(req.url()).host;
      if (host !== new URL(baseUrl()).host) foreign.push(req.url());
    });
    await page.goto(`${baseUrl()}/`, { waitUntil: "load" });
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" }).waitFor();
    await page.waitForTimeout(1000);
    expect(foreign).toEqual([]);
    await page.context().close();
  });
});
