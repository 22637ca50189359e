import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getLesson } from "@/lib/content/source";
import { db } from "@/lib/db";
import type { Learner } from "@/lib/learners/identity";
import { mergeGuestIntoUser } from "@/lib/learners/merge";
import { getOwnRating } from "@/lib/ratings/queries";
import { rateLesson } from "@/lib/ratings/rate";
import { rejection } from "./helpers/errors";
import { createActor } from "./helpers/users";

const G = "kafka";
const L = "production-reality";
const guest = (): Learner => ({ kind: "guest", guestId: randomUUID() });
const user = async (): Promise<Learner> => ({ kind: "user", userId: (await createActor()).id });
const ownerWhere = (learner: Learner) => (learner.kind === "user" ? { userId: learner.userId } : { guestId: learner.guestId });
const rowsOf = (learner: Learner) => db.pageRating.findMany({ where: ownerWhere(learner) });

describe("rateLesson", () => {
  it("stores one vote per reader and page with the lesson's content version; changing it updates the same row", async () => {
    const learner = await user();
    const first = await rateLesson(learner, G, L, { helpful: false, reason: "unclear", comment: "  The rebalance part lost me.  " });
    expect(first).toMatchObject({ helpful: false, reason: "unclear", comment: "The rebalance part lost me.", contentVersion: getLesson(G, L)!.version, outdated: false });
    const [row] = await rowsOf(learner);
    const changed = await rateLesson(learner, G, L, { helpful: true });
    expect(changed).toMatchObject({ helpful: true, reason: null, comment: null });
    const rows = await rowsOf(learner);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(row!.id);
    expect(rows[0]!.createdAt).toEqual(row!.createdAt);
    expect(await getOwnRating(learner, G, L)).toEqual(changed);
  });

  it("is idempotent: the same vote 20 times, concurrently, is one row that a replay leaves untouched", async () => {
    const learner = guest();
    const vote = { helpful: false, reason: "code-doesnt-work", comment: "Step 3 fails" };
    await Promise.all(Array.from({ length: 20 }, () => rateLesson(learner, G, L, vote)));
    const rows = await rowsOf(learner);
    expect(rows).toHaveLength(1);
    await rateLesson(learner, G, L, vote);
    expect(await rowsOf(learner)).toEqual(rows); // updated_at included: nothing changed
  });

  it("refuses bad input with 400 naming the field, leaving the previous vote as it was", async () => {
    const learner = guest();
    await rateLesson(learner, G, L, { helpful: false, reason: "inaccurate", comment: "before" });
    const before = await rowsOf(learner);
    const cases: [unknown, string][] = [
      [{}, "helpful"],
      [{ helpful: "no" }, "helpful"],
      [{ helpful: false, reason: "boring" }, "reason"],
      [{ helpful: false, comment: "x".repeat(1001) }, "comment"],
      [{ helpful: false, comment: "null byte \u0000 here" }, "comment"],
      [{ helpful: false, comment: 42 }, "comment"],
      [{ helpful: true, userId: randomUUID() }, "_form"],
    ];
    for (const [input, field] of cases) {
      const error = await rejection(rateLesson(learner, G, L, input));
      expect(error.status, JSON.stringify(input)).toBe(400);
      expect(Object.keys(error.fieldErrors ?? {}), JSON.stringify(input)).toContain(field);
    }
    expect(await rowsOf(learner)).toEqual(before);
  });

  it("takes a comment of exactly 1,000 characters, counting characters and not UTF-16 units", async () => {
    const learner = guest();
    const comment = "🙂".repeat(1000); // 2,000 UTF-16 units
    expect((await rateLesson(learner, G, L, { helpful: false, reason: "other", comment })).comment).toBe(comment);
  });

  it("takes a reason and a comment with Yes too", async () => {
    expect(await rateLesson(guest(), G, L, { helpful: true, reason: "other", comment: "Great diagrams" })).toMatchObject({ helpful: true, reason: "other", comment: "Great diagrams" });
  });

  it("stores markup in comments as the plain text it is", async () => {
    const learner = guest();
    const comment = `<script>alert("x")</script> & <b>bold</b>`;
    expect((await rateLesson(learner, G, L, { helpful: false, comment })).comment).toBe(comment);
  });

  it("404s for an unknown lesson", async () => {
    expect((await rejection(rateLesson(guest(), G, "nope", { helpful: true }))).status).toBe(404);
  });

  it("rate-limits one reader (429 with Retry-After) without touching their vote", async () => {
    const learner = guest();
    const now = Date.now(); // one rate-limit window for the whole test
    for (let i = 0; i < 60; i++) await rateLesson(learner, G, L, { helpful: i % 2 === 0 }, { now });
    const before = await rowsOf(learner);
    const error = await rejection(rateLesson(learner, G, L, { helpful: true, comment: "one too many" }, { now }));
    expect(error.status).toBe(429);
    expect(error.retryAfter).toBeGreaterThan(0);
    expect(await rowsOf(learner)).toEqual(before);
  });

  it("keeps votes apart: nobody sees another reader's vote", async () => {
    const [a, b] = [await user(), guest()];
    await rateLesson(a, G, L, { helpful: false, comment: "private to a" });
    expect(await getOwnRating(b, G, L)).toBeNull();
    expect(await getOwnRating(null, G, L)).toBeNull();
  });
});

describe("merging votes at sign-in", () => {
  it("moves a guest's votes to the account; where both voted on a page, the more recent vote wins", async () => {
    const visitor = guest();
    const account = await user();
    await rateLesson(account, G, L, { helpful: true });
    await rateLesson(visitor, G, L, { helpful: false, reason: "unclear", comment: "newer, as a guest" });
    // Millisecond timestamps can tie on a fast machine: make the order explicit.
    await db.pageRating.updateMany({ where: { ...ownerWhere(account), lesson: L }, data: { updatedAt: new Date("2021-01-01T00:00:00Z") } });
    await rateLesson(visitor, G, "the-log", { helpful: true });
    await rateLesson(account, G, "producers", { helpful: false, reason: "other" });
    await rateLesson(visitor, G, "producers", { helpful: true }); // newer too
    await db.pageRating.updateMany({ where: { ...ownerWhere(visitor), lesson: "producers" }, data: { updatedAt: new Date("2020-01-01T00:00:00Z") } }); // ... made older

    await mergeGuestIntoUser((visitor as { guestId: string }).guestId, (account as { userId: string }).userId);
    expect(await rowsOf(visitor)).toEqual([]);
    expect(await getOwnRating(account, G, L)).toMatchObject({ helpful: false, comment: "newer, as a guest" });
    expect(await getOwnRating(account, G, "the-log")).toMatchObject({ helpful: true });
    expect(await getOwnRating(account, G, "producers")).toMatchObject({ helpful: false, reason: "other" });
    expect(await rowsOf(account)).toHaveLength(3);
  });
});
