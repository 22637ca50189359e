/**
 * Cohorts in Chromium, against the real app:
 *  - the demo instructor creates a cohort from the cohorts page; a learner opens its join link
 *    signed out, signs in (and comes back), joins, takes the first Kafka quiz through the lesson
 *    page, and the instructor sees the attempt in the progress matrix, downloads it as CSV, sorts
 *    the matrix and removes the learner from their page;
 *  - the matrix's filters form (name or e-mail, inactivity, lesson status, phase, clear) and the
 *    learner drill-down with every answer of an attempt;
 *  - the seeded demo cohort: a learner's "try it" session replayed step by step (buttons and the
 *    keyboard alone), the progress page's charts, and the Questions and Page feedback tabs; every
 *    chart is hidden from screen readers and repeats its numbers in a table hidden from sight;
 *  - learners who open an instructor's page are sent to the forbidden page.
 * axe finds no serious or critical violation on any of these pages.
 *
 * Sign-ins are rate limited per account, and other files sign the demo instructor in too: this
 * file signs them in once (beforeAll) and every instructor step drives that one page. Learners
 * are new accounts, each with its own budget.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { seriousViolations } from "./helpers/axe";
import { hasChromium, useBrowser } from "./helpers/browser";
import { attemptAnswers, barChartNumbers, chartFigure, countsOf, dailyChartNumbers, downloadByClicking, isVisuallyHidden, csvRecords, recordsPerPartition, type ChartNumbers, type ShownAnswer } from "./helpers/cohort-pages";
import { baseUrl, newLearner, type Client } from "./helpers/http-client";
import { answersFor, loadQuiz, quizFile, quizPath } from "./helpers/quiz";

const INSTRUCTOR = { email: "instructor@example.com", password: "demo-instructor-2026" };
const DEMO_COHORT = "Kafka guide: demo class";
/** The first Kafka lesson and its quiz (four questions) with the answer key. */
const FIRST_LESSON = { slug: "the-log", path: "/guides/kafka/the-log", title: "The Log: Kafka's Core Idea" };
const FIRST_QUIZ = quizFile("kafka", FIRST_LESSON.slug);
const rightChoice = (i: number) => FIRST_QUIZ[i]!.choices[FIRST_QUIZ[i]!.answer]!;

type Learner = Awaited<ReturnType<typeof newLearner>>;

