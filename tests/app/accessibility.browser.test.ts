/**
 * Accessibility across every page type, in one place:
 *
 *  1. axe-core finds no serious or critical violation on any page under app/ (each page.tsx, the
 *     404 page and the error page), in the light and the dark theme, including the states a reader
 *     or instructor brings a page into: a lesson with a "try it" panel started and used and its
 *     quiz submitted, forms showing their errors, a join link before and after joining, a cohort
 *     with and without learners, a session replay opened. The list of page types is read from
 *     app/, so a new page fails this file until it is visited here.
 *  2. Every learner flow works with the keyboard alone (no mouse, only `page.keyboard`): reading a
 *     lesson (skip link, guide and in-page navigation, "next" by Enter, the lesson recorded as
 *     read), its quiz (radios by arrows and Space, submit, the score and the explanations
 *     announced, another try), "Was this page helpful?" with its reason and comment, and a "try
 *     it" panel (started, a scenario button, a terminal command, undo, reset with its
 *     confirmation). Every focus stop of those walks shows where the focus is.
 *
 * Learners are new accounts (each with its own sign-in budget). The demo instructor and the demo
 * admin are signed in once each for the whole file, over HTTP, and their cookies are handed to
 * the browser contexts that need them.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import type { MyProgress } from "@/lib/progress/dto";
import { seriousViolations } from "./helpers/axe";
import { hasChromium, useBrowser } from "./helpers/browser";
import { ratingPanel } from "./helpers/lesson-page";
import { DEMO_ACCOUNTS } from "../../scripts/db/demo-accounts";
import { baseUrl, Client, newLearner, signedInAdmin, uniqueIp } from "./helpers/http-client";
import { answersFor, loadQuiz, quizFile, quizPath } from "./helpers/quiz";

const INSTRUCTOR = DEMO_ACCOUNTS.find((a) => a.role === "INSTRUCTOR")!;
const DEMO_COHORT = "Kafka guide: demo class";
const DEMO_LEARNER = "learner@example.com";
const GUIDE = "kafka";
/** The lesson with a quiz and three "try it" panels. */
const LESSON = "production-reality";
const LESSON_PATH = `/guides/${GUIDE}/${LESSON}`;
/** A lesson with a previous and a next lesson, a table of contents, panels and a quiz. */
const MIDDLE = { slug: "consumer-groups", next: "offsets-and-commits", nextTitle: "Polling and Committing Offsets" };
const VIEWPORT = { width: 1400, height: 900 };

// ---------------------------------------------------------------------------------------------
// The page types under app/
// ---------------------------------------------------------------------------------------------

/** Files under app/ that render a page of their own (besides page.tsx). */
const SPECIAL_PAGES = ["not-found.tsx", "error.tsx", "global-error.tsx", "forbidden.tsx", "unauthorized.tsx"];

/**
 * Every page type under app/: each page.tsx as its route ("/guides/[guide]/[lesson]", route
 * groups dropped), each special page by its path ("not-found.tsx").
 */
function pageTypes(): string[] {
  const files = (readdirSync(path.join(process.cwd(), "app"), { recursive: true }) as string[]).map((f) => f.split(path.sep).join("/"));
  const routes = files.filter((f) => f === "page.tsx" || f.endsWith("/page.tsx")).map((f) => `/${f.split("/").slice(0, -1).filter((s) => !/^\(.+\)$/.test(s)).join("/")}`);
  const special = files.filter((f) => SPECIAL_PAGES.includes(path.basename(f)));
  return [...new Set([...routes, ...special])].sort();
}

// ---------------------------------------------------------------------------------------------
// Who looks at a page
// ---------------------------------------------------------------------------------------------

type Who = "guest" | "reader" | "fresh learner" | "instructor" | "admin";

/** Signed-in clients (their cookies go into browser contexts) and the ids the pages need. */
interface Fixture {
  reader: Client;
  instructor: Client;
  admin: Client;
  demoCohortId: string;
  demoLearnerId: string;
  /** A cohort nobody joins. */
  emptyCohortId: string;
  /** A cohort the join page's visitors join. */
  joinCode: string;
}

