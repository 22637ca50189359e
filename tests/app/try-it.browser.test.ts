/**
 * The Phase 3 "try it" panels of /guides/kafka/production-reality in Chromium, driven like a
 * learner: buttons and the clock only (time moves only when a clock button is pressed), the
 * keyboard alone, a reload and a second tab, undo and reset, loading on demand, and axe. Each test
 * is a fresh guest (its own browser context), so no two tests share a simulator session.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Locator, Page, Request } from "playwright-core";
import type { MyProgress } from "@/lib/progress/dto";
import { seriousViolations } from "./helpers/axe";
import { hasChromium, useBrowser } from "./helpers/browser";
import { baseUrl } from "./helpers/http-client";

const LESSON = "/guides/kafka/production-reality";
/** Where the lesson page records a visit. */
const VISIT = "/api/guides/kafka/lessons/production-reality/progress";
const PANELS = ["at-least-once", "rebalance-spiral", "retention-and-compaction"] as const;
type PanelId = (typeof PANELS)[number];

interface ScenarioFile {
  title: string;
  goals: { id: string; title: string; explain: string }[];
}
const scenarioFile = (id: PanelId): ScenarioFile => JSON.parse(readFileSync(path.join(process.cwd(), "content", "try-it", `${id}.json`), "utf8")) as ScenarioFile;
const goalOf = (id: PanelId, goal: string) => scenarioFile(id).goals.find((g) => g.id === goal)!;

const TOPICS_DESCRIBE = "kafka-topics.sh --bootstrap-server localhost:9092 --describe --topic payments";

