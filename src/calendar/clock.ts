/**
 * The product's one clock: every "now" and every "today in Vietnam" is read from here, never from `new Date()`
 * or `Date.now()` (a lint rule enforces it). It runs with the machine's clock, shifted by an offset that a test
 * sets so the product believes it is another instant, and runs on from there.
 */

let offsetMs = 0;

/** The current instant in milliseconds since the epoch. */
export function nowMs(): number {
  // eslint-disable-next-line no-restricted-properties -- the one place that reads the machine's clock
  return Date.now() + offsetMs;
}

/** The current instant. */
export function now(): Date {
  return new Date(nowMs());
}

/** Sets the clock to `instant` from now on (it keeps running); `null` returns to the machine's clock. */
export function setClock(instant: Date | string | null): void {
  if (instant === null) {
    offsetMs = 0;
    return;
  }
  const at = typeof instant === "string" ? Date.parse(instant) : instant.getTime();
  if (!Number.isFinite(at)) throw new RangeError(`not an instant: ${String(instant)}`);
  // eslint-disable-next-line no-restricted-properties -- the one place that reads the machine's clock
  offsetMs = at - Date.now();
}
