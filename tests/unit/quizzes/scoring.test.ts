import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mayReveal, passMark, scoreAttempt, type ScorableQuestion } from "@/lib/quizzes/scoring";
import { applyOrder, choiceOrders, toCanonical, toDisplayed } from "@/lib/quizzes/shuffle";

const question = (id: string, answer: number): ScorableQuestion => ({ id, version: `v-${id}`, answer, explain: `because ${id}` });

describe("choiceOrders", () => {
  it("is a permutation of every question's choices, the same for the same seed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.array(fc.integer({ min: 2, max: 8 }), { minLength: 1, maxLength: 12 }), (seed, counts) => {
        const orders = choiceOrders(seed, counts);
        expect(orders).toEqual(choiceOrders(seed, counts));
        orders.forEach((order, i) => expect([...order].sort((a, b) => a - b)).toEqual([...Array(counts[i]).keys()]));
      }),
    );
  });

  it("is the identity with shuffling off", () => {
    expect(choiceOrders(12345, [3, 4], false)).toEqual([[0, 1, 2], [0, 1, 2, 3]]);
  });

  it("actually shuffles: different seeds give different orders, every position gets every choice", () => {
    const firsts = new Set<number>();
    const distinct = new Set<string>();
    for (let seed = 0; seed < 400; seed++) {
      const [order] = choiceOrders(seed, [4]);
      firsts.add(order![0]!);
      distinct.add(order!.join());
    }
    expect(firsts).toEqual(new Set([0, 1, 2, 3]));
    expect(distinct.size).toBe(24); // all 4! permutations occur
  });
});

describe("mapping displayed ↔ canonical", () => {
  it("round-trips for any permutation, and displays each choice where the order says", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }).chain((n) => fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n })), (order) => {
        const labels = order.map((_, i) => `choice ${i}`);
        const shown = applyOrder(labels, order);
        for (let d = 0; d < order.length; d++) {
          const c = toCanonical(order, d);
          expect(shown[d]).toBe(labels[c]);
          expect(toDisplayed(order, c)).toBe(d);
        }
      }),
    );
  });

  it("refuses indexes outside the order", () => {
    expect(() => toCanonical([1, 0], 2)).toThrow(RangeError);
    expect(() => toDisplayed([1, 0], 5)).toThrow(RangeError);
  });
});

describe("scoreAttempt", () => {
  const questions = [question("a", 0), question("b", 2), question("c", 1)];

  it("scores the canonical choice behind each displayed index", () => {
    const orders = [[2, 0, 1], [2, 1, 0], [0, 1, 2]];
    // displayed 1 → canonical 0 (right), displayed 0 → canonical 2 (right), displayed 0 → canonical 0 (wrong)
    const scored = scoreAttempt(questions, orders, [1, 0, 0], 2 / 3);
    expect(scored.score).toBe(2);
    expect(scored.passed).toBe(true);
    expect(scored.outcomes.map((o) => [o.chosenCanonical, o.correct, o.correctChoice])).toEqual([
      [0, true, 1],
      [2, true, 0],
      [0, false, 1],
    ]);
  });

  it("gives the same score whatever the order, when the learner picks the same choices", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }), (seed, canonicalPicks) => {
        const orders = choiceOrders(seed, [3, 3, 3]);
        const displayed = canonicalPicks.map((c, i) => toDisplayed(orders[i]!, c));
        const expected = canonicalPicks.filter((c, i) => c === questions[i]!.answer).length;
        expect(scoreAttempt(questions, orders, displayed, 2 / 3).score).toBe(expected);
      }),
    );
  });

  it("refuses a wrong number of answers", () => {
    expect(() => scoreAttempt(questions, [[0, 1, 2]], [0], 2 / 3)).toThrow(RangeError);
  });
});

describe("pass mark and reveal policy", () => {
  it("passes at two thirds by default, rounding up", () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => passMark(n, 2 / 3))).toEqual([1, 2, 2, 3, 4, 4]);
    expect(passMark(5, 1)).toBe(5);
    expect(passMark(10, 0.8)).toBe(8);
  });

  it("reveals per policy", () => {
    expect(mayReveal("after-submit", false, false)).toBe(true);
    expect(mayReveal("after-pass", false, false)).toBe(false);
    expect(mayReveal("after-pass", true, false)).toBe(true);
    expect(mayReveal("after-pass", false, true)).toBe(true);
    expect(mayReveal("never", true, true)).toBe(false);
  });
});
