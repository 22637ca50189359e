/**
 * The order in which an attempt shows each question's choices. Derived only from the attempt's
 * seed, so the server can rebuild exactly what the learner saw and map the displayed indexes it
 * receives back to the quiz file's (canonical) indexes. Pure: no I/O, no clock, no Math.random.
 */

/** `order[d]` is the canonical index of the choice displayed at position `d`. */
export type ChoiceOrder = number[];

/** mulberry32: a tiny 32-bit PRNG; good enough to shuffle a handful of choices, and repeatable. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One choice order per question, for questions with `choiceCounts[i]` choices. Same seed and
 * counts → same orders. With `shuffle` off every order is the identity.
 */
export function choiceOrders(seed: number, choiceCounts: readonly number[], shuffle = true): ChoiceOrder[] {
  const next = prng(seed);
  return choiceCounts.map((count) => {
    const order = Array.from({ length: count }, (_, i) => i);
    if (!shuffle) return order;
    // Fisher–Yates: every permutation equally likely.
    for (let i = count - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    return order;
  });
}

/** The canonical index of the choice the learner saw at `displayed`. */
export function toCanonical(order: ChoiceOrder, displayed: number): number {
  const canonical = order[displayed];
  if (canonical === undefined) throw new RangeError(`displayed index ${displayed} is outside 0-${order.length - 1}`);
  return canonical;
}

/** Where the choice with index `canonical` was displayed. */
export function toDisplayed(order: ChoiceOrder, canonical: number): number {
  const displayed = order.indexOf(canonical);
  if (displayed < 0) throw new RangeError(`canonical index ${canonical} is not in the order`);
  return displayed;
}

/** `items` rearranged as `order` displays them. */
export function applyOrder<T>(items: readonly T[], order: ChoiceOrder): T[] {
  return order.map((canonical) => items[canonical]!);
}
