import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, newPhonePage, screenshot } from "./support/browser.ts";
import { startProductServer } from "./support/server.ts";

const THIEU_HOA = "5a1e0000-0000-4000-8000-000000001002";

describe("a citizen evaluating a unit on a phone", () => {
  let server: Awaited<ReturnType<typeof startProductServer>>;
  let browser: Browser;
  let campaignId: string;

  beforeAll(async () => {
    server = await startProductServer();
    browser = await launchBrowser();
    campaignId = (await server.db.selectFrom("survey_campaigns").select("id").executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("answers one question per screen, keeps progress over a reload, and is counted once over a flaky network", async () => {
    const phone = await newPhonePage(browser);
    await phone.goto(`${server.url}/s/${campaignId}/${THIEU_HOA}?via=qr`);
    await phone.getByRole("heading", { level: 1, name: "Đánh giá sự hài lòng" }).waitFor();
    expect(await phone.locator("main").textContent()).toContain("Công an xã Thiệu Hóa");
    await expectNoAxeViolations(phone, "survey question 1");
    await screenshot(phone, "survey-phone-question");

    // Keyboard and touch: the options are real radio buttons with their labels.
    await phone.getByRole("radio", { name: "Hài lòng", exact: true }).check();
    await phone.getByRole("button", { name: "Tiếp" }).click();
    await phone.getByRole("heading", { name: "Câu 2/4" }).waitFor();
    await phone.getByRole("radio", { name: "Rất hài lòng" }).check();
    await phone.getByRole("button", { name: "Tiếp" }).click();
    await phone.getByRole("heading", { name: "Câu 3/4" }).waitFor();

    // A reload (a dropped tab, a phone call) keeps the answers and the step.
    await phone.reload();
    await phone.getByRole("heading", { name: "Câu 3/4" }).waitFor();
    await phone.getByRole("button", { name: "Quay lại" }).click();
    expect(await phone.getByRole("radio", { name: "Rất hài lòng" }).isChecked()).toBe(true);
    await phone.getByRole("button", { name: "Tiếp" }).click();
    await phone.getByRole("radio", { name: "Bình thường" }).check();
    await phone.getByRole("button", { name: "Tiếp" }).click();
    // Question 4 is skipped: a blank, never counted.
    await phone.getByRole("button", { name: "Tiếp" }).click();
    await phone.getByRole("heading", { name: "Về bạn (không bắt buộc)" }).waitFor();
    await expectNoAxeViolations(phone, "survey attributes");
    await phone.getByRole("button", { name: "Tiếp" }).click();
    await phone.getByText("Bạn đã trả lời 3/4 câu").waitFor();

    // The first send reaches the server but its answer is lost on the way back; the page retries with
    // the same client key and the server recognises it.
    let posts = 0;
    await phone.route("**/responses", async (route) => {
      posts++;
      if (posts === 1) {
        await route.fetch();
        await route.abort("connectionreset");
      } else await route.continue();
    });
    await phone.getByRole("button", { name: "Gửi" }).click();
    await phone.getByText("Đã gửi. Xin cảm ơn!").waitFor({ timeout: 20_000 });
    expect(posts).toBe(2);
    await expectNoAxeViolations(phone, "survey thanks");
    await screenshot(phone, "survey-phone-thanks");

    const mine = await server.db
      .selectFrom("survey_responses")
      .select(["answers", "channel"])
      .where("campaign_id", "=", campaignId)
      .where("device_key", "is not", null)
      .execute();
    expect(mine).toEqual([{ answers: { security: 4, duties: 5, conduct: 3 }, channel: "qr" }]);

    // The same phone cannot answer again, even after clearing the page's saved progress.
    await phone.evaluate(() => (globalThis as unknown as { localStorage: { clear(): void } }).localStorage.clear());
    await phone.reload();
    for (const name of ["Hài lòng", "Hài lòng", "Hài lòng", "Hài lòng"]) {
      await phone.getByRole("radio", { name, exact: true }).check();
      await phone.getByRole("button", { name: "Tiếp" }).click();
    }
    await phone.getByRole("button", { name: "Tiếp" }).click();
    await phone.getByRole("button", { name: "Gửi" }).click();
    await phone.getByText("Thiết bị này đã gửi đánh giá cho đợt khảo sát").waitFor();
  });
});
