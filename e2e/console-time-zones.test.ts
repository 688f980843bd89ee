import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, screenshot } from "./support/browser.ts";
import { startJourney, type Journey } from "./support/journey.ts";

/** 23:30 UTC on New Year's Eve: already 06:30 on 1 January 2026 in Vietnam (UTC+7). */
const NEW_YEAR_IN_VIETNAM = "2025-12-31T23:30:00Z";

describe("the console in Vietnam's time whatever the PC's time zone", () => {
  let journey: Journey;

  beforeAll(async () => {
    journey = await startJourney();
  });
  afterAll(async () => {
    await journey?.close();
  });

  describe.each(["UTC", "America/New_York"])("on a PC set to %s", (timezoneId) => {

    it("stores and shows typed times as Vietnam's, and filters the inbox by Vietnam's day", async () => {
      const page = await journey.login("xa.canbo", { timezoneId });
      expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(timezoneId);

      // A forum at 08:00 is 08:00+07:00, i.e. 01:00Z, whatever the PC's zone.
      const title = `Hội nghị thôn Nam (${timezoneId})`;
      await page.getByRole("link", { name: "Hội nghị" }).click();
      await page.getByRole("button", { name: "Lập hội nghị mới" }).click();
      await page.getByLabel("Tên hội nghị").fill(title);
      await page.getByLabel("Thời gian bắt đầu").fill("15/03/2030 08:00");
      await page.getByLabel("Thôn, tổ dân phố").fill("Thôn Nam");
      await page.getByLabel("Địa điểm cụ thể").fill("Nhà văn hóa thôn Nam");
      await page.getByLabel("Người chủ trì").fill("Thiếu tá Nguyễn Văn Minh");
      await page.getByLabel(/^Thư ký/).fill("Đại úy Trần Thị Hoa");
      await page.getByRole("button", { name: "Lưu kế hoạch" }).click();
      await page.getByTestId("forum-status").waitFor();
      const forum = await journey.db.selectFrom("forums").select("starts_at").where("title", "=", title).executeTakeFirstOrThrow();
      expect(new Date(forum.starts_at).toISOString()).toBe("2030-03-15T01:00:00.000Z");
      const when = page.locator("p", { has: page.getByText("Thời gian:", { exact: true }) }).locator("time");
      expect(await when.textContent()).toBe("15/03/2030 08:00");

      // An opinion received at 06:30 on 2 November in Vietnam: 23:30Z on 1 November.
      const content = `Bà con thôn Nam đề nghị tuần tra đêm (${timezoneId}).`;
      await page.getByRole("link", { name: "Nhập ý kiến" }).click();
      await page.getByLabel("Thời điểm tiếp nhận").fill("02/11/2026 06:30");
      await page.getByLabel("Nội dung ý kiến").fill(content);
      await page.getByLabel("Nội dung ý kiến").press("Control+Enter");
      await expect.poll(() => page.locator('[data-entry-state="sent"]').count()).toBe(1);
      expect(await page.locator('[data-entry-state="sent"] time').textContent()).toBe("02/11/2026 06:30");
      const opinion = await journey.db.selectFrom("opinions").select("received_at").where("content", "=", content).executeTakeFirstOrThrow();
      expect(new Date(opinion.received_at).toISOString()).toBe("2026-11-01T23:30:00.000Z");

      // The inbox's day filter counts it on 2 November (Vietnam's day), not on 1 November.
      await page.getByRole("link", { name: "Hộp thư ý kiến" }).click();
      const filterByDay = async (day: string) => {
        await page.getByLabel("Tìm trong nội dung").fill("tuần tra đêm");
        await page.getByLabel("Tiếp nhận từ ngày").fill(day);
        await page.getByLabel("Đến ngày").fill(day);
        await page.getByRole("button", { name: "Lọc", exact: true }).click();
      };
      await filterByDay("02/11/2026");
      await expect.poll(() => page.url()).toContain("from=2026-11-02&to=2026-11-02");
      await expect.poll(() => page.getByTestId("inbox-table").textContent()).toContain(content);
      await expectNoAxeViolations(page, `inbox filtered by day (${timezoneId})`);
      await filterByDay("01/11/2026");
      await expect.poll(() => page.url()).toContain("from=2026-11-01&to=2026-11-01");
      await page.getByText("Không có ý kiến nào.").waitFor();
    });

    it("takes today and this year from Vietnam's calendar, not the PC's", async () => {
      const page = await journey.login("tinh.lanhdao", { timezoneId });
      await page.clock.setFixedTime(NEW_YEAR_IN_VIETNAM);

      await page.goto(`${journey.baseUrl}/console/entry`);
      await expect.poll(() => page.getByLabel("Thời điểm tiếp nhận").inputValue()).toBe("01/01/2026 06:30");
      await expectNoAxeViolations(page, `entry form at New Year (${timezoneId})`);
      await screenshot(page, `console-time-zones-entry-${timezoneId.replace("/", "-")}`);

      // An empty date field's calendar opens on Vietnam's month.
      await page.goto(`${journey.baseUrl}/console`);
      await page.getByLabel("Tiếp nhận từ ngày").click();
      await expect.poll(() => page.locator(".mantine-Popover-dropdown").textContent()).toContain("tháng 1 2026");

      await page.goto(`${journey.baseUrl}/console/forums`);
      await expect.poll(() => page.getByLabel("Năm", { exact: true }).inputValue()).toBe("2026");

      await page.goto(`${journey.baseUrl}/console/surveys`);
      const form = page.getByRole("region", { name: "Tạo đợt khảo sát" });
      await expect.poll(() => form.getByLabel("Từ ngày").inputValue()).toBe("01/01/2026");
      await expect.poll(() => form.getByLabel("Đến ngày").inputValue()).toBe("31/12/2026");
      await page.getByRole("link", { name: "Khảo sát sự hài lòng của Nhân dân năm 2026" }).click();
      await page.getByRole("button", { name: "Nhập phiếu giấy" }).first().click();
      await expect.poll(() => page.getByLabel("Ngày trả lời ghi trên phiếu").first().inputValue()).toBe("01/01/2026");

      await page.goto(`${journey.baseUrl}/console/satisfaction`);
      const periods = page.getByLabel("Kỳ", { exact: true });
      await expect.poll(() => periods.locator("option").allTextContents()).toContain("2026-Q1");
    });
  });
});
