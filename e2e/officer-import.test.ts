import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseFile, expectNoAxeViolations, screenshot } from "./support/browser.ts";
import { startJourney, type Journey } from "./support/journey.ts";

const MARKER = "Ý kiến từ phiếu giấy nhập bằng tệp";
const ROWS = 5_000;
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The commune's paper forms typed into Excel; row 3 of the sheet (the second opinion) has `badPhone`. */
async function paperForms(badPhone: string | null): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Phiếu");
  sheet.addRow(["Mã phiếu", "Nội dung ý kiến", "Ngày nhận", "Loại", "Họ và tên", "Số điện thoại"]);
  for (let i = 0; i < ROWS; i += 1) {
    sheet.addRow([
      `PG-${i}`,
      `${MARKER} số ${i}: đề nghị tăng cường tuần tra khu vực chợ và bến xe vào buổi tối.`,
      `${String((i % 28) + 1).padStart(2, "0")}/10/2025 08:30`,
      i % 4 === 0 ? "Biểu dương" : "Kiến nghị",
      i === 1 || i % 50 === 0 ? "Lê Văn Nam" : "",
      i === 1 ? (badPhone ?? "0912 345 678") : i % 50 === 0 ? "0987 654 321" : "",
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("officer import of a file of paper forms", () => {
  let journey: Journey;

  beforeAll(async () => {
    journey = await startJourney();
  });
  afterAll(async () => {
    await journey?.close();
  });

  const upload = async (page: Page, name: string, buffer: Buffer) => {
    await chooseFile(page, "Tệp ý kiến (.xlsx hoặc .csv)", { name, mimeType: XLSX_TYPE, buffer });
    // The picker shows, and names to a screen reader, the chosen file.
    await page.getByRole("button", { name: `Tệp ý kiến (.xlsx hoặc .csv) ${name}`, exact: true }).waitFor();
    await page.getByRole("button", { name: "Tải lên và kiểm tra" }).click();
  };

  const storedCount = async () =>
    Number(
      (
        await journey.db
          .selectFrom("opinions")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("content", "like", `${MARKER}%`)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("shows a bad row's error in Vietnamese, refuses the import until the file is fixed, then imports every row once", async () => {
    const page = await journey.login("xa.canbo");
    await page.getByRole("link", { name: "Nhập từ tệp" }).click();
    await page.getByRole("heading", { level: 1, name: "Nhập ý kiến từ tệp" }).waitFor();
    // The picker speaks the page's language, not the browser's ("Choose File / No file chosen").
    await page.getByRole("button", { name: "Tệp ý kiến (.xlsx hoặc .csv) Chọn tệp .xlsx hoặc .csv…", exact: true }).waitFor();
    await expectNoAxeViolations(page, "import form");
    await screenshot(page, "console-import-form");

    // A file with one bad phone number: the check names the row and the column, and nothing can be imported.
    await upload(page, "phieu-thang-10.xlsx", await paperForms("12"));
    const errors = page.getByTestId("import-errors");
    await errors.waitFor({ timeout: 30_000 });
    const badRow = errors.locator('tr[data-row-number="3"]');
    await expect.poll(() => badRow.textContent()).toContain("Số điện thoại không hợp lệ.");
    expect(await badRow.textContent()).toContain("Số điện thoại");
    expect(await page.getByTestId("import-counts").textContent()).toContain("Dòng lỗi1");
    const commit = page.getByTestId("import-commit");
    expect(await commit.isDisabled()).toBe(true);
    expect(await page.getByText("Tệp còn dòng lỗi: hãy sửa các dòng trên trong tệp rồi tải lên lại.").count()).toBe(1);
    await expectNoAxeViolations(page, "import with errors");
    await screenshot(page, "console-import-errors");
    expect(await storedCount()).toBe(0);

    // The corrected file: a progress bar while it is checked, then the counts and the first rows.
    await upload(page, "phieu-thang-10-da-sua.xlsx", await paperForms(null));
    const checking = page.getByRole("progressbar", { name: "Tiến độ kiểm tra tệp" });
    await checking.waitFor({ state: "attached", timeout: 30_000 });
    expect(Number(await checking.getAttribute("aria-valuenow"))).toBeGreaterThanOrEqual(0);
    const preview = page.getByTestId("import-preview");
    await preview.waitFor({ timeout: 30_000 });
    expect(await preview.textContent()).toContain(`${MARKER} số 0`);
    expect(await page.getByTestId("import-counts").textContent()).toContain("Dòng hợp lệ5.000");
    expect(await page.getByTestId("import-errors").count()).toBe(0);
    expect(await commit.isEnabled()).toBe(true);
    expect(await commit.textContent()).toBe("Nhập 5.000 ý kiến");
    await expectNoAxeViolations(page, "import preview");

    // Import: a progress bar until every row is stored, then the result and the way to the inbox.
    await commit.click();
    // At 0 % the bar has no width yet: wait for it in the page, not for it to be painted.
    const importing = page.getByRole("progressbar", { name: "Tiến độ nhập ý kiến" });
    await importing.waitFor({ state: "attached" });
    expect(await page.getByTestId("import-progress").isVisible()).toBe(true);
    await expectNoAxeViolations(page, "import in progress");
    await page.getByTestId("import-result").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("import-result").textContent()).toContain("Đã nhập 5.000 ý kiến mới.");
    await expectNoAxeViolations(page, "import done");
    await screenshot(page, "console-import-done");
    expect(await storedCount()).toBe(ROWS);
    const contacts = await journey.db
      .selectFrom("opinions")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("content", "like", `${MARKER}%`)
      .where("is_anonymous", "=", false)
      .executeTakeFirstOrThrow();
    expect(Number(contacts.n)).toBe(ROWS / 50 + 1);

    await page.getByRole("link", { name: "Xem trong hộp thư ý kiến" }).click();
    await expect.poll(() => page.getByTestId("inbox-table").textContent()).toContain(MARKER);
  });
});
