/**
 * Kafka's key hash (`org.apache.kafka.common.utils.Utils.murmur2`) and the built-in partitioner's
 * choice for a keyed record. Bit-exact with the Java code, so keys land where a real producer
 * puts them.
 */

const encoder = new TextEncoder();

/** murmur2 of `data`, as the signed 32-bit int Java returns. */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  const m = 0x5bd1e995;
  let h = (0x9747b28c ^ length) | 0;
  const whole = length & ~3;
  for (let i = 0; i < whole; i += 4) {
    let k = data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    k = Math.imul(k, m);
    k ^= k >>> 24;
    k = Math.imul(k, m);
    h = Math.imul(h, m) ^ k;
  }
  // The Java switch falls through from 3 to 1.
  switch (length % 4) {
    case 3:
      h ^= data[whole + 2]! << 16;
    // falls through
    case 2:
      h ^= data[whole + 1]! << 8;
    // falls through
    case 1:
      h ^= data[whole]!;
      h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}

/** The UTF-8 bytes of a string, as Kafka's StringSerializer writes them. */
export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

/** Bytes of `s` in UTF-8, counted without encoding it (lone surrogates count as U+FFFD, as encoders write them). */
export function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

// Keys are hashed once per keyed record; short ASCII keys skip the encoder's allocation.
const scratch = new Uint8Array(256);

function asciiBytes(s: string): Uint8Array | null {
  if (s.length > scratch.length) return null;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return null;
    scratch[i] = c;
  }
  return scratch.subarray(0, s.length);
}

/** `(murmur2(utf8(key)) & 0x7fffffff) % partitions`: where the built-in partitioner puts `key`. */
export function partitionForKey(key: string, partitions: number): number {
  return (murmur2(asciiBytes(key) ?? utf8(key)) & 0x7fffffff) % partitions;
}
