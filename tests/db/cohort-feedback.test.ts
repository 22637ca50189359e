/**
 * Page feedback of a cohort on the real database: helpful share and counts per lesson, reasons,
 * latest comments (newest first, at most COMMENTS_PER_LESSON), the needs-attention ranking, only the
 * cohort's learners, and access for the instructor only.
 */
import { describe, expect, it } from "vitest";
import { joinCohort } from "@/lib/cohorts/join";
import { createCohort } from "@/lib/cohorts/manage";
import { db } from "@/lib/db";
import { COMMENTS_PER_LESSON, getCohortFeedback } from "@/lib/instructor/feedback-query";
import { rejection } from "./helpers/errors";
import { createActor } from "./helpers/users";

describe("cohort page feedback", () => {
  it("summarises votes per lesson and ranks the lessons that need attention", async () => {
    const instructor = await createActor("INSTRUCTOR");
    const { id, joinCode } = await createCohort(instructor, { name: "Feedback class", guides: ["kafka"] });
    const learners: { id: string }[] = [];
    for (let i = 0; i < 7; i++) {
      const l = await createActor();
      await joinCohort(l, { code: joinCode });
      learners.push(l);
    }
    const vote = (i: number, lesson: string, helpful: boolean, reason: string | null, comment: string | null, minute: number) =>
      db.pageRating.create({ data: { userId: learners[i]!.id, guide: "kafka", lesson, helpful, reason, comment, contentVersion: "c", updatedAt: new Date(Date.UTC(2026, 10, 27, 10, minute)) } });
    // the-log: 3 helpful, 1 not (unclear); brokers-and-retention: 0 helpful, 3 not.
    await vote(0, "the-log", true, null, "<b>great</b>", 1);
    await vote(1, "the-log", true, null, null, 2);
    await vote(2, "the-log", true, null, null, 3);
    await vote(3, "the-log", false, "unclear", "too fast", 4);
    for (let i = 4; i < 7; i++) await vote(i, "brokers-and-retention", false, i === 4 ? "inaccurate" : "unclear", `comment ${i}`, i * 2);
    const outsider = await createActor();
    await db.pageRating.create({ data: { userId: outsider.id, guide: "kafka", lesson: "the-log", helpful: false, contentVersion: "c" } });

    const feedback = await getCohortFeedback(instructor, id);
    const log = feedback.lessons.find((l) => l.lesson === "the-log")!;
    expect(log).toMatchObject({ helpful: 3, notHelpful: 1, helpfulPercent: 75 });
    expect(log.reasons.unclear).toBe(1);
    expect(log.comments.map((c) => c.comment)).toEqual(["too fast", "<b>great</b>"]);
    const brokers = feedback.lessons.find((l) => l.lesson === "brokers-and-retention")!;
    expect(brokers).toMatchObject({ helpful: 0, notHelpful: 3, helpfulPercent: 0, reasons: { inaccurate: 1, unclear: 2 } });
    expect(brokers.comments.length).toBeLessThanOrEqual(COMMENTS_PER_LESSON);
    expect(feedback.lessons.find((l) => l.lesson !== "the-log" && l.lesson !== "brokers-and-retention")!.helpfulPercent).toBeNull();
    expect(feedback.needsAttention.map((l) => [l.lesson, l.notHelpful])).toEqual([["brokers-and-retention", 3], ["the-log", 1]]);
  });

  it("is for the cohort's instructor and admins only", async () => {
    const { id } = await createCohort(await createActor("INSTRUCTOR"), { name: "Shut class", guides: ["kafka"] });
    expect(await rejection(getCohortFeedback(await createActor(), id))).toMatchObject({ code: "FORBIDDEN" });
    expect(await rejection(getCohortFeedback(await createActor("INSTRUCTOR"), id))).toMatchObject({ code: "FORBIDDEN" });
    expect((await getCohortFeedback(await createActor("ADMIN"), id)).needsAttention).toEqual([]);
  });
});
