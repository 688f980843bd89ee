import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { randomBytesPooled } from "./random.ts";

describe("randomBytesPooled", () => {
  it("gives the size asked for, and never the same bytes twice, across refills of the pool", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const bytes = randomBytesPooled(16);
      expect(bytes).toHaveLength(16);
      const hex = bytes.toString("hex");
      expect(seen.has(hex)).toBe(false);
      seen.add(hex);
    }
  });

  it("hands out copies: a caller changing its bytes changes no one else's", () => {
    const a = randomBytesPooled(8);
    const copy = Buffer.from(a);
    a.fill(0);
    const b = randomBytesPooled(8);
    expect(b.equals(Buffer.alloc(8))).toBe(false);
    expect(copy.equals(Buffer.alloc(8))).toBe(false);
  });

  it("is spread evenly over byte values (chi-square, 1,024,000 bytes)", () => {
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 1000; i++) for (const byte of randomBytesPooled(1024)) counts[byte]! += 1;
    const expected = 1_024_000 / 256;
    const chiSquare = counts.reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
    // 255 degrees of freedom: above 350 happens by chance with probability below 1e-4.
    expect(chiSquare).toBeLessThan(350);
  });

  it("refuses a size it cannot serve", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: 4097, max: 1e9 }), fc.integer({ max: -1 }), fc.double({ noInteger: true })), (size) => {
        expect(() => randomBytesPooled(size)).toThrow(RangeError);
      }),
    );
  });
});
