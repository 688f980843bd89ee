import { randomFillSync } from "node:crypto";

// Every citizen's request draws a few random bytes (a tracking code, a device id): one call into the system's
// generator per 4 KiB rather than per request, as Node does for randomUUID(). Bytes are handed out once.
const POOL_SIZE = 4096;
const pool = Buffer.alloc(POOL_SIZE);
let offset = POOL_SIZE;

/** `size` bytes (at most 4 KiB) from the cryptographically secure generator, taken from a refilled pool. */
export function randomBytesPooled(size: number): Buffer {
  if (!Number.isInteger(size) || size < 0 || size > POOL_SIZE) throw new RangeError(`random byte count out of range: ${size}`);
  if (offset + size > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = Buffer.from(pool.subarray(offset, offset + size));
  offset += size;
  return bytes;
}
