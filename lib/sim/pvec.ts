/**
 * An immutable, append-only vector (a 32-way trie with a tail, as in Clojure's PersistentVector)
 * made of plain arrays, so it survives `JSON.parse(JSON.stringify(v))` unchanged.
 *
 * Why: a partition's segment may hold millions of records and every `step` returns a new state.
 * Copying the record list per append would make a step cost the log's size; here an append copies
 * at most the 32-slot tail and one path of the trie, and every older version stays valid.
 */

const BITS = 5;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;

/** A trie node: inner nodes hold nodes, leaves (level 0) hold values. */
type Node<T> = unknown[] & { readonly __values?: T };

/** A persistent vector: plain arrays only, shared between versions. */
export interface PVec<T> {
  readonly size: number;
  /** Level of the root's children times BITS. */
  readonly shift: number;
  readonly root: Node<T>;
  /** The last 1–32 values (the tree holds `size − tail.length` values). */
  readonly tail: readonly T[];
}

/** The empty vector. */
export function emptyVec<T>(): PVec<T> {
  return { size: 0, shift: BITS, root: [], tail: [] };
}

function tailOffset<T>(v: PVec<T>): number {
  return v.size - v.tail.length;
}

function newPath(level: number, leaf: unknown[]): unknown[] {
  return level === 0 ? leaf : [newPath(level - BITS, leaf)];
}

function pushLeaf(node: unknown[], level: number, index: number, leaf: unknown[]): unknown[] {
  const sub = (index >>> level) & MASK;
  const copy = node.slice();
  if (level === BITS) copy[sub] = leaf;
  else {
    const child = node[sub] as unknown[] | undefined;
    copy[sub] = child ? pushLeaf(child, level - BITS, index, leaf) : newPath(level - BITS, leaf);
  }
  return copy;
}

/** `v` with `value` appended; `v` itself is unchanged. Amortised O(1) plus a tail copy. */
export function push<T>(v: PVec<T>, value: T): PVec<T> {
  if (v.tail.length < WIDTH) return { size: v.size + 1, shift: v.shift, root: v.root, tail: [...v.tail, value] };
  const offset = tailOffset(v);
  const leaf = v.tail as unknown[];
  if (offset >>> BITS >= 1 << v.shift) {
    return { size: v.size + 1, shift: v.shift + BITS, root: [v.root, newPath(v.shift, leaf)], tail: [value] };
  }
  return { size: v.size + 1, shift: v.shift, root: pushLeaf(v.root, v.shift, offset, leaf), tail: [value] };
}

/**
 * `v` with every value of `values` appended, in order; `v` itself is unchanged. Builds the new
 * tail in place, so a bulk append costs one copy per 32 values instead of one per value.
 */
export function pushAll<T>(v: PVec<T>, values: readonly T[]): PVec<T> {
  let size = v.size;
  let shift = v.shift;
  let root = v.root as unknown[];
  let tail = v.tail.slice() as T[];
  for (const value of values) {
    if (tail.length === WIDTH) {
      const offset = size - WIDTH;
      if (offset >>> BITS >= 1 << shift) {
        root = [root, newPath(shift, tail)];
        shift += BITS;
      } else root = pushLeaf(root, shift, offset, tail);
      tail = [];
    }
    tail.push(value);
    size++;
  }
  return { size, shift, root, tail };
}

/** The leaf array holding index `i` (which must be below the tail offset). */
function leafFor<T>(v: PVec<T>, i: number): readonly T[] {
  let node = v.root as unknown[];
  for (let level = v.shift; level > 0; level -= BITS) node = node[(i >>> level) & MASK] as unknown[];
  return node as T[];
}

/** The value at `i`, or undefined outside [0, size). */
export function get<T>(v: PVec<T>, i: number): T | undefined {
  if (i < 0 || i >= v.size) return undefined;
  const offset = tailOffset(v);
  if (i >= offset) return v.tail[i - offset];
  return leafFor(v, i)[i & MASK];
}

/**
 * Calls `visit` on each value from index `start` on, in order, until it returns false.
 * Walks leaf by leaf, so a scan costs one trie descent per 32 values.
 */
export function forEachFrom<T>(v: PVec<T>, start: number, visit: (value: T, index: number) => boolean | void): void {
  const offset = tailOffset(v);
  let i = Math.max(0, start);
  while (i < offset) {
    const leaf = leafFor(v, i);
    for (let j = i & MASK; j < leaf.length; j++, i++) if (visit(leaf[j]!, i) === false) return;
  }
  for (; i < v.size; i++) if (visit(v.tail[i - offset]!, i) === false) return;
}

/** Every value, in order, as a new array. */
export function toArray<T>(v: PVec<T>): T[] {
  const out: T[] = [];
  forEachFrom(v, 0, (value) => {
    out.push(value);
  });
  return out;
}

/** A vector holding `values` in order. */
export function fromArray<T>(values: readonly T[]): PVec<T> {
  let v = emptyVec<T>();
  for (const value of values) v = push(v, value);
  return v;
}

/** The last value, or undefined when empty. */
export function last<T>(v: PVec<T>): T | undefined {
  return v.tail[v.tail.length - 1];
}

function setIn(node: unknown[], level: number, i: number, value: unknown): unknown[] {
  const copy = node.slice();
  if (level === 0) copy[i & MASK] = value;
  else {
    const sub = (i >>> level) & MASK;
    copy[sub] = setIn(node[sub] as unknown[], level - BITS, i, value);
  }
  return copy;
}

/** `v` with the value at `i` (which must be in [0, size)) replaced; `v` itself is unchanged. */
export function set<T>(v: PVec<T>, i: number, value: T): PVec<T> {
  const offset = tailOffset(v);
  if (i >= offset) {
    const tail = v.tail.slice();
    tail[i - offset] = value;
    return { ...v, tail };
  }
  return { ...v, root: setIn(v.root as unknown[], v.shift, i, value) };
}
