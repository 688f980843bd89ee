import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, screenshot } from "./support/browser.ts";
import { startJourney, type Journey } from "./support/journey.ts";

const SPEECHES = [
  "Ông trưởng thôn 4 đề nghị lắp thêm camera an ninh ở ngã ba chợ.",
  "Bà con xóm Đông phản ánh tình trạng xe tải chở đất rơi vãi trên đường liên xã.",
  "Một đoàn viên thanh niên hỏi thủ tục đăng ký tạm trú cho sinh viên thuê trọ.",
];

describe("officer batch entry at a forum with a bad connection", () => {
  let journey: Journey;

  beforeAll(async () => {
    journey = await startJourney();
  });
  afterAll(async () => {
    await journey?.close();
  });

  const storedCount = async (content: string) =>
    Number(
      (
        await journey.db
          .selectFrom("opinions")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("content", "=", content)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("keeps what is typed offline, sends it when the network returns, and stores each entry exactly once", async () => {
    const page = await journey.login("xa.canbo");
    await page.getByRole("link", { name: "Nhập ý kiến" }).click();
    await page.getByLabel("Nội dung ý kiến").waitFor();
    await expect.poll(() => page.getByLabel("Đơn vị tiếp nhận").inputValue()).toBe("5a1e0000-0000-4000-8000-000000001002");
    await expectNoAxeViolations(page, "entry form");

    // The connection drops: entries go into the browser's queue, typed with the keyboard only.
    await page.context().setOffline(true);
    await page.getByLabel("Kênh tiếp nhận").selectOption("forum");
    for (const [index, speech] of SPEECHES.entries()) {
      await page.getByLabel("Nội dung ý kiến").fill(speech);
      if (index === 0) await page.getByLabel("Họ tên người phát biểu (nếu có)").fill("Nguyễn Văn Tư");
      await page.getByLabel("Nội dung ý kiến").press("Control+Enter");
      await expect.poll(() => page.getByLabel("Nội dung ý kiến").inputValue()).toBe("");
    }
    await expect.poll(() => page.getByTestId("entry-status").textContent()).toContain("Mất kết nối mạng: 3 ý kiến");
    expect(await page.locator('[data-entry-state="pending"]').count()).toBe(3);
    await expectNoAxeViolations(page, "entry queue offline");
    await screenshot(page, "console-entry-offline");
    for (const speech of SPEECHES) expect(await storedCount(speech)).toBe(0);

    // Leaving the page and coming back keeps the queue (it lives in the browser's storage).
    await page.getByRole("link", { name: "Hộp thư ý kiến" }).click();
    await page.getByRole("link", { name: "Nhập ý kiến" }).click();
    await expect.poll(() => page.locator('[data-entry-state="pending"]').count()).toBe(3);

    // The network returns, but the answer to the first send is lost on the way back: the browser sends it
    // again, and the server recognises the entry by its client key.
    let lostAnswers = 0;
    await page.route("**/api/opinions", async (route) => {
      if (route.request().method() !== "POST" || lostAnswers > 0) return route.continue();
      lostAnswers += 1;
      await route.fetch();
      await route.abort("connectionreset");
    });
    await page.context().setOffline(false);
    await page.evaluate(() => (globalThis as unknown as EventTarget).dispatchEvent(new Event("online")));
    await expect
      .poll(() => page.getByTestId("entry-status").textContent(), { timeout: 30_000 })
      .toContain("Tất cả ý kiến đã được gửi");
    expect(lostAnswers).toBe(1);
    expect(await page.locator('[data-entry-state="sent"]').count()).toBe(3);
    for (const speech of SPEECHES) expect(await storedCount(speech)).toBe(1);
    const stored = await journey.db
      .selectFrom("opinions")
      .select(["channel", "is_anonymous", "entered_by_user_id"])
      .where("content", "in", SPEECHES)
      .execute();
    expect(stored.every((row) => row.channel === "forum" && row.entered_by_user_id !== null)).toBe(true);
    expect(stored.filter((row) => !row.is_anonymous)).toHaveLength(1);
    const codes = await page.locator('[data-entry-state="sent"] .code').allTextContents();
    expect(codes.every((code) => /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/.test(code.trim()))).toBe(true);
    await expectNoAxeViolations(page, "entry queue sent");
    await screenshot(page, "console-entry-sent");

    // The inbox shows them at once.
    await page.getByRole("link", { name: "Hộp thư ý kiến" }).click();
    await expect.poll(() => page.getByTestId("inbox-table").textContent()).toContain("xe tải chở đất");
  });

  it("shows a refused entry with the server's reason and lets the officer correct it", async () => {
    const page = await journey.login("xa.canbo");
    await page.goto(`${journey.baseUrl}/console/entry`);
    await page.getByLabel("Nội dung ý kiến").fill("Ý kiến có số điện thoại sai.");
    await page.getByLabel("Số điện thoại (nếu có)").fill("12");
    await page.getByRole("button", { name: "Lưu và nhập tiếp (Ctrl+Enter)" }).click();
    await expect.poll(() => page.locator('[data-entry-state="failed"]').count()).toBe(1);
    await page.getByRole("button", { name: "Sửa lại" }).click();
    await expect.poll(() => page.getByLabel("Số điện thoại (nếu có)").inputValue()).toBe("12");
    await page.getByLabel("Số điện thoại (nếu có)").fill("0912 345 678");
    await page.getByLabel("Nội dung ý kiến").press("Control+Enter");
    await expect.poll(() => page.locator('[data-entry-state="sent"]').count()).toBe(1);
    expect(await storedCount("Ý kiến có số điện thoại sai.")).toBe(1);
  });
});
