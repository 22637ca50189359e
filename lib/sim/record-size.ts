/**
 * Bytes a record takes on disk in Kafka's v2 format, for segment rolls and size retention: an
 * uncompressed batch holding one header-less record. Exact for any key and value length (with
 * one-byte lengths up to 63 bytes this is 68 + key + value).
 */
import { utf8Length } from "./murmur2";

/** Size of `n` as a zig-zag varint (Kafka's ByteUtils.sizeOfVarint / sizeOfVarlong). */
export function varintSize(n: number): number {
  let v = n >= 0 ? n * 2 : -n * 2 - 1;
  let bytes = 1;
  while (v >= 128) {
    v = Math.floor(v / 128);
    bytes += 1;
  }
  return bytes;
}

/** DefaultRecordBatch.RECORD_BATCH_OVERHEAD. */
const BATCH_OVERHEAD = 61;

/** Bytes of one record (`null` key or value: absent, as a tombstone's value is). */
function recordSize(key: string | null, value: string | null): number {
  const k = key === null ? -1 : utf8Length(key);
  const v = value === null ? -1 : utf8Length(value);
  // attributes + offsetDelta + timestampDelta + key length + key + value length + value + header count
  const body = 1 + varintSize(0) + varintSize(0) + varintSize(k) + Math.max(k, 0) + varintSize(v) + Math.max(v, 0) + varintSize(0);
  return varintSize(body) + body;
}

/** Bytes of a batch holding exactly this one record. */
export function batchSize(key: string | null, value: string | null): number {
  return BATCH_OVERHEAD + recordSize(key, value);
}
