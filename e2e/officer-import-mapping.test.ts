import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseFile, expectNoAxeViolations, screenshot } from "./support/browser.ts";
import { startJourney, type Journey } from "./support/journey.ts";

const MARKER = "Phản hồi xuất từ hệ thống khác";

/** An export of another system: UTF-8 CSV whose headers the import does not recognise. */
function otherSystemExport(): Buffer {
  const rows = [
    ["Mã phản hồi", "Phản hồi của người dân", "Thời điểm", "Phương thức", "Ghi chú nội bộ"],
    ["PH-001", `${MARKER}: đề nghị lắp đèn chiếu sáng ở ngõ 12.`, "05/05/2025 14:20", "Đường dây nóng", "đã chuyển"],
    ["PH-002", `${MARKER}: cảm ơn tổ tuần tra đã giúp người già qua đường.`, "06/05/2025 09:00", "Hòm thư góp ý", ""],
    ["PH-003", `${MARKER}: xe tải đỗ chắn lối vào trường học.`, "07/05/2025 07:45", "Trực tiếp", ""],
  ];
  return Buffer.from(`\ufeff${rows.map((r) => r.join(",")).join("\r\n")}\r\n`, "utf8");
}

describe("officer import of another system's export with a column mapping", () => {
  let journey: Journey;

  beforeAll(async () => {
    journey = await startJourney();
  });
  afterAll(async () => {
    await journey?.close();
  });

  const stored = () =>
    journey.db.selectFrom("opinions").select(["content", "channel", "received_at"]).where("content", "like", `${MARKER}%`).orderBy("received_at").execute();

  it("asks for the columns when no content column is found, checks again with the chosen ones, then imports the rows", async () => {
    const page = await journey.login("xa.canbo");
    await page.getByRole("link", { name: "Nhập từ tệp" }).click();
    await page.getByRole("heading", { level: 1, name: "Nhập ý kiến từ tệp" }).waitFor();

    await chooseFile(page, "Tệp ý kiến (.xlsx hoặc .csv)", { name: "xuat-he-thong-khac.csv", mimeType: "text/csv", buffer: otherSystemExport() });
    await page.getByRole("button", { name: "Tải lên và kiểm tra" }).click();

    // No content column: the failure is told, and the form of the file's columns appears by itself.
    const mapping = page.getByTestId("import-mapping");
    await mapping.waitFor({ timeout: 30_000 });
    expect(await page.getByRole("alert").filter({ hasText: "Không tìm thấy cột nội dung ý kiến" }).count()).toBe(1);
    expect(await page.getByRole("heading", { level: 3, name: "Cột trong tệp" }).count()).toBe(1);
    const content = mapping.getByLabel("Nội dung ý kiến");
    expect(await content.inputValue()).toBe("");
    expect(await content.locator("option").allTextContents()).toEqual([
      "— Không dùng —",
      "Mã phản hồi",
      "Phản hồi của người dân",
      "Thời điểm",
      "Phương thức",
      "Ghi chú nội bộ",
    ]);

    // Checking again without a content column is refused in the form, announced.
    await page.getByRole("button", { name: "Kiểm tra lại với các cột này" }).click();
    await page.getByRole("alert").filter({ hasText: "Vui lòng chọn cột chứa nội dung ý kiến." }).waitFor();
    await expectNoAxeViolations(page, "import mapping");

    await content.selectOption("Phản hồi của người dân");
    await mapping.getByLabel("Ngày nhận").selectOption("Thời điểm");
    await mapping.getByLabel("Kênh tiếp nhận").selectOption("Phương thức");
    await mapping.getByLabel("Mã hồ sơ ở hệ thống gốc").selectOption("Mã phản hồi");
    await screenshot(page, "console-import-mapping");
    await page.getByRole("button", { name: "Kiểm tra lại với các cột này" }).click();

    // The check runs again, then the preview shows the right contents, dates and channels.
    const preview = page.getByTestId("import-preview");
    await preview.waitFor({ timeout: 30_000 });
    const text = (await preview.textContent()) ?? "";
    expect(text).toContain(`${MARKER}: đề nghị lắp đèn chiếu sáng ở ngõ 12.`);
    expect(text).toContain("Đường dây nóng");
    expect(text).toContain("Hòm thư góp ý");
    expect(text).toContain("05/05/2025");
    expect(await page.getByTestId("import-counts").textContent()).toContain("Dòng hợp lệ3");
    expect(await page.getByTestId("import-mapping").count()).toBe(0);
    await expectNoAxeViolations(page, "import preview after mapping");

    // The columns can be chosen again on demand, prefilled with the ones used.
    await page.getByRole("button", { name: "Chọn lại cột" }).click();
    expect(await page.getByTestId("import-mapping").getByLabel("Nội dung ý kiến").inputValue()).toBe("Phản hồi của người dân");
    expect(await page.getByTestId("import-mapping").getByLabel("Kênh tiếp nhận").inputValue()).toBe("Phương thức");
    await expectNoAxeViolations(page, "import mapping on demand");
    await page.getByRole("button", { name: "Đóng" }).click();

    const commit = page.getByTestId("import-commit");
    expect(await commit.textContent()).toBe("Nhập 3 ý kiến");
    await commit.click();
    await page.getByTestId("import-result").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("import-result").textContent()).toContain("Đã nhập 3 ý kiến mới.");
    const rows = await stored();
    expect(rows.map((r) => [r.channel, r.received_at.toISOString()])).toEqual([
      ["hotline", "2025-05-05T07:20:00.000Z"],
      ["suggestion_box", "2025-05-06T02:00:00.000Z"],
      ["in_person", "2025-05-07T00:45:00.000Z"],
    ]);

    await page.getByRole("link", { name: "Xem trong hộp thư ý kiến" }).click();
    await expect.poll(() => page.getByTestId("inbox-table").textContent()).toContain(MARKER);
  });
});