describe.skipIf(!hasChromium)("accessibility of every page type, in Chromium", () => {
  const browser = useBrowser();
  let fixture: Fixture;
  const contexts: BrowserContext[] = [];

  /** A signed-in client of the demo account, or fails saying why (sign-ins are rate limited per account). */
  async function demoClient(email: string, password: string): Promise<Client> {
    const client = new Client();
    const res = await client.signIn(email, password);
    if (!client.signedIn) throw new Error(`${email} could not sign in: ${res.status} ${await res.text()}`);
    return client;
  }

  async function api<T>(client: Client, url: string, init: Parameters<Client["request"]>[1] = {}): Promise<T> {
    const res = await client.request(url, init);
    if (res.status >= 300) throw new Error(`${init.method ?? "GET"} ${url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  beforeAll(async () => {
    const [instructor, admin, reader] = await Promise.all([demoClient(INSTRUCTOR.email, INSTRUCTOR.password), signedInAdmin(), newLearner("a11y-reader")]);

    const { cohorts } = await api<{ cohorts: { id: string; name: string }[] }>(instructor, "/api/instructor/cohorts");
    const demoCohortId = cohorts.find((c) => c.name === DEMO_COHORT)!.id;
    const demo = await api<{ cohort: { members: { userId: string; email: string }[] } }>(instructor, `/api/instructor/cohorts/${demoCohortId}`);
    const demoLearnerId = demo.cohort.members.find((m) => m.email === DEMO_LEARNER)!.userId;
    const create = (name: string) => api<{ id: string; joinCode: string }>(instructor, "/api/instructor/cohorts", { method: "POST", json: { name, guides: [GUIDE] } });
    const [empty, joinable] = await Promise.all([create(`Empty a11y class ${Date.now()}`), create(`Joinable a11y class ${Date.now()}`)]);

    // The reader has progress to show: the first lesson read and its quiz passed (complete), the
    // second one started at a section, and a vote with a comment.
    const client = reader.client;
    await api(client, `/api/guides/${GUIDE}/lessons/the-log/progress`, { method: "PUT", json: { read: true } });
    const served = await loadQuiz(client, GUIDE, "the-log");
    await api(client, `${quizPath(GUIDE, "the-log")}/attempts`, { method: "POST", json: { attemptKey: served.attemptKey, answers: answersFor(served, quizFile(GUIDE, "the-log")) } });
    await api(client, `/api/guides/${GUIDE}/lessons/topics-and-partitions/progress`, { method: "PUT", json: { visited: true } });
    await api(client, `/api/guides/${GUIDE}/lessons/the-log/rating`, { method: "PUT", json: { helpful: false, reason: "unclear", comment: "The part on segments lost me." } });

    fixture = { reader: client, instructor, admin, demoCohortId, demoLearnerId, emptyCohortId: empty.id, joinCode: joinable.joinCode };
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  });

  /**
   * A browser context for `who` in the given theme, from its own client address. Signed-in users
   * get their client's cookies; a "fresh learner" is a new account made for this context.
   */
  async function contextFor(who: Who, dark: boolean): Promise<BrowserContext> {
    let client: Client | null = null;
    if (who === "reader") client = fixture.reader;
    if (who === "instructor") client = fixture.instructor;
    if (who === "admin") client = fixture.admin;
    if (who === "fresh learner") client = (await newLearner("a11y")).client;
    const context = await browser().newContext({
      viewport: VIEWPORT,
      colorScheme: dark ? "dark" : "light",
      extraHTTPHeaders: { "x-forwarded-for": client?.ip ?? uniqueIp() },
    });
    contexts.push(context);
    if (client) await context.addCookies([...client.cookies].map(([name, value]) => ({ name, value, url: baseUrl() })));
    return context;
  }

  /** Opens `path` for `who`; checks the theme the page shows is the one asked for. */
  async function open(who: Who, pathname: string, dark = false): Promise<Page> {
    const page = await (await contextFor(who, dark)).newPage();
    await page.goto(`${baseUrl()}${pathname}`);
    expect(await page.evaluate(() => document.documentElement.classList.contains("dark")), "the page's theme").toBe(dark);
    return page;
  }

  /** The reader's progress as the API has it, asked from inside the page (same cookies). */
  const apiProgress = (page: Page) => page.evaluate(async () => (await (await fetch("/api/me/progress")).json()) as MyProgress);
  const lessonOf = (mine: MyProgress, lesson: string) => mine.guides.find((g) => g.guide === GUIDE)?.lessonProgress.find((l) => l.lesson === lesson);

  // -------------------------------------------------------------------------------------------
  // 1. axe on every page type, light and dark
  // -------------------------------------------------------------------------------------------

  interface Visit {
    /** The page type (see pageTypes()). */
    type: string;
    /** The state the page is checked in. */
    state: string;
    who: Who;
    path: () => string;
    /** Waits until the page shows that state (bringing it there first when needed). */
    ready: (page: Page) => Promise<void>;
  }

  const heading = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name }).waitFor();
  const quizSection = (page: Page) => page.getByRole("region", { name: /Check your understanding/ });
  /** The account menu has asked who is signed in (it fills the header in on the client). */
  const headerReady = (page: Page) => page.locator("header nav[aria-label='Main'] :is(a, button)").filter({ hasText: /Sign in|Sign out/ }).first().waitFor();

  /** Picks, in each question, the right choice (or the first other one for the questions in `wrong`) and submits. */
  async function submitQuiz(page: Page, lesson: string, wrong: number[]): Promise<void> {
    const key = quizFile(GUIDE, lesson);
    const section = quizSection(page);
    for (let i = 0; i < key.length; i++) {
      const group = section.getByRole("group").nth(i);
      const labels = await group.locator("label").allTextContents();
      const right = key[i]!.choices[key[i]!.answer]!;
      await group.getByRole("radio").nth(labels.findIndex((l) => (wrong.includes(i) ? !l.startsWith(right) : l.startsWith(right)))).check();
    }
    await section.getByRole("button", { name: "Submit answers" }).click();
    await section.getByTestId("quiz-score").waitFor();
  }

  /** A "try it" panel started with its button, without scrolling to it first. */
  async function startPanel(page: Page, scenario: string) {
    const section = page.locator(`[data-try-it="${scenario}"]`);
    const start = section.getByRole("button", { name: "Start the simulator" });
    if ((await start.count()) > 0) await start.evaluate((b: HTMLButtonElement) => b.click());
    const panel = section.locator("[data-try-it-panel]");
    await expect.poll(async () => {
      await section.scrollIntoViewIfNeeded();
      return panel.count();
    }).toBe(1);
    return panel;
  }

  /** Presses a panel's button and waits for the panel to answer (a new version or a new alert). */
  async function pressInPanel(panel: ReturnType<Page["locator"]>, name: string): Promise<void> {
    const before = `${await panel.getAttribute("data-version")}|${(await panel.getByRole("alert").allTextContents()).join()}`;
    const button = panel.getByRole("button", { name, exact: true });
    await button.click({ force: (await button.getAttribute("aria-disabled")) === "true" });
    await expect.poll(async () => `${await panel.getAttribute("data-version")}|${(await panel.getByRole("alert").allTextContents()).join()}`).not.toBe(before);
  }

  const VISITS: Visit[] = [
    { type: "/", state: "a first visit", who: "guest", path: () => "/", ready: (p) => headerReady(p) },
    {
      type: "/",
      state: "a reader with progress, searching",
      who: "reader",
      path: () => "/",
      ready: async (p) => {
        await p.getByTestId("continue").waitFor();
        const box = p.getByRole("combobox", { name: "Search the guides" });
        await box.fill("offset");
        await p.getByRole("listbox", { name: "Search results" }).getByRole("option").first().waitFor();
      },
    },
    {
      type: "/guides/[guide]",
      state: "a reader with progress",
      who: "reader",
      path: () => `/guides/${GUIDE}`,
      ready: async (p) => {
        await expect.poll(() => p.getByTestId("guide-percent").textContent()).toMatch(/^\d+% complete$/);
        await p.getByTestId("continue").waitFor();
      },
    },
    { type: "/guides/[guide]/[lesson]", state: "as loaded", who: "guest", path: () => LESSON_PATH, ready: (p) => quizSection(p).getByRole("group").first().waitFor() },
    {
      type: "/guides/[guide]/[lesson]",
      state: "a panel started and used, the quiz submitted with a wrong answer, the feedback form open",
      who: "fresh learner",
      path: () => LESSON_PATH,
      ready: async (p) => {
        await quizSection(p).getByRole("group").first().waitFor();
        // The last panel, started with its button; the first one used: steps, a terminal command,
        // a refused step (its alert), the reset confirmation and the description open.
        await startPanel(p, "retention-and-compaction");
        const panel = await startPanel(p, "at-least-once");
        for (const step of ["c1: poll", "c1: charge the cards", "c1: crash"]) await pressInPanel(panel, step);
        const output = panel.getByRole("log", { name: "Terminal output" });
        await panel.getByRole("textbox", { name: "Command" }).fill("kafka-topics.sh --bootstrap-server localhost:9092 --list");
        await panel.getByRole("textbox", { name: "Command" }).press("Enter");
        await output.locator("[data-terminal-entry]").first().waitFor();
        await pressInPanel(panel, "c1: poll"); // c1 crashed: refused, with an alert
        expect(await panel.getByRole("alert").count()).toBe(1);
        await panel.locator("summary").click();
        await panel.getByRole("button", { name: "Reset", exact: true }).click();
        await panel.getByRole("group", { name: "Confirm reset" }).waitFor();

        await submitQuiz(p, LESSON, [1]);
        expect(await quizSection(p).getByTestId("quiz-score").textContent()).toContain("2/3");
        await quizSection(p).getByTestId("quiz-explain").first().waitFor();

        const rating = await ratingPanel(p);
        await rating.getByRole("button", { name: "No" }).click();
        await rating.getByRole("radio", { name: "Hard to understand" }).waitFor();
      },
    },
    {
      type: "/guides/[guide]/[lesson]",
      state: "the quiz passed on a second try, the feedback sent",
      who: "fresh learner",
      path: () => LESSON_PATH,
      ready: async (p) => {
        await quizSection(p).getByRole("group").first().waitFor();
        await submitQuiz(p, LESSON, [0]);
        await quizSection(p).getByRole("button", { name: "Try again" }).click();
        await quizSection(p).getByRole("button", { name: "Submit answers" }).waitFor();
        await submitQuiz(p, LESSON, []);
        await expect.poll(() => quizSection(p).getByTestId("best-score").textContent()).toContain("(passed)");
        const rating = await ratingPanel(p);
        await rating.getByRole("button", { name: "Yes" }).click();
        await rating.getByLabel("Comment (optional)").fill("Clear, thanks.");
        await rating.getByRole("button", { name: "Send feedback" }).click();
        await rating.getByText("Thanks for your feedback!").waitFor();
      },
    },
    { type: "/me", state: "a guest with no progress", who: "guest", path: () => "/me", ready: (p) => p.getByText("You are reading as a guest").waitFor() },
    {
      type: "/me",
      state: "a reader with progress, starting a lesson over",
      who: "reader",
      path: () => "/me",
      ready: async (p) => {
        const row = p.locator('tr[data-lesson="the-log"]');
        await row.getByRole("button", { name: /Start over/ }).click();
        await row.getByRole("button", { name: /Yes, start over/ }).waitFor();
      },
    },
    { type: "/sign-in", state: "empty", who: "guest", path: () => "/sign-in", ready: (p) => p.getByLabel("E-mail").waitFor() },
    {
      type: "/sign-in",
      state: "a wrong password refused",
      who: "guest",
      path: () => "/sign-in",
      ready: async (p) => {
        await p.getByLabel("E-mail").fill(`nobody-${Date.now()}@example.org`);
        await p.getByLabel("Password").fill("not the password");
        await p.getByRole("button", { name: "Sign in" }).click();
        await p.getByRole("alert").getByText("Wrong e-mail or password.").waitFor();
      },
    },
    { type: "/sign-up", state: "empty", who: "guest", path: () => "/sign-up", ready: (p) => p.getByLabel("Name").waitFor() },
    {
      type: "/sign-up",
      state: "with field errors",
      who: "guest",
      path: () => "/sign-up",
      ready: async (p) => {
        await p.getByLabel("Password").fill("short");
        await p.getByRole("button", { name: "Create account" }).click();
        await p.getByText("Use at least 10 characters.").waitFor();
      },
    },
    { type: "/join/[code]", state: "signed out", who: "guest", path: () => `/join/${fixture.joinCode}`, ready: (p) => p.getByRole("link", { name: "Sign in to join" }).waitFor() },
    {
      type: "/join/[code]",
      state: "signed in, after joining",
      who: "fresh learner",
      path: () => `/join/${fixture.joinCode}`,
      ready: async (p) => {
        await p.getByRole("button", { name: "Join the cohort" }).click();
        await p.getByRole("link", { name: "Start the guide" }).waitFor();
      },
    },
    { type: "/join/[code]", state: "a dead link", who: "guest", path: () => "/join/ABCDEFGHJK", ready: (p) => heading(p, "This join link does not work") },
    {
      type: "/forbidden",
      state: "a learner sent away from an instructor's page",
      who: "reader",
      path: () => "/instructor/cohorts",
      ready: async (p) => {
        await p.waitForURL("**/forbidden");
        await heading(p, "You do not have access to this page");
      },
    },
    { type: "not-found.tsx", state: "an unknown address", who: "guest", path: () => "/no-such-page", ready: (p) => heading(p, "Page not found") },
    { type: "not-found.tsx", state: "an unknown lesson", who: "guest", path: () => `/guides/${GUIDE}/no-such-lesson`, ready: (p) => heading(p, "Page not found") },
    {
      // A page that fails to render shows the error page: here the progress API answers with a
      // body the page cannot use, so the progress bars throw while rendering.
      type: "error.tsx",
      state: "a page that failed to render",
      who: "guest",
      path: () => `/guides/${GUIDE}`,
      ready: (p) => heading(p, "Something went wrong"),
    },
    {
      type: "/instructor/cohorts",
      state: "the list, the new-cohort form refusing an empty name",
      who: "instructor",
      path: () => "/instructor/cohorts",
      ready: async (p) => {
        await p.getByRole("link", { name: DEMO_COHORT }).waitFor();
        await p.getByRole("button", { name: "Create the cohort" }).click();
        await p.locator("#name-error").waitFor();
      },
    },
    {
      type: "/instructor/cohorts/[id]",
      state: "the demo cohort: charts and the progress matrix",
      who: "instructor",
      path: () => `/instructor/cohorts/${fixture.demoCohortId}`,
      ready: (p) => p.locator(`[data-matrix-row="${DEMO_LEARNER}"]`).waitFor(),
    },
    {
      type: "/instructor/cohorts/[id]",
      state: "filters nobody matches",
      who: "instructor",
      path: () => `/instructor/cohorts/${fixture.demoCohortId}?q=nobody-matches-this`,
      ready: (p) => p.getByText("No learner matches these filters.").waitFor(),
    },
    {
      type: "/instructor/cohorts/[id]",
      state: "a cohort nobody has joined",
      who: "instructor",
      path: () => `/instructor/cohorts/${fixture.emptyCohortId}`,
      ready: (p) => p.getByText("Nobody has joined yet.").waitFor(),
    },
    {
      type: "/instructor/cohorts/[id]/learners/[userId]",
      state: "a demo learner, a session replay opened",
      who: "instructor",
      path: () => `/instructor/cohorts/${fixture.demoCohortId}/learners/${fixture.demoLearnerId}`,
      ready: async (p) => {
        const session = p.locator("[data-session]").first();
        await session.getByText("Replay this session step by step").click();
        await expect.poll(() => session.locator("[data-replay-step]").textContent()).toMatch(/^Step 0 of \d+/);
        await session.getByRole("button", { name: "Next →" }).click();
        await expect.poll(() => session.locator("[data-replay-step]").textContent()).toMatch(/^Step 1 of \d+/);
      },
    },
    {
      type: "/instructor/cohorts/[id]/questions",
      state: "the demo cohort",
      who: "instructor",
      path: () => `/instructor/cohorts/${fixture.demoCohortId}/questions`,
      ready: (p) => p.locator("article[data-question] figure").first().waitFor(),
    },
    {
      type: "/instructor/cohorts/[id]/feedback",
      state: "the demo cohort",
      who: "instructor",
      path: () => `/instructor/cohorts/${fixture.demoCohortId}/feedback`,
      ready: (p) => p.getByRole("region", { name: "Needs attention" }).waitFor(),
    },
    {
      type: "/admin/users",
      state: "a search",
      who: "admin",
      path: () => "/admin/users?search=example.com",
      ready: (p) => p.getByRole("cell", { name: DEMO_LEARNER, exact: true }).waitFor(),
    },
  ];

  it("visits every page type under app/ (a new page must be added to this file)", () => {
    const found = pageTypes();
    // The app has more than a handful of pages; an empty list would mean the scan is broken.
    expect(found.length).toBeGreaterThan(10);
    expect([...new Set(VISITS.map((v) => v.type))].sort()).toEqual(found);
  });

  for (const dark of [false, true]) {
    it.each(VISITS.map((v) => [v.type, v.state, v] as const))(`has no serious or critical axe violation: %s, %s (${dark ? "dark" : "light"})`, async (_type, _state, visit) => {
      const context = await contextFor(visit.who, dark);
      const page = await context.newPage();
      if (visit.type === "error.tsx") {
        await page.route("**/api/me/progress", (route) => route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ learner: null, guides: null }) }));
      }
      const response = await page.goto(`${baseUrl()}${visit.path()}`);
      if (visit.type === "not-found.tsx") expect(response?.status()).toBe(404);
      expect(await page.evaluate(() => document.documentElement.classList.contains("dark")), "the page's theme").toBe(dark);
      await visit.ready(page);
      await page.waitForLoadState("load");
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });
  }

  // -------------------------------------------------------------------------------------------
  // 2. The keyboard alone
  // -------------------------------------------------------------------------------------------

  /** Where the keyboard focus is, and whether it can be seen there. */
  interface FocusStop {
    tag: string;
    /** Its accessible name as far as the page tells (aria-label, label, text). */
    name: string;
    /** The landmark or widget it is in: a nav's label, "quiz", "rating", a panel's scenario, "main", "header". */
    area: string;
    /** It draws a focus indicator (an outline or a ring) and has a visible box. */
    visible: boolean;
    rel: string | null;
    href: string | null;
    current: string | null;
  }

  async function focusStop(page: Page): Promise<FocusStop | null> {
    return page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body || el === document.documentElement) return null;
      const style = getComputedStyle(el);
      const transparent = (color: string) => color === "transparent" || /rgba\(.*,\s*0\)$/.test(color);
      const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 && !transparent(style.outlineColor);
      // A ring is a box shadow with a colour and a spread.
      const ring =
        style.boxShadow !== "none" &&
        style.boxShadow.split(/,(?![^(]*\))/).some((shadow) => {
          const color = /rgba?\([^)]*\)/.exec(shadow)?.[0] ?? "";
          const lengths = shadow.replace(color, "").trim().split(/\s+/).map(parseFloat);
          return !transparent(color) && (lengths[3] ?? 0) > 0;
        });
      const box = el.getBoundingClientRect();
      const label = el.getAttribute("aria-label") ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? "";
      const panel = el.closest("[data-try-it]")?.getAttribute("data-try-it");
      const area = panel
        ? `panel:${panel}`
        : el.closest("[data-testid='page-rating']")
          ? "rating"
          : el.closest("#check-your-understanding")
            ? "quiz"
            : (el.closest("nav")?.getAttribute("aria-label") ?? (el.closest("main") ? "main" : el.closest("header") ? "header" : "page"));
      return {
        tag: el.tagName.toLowerCase(),
        name: label.replace(/\s+/g, " ").trim().slice(0, 80),
        area,
        visible: (outline || ring) && box.width > 1 && box.height > 1,
        rel: el.getAttribute("rel"),
        href: el.getAttribute("href"),
        current: el.getAttribute("aria-current"),
      };
    });
  }

  const describeStop = (s: FocusStop | null) => (s ? `${s.tag} "${s.name}" (${s.area})` : "<body>");

  /** Waits until the page has moved the focus to a stop named `name`; checks that it shows there too. */
  async function focusMovesTo(page: Page, name: string | RegExp): Promise<FocusStop> {
    const matches = (n: string) => (typeof name === "string" ? n === name : name.test(n));
    let stop: FocusStop | null = null;
    await expect.poll(async () => (stop = await focusStop(page)) !== null && matches(stop.name), { message: `the focus did not move to ${String(name)}` }).toBe(true);
    expect(stop!.visible, `the focus cannot be seen on ${describeStop(stop)}`).toBe(true);
    return stop!;
  }

  /** Two animation frames: what the key set off (observers, React's commit) has happened. */
  const settled = (page: Page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

  /**
   * Presses `key` (Tab by default) and returns the new focus stop, which must show. Focus never
   * stays lost: if it falls to <body> (a control replaced by what it loads), it must come back
   * within the poll's time.
   */
  async function press(page: Page, key = "Tab"): Promise<FocusStop> {
    const before = describeStop(await focusStop(page));
    await page.keyboard.press(key);
    await settled(page);
    let stop: FocusStop | null = null;
    await expect.poll(async () => (stop = await focusStop(page)), { message: `the focus was lost after ${key} from ${before}` }).not.toBeNull();
    expect(stop!.visible, `the focus cannot be seen on ${describeStop(stop)}`).toBe(true);
    return stop!;
  }

  /** Presses `key` until the focus is on a stop `matches` accepts (at most `max` times); returns every stop made. */
  async function walkTo(page: Page, matches: (s: FocusStop) => boolean, options: { key?: string; max?: number } = {}): Promise<FocusStop[]> {
    const stops: FocusStop[] = [];
    for (let i = 0; i < (options.max ?? 20); i++) {
      stops.push(await press(page, options.key));
      if (matches(stops.at(-1)!)) return stops;
    }
    return expect.fail(`${options.key ?? "Tab"} did not get there; it went to: ${stops.map(describeStop).join(" → ")}`);
  }
  const named = (name: string | RegExp) => (s: FocusStop) => (typeof name === "string" ? s.name === name : name.test(s.name));

  it("reads a lesson by keyboard: skip link, the guide's lessons, the quiz, previous and next, the rating, the table of contents; the lesson is recorded as read and Enter follows 'next'", async () => {
    const page = await open("fresh learner", `/guides/${GUIDE}/${MIDDLE.slug}`);
    await quizSection(page).getByRole("group").first().waitFor();

    // The first Tab shows the skip link; Enter on it moves on to the main content.
    const skip = await press(page);
    expect(skip.name).toBe("Skip to content");
    await page.keyboard.press("Enter");
    await page.waitForURL("**#main");
    const first = await press(page);
    expect(first.area, "the first stop after the skip link").toBe("Apache Kafka lessons");

    // On through the whole lesson to its table of contents: focus is never lost nor invisible.
    // (The rating loads as it comes near; the walk gives it that moment at the link before it.)
    const stops = [first, ...(await walkTo(page, (s) => s.rel === "next", { max: 250 }))];
    await page.getByTestId("page-rating").getByRole("button", { name: "Yes" }).waitFor();
    stops.push(...(await walkTo(page, (s) => s.area === "On this page", { max: 10 })));
    const at = (test: (s: FocusStop) => boolean, what: string) => {
      const i = stops.findIndex(test);
      expect(i, `${what} among: ${stops.map(describeStop).join(" → ")}`).toBeGreaterThanOrEqual(0);
      return i;
    };
    const order = [
      at((s) => s.area === "Apache Kafka lessons" && s.current === "page", "the current lesson in the guide's list"),
      at((s) => s.area === "main" && s.name === "Link to this section", "a section link in the lesson"),
      at((s) => s.area === "quiz" && s.tag === "input", "a quiz choice"),
      at((s) => s.area === "Lesson navigation" && s.rel === "prev", "the previous lesson"),
      at((s) => s.area === "Lesson navigation" && s.name === "Guide overview", "the guide overview"),
      at((s) => s.area === "Lesson navigation" && s.rel === "next", "the next lesson"),
      at((s) => s.area === "rating" && s.name === "Yes", "the rating"),
      at((s) => s.area === "On this page", "the table of contents"),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));

    // Passing the end of the lesson text by keyboard records it as read.
    await expect.poll(async () => lessonOf(await apiProgress(page), MIDDLE.slug)?.readAt ?? null).not.toBeNull();

    // Enter on an entry of the table of contents (its third) jumps to its section and marks it current.
    for (let i = 0; i < 2; i++) expect((await press(page)).area).toBe("On this page");
    const tocLink = await page.evaluate(() => document.activeElement!.getAttribute("href")!);
    expect(tocLink).toMatch(/^#/);
    await page.keyboard.press("Enter");
    await page.waitForURL(`**${tocLink}`);
    await expect.poll(() => page.evaluate((id) => Math.round(document.getElementById(id)!.getBoundingClientRect().top), tocLink.slice(1))).toBeLessThan(300);
    await expect.poll(() => page.getByRole("navigation", { name: "On this page" }).locator(`a[href="${tocLink}"]`).getAttribute("aria-current")).toBe("location");
    // The keyboard moved there too: the next Tab goes on from that section's heading.
    expect(await press(page)).toMatchObject({ name: "Link to this section", href: tocLink });

    // On to "next"; Enter follows it.
    await walkTo(page, (s) => s.rel === "next", { max: 200 });
    await page.keyboard.press("Enter");
    await page.waitForURL(`**/guides/${GUIDE}/${MIDDLE.next}`);
    await heading(page, MIDDLE.nextTitle);
    // Screen readers are told where they landed: Next's route announcer says the new title.
    await expect
      .poll(() => page.evaluate(() => document.querySelector("next-route-announcer")?.shadowRoot?.querySelector("[aria-live]")?.textContent ?? ""))
      .toContain(MIDDLE.nextTitle);
    // The lesson just read shows as started in the guide's list (read; its quiz is not passed).
    await expect.poll(() => page.getByRole("navigation", { name: /lessons$/ }).locator(`a[data-lesson="${MIDDLE.slug}"] [data-status]`).getAttribute("data-status")).toBe("started");
  });

  it("takes a quiz by keyboard: arrows and Space choose, Enter submits, the score takes the focus, the explanations follow it; another try, submitted with Space, passes", async () => {
    const page = await open("fresh learner", `${LESSON_PATH}#check-your-understanding`, true);
    const section = quizSection(page);
    const key = quizFile(GUIDE, LESSON);
    await section.getByRole("group").first().waitFor();
    const activeIs = (selector: string) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
    const hint = section.locator("#quiz-submit-hint");

    /** From the focus on a question's first choice: picks the right one (or the first other one), then Tab to what follows. */
    async function answerAll(wrong: number[]): Promise<void> {
      for (let i = 0; i < key.length; i++) {
        const group = section.getByRole("group").nth(i);
        expect(await group.getByRole("radio").first().evaluate((el) => el === document.activeElement), `question ${i + 1} has the focus`).toBe(true);
        const labels = await group.locator("label").allTextContents();
        const right = key[i]!.choices[key[i]!.answer]!;
        const target = labels.findIndex((l) => (wrong.includes(i) ? !l.startsWith(right) : l.startsWith(right)));
        await page.keyboard.press("Space");
        for (let step = 0; step < target; step++) await press(page, "ArrowDown");
        expect(await group.getByRole("radio").nth(target).isChecked()).toBe(true);
        expect(await group.getByRole("radio", { checked: true }).count()).toBe(1);
        await press(page);
      }
    }

    // The fragment took the reader to the quiz: Tab lands on the first question's first choice.
    await press(page);
    expect(await hint.textContent()).toContain(`${key.length} of ${key.length} still open`);
    await answerAll([1]);
    // The hint is a polite live region: it said the quiz can be sent.
    expect(await hint.textContent()).toBe("All questions answered.");
    expect(await hint.getAttribute("aria-live")).toBe("polite");
    expect((await focusStop(page))!.name).toBe("Submit answers");
    await page.keyboard.press("Enter");

    const score = section.getByTestId("quiz-score");
    await expect.poll(() => score.textContent()).toContain(`You scored ${key.length - 1}/${key.length}`);
    // The score is a status message and takes the focus: it is read out at once.
    await focusMovesTo(page, /^You scored/);
    expect(await activeIs("[data-testid='quiz-score']")).toBe(true);
    expect(await score.getAttribute("role")).toBe("status");
    // What follows the score in reading order: each question marked, and why.
    const wrongOne = section.getByRole("group").nth(1);
    expect(await wrongOne.locator("legend").textContent()).toContain("Incorrect");
    expect(await wrongOne.getByTestId("quiz-explain").textContent()).toContain(key[1]!.explain);
    expect(await wrongOne.locator(".quiz-choice-key").textContent()).toContain("Correct answer");
    expect(await section.locator("[data-testid='quiz-score'] ~ ol [data-testid='quiz-explain']").count()).toBeGreaterThan(0);

    // The answered questions are closed: the next stop is "Try again"; Enter starts a new attempt
    // and the focus goes to its first line.
    expect((await press(page)).name).toBe("Try again");
    await page.keyboard.press("Enter");
    await focusMovesTo(page, /^Pick one answer per question/);
    expect(await section.getByRole("radio", { checked: true }).count()).toBe(0);
    await press(page);
    await answerAll([]);
    expect((await focusStop(page))!.name).toBe("Submit answers");
    await page.keyboard.press("Space");
    await expect.poll(() => score.textContent()).toContain(`You scored ${key.length}/${key.length} — passed`);
    await focusMovesTo(page, /^You scored/);
    expect(await activeIs("[data-testid='quiz-score']")).toBe(true);

    // The server has both attempts and the pass.
    const mine = lessonOf(await apiProgress(page), LESSON)!;
    expect(mine.quiz).toMatchObject({ attempts: 2, passed: true, bestScore: key.length });
    await expect.poll(() => section.getByTestId("attempt-list").locator("li").count()).toBe(2);
  });

  it("answers 'Was this page helpful?' by keyboard: No with a reason and a comment, then changed to Yes", async () => {
    const lesson = "consumer-lag";
    const page = await open("fresh learner", `/guides/${GUIDE}/${lesson}#rating-heading`);
    const panel = page.getByTestId("page-rating");
    await panel.getByRole("button", { name: "No" }).waitFor();
    const stored = () => page.evaluate(async (l) => ((await (await fetch(`/api/guides/kafka/lessons/${l}/rating`)).json()) as { rating: { helpful: boolean; reason: string | null; comment: string | null } | null }).rating, lesson);

    expect((await press(page)).name).toBe("Yes");
    expect((await press(page)).name).toBe("No");
    await page.keyboard.press("Enter");
    // The vote is saved at once; the focus goes to the follow-up question.
    await focusMovesTo(page, "Sorry about that. What was wrong? (optional)");
    await expect.poll(stored).toMatchObject({ helpful: false, reason: null });
    expect(await panel.getByRole("button", { name: "No" }).getAttribute("aria-pressed")).toBe("true");

    // The reasons are one radio group: Tab into it, arrows choose.
    expect((await press(page)).name).toBe("Inaccurate");
    expect((await press(page, "ArrowDown")).name).toBe("Hard to understand");
    expect(await panel.getByRole("radio", { name: "Hard to understand" }).isChecked()).toBe(true);
    expect((await press(page)).name).toBe("Comment (optional)");
    const comment = "The lag graph needs a legend.";
    await page.keyboard.type(comment);
    expect(await panel.getByText(`${comment.length} / 1000 characters`).count()).toBe(1);
    expect((await press(page)).name).toBe("Send feedback");
    await page.keyboard.press("Enter");
    await focusMovesTo(page, "Thanks for your feedback!");
    expect(await panel.getByText("Thanks for your feedback!").getAttribute("role")).toBe("status");
    expect(await stored()).toMatchObject({ helpful: false, reason: "unclear", comment });

    // Changed: the focus goes back to the choices; Yes replaces the vote; Skip ends.
    expect((await press(page)).name).toBe("Change your answer");
    await page.keyboard.press("Enter");
    await focusMovesTo(page, "Yes");
    await page.keyboard.press("Enter");
    await focusMovesTo(page, "Thanks! Anything we could do better? (optional)");
    await walkTo(page, named("Skip"), { max: 3 });
    await page.keyboard.press("Enter");
    await focusMovesTo(page, "Thanks for your feedback!");
    expect(await panel.getByTestId("rating-vote").textContent()).toBe("You found this page helpful.");
    expect(await stored()).toMatchObject({ helpful: true, reason: null, comment: null });
  });

  it("drives a 'try it' panel by keyboard: Tab starts it and goes in, a scenario button, a terminal command, undo, reset with its confirmation", async () => {
    const context = await contextFor("fresh learner", true);
    const page = await context.newPage();
    // Every element that gets the focus, even for a moment, in order.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __focused: string[] }).__focused = seen;
      document.addEventListener("focusin", (e) => {
        const el = e.target as HTMLElement;
        seen.push(`${el.closest("[data-try-it]")?.getAttribute("data-try-it") ?? ""}|${el.getAttribute("aria-label") ?? el.textContent?.trim() ?? ""}`);
      });
    });
    const sessions = new Map<string, string>();
    page.on("response", async (r) => {
      if (r.request().method() === "POST" && r.url().endsWith("/api/sim/sessions") && r.ok()) {
        const body = (await r.json().catch(() => null)) as { sessionId: string } | null;
        if (body) sessions.set((JSON.parse(r.request().postData()!) as { scenario: string }).scenario, body.sessionId);
      }
    });
    await page.goto(`${baseUrl()}${LESSON_PATH}`);
    expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
    await quizSection(page).getByRole("group").first().waitFor();

    // Down the lesson until the focus enters a panel that was not running yet: moving onto its
    // "Start the simulator" button starts it (the button scrolls into view, which loads the
    // panel), and the focus follows into the panel it started. (A panel that loaded as the focus
    // came near is simply tabbed through.)
    const stops = await walkTo(page, (s) => s.area.startsWith("panel:") && s.name === "Simulator", { max: 150 });
    const scenario = stops.at(-1)!.area.slice("panel:".length);
    const focused = await page.evaluate(() => (window as unknown as { __focused: string[] }).__focused);
    expect(focused.slice(-2), "the start button, then the panel it started").toEqual([`${scenario}|Start the simulator`, `${scenario}|Simulator`]);
    const panel = page.locator(`[data-try-it="${scenario}"] [data-try-it-panel]`);
    const version = async () => Number(await panel.getAttribute("data-version"));
    const announcement = async () => ((await panel.locator("[data-announcement]").textContent()) ?? "").trim();
    expect(await version()).toBe(0);

    // A scenario button, by Enter.
    const control = (await panel.locator("[data-controls] button:not([aria-disabled='true'])").first().textContent())!.trim();
    await walkTo(page, named(control), { max: 15 });
    await page.keyboard.press("Enter");
    await expect.poll(version).toBe(1);
    expect(await announcement()).not.toBe("");
    expect((await focusStop(page))!.name).toBe(control);

    // A command typed in the terminal, run by Enter.
    await walkTo(page, named("Command"), { max: 40 });
    await page.keyboard.type("kafka-topics.sh --bootstrap-server localhost:9092 --list");
    await page.keyboard.press("Enter");
    const output = panel.getByRole("log", { name: "Terminal output" });
    await expect.poll(() => output.locator("[data-terminal-entry]").count()).toBe(1);
    expect(await output.textContent()).toContain("$ kafka-topics.sh --bootstrap-server localhost:9092 --list");
    await expect.poll(version).toBe(2);
    expect((await focusStop(page))!.name).toBe("Command");

    // Back up to "Undo last step": Enter undoes the terminal's step; the focus stays.
    await walkTo(page, named("Undo last step"), { key: "Shift+Tab", max: 40 });
    await page.keyboard.press("Enter");
    await expect.poll(version).toBe(1);
    expect(await announcement()).toBe("The last step was undone.");
    expect((await focusStop(page))!.name).toBe("Undo last step");

    // Reset asks first, with the focus on "Yes, reset"; Escape cancels and the focus returns to Reset.
    expect((await press(page)).name).toBe("Reset");
    await page.keyboard.press("Enter");
    await panel.getByRole("group", { name: "Confirm reset" }).waitFor();
    await focusMovesTo(page, "Yes, reset");
    await page.keyboard.press("Escape");
    await focusMovesTo(page, "Reset");
    expect(await version()).toBe(1);
    // Again, confirmed by Enter: back to the start, the focus back on Reset.
    await page.keyboard.press("Enter");
    await focusMovesTo(page, "Yes, reset");
    await page.keyboard.press("Enter");
    await expect.poll(version).toBe(0);
    expect(await announcement()).toBe("The panel is back at the scenario's start. Goals you reached stay reached.");
    await focusMovesTo(page, "Reset");

    // The server has the session back at its start.
    const id = sessions.get(scenario)!;
    expect(id).toBeTruthy();
    const stored = await page.evaluate(async (sid) => ((await (await fetch(`/api/sim/sessions/${sid}`)).json()) as { version: number }).version, id);
    expect(stored).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
