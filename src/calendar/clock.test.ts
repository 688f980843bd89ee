import { afterEach, describe, expect, it } from "vitest";
import { now, nowMs, setClock } from "./clock.ts";

describe("the product's clock", () => {
  afterEach(() => setClock(null));

  it("reads the machine's clock until a test sets it", () => {
    const before = Date.now();
    const read = nowMs();
    expect(read).toBeGreaterThanOrEqual(before);
    expect(read).toBeLessThanOrEqual(Date.now());
  });

  it("starts at the instant it is set to and keeps running", async () => {
    setClock("2031-02-03T04:05:06Z");
    const first = now().getTime();
    expect(Math.abs(first - Date.parse("2031-02-03T04:05:06Z"))).toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(now().getTime()).toBeGreaterThan(first);
  });

  it("returns to the machine's clock when set to null", () => {
    setClock("1999-01-01T00:00:00Z");
    setClock(null);
    expect(Math.abs(nowMs() - Date.now())).toBeLessThan(1_000);
  });

  it("refuses something that is not an instant", () => {
    expect(() => setClock("not a date")).toThrow(RangeError);
  });
});
