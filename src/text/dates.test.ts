import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { setClock } from "../calendar/clock.ts";
import { dayInVietnam, formatDate, formatDateTime, todayInVietnam } from "./dates.ts";

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const pad = (n: number) => String(n).padStart(2, "0");

describe("dates in Asia/Ho_Chi_Minh", () => {
  it("shows an evening UTC instant as the next day in Vietnam: 2026-11-21T17:30Z → 22/11/2026 00:30", () => {
    const instant = new Date("2026-11-21T17:30:00Z");
    expect(formatDateTime(instant)).toBe("22/11/2026 00:30");
    expect(formatDate(instant)).toBe("22/11/2026");
    expect(dayInVietnam(instant)).toBe("2026-11-22");
  });

  it("writes midnight as 00:xx, never 24:xx, and pads day, month and minutes", () => {
    expect(formatDateTime(new Date("2026-01-04T17:05:00Z"))).toBe("05/01/2026 00:05");
    expect(formatDateTime(new Date("2026-03-09T02:07:00Z"))).toBe("09/03/2026 09:07");
  });

  it("changes the Vietnamese day at 17:00 UTC", () => {
    expect(dayInVietnam(new Date("2025-02-28T16:59:59.999Z"))).toBe("2025-02-28");
    expect(dayInVietnam(new Date("2025-02-28T17:00:00Z"))).toBe("2025-03-01");
    expect(dayInVietnam(new Date("2024-12-31T17:00:00Z"))).toBe("2025-01-01");
  });

  it("takes today from the product's clock: 23:30 UTC is already tomorrow in Vietnam, 16:30 UTC still today", () => {
    try {
      setClock("2026-12-08T23:30:00Z");
      expect(todayInVietnam()).toBe("2026-12-09");
      setClock("2026-12-08T16:30:00Z");
      expect(todayInVietnam()).toBe("2026-12-08");
      setClock("2026-12-31T17:00:00Z");
      expect(todayInVietnam()).toBe("2027-01-01");
    } finally {
      setClock(null);
    }
  });

  it("agrees with UTC+7 for any instant since 1976 (property)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1976-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true }),
        (instant) => {
          const local = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
          const day = `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
          expect(formatDate(instant)).toBe(day);
          expect(formatDateTime(instant)).toBe(`${day} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`);
          expect(dayInVietnam(instant)).toBe(local.toISOString().slice(0, 10));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
