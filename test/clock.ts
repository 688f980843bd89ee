import { afterAll, beforeAll } from "vitest";
import { setClock } from "../src/calendar/clock.ts";

/**
 * The instant date-dependent suites run at: 23:30 UTC on a Tuesday, already 06:30 on Wednesday 09/12/2026 in
 * Vietnam — a time at which a UTC date and a Vietnamese date differ, so a day taken in the wrong zone fails
 * every run, not only in the evening.
 */
export const SUITE_NOW = "2026-12-08T23:30:00Z";

/** Sets the product's clock to `instant` (it runs on from there) for the current suite, and back after it. */
export function useSuiteClock(instant: string = SUITE_NOW): void {
  beforeAll(() => setClock(instant));
  afterAll(() => setClock(null));
}