describe.skipIf(!hasChromium)("cohorts in Chromium", () => {
  const browser = useBrowser();
  /** The demo instructor, signed in once for the whole file. */
  let instructor: Page;

  async function newPage(): Promise<Page> {
    return (await browser().newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  }

  async function signedIn(email: string, password: string, path: string): Promise<Page> {
    const page = await newPage();
    await page.goto(`${baseUrl()}/sign-in?callbackUrl=${encodeURIComponent(path)}`);
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`**${path}`);
    return page;
  }

  beforeAll(async () => {
    instructor = await signedIn(INSTRUCTOR.email, INSTRUCTOR.password, "/instructor/cohorts");
  });
  afterAll(async () => {
    await instructor?.context().close();
  });

  /** Creates a cohort from the cohorts page, leaving the instructor on its page; its id and join link. */
  async function createCohort(name: string): Promise<{ id: string; joinLink: string; joinCode: string }> {
    await instructor.goto(`${baseUrl()}/instructor/cohorts`);
    await instructor.getByLabel("Name").fill(name);
    await instructor.getByRole("button", { name: "Create the cohort" }).click();
    await instructor.getByRole("heading", { level: 1, name }).waitFor();
    const id = /\/instructor\/cohorts\/([^/?]+)$/.exec(new URL(instructor.url()).pathname)![1]!;
    const joinLink = (await instructor.locator("[data-join-link]").textContent())!.trim();
    return { id, joinLink, joinCode: joinLink.split("/").at(-1)! };
  }

  /** Opens a cohort's progress page (no filters). */
  async function openCohort(id: string): Promise<void> {
    await instructor.goto(`${baseUrl()}/instructor/cohorts/${id}`);
    await instructor.getByRole("navigation", { name: "Cohort pages" }).waitFor();
  }

  /** Opens the seeded demo cohort from the cohorts page; returns its id. */
  async function openDemoCohort(): Promise<string> {
    await instructor.goto(`${baseUrl()}/instructor/cohorts`);
    await instructor.getByRole("link", { name: DEMO_COHORT }).click();
    await instructor.getByRole("heading", { level: 1, name: DEMO_COHORT }).waitFor();
    return new URL(instructor.url()).pathname.split("/").at(-1)!;
  }

  const matrixRow = (email: string): Locator => instructor.locator(`[data-matrix-row="${email}"]`);
  const matrixEmails = (): Promise<string[]> => instructor.locator("[data-matrix-row]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-matrix-row")!).sort());
  const lessonStatuses = (email: string): Promise<string[]> => matrixRow(email).locator("[data-status]").evaluateAll((cells) => cells.map((c) => c.getAttribute("data-status")!));

  /**
   * On a lesson page, answers its quiz through the radios (the right choice, or the first other one
   * for the questions in `wrong`) and submits; returns the score line.
   */
  async function takeQuizInBrowser(page: Page, wrong: number[]): Promise<string> {
    const section = page.getByRole("region", { name: /Check your understanding/ });
    const questions = section.getByRole("group");
    await questions.first().waitFor();
    for (let i = 0; i < FIRST_QUIZ.length; i++) {
      const labels = await questions.nth(i).locator("label").allTextContents();
      const pick = labels.findIndex((l) => (wrong.includes(i) ? !l.startsWith(rightChoice(i)) : l.startsWith(rightChoice(i))));
      await questions.nth(i).getByRole("radio").nth(pick).check();
    }
    await section.getByRole("button", { name: "Submit answers" }).click();
    const score = section.getByTestId("quiz-score");
    await score.waitFor();
    return (await score.textContent())!;
  }

  /** Joins a cohort by its code over the API, as the join page does. */
  async function joinOverApi(client: Client, joinCode: string): Promise<void> {
    const res = await client.request("/api/cohorts/join", { method: "POST", json: { code: joinCode } });
    expect(res.status, await res.clone().text()).toBe(200);
  }

  /** Submits the first lesson's quiz over the API, wrong in the questions `wrong`; returns each answer as the learner's page should show it. */
  async function submitFirstQuizOverApi(client: Client, wrong: number[]): Promise<ShownAnswer[]> {
    const served = await loadQuiz(client, "kafka", FIRST_LESSON.slug);
    const answers = answersFor(served, FIRST_QUIZ, wrong);
    const res = await client.request(`${quizPath("kafka", FIRST_LESSON.slug)}/attempts`, { method: "POST", json: { attemptKey: served.attemptKey, answers } });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    return served.questions.map((q, i) => ({ question: q.q, chose: q.choices[answers[i]!]!, result: wrong.includes(i) ? "wrong" : "correct" }));
  }

  it("an instructor creates a cohort, a learner joins by its link and takes a quiz, the instructor sees it, downloads it and removes them", async () => {
    await instructor.goto(`${baseUrl()}/instructor/cohorts`);
    expect(await seriousViolations(instructor)).toEqual([]);
    const name = `Browser class ${Date.now()}`;
    const cohort = await createCohort(name);
    expect(cohort.joinLink).toMatch(new RegExp(`^${baseUrl()}/join/[A-Z2-9]{10}$`));
    expect(await seriousViolations(instructor)).toEqual([]);

    const learner = await newLearner("joins-by-link");
    const page = await newPage();
    await page.goto(cohort.joinLink);
    await page.getByRole("heading", { level: 1, name }).waitFor();
    expect(await page.getByText("Ivan Instructor invites you").count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "Sign in to join" }).click();
    await page.getByLabel("E-mail").fill(learner.email);
    await page.getByLabel("Password").fill(learner.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(cohort.joinLink);
    await page.getByRole("button", { name: "Join the cohort" }).click();
    await page.getByRole("status").getByText(`You joined ${name}.`).waitFor();
    expect(await page.getByRole("link", { name: "Start the guide" }).getAttribute("href")).toBe("/guides/kafka");

    // The progress matrix: one row for the learner, every lesson not started yet.
    await instructor.reload();
    await matrixRow(learner.email).waitFor();
    const before = await lessonStatuses(learner.email);
    expect(before.length).toBeGreaterThan(5);
    expect(new Set(before)).toEqual(new Set(["not-started"]));

    // The learner takes the first lesson's quiz: three right, the last one wrong.
    await page.goto(`${baseUrl()}${FIRST_LESSON.path}`);
    expect(await takeQuizInBrowser(page, [3])).toContain("You scored 3/4");

    // The instructor sees the attempt: the first lesson is under way, with its best score.
    await instructor.reload();
    const firstCell = matrixRow(learner.email).locator("[data-status]").first();
    await firstCell.waitFor();
    expect(await firstCell.getAttribute("data-status")).not.toBe("not-started");
    expect(await firstCell.textContent()).not.toContain("not started");
    expect(await firstCell.textContent()).toContain("3/4");
    expect(new Set((await lessonStatuses(learner.email)).slice(1))).toEqual(new Set(["not-started"]));

    // The attempts CSV, downloaded by its link: one row per answered question of that attempt.
    const csv = await downloadByClicking(instructor.getByRole("link", { name: "attempts", exact: true }));
    expect(csv.name).toBe(`cohort-${cohort.id}-attempts.csv`);
    const rows = csvRecords(csv.text);
    expect(rows).toHaveLength(FIRST_QUIZ.length);
    expect(new Set(rows.map((r) => r.email))).toEqual(new Set([learner.email]));
    expect(new Set(rows.map((r) => r.attempt_id)).size).toBe(1);
    expect(rows.map((r) => [r.lesson, r.attempt_score, r.attempt_total])).toEqual(rows.map(() => [FIRST_LESSON.slug, "3", "4"]));
    expect(rows.map((r) => r.correct)).toEqual(["true", "true", "true", "false"]);

    // Sortable by link.
    await instructor.getByRole("link", { name: "Sort by Complete" }).click();
    await instructor.waitForURL(/sort=complete&dir=asc/);
    expect(await instructor.getByRole("columnheader", { name: /Complete/ }).getAttribute("aria-sort")).toBe("ascending");
    expect(await seriousViolations(instructor)).toEqual([]);

    // Removed from their own page (the matrix's name links there), back to an empty cohort.
    await matrixRow(learner.email).getByRole("link", { name: "Test Learner" }).click();
    await instructor.waitForURL(`**/instructor/cohorts/${cohort.id}/learners/${learner.id}`);
    await instructor.getByRole("button", { name: "Remove from this cohort" }).click();
    await instructor.getByRole("group", { name: "Remove Test Learner?" }).getByRole("button", { name: "Yes, remove" }).click();
    await instructor.waitForURL(`**/instructor/cohorts/${cohort.id}`);
    await instructor.getByText("Nobody has joined yet.").waitFor();
    expect(await instructor.locator("[data-matrix-row]").count()).toBe(0);
    await page.context().close();
  });

  describe("a cohort of two learners, one of whom has taken the first quiz", () => {
    let cohortId: string;
    let quizTaker: Learner;
    let other: Learner;
    /** The quiz taker's answers, as their page should list them (the second one wrong). */
    let answered: ShownAnswer[];

    beforeAll(async () => {
      const cohort = await createCohort(`Filtered class ${Date.now()}`);
      cohortId = cohort.id;
      [quizTaker, other] = await Promise.all([newLearner("took-the-quiz"), newLearner("not-yet")]);
      for (const learner of [quizTaker, other]) await joinOverApi(learner.client, cohort.joinCode);
      answered = await submitFirstQuizOverApi(quizTaker.client, [1]);
    });

    it("filters the matrix by name or e-mail, inactivity, lesson status and phase, says when nobody matches, and clears the filters", async () => {
      await openCohort(cohortId);
      const filters = instructor.locator("form[data-filters]");
      expect(await matrixEmails()).toEqual([quizTaker.email, other.email].sort());
      expect(await filters.getByRole("link", { name: "Clear filters" }).count()).toBe(0);

      // By e-mail: only that learner's row, and the filter in the address.
      await filters.getByLabel("Name or e-mail").fill(quizTaker.email);
      await filters.getByRole("button", { name: "Apply" }).click();
      await instructor.waitForURL((url) => url.searchParams.get("q") === quizTaker.email);
      expect(await matrixEmails()).toEqual([quizTaker.email]);
      expect(await filters.getByLabel("Name or e-mail").inputValue()).toBe(quizTaker.email);

      // Inactive for a day or more (or never active): only the learner who has done nothing yet.
      await filters.getByLabel("Name or e-mail").fill("");
      await filters.getByLabel("Inactive for at least (days)").fill("1");
      await filters.getByRole("button", { name: "Apply" }).click();
      await instructor.waitForURL((url) => url.searchParams.get("inactiveDays") === "1" && !url.searchParams.get("q"));
      expect(await matrixEmails()).toEqual([other.email]);

      // By lesson status: only the learner with a passed quiz.
      await filters.getByLabel("Inactive for at least (days)").fill("");
      await filters.getByLabel("With a lesson").selectOption({ label: "quiz passed" });
      await filters.getByRole("button", { name: "Apply" }).click();
      await instructor.waitForURL((url) => url.searchParams.get("status") === "quiz-passed");
      expect(await matrixEmails()).toEqual([quizTaker.email]);

      // The same status in phase 3 only (the quiz taken is in phase 1): nobody.
      await filters.getByLabel("Phase").selectOption({ value: "3" });
      await filters.getByRole("button", { name: "Apply" }).click();
      await instructor.waitForURL((url) => url.searchParams.get("phase") === "3");
      await instructor.getByText("No learner matches these filters.").waitFor();
      expect(await instructor.locator("[data-matrix-row]").count()).toBe(0);
      expect(await instructor.locator("[data-matrix]").isHidden()).toBe(true);
      expect(await seriousViolations(instructor)).toEqual([]);

      await filters.getByRole("link", { name: "Clear filters" }).click();
      await instructor.waitForURL((url) => !url.searchParams.has("phase") && !url.searchParams.has("status") && !url.searchParams.has("q"));
      await matrixRow(other.email).waitFor();
      expect(await matrixEmails()).toEqual([quizTaker.email, other.email].sort());
      expect(await instructor.getByText("No learner matches these filters.").count()).toBe(0);
    });

    it("opens a learner's page from their name in the matrix, listing each answer of their attempt", async () => {
      await openCohort(cohortId);
      await matrixRow(quizTaker.email).getByRole("link", { name: "Test Learner" }).click();
      await instructor.waitForURL(`**/instructor/cohorts/${cohortId}/learners/${quizTaker.id}`);
      await instructor.getByRole("heading", { level: 1, name: "Test Learner" }).waitFor();
      expect(await instructor.locator(`[data-lesson="${FIRST_LESSON.slug}"]`).textContent()).toContain("3/4");

      const attempts = instructor.locator("[data-attempts] > li");
      expect(await attempts.count()).toBe(1);
      expect(await attempts.first().getByRole("heading", { level: 3 }).textContent()).toContain(`${FIRST_LESSON.title}: 3 of 4, passed`);
      expect(await attemptAnswers(attempts.first())).toEqual(answered);
      expect(await seriousViolations(instructor)).toEqual([]);
    });
  });

  describe("the demo cohort", () => {
    let demoId: string;
    beforeAll(async () => {
      demoId = await openDemoCohort();
    });

    it("replays a demo learner's try-it session step by step, with the buttons and with the keyboard alone", async () => {
      await openCohort(demoId);
      await matrixRow("learner@example.com").getByRole("link", { name: "Lena Learner" }).click();
      await instructor.waitForURL(`**/instructor/cohorts/${demoId}/learners/**`);
      await instructor.getByRole("heading", { level: 1, name: "Lena Learner" }).waitFor();

      const session = instructor.locator('[data-session="keys-and-partitions"]');
      const replay = session.locator("[data-replay]");
      const stepLine = session.locator("[data-replay-step]");
      const button = (name: string) => session.getByRole("button", { name });
      const unavailable = async (name: string) => (await button(name).getAttribute("aria-disabled")) === "true";
      const shownStep = async (text: string) => {
        await expect.poll(() => stepLine.textContent()).toBe(text);
      };

      // Opened from the keyboard: Enter on the disclosure's summary.
      await session.getByText("Replay this session step by step").focus();
      await instructor.keyboard.press("Enter");
      await shownStep("Step 0 of 7: The scenario's starting point");
      expect(await unavailable("« Start")).toBe(true);
      expect(await unavailable("Previous")).toBe(true);
      expect(await recordsPerPartition(replay)).toEqual({ "orders-0": 0, "orders-1": 0, "orders-2": 0 });

      // Tab walks the buttons (the unavailable ones stay focusable, marked aria-disabled) to
      // "Next →"; Enter steps on, and the focus stays there.
      for (let i = 0; i < 3; i++) await instructor.keyboard.press("Tab");
      expect(await button("Next →").evaluate((el) => el === document.activeElement)).toBe(true);
      await instructor.keyboard.press("Enter");
      await shownStep('Step 1 of 7: Pressed "p1: send k1"');
      // k1 hashes to partition 2 of 3 (the scenario's first goal says so).
      expect(await recordsPerPartition(replay)).toEqual({ "orders-0": 0, "orders-1": 0, "orders-2": 1 });
      expect(await unavailable("« Start")).toBe(false);
      expect(await unavailable("Previous")).toBe(false);
      await instructor.keyboard.press("Enter");
      await shownStep('Step 2 of 7: Pressed "p1: send k2"');
      const afterK2 = await recordsPerPartition(replay);
      expect(Object.values(afterK2).reduce((a, b) => a + b)).toBe(2);

      // With the mouse: k1 again lands next to the first k1; adding a partition draws a fourth, empty log.
      await button("Next →").click();
      await shownStep('Step 3 of 7: Pressed "p1: send k1"');
      expect(await recordsPerPartition(replay)).toEqual({ ...afterK2, "orders-2": afterK2["orders-2"]! + 1 });
      await button("Next →").click();
      await shownStep('Step 4 of 7: Pressed "Add a partition (3 → 4)"');
      expect(await recordsPerPartition(replay)).toEqual({ ...afterK2, "orders-2": afterK2["orders-2"]! + 1, "orders-3": 0 });
      // "End »" from the keyboard: it becomes unavailable and keeps the focus (nothing is lost to <body>).
      await button("End »").focus();
      await instructor.keyboard.press("Enter");
      await shownStep("Step 7 of 7: $ kafka-topics --bootstrap-server localhost:9092 --describe --topic orders");
      expect(await unavailable("Next →")).toBe(true);
      expect(await unavailable("End »")).toBe(true);
      expect(await button("End »").evaluate((el) => el === document.activeElement)).toBe(true);
      // Pressing an unavailable button does nothing.
      await instructor.keyboard.press("Enter");
      await shownStep("Step 7 of 7: $ kafka-topics --bootstrap-server localhost:9092 --describe --topic orders");
      expect(await seriousViolations(instructor)).toEqual([]);

      await button("« Start").click();
      await shownStep("Step 0 of 7: The scenario's starting point");
      expect(await unavailable("« Start")).toBe(true);
      expect(await unavailable("Previous")).toBe(true);
    });

    /** Checks that a chart is hidden from screen readers and its table from sight, and that both hold the same numbers; returns them. */
    async function chartWithItsTable(figure: Locator, read: (f: Locator) => Promise<ChartNumbers>): Promise<string[]> {
      const numbers = await read(figure);
      expect(numbers.drawn.length).toBeGreaterThan(0);
      expect(numbers.table).toEqual(numbers.drawn);
      expect(await figure.locator("figcaption + [aria-hidden='true']").count()).toBe(1);
      expect(await isVisuallyHidden(figure.getByRole("table"))).toBe(true);
      return numbers.table;
    }

    it("charts completion and activity on the progress page, each with its numbers in a table", async () => {
      await openCohort(demoId);
      const completion = await chartWithItsTable(chartFigure(instructor, "Completion per lesson"), barChartNumbers);
      expect(completion[0]).toMatch(new RegExp(`^${FIRST_LESSON.title}: \\d+%$`));
      expect(completion).toHaveLength(await matrixRow("learner@example.com").locator("[data-status]").count());
      const activity = await chartWithItsTable(chartFigure(instructor, /^Active learners per day \(UTC\), last \d+ days$/), dailyChartNumbers);
      expect(countsOf(activity).some((n) => n > 0)).toBe(true);
    });

    it("shows the questions page: first attempts, facility and the choices picked, charted and in a table", async () => {
      await openCohort(demoId);
      await instructor.getByRole("navigation", { name: "Cohort pages" }).getByRole("link", { name: "Questions" }).click();
      await instructor.waitForURL(`**/instructor/cohorts/${demoId}/questions`);
      const tab = instructor.getByRole("navigation", { name: "Cohort pages" }).getByRole("link", { name: "Questions" });
      expect(await tab.getAttribute("aria-current")).toBe("page");

      const answeredCards = instructor.locator("article[data-question]").filter({ has: instructor.locator("figure") });
      // Both demo learners took the first lesson's quiz: its four questions have two first attempts each.
      const firstLesson = instructor.getByRole("region", { name: FIRST_LESSON.title });
      expect(await firstLesson.locator("[data-responses]").allTextContents()).toEqual(["2", "2", "2", "2"]);
      expect(await firstLesson.locator("article h3").first().textContent()).toBe(FIRST_QUIZ[0]!.q);

      const count = await answeredCards.count();
      expect(count).toBeGreaterThanOrEqual(FIRST_QUIZ.length);
      for (let i = 0; i < count; i++) {
        const card = answeredCards.nth(i);
        const responses = Number(await card.locator("[data-responses]").textContent());
        const choices = await chartWithItsTable(chartFigure(card, "Choices picked on first attempts"), barChartNumbers);
        // Each first attempt picked one choice; exactly one choice is marked as the key, and the
        // facility is the share that picked it.
        expect(countsOf(choices).reduce((a, b) => a + b)).toBe(responses);
        const key = choices.filter((c) => c.includes("(right answer): "));
        expect(key).toHaveLength(1);
        expect(await card.locator("[data-facility]").textContent()).toBe(`${Math.round((countsOf(key)[0]! / responses) * 100)}%`);
      }
      expect(await seriousViolations(instructor)).toEqual([]);
    });

    it("shows the page feedback: the lesson needing attention first, and the learners' comments", async () => {
      await openCohort(demoId);
      await instructor.getByRole("navigation", { name: "Cohort pages" }).getByRole("link", { name: "Page feedback" }).click();
      await instructor.waitForURL(`**/instructor/cohorts/${demoId}/feedback`);

      const attention = instructor.getByRole("region", { name: "Needs attention" });
      expect(await attention.locator("[data-needs-attention] li").allTextContents()).toEqual([expect.stringContaining("Topics and Partitions")]);
      const comments = instructor.locator('[data-comments="topics-and-partitions"]');
      expect(await comments.textContent()).toContain("I lost track of which partition a key goes to once partitions were added.");
      expect(await comments.textContent()).toContain("Leo Learner · not helpful");
      const shares = await chartWithItsTable(chartFigure(instructor, /helpful/), barChartNumbers);
      expect(shares).toContain("Topics and Partitions: 0% of 1");
      expect(await seriousViolations(instructor)).toEqual([]);
    });

    it("fits a 320 px wide window without sideways scrolling (the wide matrix scrolls in its own region)", async () => {
      const size = instructor.viewportSize()!;
      await instructor.setViewportSize({ width: 320, height: 800 });
      try {
        for (const path of ["", "/questions", "/feedback"]) {
          await instructor.goto(`${baseUrl()}/instructor/cohorts/${demoId}${path}`);
          await instructor.getByRole("heading", { level: 1 }).waitFor();
          expect(await instructor.evaluate(() => document.documentElement.scrollWidth), path || "/").toBeLessThanOrEqual(320);
        }
      } finally {
        await instructor.setViewportSize(size);
      }
    });
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
