import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseFile, expectNoAxeViolations, screenshot } from "./support/browser.ts";
import { startJourney, type Journey } from "./support/journey.ts";
import { todayInVietnam } from "../src/text/dates.ts";

const PHONE_OPINION = "Đề nghị lắp đèn đường ở dốc đê thôn Đông, gọi 0912345678 nếu cần.";
const SPOKEN = "Bà con xóm Bắc đề nghị tuần tra vào giờ tan học ở cổng trường.";
const TOPIC = "Trật tự, an toàn giao thông";
const WRITTEN_ANSWER = "Công an xã bố trí tổ tuần tra ở cổng trường từ 16 giờ 30 các ngày học.";

describe("a forum run live: phone → chair → projector, secretary, minutes", () => {
  let journey: Journey;

  beforeAll(async () => {
    journey = await startJourney();
  });
  afterAll(async () => {
    await journey?.close();
  });

  it("plans a forum, runs it with several pages at once, and finalises its minutes", async () => {
    // The commune leader plans a forum in the console.
    const chair = await journey.login("xa.lanhdao");
    await chair.getByRole("link", { name: "Hội nghị" }).click();
    await chair.getByTestId("forum-plan").waitFor();
    await expect.poll(() => chair.getByTestId("forum-coverage").textContent()).toContain("Thiệu Hóa");
    // The figures count the opinions by topic and say how many have none (the demo forum's opinions have none).
    expect(await chair.getByTestId("forum-stats-topics").textContent()).toMatch(/^Ý kiến theo chủ đề: .*Chưa phân loại [1-9]\d*$/);
    await expectNoAxeViolations(chair, "forum plan");
    await screenshot(chair, "console-forums");
    await chair.getByRole("button", { name: "Lập hội nghị mới" }).click();
    await chair.getByLabel("Tên hội nghị").fill("Công an lắng nghe ý kiến Nhân dân thôn Đông");
    await chair.getByLabel("Thời gian bắt đầu").fill("15/03/2030 08:00");
    await chair.getByLabel("Thôn, tổ dân phố").fill("Thôn Đông");
    await chair.getByLabel("Địa điểm cụ thể").fill("Nhà văn hóa thôn Đông");
    await chair.getByLabel("Người chủ trì").fill("Thiếu tá Nguyễn Văn Minh");
    await chair.getByLabel(/^Thư ký/).fill("Đại úy Trần Thị Hoa");
    await chair.getByLabel("Số liệu chính").fill("Tiếp nhận tin báo, tố giác tội phạm: 100%");
    await expectNoAxeViolations(chair, "forum form");
    await chair.getByRole("button", { name: "Lưu kế hoạch" }).click();
    await chair.getByRole("button", { name: "Bắt đầu hội nghị" }).click();
    await expect.poll(() => chair.getByTestId("forum-status").textContent()).toBe("Đang diễn ra");
    const forumId = new URL(chair.url()).pathname.split("/").pop() ?? "";
    // The unit's report as a file, for the forum's page.
    const report = chair.getByRole("button", { name: /^Tệp báo cáo của đơn vị/ });
    expect(await report.textContent()).toBe("Chọn tệp báo cáo…");
    await chooseFile(chair, /^Tệp báo cáo của đơn vị/, {
      name: "Báo cáo ANTT 9 tháng.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.7\nBáo cáo\n"),
    });
    await chair.getByText("Đã đính kèm “Báo cáo ANTT 9 tháng.pdf”.").waitFor();
    const chosen = "Tệp báo cáo của đơn vị (PDF, Word, PowerPoint, Excel, ảnh) Báo cáo ANTT 9 tháng.pdf";
    expect(await chair.getByRole("button", { name: chosen, exact: true }).count()).toBe(1);
    await expectNoAxeViolations(chair, "forum with its report attached");
    await screenshot(chair, "console-forum-report");

    // The projector and a phone open the forum (the phone as its QR code would).
    const projector = await journey.desktop();
    await projector.goto(`${journey.baseUrl}/forums/${forumId}/projector`);
    await expect.poll(() => projector.getByTestId("projector-current").textContent()).toContain("Mời bà con phát biểu");
    const phone = await journey.phone();
    await phone.goto(`${journey.baseUrl}/forums/${forumId}`);
    await phone.getByRole("link", { name: /Tải báo cáo của đơn vị \(Báo cáo ANTT 9 tháng\.pdf\)/ }).waitFor();
    await phone.getByLabel("Ý kiến của bạn").fill(PHONE_OPINION);
    // One tap picks a topic; a second topic replaces it.
    await phone.locator("label", { hasText: "Trộm cắp, cướp giật" }).click();
    await phone.locator("label", { hasText: TOPIC }).click();
    expect(await phone.getByRole("checkbox", { checked: true }).count()).toBe(1);
    await expectNoAxeViolations(phone, "forum phone page with a topic picked");
    await screenshot(phone, "forum-phone-topic");
    await phone.getByRole("button", { name: "Gửi ý kiến" }).click();
    await phone.getByText("Cảm ơn bạn. Chủ trì hội nghị sẽ xem xét").waitFor();
    await expectNoAxeViolations(phone, "forum phone page");

    // The chair's screen gets it live, waiting; the chair puts it on screen; the projector follows within a second.
    const pending = chair.locator('[data-testid="moderation-item"][data-moderation="pending"]');
    await pending.first().waitFor({ timeout: 5_000 });
    expect(await pending.first().textContent()).toContain("0912345678");
    await expectNoAxeViolations(chair, "chair moderation");
    const shownAt = Date.now();
    await pending.first().getByRole("button", { name: "Chiếu ngay" }).click();
    await expect.poll(() => projector.getByTestId("projector-current").textContent(), { timeout: 5_000 }).toContain("lắp đèn đường");
    expect(Date.now() - shownAt).toBeLessThan(3_000);
    const onScreen = (await projector.getByTestId("projector-current").textContent()) ?? "";
    expect(onScreen).not.toContain("0912345678");
    expect(onScreen).toContain("[số điện thoại]");
    await expectNoAxeViolations(projector, "projector");
    await screenshot(projector, "forum-projector");

    // The phone sees it on its list (and on "now discussing"), supports it once.
    await expect.poll(() => phone.getByTestId("forum-now").textContent(), { timeout: 5_000 }).toContain("lắp đèn đường");
    await expect.poll(() => phone.getByTestId("forum-opinion").count(), { timeout: 10_000 }).toBe(1);
    await phone.getByRole("button", { name: /ủng hộ ý kiến này/ }).click();
    await expect.poll(() => phone.getByTestId("forum-opinion").textContent()).toContain("+1 · 1");
    await expect.poll(() => projector.getByTestId("projector-current").textContent()).toContain("1 lượt ủng hộ");
    await screenshot(phone, "forum-phone");

    // The chair answers on the spot.
    const item = chair.locator('[data-testid="moderation-item"]').first();
    await item.getByLabel("Nội dung trả lời tại chỗ").fill("Công an xã sẽ đề nghị UBND xã lắp đèn trong tháng này.");
    await item.getByRole("button", { name: "Ghi kết quả" }).click();
    await expect.poll(() => item.textContent()).toContain("Đã trả lời tại chỗ");
    // The chair adds a topic to the answered opinion; it is saved at once.
    await item.getByRole("button", { name: "Sửa chủ đề" }).click();
    await item.locator("label", { hasText: "Trộm cắp, cướp giật" }).click();
    await expect
      .poll(async () => (await journey.db.selectFrom("opinions").select("topics").where("content", "=", PHONE_OPINION).executeTakeFirst())?.topics)
      .toEqual(["traffic", "theft"]);
    await expectNoAxeViolations(chair, "chair changing topics");
    await screenshot(chair, "console-forum-chair-topics");
    await item.getByRole("button", { name: "Xong" }).click();
    await expect.poll(() => item.textContent()).toContain(`Chủ đề: ${TOPIC}; Trộm cắp, cướp giật`);
    await screenshot(chair, "console-forum-chair");

    // The secretary records a spoken opinion (Ctrl+Enter); it is stored once and reaches the chair's list.
    // The hall's connection drops while the secretary types: the entry waits in the browser, then goes once.
    await chair.getByRole("tab", { name: "Thư ký: ghi ý kiến" }).click();
    await chair.context().setOffline(true);
    await chair.getByLabel("Nội dung phát biểu").fill(SPOKEN);
    await chair.getByLabel("Người phát biểu").fill("Ông Sáu, xóm Bắc");
    // Topics from the keyboard: Tab reaches a chip, Space picks it.
    await chair.getByRole("checkbox", { name: TOPIC }).focus();
    await chair.keyboard.press("Space");
    await chair.getByRole("checkbox", { name: "Camera an ninh, mô hình tự quản" }).focus();
    await chair.keyboard.press("Space");
    await screenshot(chair, "console-forum-secretary-topics");
    await chair.getByLabel("Nội dung phát biểu").press("Control+Enter");
    await expect.poll(() => chair.getByTestId("entry-status").textContent()).toContain("Mất kết nối mạng: 1 ý kiến");
    expect(await journey.db.selectFrom("opinions").select("id").where("content", "=", SPOKEN).execute()).toEqual([]);
    // The answer to the first send is lost on the way back: the browser sends again, the server stores it once.
    let lostAnswers = 0;
    await chair.route("**/api/forums/*/entries", async (route) => {
      if (lostAnswers > 0) return route.continue();
      lostAnswers += 1;
      await route.fetch();
      await route.abort("connectionreset");
    });
    await chair.context().setOffline(false);
    await chair.evaluate(() => (globalThis as unknown as EventTarget).dispatchEvent(new Event("online")));
    await expect.poll(() => chair.getByTestId("entry-status").textContent(), { timeout: 30_000 }).toContain("Tất cả ý kiến đã được gửi");
    expect(lostAnswers).toBe(1);
    await expectNoAxeViolations(chair, "secretary entry");
    const stored = await journey.db.selectFrom("opinions").select(["channel", "topics"]).where("content", "=", SPOKEN).execute();
    expect(stored).toEqual([{ channel: "forum", topics: ["traffic", "community_security"] }]);
    await chair.getByRole("tab", { name: "Chủ trì: duyệt và trả lời" }).click();
    await expect.poll(() => chair.locator('[data-testid="moderation-item"]').count()).toBe(2);
    await expect.poll(() => projector.getByTestId("projector-queue").textContent()).toContain("tuần tra vào giờ tan học");

    // Marked for a written answer, then answered in writing by the leader (approved at once).
    const spokenItem = chair.locator('[data-testid="moderation-item"]', { hasText: "tuần tra vào giờ tan học" });
    await spokenItem.getByLabel("Kết quả").selectOption("written");
    await spokenItem.getByRole("button", { name: "Ghi kết quả" }).click();
    await expect.poll(() => spokenItem.textContent()).toContain("Sẽ trả lời bằng văn bản");
    const spokenId = (await journey.db.selectFrom("opinions").select("id").where("content", "=", SPOKEN).executeTakeFirstOrThrow()).id;
    const answerStatus = await chair.evaluate(
      async ({ url, content }) =>
        (await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ content }) })).status,
      { url: `/api/opinions/${spokenId}/answers`, content: WRITTEN_ANSWER },
    );
    expect(answerStatus).toBe(201);

    // The phone shows the answer given on the spot.
    await phone.reload();
    await expect.poll(() => phone.getByTestId("forum-opinion").first().textContent(), { timeout: 10_000 }).toContain("Công an xã sẽ đề nghị UBND xã");
    // The written answer replaces "to be answered in writing".
    const spokenOnPhone = phone.getByTestId("forum-opinion").filter({ hasText: "tuần tra vào giờ tan học" });
    await expect.poll(() => spokenOnPhone.textContent()).toContain("Đã trả lời bằng văn bản");
    expect(await spokenOnPhone.textContent()).toContain(WRITTEN_ANSWER);
    expect(await spokenOnPhone.textContent()).not.toContain("Sẽ trả lời bằng văn bản");

    // End, minutes, finalise.
    await chair.getByRole("button", { name: "Kết thúc hội nghị" }).click();
    await expect.poll(() => chair.getByTestId("forum-status").textContent()).toBe("Đã kết thúc");
    await chair.getByRole("tab", { name: "Biên bản" }).click();
    await chair.getByLabel("Thành phần tham dự").fill("Đại diện Ủy ban MTTQ xã; 80 người dân thôn Đông.");
    await chair.getByLabel("Diễn biến hội nghị").fill("Trưởng Công an xã báo cáo; bà con phát biểu; lãnh đạo tiếp thu, giải trình.");
    await chair.getByRole("button", { name: "Lưu dự thảo" }).click();
    await chair.getByText("Đã lưu dự thảo biên bản.").waitFor();
    await chair.getByRole("button", { name: "Hoàn tất biên bản" }).click();
    await chair.getByTestId("minutes-final").waitFor();
    await expectNoAxeViolations(chair, "minutes");
    const minutes = await journey.db.selectFrom("forum_minutes").select(["status", "content_hash"]).where("forum_id", "=", forumId).executeTakeFirstOrThrow();
    expect(minutes.status).toBe("final");
    expect(minutes.content_hash).toMatch(/^[0-9a-f]{64}$/);

    // The inbox finds both by the forum's channel and the topic; the detail links back to the forum.
    await chair.goto(`${journey.baseUrl}/console?channel=forum&topic=traffic`);
    const rows = chair.getByTestId("inbox-table").locator("tbody tr");
    await expect.poll(() => chair.getByTestId("inbox-table").textContent()).toContain("tuần tra vào giờ tan học");
    expect(await chair.getByTestId("inbox-table").textContent()).toContain("lắp đèn đường");
    await rows.filter({ hasText: "lắp đèn đường" }).getByRole("link").click();
    const forumLink = chair.getByTestId("detail-forum");
    expect(await forumLink.textContent()).toBe("Ý kiến tại hội nghị: Công an lắng nghe ý kiến Nhân dân thôn Đông (15/03/2030)");
    await expectNoAxeViolations(chair, "opinion raised at a forum");
    await forumLink.click();
    await expect.poll(() => new URL(chair.url()).pathname).toBe(`/console/forums/${forumId}`);
  });

  it("links a satisfaction campaign: the leader creates it in one step, a phone follows the forum page's call to action to the survey", async () => {
    // Today in Vietnam, late in the evening: the forum's campaign takes responses from today.
    const today = todayInVietnam();
    const [year, month, day] = today.split("-");
    const leader = await journey.login("xa.lanhdao");
    await leader.getByRole("link", { name: "Hội nghị" }).click();
    await leader.getByRole("button", { name: "Lập hội nghị mới" }).click();
    await leader.getByLabel("Tên hội nghị").fill("Công an lắng nghe ý kiến Nhân dân thôn Nam");
    await leader.getByLabel("Thời gian bắt đầu").fill(`${day}/${month}/${year} 23:30`);
    await leader.getByLabel("Địa điểm cụ thể").fill("Nhà văn hóa thôn Nam");
    await leader.getByLabel("Người chủ trì").fill("Thiếu tá Nguyễn Văn Minh");
    await leader.getByLabel(/^Thư ký/).fill("Đại úy Trần Thị Hoa");
    await leader.getByRole("button", { name: "Lưu kế hoạch" }).click();
    await leader.getByRole("heading", { name: "Đánh giá sự hài lòng" }).waitFor();
    await leader.getByText("Chưa có đợt khảo sát sự hài lòng nào liên kết với hội nghị.").waitFor();
    await leader.getByRole("button", { name: "Tạo đợt khảo sát cho hội nghị" }).click();
    await expect.poll(() => leader.getByTestId("forum-campaigns").textContent()).toContain("Đang nhận phiếu");
    expect(await leader.getByTestId("forum-campaigns").textContent()).toContain(`${day}/${month}/${year}`);
    expect(await leader.getByRole("button", { name: "Tạo đợt khảo sát cho hội nghị" }).count()).toBe(0);
    expect(await leader.getByTestId("forum-campaign-satisfaction").textContent()).toContain("chưa đủ 10 lượt tối thiểu để công bố tỷ lệ hài lòng");
    await expectNoAxeViolations(leader, "forum's satisfaction campaign");
    await screenshot(leader, "console-forum-campaign");
    const forumId = new URL(leader.url()).pathname.split("/").pop() ?? "";

    // A phone opens the forum's page, follows the call to action and lands on the survey of the commune police.
    const phone = await journey.phone();
    await phone.goto(`${journey.baseUrl}/forums/${forumId}`);
    const cta = phone.getByTestId("forum-satisfaction");
    await cta.getByRole("link", { name: "Đánh giá sự hài lòng" }).waitFor();
    await expectNoAxeViolations(phone, "forum page with the survey's call to action");
    await screenshot(phone, "forum-phone-satisfaction");
    await cta.getByRole("link", { name: "Đánh giá sự hài lòng" }).click();
    await phone.getByRole("heading", { level: 1, name: "Đánh giá sự hài lòng" }).waitFor();
    expect(new URL(phone.url()).pathname).toMatch(/^\/s\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/);
    expect(new URL(phone.url()).searchParams.get("via")).toBe("forum");
    await phone.getByRole("radio", { name: "Hài lòng", exact: true }).first().waitFor();
    await expectNoAxeViolations(phone, "survey opened from the forum");
    await screenshot(phone, "forum-phone-survey");
  });

  it("the demo forum's page works on a 360 px phone: shown opinions with their answers, no sideways scrolling", async () => {
    const forum = await journey.db.selectFrom("forums").select("id").where("status", "=", "ended").executeTakeFirstOrThrow();
    const phone = await journey.phone();
    await phone.goto(`${journey.baseUrl}/forums/${forum.id}`);
    await expect.poll(() => phone.getByTestId("forum-opinion").count()).toBe(4);
    expect(await phone.getByText("Trả lời tại hội nghị").count()).toBeGreaterThan(0);
    const overflow = await phone.evaluate(() => {
      const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
      return doc.documentElement.scrollWidth - doc.documentElement.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await phone.getByRole("button", { name: "Gửi ý kiến" }).count()).toBe(0);
    await expectNoAxeViolations(phone, "ended forum page");
    await screenshot(phone, "forum-phone-answers");
  });
});
