import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, newDesktopPage, newPhonePage, screenshot } from "./support/browser.ts";
import { logInToConsole } from "./support/console.ts";
import { startProductServer } from "./support/server.ts";

describe("the satisfaction dashboard", () => {
  let server: Awaited<ReturnType<typeof startProductServer>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await startProductServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows the province's figures as charts with tables, rank ranges from the intervals, exports XLSX, and publishes", async () => {
    const page = await newDesktopPage(browser);
    await logInToConsole(page, server.url, "tinh.lanhdao");
    await page.getByRole("link", { name: "Hài lòng" }).click();
    await page.getByRole("heading", { level: 1, name: "Chỉ số hài lòng" }).waitFor();
    await page.getByRole("heading", { name: "Xếp hạng đơn vị và khoảng tin cậy" }).waitFor();
    await page.locator(".chart-box svg").first().waitFor();
    // Trend, questions, heat-map, ranking; by level, by field of work, and the communes ranked within their level.
    await page.getByRole("heading", { level: 2, name: "Theo cấp đơn vị" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Theo lĩnh vực công tác" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Xếp hạng trong từng cấp" }).waitFor();
    expect(await page.locator(".chart-box svg").count()).toBe(7);
    const levels = page.getByRole("table", { name: /theo cấp đơn vị/ });
    await expect(levels.getByRole("rowheader", { name: "Công an xã, phường, đặc khu" }).count()).resolves.toBe(1);
    const fields = page.getByRole("table", { name: /theo lĩnh vực công tác/ });
    await expect(fields.getByRole("rowheader", { name: /Thủ tục hành chính/ }).count()).resolves.toBe(1);
    await expect(fields.getByRole("rowheader", { name: /Công an khu vực/ }).count()).resolves.toBe(1);
    await expect(page.getByRole("img", { name: /Theo lĩnh vực công tác: Thủ tục hành chính/ }).count()).resolves.toBe(1);
    const withinCommunes = await page.getByRole("img", { name: /xếp hạng trong cấp Công an xã, phường, đặc khu/ }).getAttribute("aria-label");
    expect(withinCommunes).toMatch(/hạng 1(–\d+)?: Công an/);
    // Units listed by rate, each with the ranks its interval allows: overlapping intervals give ranges ("1–3").
    const ranking = page.getByRole("table", { name: /^Khoảng hạng, tỷ lệ, n, số phiếu/ });
    const rows = await ranking.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent ?? "")));
    const ranked = rows.filter(([rank]) => rank !== "—");
    expect(ranked[0]![0]).toMatch(/^1(–\d+)?$/);
    expect(ranked.some(([rank]) => /^\d+–\d+$/.test(rank!))).toBe(true);
    const rates = ranked.map((cells) => Number(cells[2]!.replace("%", "").replace(",", ".")));
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    const text = (await page.locator("main").textContent()) ?? "";
    for (const expected of ["Công an xã Thiệu Tiến", "Tỷ lệ hài lòng theo lượt đánh giá", "Tỷ lệ hài lòng theo người trả lời", "Rất không hài lòng", "Khoảng tin cậy 95% (đã tính đến trọng số)"]) {
      expect(text).toContain(expected);
    }
    // The charts have a text description; the tables are their accessible equivalent.
    const description = await page.getByRole("img", { name: /Biểu đồ tỷ lệ hài lòng và khoảng tin cậy/ }).getAttribute("aria-label");
    expect(description).toMatch(/Công an/);
    await expectNoAxeViolations(page, "satisfaction dashboard");
    await screenshot(page, "satisfaction-dashboard");

    await page.getByLabel("Kỳ", { exact: true }).selectOption("2026-Q3");
    await page.getByText("từ tháng 07/2026 đến tháng 09/2026").waitFor();
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Tải tất cả bảng (XLSX)" }).click();
    expect((await download).suggestedFilename()).toBe("hai-long-2026-Q3.xlsx");

    await page.getByRole("link", { name: "Khảo sát", exact: true }).click();
    // A new campaign tags each evaluated unit with its field of work.
    const form = page.getByRole("region", { name: "Tạo đợt khảo sát" });
    await form.getByRole("checkbox", { name: "Công an xã Thiệu Hóa" }).check();
    await form.getByLabel("Lĩnh vực công tác của Công an xã Thiệu Hóa").selectOption("administrative");
    await expectNoAxeViolations(page, "campaign form with fields of work");
    await page.getByRole("link", { name: "Khảo sát sự hài lòng của Nhân dân năm 2026" }).click();
    await page.getByRole("img", { name: /Mã QR dẫn đến phiếu khảo sát của Công an xã Thiệu Hóa/ }).waitFor();
    await expectNoAxeViolations(page, "campaign page");
    await screenshot(page, "survey-campaign");

    // A paper form keyed in with four digits and Enter; focus moves on by itself.
    await page.getByRole("button", { name: "Nhập phiếu giấy" }).first().click();
    const first = page.getByLabel(/^1\. Tình hình an ninh/).first();
    await first.click();
    await page.keyboard.type("4534");
    await page.keyboard.press("Enter");
    await page.getByText("Đã lưu 1 phiếu trong lần này").waitFor();
    await expectNoAxeViolations(page, "paper entry");
    await page.getByRole("button", { name: "Công bố kết quả" }).click();
    await page.getByRole("link", { name: "Trang công bố kết quả" }).click();

    const phone = await newPhonePage(browser);
    await phone.goto(page.url());
    await phone.getByRole("heading", { level: 1, name: "Kết quả khảo sát sự hài lòng" }).waitFor();
    await phone.locator(".chart-box svg").first().waitFor();
    await expectNoAxeViolations(phone, "public results");
    await screenshot(phone, "survey-public-results");
  });
});
