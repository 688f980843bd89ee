import { request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, screenshot } from "./support/browser.ts";
import { startJourney, type Journey } from "./support/journey.ts";

const THIEU_HOA = "5a1e0000-0000-4000-8000-000000001002";

describe("a leader sorts the inbox: search, bulk assignment, duplicates, steps, remedial actions", () => {
  let journey: Journey;

  beforeAll(async () => {
    journey = await startJourney();
  });
  afterAll(async () => {
    await journey?.close();
  });

  it("does a morning's handling from the console, by keyboard-friendly controls, accessibly", async () => {
    const citizen = await request.newContext({ baseURL: journey.baseUrl });
    const codes: string[] = [];
    for (const content of [
      "Đèn đường ở ngã tư thôn Đông hỏng đã hai tuần, buổi tối rất tối và nguy hiểm.",
      "den duong o nga tu thon Dong hong da hai tuan, buoi toi rat toi va nguy hiem",
    ]) {
      const response = await citizen.post("/api/public/opinions", { data: { unitId: THIEU_HOA, content } });
      codes.push(((await response.json()) as { trackingCode: string }).trackingCode);
    }

    const desk = await journey.login("xa.lanhdao");

    // Search without diacritics finds both spellings.
    await desk.getByLabel("Tìm trong nội dung").fill("den duong nga tu");
    await desk.getByRole("button", { name: "Lọc", exact: true }).click();
    await expect.poll(() => desk.getByTestId("inbox-table").getByRole("row").count()).toBe(3);
    expect(desk.url()).toContain("q=den+duong+nga+tu");
    await expectNoAxeViolations(desk, "inbox filtered");

    // Dates are typed and shown dd/mm/yyyy whatever the browser's language, in a labelled calendar.
    const [day, month, year] = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" })
      .format(new Date())
      .split("/");
    const from = desk.getByLabel("Tiếp nhận từ ngày");
    await from.click();
    await desk.getByRole("button", { name: "Tháng trước" }).waitFor();
    await expectNoAxeViolations(desk, "inbox with the calendar open");
    await from.fill(`${day}/${month}/${year}`);
    await from.press("Enter");
    await desk.getByRole("button", { name: "Lọc", exact: true }).click();
    await expect.poll(() => desk.url()).toContain(`from=${year}-${month}-${day}`);
    await expect.poll(() => desk.getByTestId("inbox-table").getByRole("row").count()).toBe(3);
    await expect.poll(() => from.inputValue()).toBe(`${day}/${month}/${year}`);

    // First classify the first one through the step panel.
    await desk.getByRole("link", { name: codes[0] }).click();
    await desk.getByLabel("Thao tác", { exact: true }).selectOption("classify");
    await desk.getByLabel("Nhóm nội dung").selectOption("security_situation");
    await desk.getByRole("checkbox", { name: "Trật tự, an toàn giao thông" }).check();
    await desk.getByRole("button", { name: "Thực hiện" }).click();
    await expect.poll(() => desk.getByTestId("detail-announcement").textContent()).toContain("Đã cập nhật phân loại");
    await expect.poll(() => desk.getByText("Tình hình an ninh, trật tự và kết quả bảo đảm").isVisible()).toBe(true);

    await desk.goBack();
    await desk.getByTestId("inbox-table").waitFor();

    // Bulk assignment of both to the commune's officer.
    for (const code of codes) await desk.getByRole("checkbox", { name: `Chọn ý kiến ${code}` }).check();
    await desk.getByLabel("Giao cho cán bộ").selectOption({ label: "Đại úy Trần Thị Hoa" });
    await desk.getByRole("button", { name: "Giao việc" }).click();
    await expect.poll(() => desk.getByTestId("bulk-bar").isVisible().catch(() => false)).toBe(false);
    await expect.poll(() => desk.getByTestId("inbox-table").textContent()).toContain("Giao: Đại úy Trần Thị Hoa");
    await screenshot(desk, "console-inbox-search");

    // The second is a duplicate of the first: merge it from the "similar opinions" panel.
    await desk.getByRole("link", { name: codes[1] }).click();
    await desk.getByTestId("similar-opinions").waitFor();
    await expectNoAxeViolations(desk, "detail with similar opinions and steps");
    await desk.getByRole("button", { name: `Gộp ý kiến này vào ${codes[0]}` }).click();
    await expect.poll(() => desk.getByTestId("detail-announcement").textContent()).toContain("Đã gộp ý kiến");
    await expect.poll(() => desk.getByText("Đã gộp vào ý kiến").isVisible()).toBe(true);

    // Back on the first: plan a remedial action, carry it out with evidence, verify it.
    await desk.goto(`${journey.baseUrl}/console`);
    await desk.getByRole("link", { name: codes[0] }).click();
    await desk.getByLabel("Việc cần làm để khắc phục").fill("Phối hợp điện lực thay bóng, tuần tra khu vực ngã tư buổi tối");
    await desk.getByLabel("Người, bộ phận chịu trách nhiệm").fill("Tổ tuần tra Công an xã");
    await desk.getByLabel("Hạn hoàn thành").fill("31/12/2099");
    await desk.getByRole("button", { name: "Thêm biện pháp" }).click();
    await desk.getByTestId("remedial-actions").waitFor();
    await expect.poll(() => desk.getByTestId("remedial-actions").textContent()).toContain("31/12/2099");
    await desk.getByLabel("Kết quả, bằng chứng đã khắc phục").fill("Biên bản bàn giao số 12/BB-CAX, ảnh chụp đèn đã sáng.");
    await desk.getByRole("button", { name: "Đánh dấu đã xong" }).click();
    await expect.poll(() => desk.locator('[data-remedy-status="done"]').count()).toBe(1);
    await desk.getByRole("button", { name: "Xác nhận đã khắc phục" }).click();
    await expect.poll(() => desk.locator('[data-remedy-status="verified"]').count()).toBe(1);
    await expectNoAxeViolations(desk, "detail with a verified remedial action");
    await screenshot(desk, "console-workflow");

    // The merged contributor's tracking page shows it was merged, with the code it follows.
    const tracked = (await (await citizen.get(`/api/public/opinions/${codes[1]}`)).json()) as { status: string; history: { type: string; target: string | null }[] };
    expect(tracked.status).toBe("MERGED");
    expect(tracked.history.at(-1)).toMatchObject({ type: "merged", target: codes[0] });
  });
});
