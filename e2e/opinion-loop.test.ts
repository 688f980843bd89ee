import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDocx } from "../test/docx.ts";
import { expectNoAxeViolations, screenshot } from "./support/browser.ts";
import { startJourney, type Journey } from "./support/journey.ts";
import { DEMO_PASSWORD } from "./support/server.ts";

const THIEU_HOA = "5a1e0000-0000-4000-8000-000000001002";

describe("the loop: a citizen asks, an officer drafts, a leader approves, the citizen reads the answer", () => {
  let journey: Journey;

  beforeAll(async () => {
    journey = await startJourney();
  });
  afterAll(async () => {
    await journey?.close();
  });

  it("works end to end on a 360-px phone and the officer console, accessibly, in Vietnamese", async () => {
    const content = "Đường vào chợ Thiệu Hóa tối không có đèn, thanh niên phóng nhanh vượt ẩu. Đề nghị công an xã tuần tra.";

    // The citizen arrives by the commune's QR code, on a phone.
    const phone = await journey.phone();
    await phone.goto(`${journey.baseUrl}/?unit=${THIEU_HOA}`);
    await expect.poll(() => phone.getByTestId("selected-unit").textContent()).toContain("Công an xã Thiệu Hóa");
    expect(await phone.locator("html").getAttribute("lang")).toBe("vi");
    await expectNoAxeViolations(phone, "citizen form");

    await phone.getByRole("radio", { name: "Kiến nghị, đề xuất" }).check();
    await phone.getByLabel("Nội dung ý kiến").fill(content);
    await phone.getByRole("radio", { name: "Để lại thông tin liên hệ" }).check();
    await phone.getByLabel("Họ và tên").fill("Lê Thị Hồng");
    await phone.getByLabel("Số điện thoại").fill("0912 345 678");
    await phone.getByRole("checkbox", { name: "Tôi đồng ý để ý kiến này được công khai" }).check();
    await screenshot(phone, "citizen-form");
    const widths = await phone.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document;
      return root.documentElement.scrollWidth;
    });
    expect(widths, "no horizontal scrolling at 360 px").toBeLessThanOrEqual(360);
    await phone.getByRole("button", { name: "Gửi ý kiến", exact: true }).click();

    const codeLocator = phone.getByTestId("tracking-code");
    await codeLocator.waitFor();
    const trackingCode = ((await codeLocator.textContent()) ?? "").trim();
    expect(trackingCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await expectNoAxeViolations(phone, "receipt");
    await screenshot(phone, "citizen-receipt");

    // Before the answer, the tracking page shows the status only.
    await phone.getByRole("link", { name: "Theo dõi ý kiến này" }).click();
    await expect.poll(() => phone.getByTestId("tracked-code").textContent()).toContain(trackingCode);
    expect(await phone.getByTestId("tracked-answer").count()).toBe(0);
    await expect.poll(() => phone.getByText("Hạn trả lời dự kiến").isVisible()).toBe(true);
    await expect.poll(() => phone.getByText("Đã tiếp nhận").first().isVisible()).toBe(true);

    // The officer of the commune logs in, finds it in the inbox, answers.
    const desk = await journey.desktop();
    await desk.goto(`${journey.baseUrl}/login`);
    await expectNoAxeViolations(desk, "login");
    await desk.getByLabel("Tên đăng nhập").fill("xa.canbo");
    await desk.getByLabel("Mật khẩu").fill("sai-mat-khau");
    await desk.getByRole("button", { name: "Đăng nhập" }).click();
    await expect.poll(() => desk.getByText("Tên đăng nhập hoặc mật khẩu không đúng.").isVisible()).toBe(true);
    await desk.getByLabel("Mật khẩu").fill(DEMO_PASSWORD);
    await desk.getByRole("button", { name: "Đăng nhập" }).click();
    await desk.getByTestId("inbox-table").waitFor();
    await expect.poll(() => desk.getByTestId("officer").textContent()).toContain("Công an xã Thiệu Hóa");
    await expect.poll(() => desk.getByRole("columnheader", { name: "Hạn trả lời" }).isVisible()).toBe(true);
    await expectNoAxeViolations(desk, "inbox");
    await screenshot(desk, "console-inbox");

    await desk.getByRole("link", { name: trackingCode }).click();
    await expect.poll(() => desk.getByTestId("detail-content").textContent()).toContain(content);
    // An officer sees that contact details exist but not what they are; only leaders may reveal them.
    expect(await desk.getByRole("button", { name: "Xem thông tin liên hệ" }).count()).toBe(0);
    expect(await desk.content()).not.toContain("0912");
    const answer = "Công an xã đã bố trí tổ tuần tra khu vực chợ từ 19h đến 22h hằng ngày. Cảm ơn chị đã phản ánh.";
    await desk.getByLabel("Nội dung trả lời").fill(answer);
    await expectNoAxeViolations(desk, "detail with answer form");
    // An officer's answer is a draft: a leader approves it before the citizen sees it.
    await desk.getByRole("button", { name: "Gửi lãnh đạo duyệt" }).click();
    await expect.poll(() => desk.getByTestId("detail-announcement").textContent()).toContain("chờ lãnh đạo duyệt");
    await expect.poll(() => desk.getByTestId("answer-list").textContent()).toContain(answer);
    await expect.poll(() => desk.getByTestId("answer-list").textContent()).toContain("Chờ duyệt");
    await screenshot(desk, "console-detail");

    await phone.reload();
    await expect.poll(() => phone.getByText("Đang xử lý").first().isVisible()).toBe(true);
    expect(await phone.getByTestId("tracked-answer").count()).toBe(0);

    // The commune's leader approves the draft from the console.
    const leaderDesk = await journey.login("xa.lanhdao");
    await leaderDesk.getByLabel("Trạng thái").selectOption("IN_PROGRESS");
    await leaderDesk.getByRole("button", { name: "Lọc", exact: true }).click();
    await leaderDesk.getByRole("link", { name: trackingCode }).click();
    await expect.poll(() => leaderDesk.getByTestId("review-draft").textContent()).toContain(answer);
    await expectNoAxeViolations(leaderDesk, "leader review");
    await screenshot(leaderDesk, "console-review");
    await leaderDesk.getByRole("button", { name: "Duyệt và gửi người dân" }).click();
    await expect.poll(() => leaderDesk.getByTestId("detail-announcement").textContent()).toContain("Đã duyệt");
    await expect.poll(() => leaderDesk.getByTestId("answer-list").textContent()).toContain("Đã duyệt, đã gửi người dân");

    // Beside the approved answer, the leader downloads the numbered answer letter (Decree 30), addressed by name.
    const download = leaderDesk.waitForEvent("download");
    await leaderDesk.getByRole("link", { name: "Tải công văn trả lời" }).click();
    const letter = await download;
    expect(letter.suggestedFilename()).toMatch(/^tra-loi-1-TL-\d{4}\.docx$/);
    const { text, header } = await readDocx(await readFile(await letter.path()));
    expect(header).toContain("Số: 01/TL-CAXTH");
    expect(text).toContain("Kính gửi: Ông/Bà Lê Thị Hồng.");
    expect(text).toContain(answer);

    // The citizen reloads the tracking page and reads the answer.
    await phone.reload();
    await expect.poll(() => phone.getByTestId("tracked-answer").textContent()).toContain(answer);
    await expect.poll(() => phone.getByText("Đã trả lời").first().isVisible()).toBe(true);
    expect(await phone.content()).not.toContain("Lê Thị Hồng");
    expect(await phone.content()).not.toContain("chờ lãnh đạo duyệt");
    await expectNoAxeViolations(phone, "tracking page with answer");
    await screenshot(phone, "citizen-answer");

    // The same page in English.
    await phone.getByTestId("language-switch").click();
    await expect.poll(() => phone.locator("html").getAttribute("lang")).toBe("en");
    await expectNoAxeViolations(phone, "tracking page in English");
    await screenshot(phone, "citizen-answer-en");
  });

  it("lets a leader reveal the contact details, and the view is in the audit log", async () => {
    const desk = await journey.login("xa.lanhdao");
    const row = desk.getByTestId("inbox-table").getByRole("row").filter({ hasText: "thủ tục đăng ký thường trú" });
    await row.getByRole("link").click();
    await desk.getByRole("button", { name: "Xem thông tin liên hệ" }).click();
    await expect.poll(() => desk.getByTestId("contact-details").textContent()).toContain("0912 345 678");
    await expect.poll(() => desk.getByText("Lần xem này đã được ghi vào nhật ký kiểm tra.").isVisible()).toBe(true);
    await expectNoAxeViolations(desk, "contact revealed");
    // This opinion's views only: the answer letter printed above was a view of its own contributor's identity.
    const revealed = await journey.db.selectFrom("opinions").select("id").where("content", "like", "%thủ tục đăng ký thường trú%").executeTakeFirstOrThrow();
    const views = await journey.db
      .selectFrom("audit_log")
      .select(["actor_label"])
      .where("action", "=", "opinion.contact.view")
      .where("entity_id", "=", revealed.id)
      .execute();
    expect(views.map((v) => v.actor_label)).toEqual(["xa.lanhdao"]);
  });

  it("tells a citizen plainly when a tracking code does not exist", async () => {
    const phone = await journey.phone();
    await phone.goto(`${journey.baseUrl}/track`);
    await phone.getByLabel("Mã tra cứu").fill("abcd efgh klmn");
    await phone.getByRole("button", { name: "Tra cứu", exact: true }).click();
    await expect.poll(() => phone.getByTestId("tracking-not-found").isVisible()).toBe(true);
    await expectNoAxeViolations(phone, "tracking not found");
  });
});
