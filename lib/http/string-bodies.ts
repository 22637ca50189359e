import { ServerResponse } from "node:http";

/** Bodies shorter than this stay strings: encoding them is cheaper than the Buffer allocation. */
const MIN_LENGTH = 4096;
/** Encoded bodies kept for reuse: Next hands the same string object for every hit on a cached page. */
const CACHE_ENTRIES = 64;
const CACHE_BYTES = 16 * 1024 * 1024;
const PATCHED = Symbol.for("course-platform.string-bodies");

/**
 * Makes `res.end(string)` hand Node a UTF-8 Buffer instead of the string, for bodies of 4 KiB
 * and more.
 *
 * Why: Next sends every prerendered page with `res.end(html)` where `html` is a string. Node 20
 * glues the header block onto a string body and encodes the result inside the socket write,
 * which on this machine costs about as much as everything else Next does for the request: a
 * bare Node server sending the 92 kB Production Reality lesson managed ~1,050 req/s with a string
 * and ~2,150 req/s with the same bytes as a Buffer (bench/lesson-page.ts measures the effect on
 * `next start`). The bytes on the wire are identical; only the encoding step moves. Next hands
 * over the same string object for every hit on a cached page, so the encoded Buffer is kept
 * (64 bodies, 16 MiB at most counting the strings, oldest dropped first) and a hit costs a map lookup, not an encoding.
 *
 * Guarantees: idempotent (patching twice is a no-op); bodies with a non-UTF-8 encoding argument,
 * Buffers and short strings are passed through untouched; callbacks keep their position; the
 * kept Buffers are only ever read (Node never writes into a buffer it is given to send).
 */
export function sendStringBodiesAsBuffers(): void {
  const proto = ServerResponse.prototype as ServerResponse & { [PATCHED]?: true };
  if (proto[PATCHED]) return;
  const end = proto.end;
  const encoded = new Map<string, Buffer>();
  let cachedBytes = 0;
  const toBuffer = (body: string): Buffer => {
    const hit = encoded.get(body);
    if (hit) return hit;
    const buffer = Buffer.from(body, "utf8");
    encoded.set(body, buffer);
    // The key string is held too: count it (at least a byte per character) with the Buffer.
    cachedBytes += buffer.length + body.length;
    // Oldest first (Map keeps insertion order) until back within both bounds.
    for (const [key, value] of encoded) {
      if (encoded.size <= CACHE_ENTRIES && cachedBytes <= CACHE_BYTES) break;
      encoded.delete(key);
      cachedBytes -= value.length + key.length;
    }
    return buffer;
  };
  // The overloads of `end` make a typed wrapper awkward; the arguments are forwarded as given.
  proto.end = function patchedEnd(this: ServerResponse, ...args: unknown[]) {
    const [chunk, encoding] = args;
    if (typeof chunk === "string" && chunk.length >= MIN_LENGTH && isUtf8(encoding)) {
      args[0] = toBuffer(chunk);
      if (typeof encoding === "string") args[1] = undefined;
    }
    return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse["end"];
  proto[PATCHED] = true;
}

function isUtf8(encoding: unknown): boolean {
  return encoding === undefined || typeof encoding === "function" || encoding === "utf8" || encoding === "utf-8";
}
