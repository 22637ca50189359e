/**
 * The engine's only source of randomness: a seeded PRNG (mulberry32) whose whole state is one
 * unsigned 32-bit number, kept inside the cluster state so that the same seed and the same
 * commands always give the same results, and a JSON round-trip resumes the same sequence.
 */

/** PRNG state: a uint32. */
export type RngState = number;

/** The state for `seed` (any integer; 0 is as good as any other). */
export function seedRng(seed: number): RngState {
  return seed >>> 0;
}

/** The next number in [0, 1) and the state after drawing it. Never changes `state`. */
export function nextFloat(state: RngState): [number, RngState] {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
}

/** A whole number in [0, n) and the state after drawing it (`n` ≥ 1). */
export function nextInt(state: RngState, n: number): [number, RngState] {
  const [f, next] = nextFloat(state);
  return [Math.floor(f * n), next];
}

/** A version-4-shaped UUID from the PRNG (member ids are `<client.id>-<uuid>`). */
export function nextUuid(state: RngState): [string, RngState] {
  let s = state;
  let hex = "";
  for (let i = 0; i < 4; i++) {
    const [f, next] = nextFloat(s);
    s = next;
    hex += Math.floor(f * 4294967296).toString(16).padStart(8, "0");
  }
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return [`${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`, s];
}
