/**
 * Item analysis on fixtures with known answers: facility, the spread of choices, the discrimination
 * index (upper minus lower 27% by quiz score), the few-responses warning and the broken-question
 * flags.
 */
import { describe, expect, it } from "vitest";
import { questionStats, type FirstResponse } from "@/lib/instructor/question-stats";

/** Learners l00…l(n-1) with the given totals and choices; the key is choice 1. */
const responses = (rows: [total: number, choice: number][]): FirstResponse[] =>
  rows.map(([total, choice], i) => ({ learner: `l${String(i).padStart(2, "0")}`, total, choice, correct: choice === 1 }));

describe("questionStats", () => {
  it("computes facility, the choice spread and a perfect discrimination on a clean split", () => {
    // 10 learners: the 5 best (totals 10..6) chose the key, the 5 weakest chose 0 or 2.
    const rs = responses([[10, 1], [9, 1], [8, 1], [7, 1], [6, 1], [5, 0], [4, 0], [3, 2], [2, 0], [1, 2]]);
    const s = questionStats(rs, 3, 1);
    expect(s.responses).toBe(10);
    expect(s.facility).toBe(0.5);
    expect(s.choices).toEqual([3, 5, 2]);
    // 27% of 10 → groups of 3: upper all right, lower all wrong.
    expect(s.discrimination).toBe(1);
    expect(s.fewResponses).toBe(true);
    expect(s.flags).toEqual([]);
  });

  it("gives a negative discrimination when the weaker learners do better, and 0 when both groups match", () => {
    const reversed = responses([[10, 0], [9, 0], [8, 0], [7, 1], [6, 1], [5, 1], [4, 1], [3, 1], [2, 1], [1, 1]]);
    expect(questionStats(reversed, 2, 1).discrimination).toBe(-1);
    const flat = responses([[10, 1], [9, 0], [8, 1], [7, 0], [2, 1], [1, 0]]);
    // groups of round(6 × 0.27) = 2: upper {10 ✓, 9 ✗}, lower {2 ✓, 1 ✗}
    expect(questionStats(flat, 2, 1).discrimination).toBe(0);
  });

  it("breaks ties in total score by learner id, so the groups never depend on row order", () => {
    const rs = responses([[5, 1], [5, 0], [5, 1], [5, 0]]);
    const a = questionStats(rs, 2, 1);
    const b = questionStats([...rs].reverse(), 2, 1);
    expect(a.discrimination).toBe(b.discrimination);
    // groups of 1: upper l00 (right), lower l03 (wrong)
    expect(a.discrimination).toBe(1);
  });

  it("flags a question few get right, and one where a distractor beats the key", () => {
    const hard = responses(Array.from({ length: 25 }, (_, i): [number, number] => [i, i < 4 ? 1 : i % 2 === 0 ? 0 : 2]));
    const s = questionStats(hard, 3, 1);
    expect(s.facility).toBe(4 / 25);
    expect(s.fewResponses).toBe(false);
    expect(s.flags).toEqual(["low-facility", "distractor-beats-key"]);
    const misleading = responses(Array.from({ length: 20 }, (_, i): [number, number] => [i, i < 8 ? 1 : i < 17 ? 2 : 0]));
    expect(questionStats(misleading, 3, 1).flags).toEqual(["distractor-beats-key"]);
  });

  it("has no facility or discrimination without responses, and no discrimination with one", () => {
    expect(questionStats([], 4, 0)).toEqual({ responses: 0, facility: null, choices: [0, 0, 0, 0], discrimination: null, fewResponses: true, flags: [] });
    expect(questionStats(responses([[3, 1]]), 2, 1).discrimination).toBeNull();
  });
});