describe.skipIf(!hasChromium)("the Phase 3 try-it panels in Chromium", () => {
  const browser = useBrowser();

  /**
   * A fresh guest on the lesson (its own context: its own cookies, so its own sessions), once the
   * visit is recorded (so the page has hydrated and the reader is a guest).
   */
  async function openLesson(options: { dark?: boolean; onRequest?: (r: Request) => void } = {}): Promise<Page> {
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 }, colorScheme: options.dark ? "dark" : "light" });
    const page = await context.newPage();
    if (options.onRequest) page.on("request", options.onRequest);
    const visit = page.waitForResponse((r) => r.request().method() === "PUT" && r.url().endsWith(VISIT));
    await page.goto(`${baseUrl()}${LESSON}`);
    expect((await visit).status()).toBe(200);
    return page;
  }

  const section = (page: Page, id: PanelId): Locator => page.locator(`[data-try-it="${id}"]`);

  /** Scrolls the panel into view until its live part has loaded (it loads when it comes near the viewport). */
  async function panel(page: Page, id: PanelId): Promise<Locator> {
    const live = section(page, id).locator("[data-try-it-panel]");
    await expect
      .poll(async () => {
        await section(page, id).scrollIntoViewIfNeeded();
        return live.count();
      })
      .toBe(1);
    return live;
  }

  interface Shown {
    version: string | null;
    announcement: string;
    alert: string;
  }
  async function shown(p: Locator): Promise<Shown> {
    const alerts = await p.getByRole("alert").allTextContents();
    return { version: await p.getAttribute("data-version"), announcement: (await p.locator("[data-announcement]").textContent()) ?? "", alert: alerts.join(" ") };
  }
  const version = async (p: Locator): Promise<number> => Number(await p.getAttribute("data-version"));

  const button = (p: Locator, name: string | RegExp): Locator => p.getByRole("button", { name, exact: true });

  /**
   * Presses a button (a click, or Enter/Space on it when it already has the focus) and waits until
   * the panel answered: a new version, a new announcement or a new alert.
   */
  async function act(p: Locator, name: string | RegExp, key?: "Enter" | "Space"): Promise<Shown> {
    const before = await shown(p);
    if (key) await p.page().keyboard.press(key);
    else {
      // A button that cannot act now stays clickable (it says why); playwright would wait for it to be enabled.
      const b = button(p, name);
      await b.click({ force: (await b.getAttribute("aria-disabled")) === "true" });
    }
    await expect.poll(async () => JSON.stringify(await shown(p)) !== JSON.stringify(before), { message: `the panel did not answer "${String(name)}"` }).toBe(true);
    return before;
  }

  /** Presses a button and checks that it was one more step of the session (version + 1, no alert). */
  async function press(p: Locator, name: string | RegExp, key?: "Enter" | "Space"): Promise<void> {
    const before = await act(p, name, key);
    const after = await shown(p);
    expect(after.alert, `"${String(name)}" failed`).toBe("");
    expect(Number(after.version), `"${String(name)}"`).toBe(Number(before.version) + 1);
  }

  /** The live region's text (a repeated announcement differs by a trailing no-break space: trimmed). */
  const announcement = async (p: Locator) => ((await p.locator("[data-announcement]").textContent()) ?? "").trim();
  /** The timeline's lines without their time stamps. */
  const timeline = async (p: Locator) => (await p.locator("[data-timeline] li").allTextContents()).map((l) => l.replace(/^\d+\.\d s /, ""));
  const clock = async (p: Locator) => (await p.locator("[data-clock]").textContent())!.replace(/^\D*t = /, "t = ");
  const status = (p: Locator, consumer: string) => p.locator(`[data-consumer="${consumer}"] [data-status]`).getAttribute("data-status");
  const owns = (p: Locator, consumer: string) => p.locator(`[data-consumer="${consumer}"] td`).nth(2).textContent();
  /** A sink's rows as "key=value by client", a duplicate marked with " (duplicate)". */
  async function sinkRows(p: Locator, sink: string): Promise<string[]> {
    return p.locator(`[data-sink="${sink}"] tbody tr`).evaluateAll((rows) =>
      rows.map((r) => {
        const cells = [...r.querySelectorAll("td")].map((c) => c.textContent ?? "");
        if (cells.length === 1) return cells[0]!;
        return `${cells[0]}=${cells[1]} by ${cells[3]}${r.hasAttribute("data-duplicate") ? " (duplicate)" : ""}`;
      }),
    );
  }
  const goal = (p: Locator, id: string) => p.locator(`[data-goal="${id}"]`);
  const reached = (p: Locator, id: string) => goal(p, id).getAttribute("data-reached");
  /** The header line of a partition's log ("readings-0 · log start 3 · log end 4 · 1 segment"). */
  const logHeader = (p: Locator, partition: string) => p.locator(`[data-partition="${partition}"] p`).first().textContent();
  const offsets = (p: Locator, partition: string) => p.locator(`[data-partition="${partition}"] [data-offset]:not([data-log-end])`).evaluateAll((cells) => cells.map((c) => Number(c.getAttribute("data-offset"))));
  const segmentStarts = (p: Locator, partition: string) => p.locator(`[data-partition="${partition}"] [data-segment-start]`).evaluateAll((cells) => cells.map((c) => Number(c.getAttribute("data-segment-start"))));

  /** The try-it goals the progress API has for the lesson, asked from inside the page (same cookies). */
  async function tryItGoals(page: Page): Promise<string[]> {
    const mine = await page.evaluate(async () => (await (await fetch("/api/me/progress")).json()) as MyProgress);
    return mine.guides.find((g) => g.guide === "kafka")?.lessonProgress.find((l) => l.lesson === "production-reality")?.tryItGoals ?? [];
  }

  /** Runs a line in the panel's terminal (typed, then Enter) and returns what the terminal output shows. */
  async function runInTerminal(p: Locator, line: string): Promise<string> {
    const input = p.getByRole("textbox", { name: "Command" });
    const output = p.getByRole("log", { name: "Terminal output" });
    const entries = await output.locator("[data-terminal-entry]").count();
    await input.fill(line);
    await input.press("Enter");
    await expect.poll(() => output.locator("[data-terminal-entry]").count()).toBe(entries + 1);
    return output.locator("[data-terminal-entry]").last().innerText();
  }

  /** What has the keyboard focus: its label, or its text. */
  const focused = (page: Page) => page.evaluate(() => {
    const el = document.activeElement;
    return el ? (el.getAttribute("aria-label") ?? el.textContent ?? "").trim() : "";
  });

  /** Presses Tab until `name` has the focus (at most `max` times); fails with the stops it made. */
  async function tabTo(page: Page, name: string, max = 15): Promise<void> {
    const stops: string[] = [];
    for (let i = 0; i < max; i++) {
      await page.keyboard.press("Tab");
      stops.push(await focused(page));
      if (stops.at(-1) === name) return;
    }
    expect.fail(`Tab did not reach "${name}"; it went to: ${stops.join(" → ")}`);
  }

  it("at-least-once: a crash between processing and committing charges twice; an upsert makes the repeat harmless", async () => {
    const page = await openLesson();
    const p = await panel(page, "at-least-once");
    expect(await version(p)).toBe(0);
    // Nothing charged yet: the sink's table appears with its first row.
    expect(await p.locator("[data-sink]").count()).toBe(0);

    await press(p, "c1: poll");
    expect(await timeline(p)).toContain("c1 reads offsets 0–1 from payments-0");
    await press(p, "c1: charge the cards");
    expect(await sinkRows(p, "charges")).toEqual(["A100=42 by c1", "A101=17 by c1"]);
    await press(p, "c1: crash");
    expect(await status(p, "c1")).toBe("crashed");
    // The group has not noticed yet: c2 still owns nothing, and nothing happens until the clock moves.
    expect(await owns(p, "c2")).toBe("nothing");
    await press(p, "To next event (45 s)");
    expect(await clock(p)).toBe("t = 45 s");
    expect(await timeline(p)).toContain("billing: c1 session timed out (no heartbeat) → removed");
    await press(p, "c2: poll");
    expect(await owns(p, "c2")).toBe("payments-0");
    expect(await timeline(p)).toContain("c2 starts payments-0 at 0 (no committed offset → auto.offset.reset)");
    expect(await reached(p, "charged-twice")).toBe("false");
    await press(p, "c2: charge the cards");

    expect(await sinkRows(p, "charges")).toEqual(["A100=42 by c1", "A101=17 by c1", "A100=42 by c2 (duplicate)", "A101=17 by c2 (duplicate)"]);
    expect(await p.locator('[data-sink="charges"] caption').textContent()).toBe('Table "charges": 4 row(s)❌ 2 duplicate(s)');
    expect(await timeline(p)).toContain("c2 writes A100 to charges AGAIN → twice ❌");
    expect(await reached(p, "charged-twice")).toBe("true");
    expect(await goal(p, "charged-twice").textContent()).toContain(goalOf("at-least-once", "charged-twice").explain);
    expect(await announcement(p)).toContain(`Goal reached: ${goalOf("at-least-once", "charged-twice").title}`);
    expect(await reached(p, "duplicate-harmless")).toBe("false");

    // The insert rows stay in the table, so the learner starts over (goals stay reached) and
    // redeploys both consumers with an upsert before the same crash.
    await button(p, "Reset").click();
    await act(p, "Yes, reset");
    expect(await version(p)).toBe(0);
    expect(await reached(p, "charged-twice")).toBe("true");
    for (const step of ["c1: upsert by payment id", "c2: upsert by payment id", "c1: poll", "c1: charge the cards", "c1: crash", "To next event (45 s)", "c2: poll"]) await press(p, step);
    expect(await timeline(p)).toEqual(expect.arrayContaining(["c1 now upserts into charges by key", "c2 now upserts into charges by key", "c1 CRASHES (no commit, no LeaveGroup)"]));
    await press(p, "c2: charge the cards");

    expect(await sinkRows(p, "charges")).toEqual(["A100=42 by c2", "A101=17 by c2"]);
    expect(await p.locator('[data-sink="charges"] tbody td:last-child').allTextContents()).toEqual(["✅ overwritten 1×, still one row", "✅ overwritten 1×, still one row"]);
    expect(await p.locator('[data-sink="charges"] [data-duplicate]').count()).toBe(0);
    expect(await timeline(p)).toContain("c2 upserts A100 into charges (same row, harmless) ✅");
    expect(await reached(p, "duplicate-harmless")).toBe("true");
    expect(await goal(p, "duplicate-harmless").textContent()).toContain(goalOf("at-least-once", "duplicate-harmless").explain);
    await expect.poll(() => tryItGoals(page)).toEqual(["at-least-once:charged-twice", "at-least-once:duplicate-harmless"]);
    await page.context().close();
  });

  it("rebalance-spiral: the slow consumer is thrown out, its commit fails, the labels print twice; c2's small batches fix it", async () => {
    const page = await openLesson();
    const p = await panel(page, "rebalance-spiral");

    await press(p, "c1: poll");
    expect(await timeline(p)).toContain("c1 reads offsets 0–4 from orders-0");
    await press(p, "c1: print the labels (15 s)");
    expect(await status(p, "c1")).toBe("busy");
    expect(await p.locator('[data-consumer="c1"] td').nth(3).textContent()).toBe("processing until 15 s");
    // 10 s after its last poll, while it is still printing, c1 leaves the group.
    await press(p, "To next event (10 s)");
    expect(await timeline(p)).toEqual(expect.arrayContaining(["c1 is out of the group: its next commit will fail", "shipping: c1 took longer than max.poll.interval.ms → left the group"]));
    expect(await reached(p, "kicked-out")).toBe("true");
    expect(await p.locator('[data-group="shipping"]').textContent()).toContain("0 member(s)");
    await press(p, "To next event (15 s)");
    expect(await sinkRows(p, "labels")).toHaveLength(5);
    await press(p, "c1: commit");
    expect(await timeline(p)).toContain("c1: CommitFailedException ❌");
    expect(await p.locator("[data-timeline] li", { hasText: "CommitFailedException" }).getAttribute("class")).toContain("text-red-800");
    expect(await reached(p, "reprocessed")).toBe("false");

    // The spiral: c1 rejoins from the same (never moved) offset, is too slow again, prints again.
    await press(p, "c1: poll");
    expect(await timeline(p)).toContain("c1 starts orders-0 at 0 (no committed offset → auto.offset.reset)");
    await press(p, "c1: print the labels (15 s)");
    await press(p, "To next event (25 s)");
    await press(p, "To next event (30 s)");
    const labels = await sinkRows(p, "labels");
    expect(labels).toHaveLength(10);
    expect(labels.slice(5)).toEqual(["o-1=2 books by c1 (duplicate)", "o-2=1 lamp by c1 (duplicate)", "o-3=4 mugs by c1 (duplicate)", "o-4=1 desk by c1 (duplicate)", "o-5=3 pens by c1 (duplicate)"]);
    expect(await reached(p, "reprocessed")).toBe("true");
    expect(await goal(p, "reprocessed").textContent()).toContain(goalOf("rebalance-spiral", "reprocessed").explain);

    // The fix: stop c1, let c2 (two orders per poll) do the work inside max.poll.interval.ms.
    await press(p, "c1: stop");
    expect(await status(p, "c1")).toBe("closed");
    await press(p, "c2: poll");
    expect(await owns(p, "c2")).toBe("orders-0");
    expect(await timeline(p)).toContain("c2 reads offsets 0–1 from orders-0");
    await press(p, "c2: print the labels (6 s)");
    expect(await reached(p, "in-time")).toBe("false");
    await press(p, "To next event (36 s)");
    await press(p, "c2: commit");
    expect(await timeline(p)).toContain("c2 commits orders-0 → 2");
    expect((await timeline(p)).filter((l) => l.includes("c2 took longer"))).toEqual([]);
    expect(await status(p, "c2")).toBe("active");
    expect(await owns(p, "c2")).toBe("orders-0");
    expect(await p.locator('[data-partition="orders-0"]').textContent()).toContain("shipping committed 2");
    expect(await reached(p, "in-time")).toBe("true");
    await expect.poll(() => tryItGoals(page)).toEqual(["rebalance-spiral:kicked-out", "rebalance-spiral:reprocessed", "rebalance-spiral:in-time"]);
    await page.context().close();
  });

  it("retention-and-compaction: the clock deletes a segment and moves the log start, a replay from 0 resets to it, the cleaner compacts", async () => {
    const page = await openLesson();
    const p = await panel(page, "retention-and-compaction");
    expect(await logHeader(p, "readings-0")).toBe("readings-0 · log start 0 · log end 3 · 1 segment");

    await press(p, "r1: poll readings");
    expect(await timeline(p)).toContain("r1 reads offsets 0–1 from readings-0");

    // Compaction: a new u1 rolls profiles' segment; the cleaner's next look (15 s) drops u1=Oslo.
    await press(p, "p1: u1 moves to Tromsø");
    expect(await segmentStarts(p, "profiles-0")).toEqual([0, 3]);
    expect(await offsets(p, "profiles-0")).toEqual([0, 1, 2, 3]);
    await press(p, "To next event (15 s)");
    expect(await timeline(p)).toContain("cleaner compacts profiles-0: 1 record(s) removed, offsets keep their gaps");
    expect(await offsets(p, "profiles-0")).toEqual([1, 2, 3]);
    expect(await reached(p, "compacted")).toBe("true");
    const read = await runInTerminal(p, "kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic profiles --from-beginning --property print.key=true --property print.offset=true");
    expect(read).toContain("\nOffset:1\tu2\tLima\nOffset:2\tu1\tBergen\nOffset:3\tu1\tTromsø\nProcessed a total of 3 messages");
    expect(read).not.toContain("Oslo");

    // Retention: a new reading goes to a new segment; nothing is deleted until the first segment's
    // newest record is older than retention.ms (60 s).
    await press(p, "p1: send a reading");
    expect(await segmentStarts(p, "readings-0")).toEqual([0, 3]);
    await press(p, "+10 s");
    expect(await clock(p)).toBe("t = 25 s");
    expect(await logHeader(p, "readings-0")).toBe("readings-0 · log start 0 · log end 4 · 2 segments");
    expect(await reached(p, "log-start-moved")).toBe("false");
    await press(p, "To next event (61 s)");
    expect(await timeline(p)).toContain("retention deletes 1 segment(s) of readings-0 (retention.ms) → log start offset 3");
    expect(await logHeader(p, "readings-0")).toBe("readings-0 · log start 3 · log end 4 · 1 segment");
    expect(await offsets(p, "readings-0")).toEqual([3]);
    expect(await reached(p, "log-start-moved")).toBe("true");
    // r1's position (2) is gone: the next poll resets it to the log start.
    expect(await p.locator('[data-partition="readings-0"]').textContent()).toContain("r1 at 2 (before the log start)");
    await press(p, "r1: poll readings");
    expect(await timeline(p)).toContain("r1 starts readings-0 at 3 (out of range → auto.offset.reset)");
    expect(await reached(p, "out-of-range")).toBe("true");
    // A replay from offset 0 cannot get the deleted records back either.
    await press(p, "r1: seek to offset 0");
    await press(p, "r1: poll readings");
    const lines = await timeline(p);
    expect(lines.slice(-3)).toEqual(["r1 seeks readings-0 to 0", "r1 starts readings-0 at 3 (out of range → auto.offset.reset)", "r1 reads offset 3 from readings-0"]);
    expect(await goal(p, "out-of-range").textContent()).toContain(goalOf("retention-and-compaction", "out-of-range").explain);
    await expect.poll(() => tryItGoals(page)).toEqual(["retention-and-compaction:compacted", "retention-and-compaction:log-start-moved", "retention-and-compaction:out-of-range"]);
    await page.context().close();
  });

  it("works with the keyboard alone: Tab to the controls, Enter/Space, announcements, blocked buttons, the terminal", async () => {
    const page = await openLesson();
    const p = await panel(page, "at-least-once");
    // From the lesson's last link before the panel, Tab goes into the panel.
    await section(page, "at-least-once").locator("xpath=preceding::a[1]").focus();
    await tabTo(page, "+1 s", 5);

    // Undo has nothing to undo yet: it keeps the focus and says why when pressed.
    await tabTo(page, "Undo last step");
    expect(await button(p, "Undo last step").getAttribute("aria-disabled")).toBe("true");
    await act(p, "Undo last step", "Enter");
    expect(await p.getByRole("alert").textContent()).toBe("Undo last step: not now, nothing to undo.");
    expect(await focused(page)).toBe("Undo last step");
    expect(await version(p)).toBe(0);

    await tabTo(page, "c1: poll");
    await press(p, "c1: poll", "Enter");
    expect(await announcement(p)).toContain("c1 reads offsets 0–1 from payments-0");
    expect(await p.getByRole("alert").count()).toBe(0);
    await tabTo(page, "c1: charge the cards", 1);
    await press(p, "c1: charge the cards", "Space");
    expect(await announcement(p)).toBe("c1 writes A100 to charges ✅. c1 writes A101 to charges ✅.");
    expect(await sinkRows(p, "charges")).toEqual(["A100=42 by c1", "A101=17 by c1"]);

    // c1 is running: restarting it is refused, in an alert, and nothing is sent.
    await tabTo(page, "c1: restart");
    await act(p, "c1: restart", "Space");
    expect(await p.getByRole("alert").textContent()).toBe('c1: restart: not now, client "c1" is running; only a crashed or closed client can restart.');
    expect(await version(p)).toBe(2);

    // The terminal: Tab completes, Enter runs, ↑ brings the command back.
    await tabTo(page, "Command", 40);
    const input = p.getByRole("textbox", { name: "Command" });
    await page.keyboard.type("kafka-top");
    await page.keyboard.press("Tab");
    expect(await input.inputValue()).toBe("kafka-topics.sh ");
    expect(await focused(page)).toBe("Command");
    await page.keyboard.type("--boot");
    await page.keyboard.press("Tab");
    expect(await input.inputValue()).toBe("kafka-topics.sh --bootstrap-server ");
    await page.keyboard.type("localhost:9092 --describe --topic payments");
    expect(await input.inputValue()).toBe(TOPICS_DESCRIBE);
    await page.keyboard.press("Enter");
    const output = p.getByRole("log", { name: "Terminal output" });
    await expect.poll(() => output.textContent()).toContain("PartitionCount: 1");
    expect(await output.textContent()).toContain(`$ ${TOPICS_DESCRIBE}`);
    expect(await announcement(p)).toBe(`$ ${TOPICS_DESCRIBE}.`);
    expect(await input.inputValue()).toBe("");
    await page.keyboard.press("ArrowUp");
    expect(await input.inputValue()).toBe(TOPICS_DESCRIBE);
    await page.keyboard.press("ArrowDown");
    expect(await input.inputValue()).toBe("");
    // Nothing to complete: Tab leaves the terminal (no keyboard trap).
    await page.keyboard.press("Tab");
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(false);
    expect(await focused(page)).not.toBe("");
    await page.context().close();
  });

  it("continues after a reload, and a second tab's step shows up in the first as 'changed in another tab'", async () => {
    const page = await openLesson();
    let p = await panel(page, "at-least-once");
    await press(p, "c1: poll");
    await press(p, "c1: charge the cards");
    const lines = await timeline(p);
    expect(lines).toContain("c1 writes A100 to charges ✅");

    await page.reload();
    p = await panel(page, "at-least-once");
    expect(await version(p)).toBe(2);
    expect(await timeline(p)).toEqual(lines);
    expect(await sinkRows(p, "charges")).toEqual(["A100=42 by c1", "A101=17 by c1"]);

    const second = await page.context().newPage();
    await second.goto(`${baseUrl()}${LESSON}`);
    const q = await panel(second, "at-least-once");
    expect(await version(q)).toBe(2);
    await press(q, "c1: crash");
    expect(await version(q)).toBe(3);

    // The first tab still shows version 2; its next step is refused and it catches up.
    expect(await version(p)).toBe(2);
    await act(p, "c1: commit");
    expect(await p.getByRole("alert").textContent()).toBe("This panel was changed in another tab. The panel now shows the latest state: try again.");
    expect(await version(p)).toBe(3);
    expect(await status(p, "c1")).toBe("crashed");
    expect(await timeline(p)).toEqual([...lines, "c1 CRASHES (no commit, no LeaveGroup)"]);
    expect((await timeline(p)).filter((l) => l.includes("commits"))).toEqual([]);
    // Trying again from the latest state works.
    await press(p, "To next event (45 s)");
    expect(await version(p)).toBe(4);
    await page.context().close();
  });

  it("undoes the last step, and resets (after confirming) to version 0 with reached goals kept", async () => {
    const page = await openLesson();
    const p = await panel(page, "at-least-once");
    for (const step of ["c1: poll", "c1: charge the cards", "c1: crash", "To next event (45 s)", "c2: poll", "c2: charge the cards"]) await press(p, step);
    expect(await version(p)).toBe(6);
    expect(await sinkRows(p, "charges")).toHaveLength(4);
    expect(await reached(p, "charged-twice")).toBe("true");

    await act(p, "Undo last step");
    expect(await version(p)).toBe(5);
    expect(await announcement(p)).toBe("The last step was undone.");
    expect(await sinkRows(p, "charges")).toEqual(["A100=42 by c1", "A101=17 by c1"]);
    expect((await timeline(p)).filter((l) => l.includes("AGAIN"))).toEqual([]);
    expect(await owns(p, "c2")).toBe("payments-0");

    // Reset asks first; Cancel keeps everything.
    await button(p, "Reset").click();
    expect(await p.getByRole("group", { name: "Confirm reset" }).textContent()).toContain("Start over?");
    expect(await button(p, "Yes, reset").evaluate((el) => el === document.activeElement)).toBe(true);
    await button(p, "Cancel").click();
    expect(await version(p)).toBe(5);
    await button(p, "Reset").click();
    await act(p, "Yes, reset");
    expect(await version(p)).toBe(0);
    expect(await announcement(p)).toBe("The panel is back at the scenario's start. Goals you reached stay reached.");
    expect(await clock(p)).toBe("t = 0 s");
    expect(await p.locator("[data-sink]").count()).toBe(0);
    expect(await status(p, "c1")).toBe("active");
    expect(await p.locator("[data-timeline]").count()).toBe(0);
    expect(await reached(p, "charged-twice")).toBe("true");
    expect(await button(p, "Undo last step").getAttribute("aria-disabled")).toBe("true");
    expect(await tryItGoals(page)).toEqual(["at-least-once:charged-twice"]);
    await page.context().close();
  });

  it("makes a first-time reader one guest, even when the panel and the visit are written at the same time", async () => {
    // Each first write mints a guest. The panel asks for its session first, and the answer is held
    // back (the server has minted its guest, the browser has not seen the cookie yet) while the
    // lesson records the visit: unless the writes take turns, the visit mints a second guest, the
    // later cookie wins and the other guest's records belong to nobody.
    const context = await browser().newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const guests = new Set<string>();
    page.on("response", async (r) => {
      const cookie = /(?:^|\n)guest=([^;.]+)/.exec((await r.allHeaders())["set-cookie"] ?? "");
      if (cookie) guests.add(cookie[1]!);
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Fetch.enable", { patterns: [{ urlPattern: "*/api/sim/sessions", requestStage: "Response" }] });
    cdp.on("Fetch.requestPaused", (event: { requestId: string }) => {
      setTimeout(() => void cdp.send("Fetch.continueResponse", { requestId: event.requestId }).catch(() => undefined), 3_000);
    });
    const visit = page.waitForResponse((r) => r.request().method() === "PUT" && r.url().endsWith(VISIT));
    await page.goto(`${baseUrl()}${LESSON}#try-it-at-least-once`);
    expect((await visit).status()).toBe(200);
    const p = await panel(page, "at-least-once");
    await press(p, "c1: poll");
    expect(guests.size).toBe(1);
    await context.close();
  });

  it("shows what a button's kafka-* command printed in the terminal: kafka-configs --describe changes with the config", async () => {
    const page = await openLesson();
    const p = await panel(page, "retention-and-compaction");
    const lastEntry = () => p.getByRole("log", { name: "Terminal output" }).locator("[data-terminal-entry]").last().textContent();
    await press(p, "Show readings' configs");
    const before = await lastEntry();
    expect(before).toMatch(/^\$ kafka-configs --bootstrap-server localhost:9092 --entity-type topics --entity-name readings --describe/);
    expect(before).toContain("Dynamic configs for topic readings are:");
    expect(before).not.toContain("retention.ms=30000");
    await press(p, "Set readings' retention to 30 s");
    expect(await lastEntry()).toContain("Completed updating config for topic readings.");
    await press(p, "Show readings' configs");
    expect(await lastEntry()).toContain("retention.ms=30000");
    await page.context().close();
  });

  it("loads a panel only when the reader comes near it, or asks for it", async () => {
    const requests: Request[] = [];
    const page = await openLesson({ onRequest: (r) => requests.push(r) });
    const sessionRequests = () => requests.filter((r) => r.url().includes("/api/sim/sessions")).map((r) => `${r.method()} ${r.postData() ?? ""}`);
    // The page has hydrated and run its effects (openLesson waited for the visit to be recorded),
    // and the observers have had frames to report.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

    for (const id of PANELS) {
      const s = section(page, id);
      const file = scenarioFile(id);
      expect(await s.getByRole("heading", { level: 3 }).textContent()).toBe(file.title);
      expect(await s.locator("li").allTextContents()).toEqual(file.goals.map((g) => `Goal: ${g.title}`));
      expect(await s.getByRole("button", { name: "Start the simulator" }).count()).toBe(1);
    }
    expect(await page.locator("[data-try-it-panel]").count()).toBe(0);
    expect(await page.getByText("Loading the simulator…").count()).toBe(0);
    expect(sessionRequests()).toEqual([]);

    await panel(page, "at-least-once");
    expect(sessionRequests()).toEqual([`POST ${JSON.stringify({ guide: "kafka", lesson: "production-reality", scenario: "at-least-once" })}`]);
    expect(await section(page, "retention-and-compaction").locator("[data-try-it-panel]").count()).toBe(0);

    // The last panel, far below, starts when asked (the button pressed without scrolling to it).
    const start = section(page, "retention-and-compaction").getByRole("button", { name: "Start the simulator" });
    expect(await start.isVisible()).toBe(true);
    expect(await start.evaluate((el) => el.getBoundingClientRect().top > window.innerHeight + 400)).toBe(true);
    await start.evaluate((el: HTMLButtonElement) => el.click());
    await section(page, "retention-and-compaction").locator("[data-try-it-panel]").waitFor({ state: "attached" });
    // The button is gone: keyboard focus went to the panel it started.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest("[data-try-it]")?.getAttribute("data-try-it") ?? null)).toBe("retention-and-compaction");
    expect(sessionRequests().at(-1)).toBe(`POST ${JSON.stringify({ guide: "kafka", lesson: "production-reality", scenario: "retention-and-compaction" })}`);
    await page.context().close();
  });

  /** A used panel: rows with duplicates, a reached goal, terminal output, an alert, the summary open. */
  async function axeOnUsedPanel(dark: boolean): Promise<void> {
    const page = await openLesson({ dark });
    const p = await panel(page, "at-least-once");
    for (const step of ["c1: poll", "c1: charge the cards", "c1: crash", "To next event (45 s)", "c2: poll", "c2: charge the cards"]) await press(p, step);
    await runInTerminal(p, TOPICS_DESCRIBE);
    await act(p, "c1: poll"); // c1 crashed: refused, with an alert on screen
    expect(await p.getByRole("alert").count()).toBe(1);
    await p.locator("summary").click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  }

  it("has no serious axe violations on a loaded, used at-least-once panel", async () => {
    await axeOnUsedPanel(false);
  });

  it("has no serious axe violations on a loaded, used at-least-once panel, dark", async () => {
    await axeOnUsedPanel(true);
  });
});
