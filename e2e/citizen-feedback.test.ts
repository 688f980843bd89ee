import { request, type APIRequestContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, screenshot } from "./support/browser.ts";
import { startJourney, type Journey } from "./support/journey.ts";
import { DEMO_PASSWORD } from "./support/server.ts";

const THIEU_HOA = "5a1e0000-0000-4000-8000-000000001002";
/** How long a poll waits for the page to catch up with a request (it returns as soon as it has). */
const WAIT = { timeout: 15_000 };

/** The page's width as laid out: more than the viewport means horizontal scrolling. */
async function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document;
    return root.documentElement.scrollWidth;
  });
}

/** Sends the form and returns the tracking code shown on the receipt. */
async function submitAndReadCode(phone: Page): Promise<string> {
  await phone.getByRole("button", { name: "Gửi ý kiến", exact: true }).click();
  const codeLocator = phone.getByTestId("tracking-code");
  await codeLocator.waitFor();
  const trackingCode = ((await codeLocator.textContent()) ?? "").trim();
  expect(trackingCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  return trackingCode;
}

/** The commune's leader, through the API as the console uses it: a leader's answer goes out at once. */
async function loginLeader(baseURL: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL });
  const login = await api.post("/api/auth/login", { data: { username: "xa.lanhdao", password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  return api;
}

async function findOpinionId(api: APIRequestContext, trackingCode: string): Promise<string> {
  const response = await api.get("/api/opinions?limit=100");
  expect(response.status()).toBe(200);
  const page = (await response.json()) as { items: { id: string; trackingCode: string }[] };
  const item = page.items.find((candidate) => candidate.trackingCode === trackingCode);
  if (!item) throw new Error(`${trackingCode} is not in the leader's inbox`);
  return item.id;
}

async function answerAsLeader(api: APIRequestContext, opinionId: string, content: string) {
  const response = await api.post(`/api/opinions/${opinionId}/answers`, { data: { content } });
  expect(response.status(), await response.text()).toBe(201);
  expect(((await response.json()) as { status: string }).status).toBe("approved");
}

describe("the citizen's side: legal triage, then rating and reopening the answer", () => {
  let journey: Journey;
  let leader: APIRequestContext | undefined;

  beforeAll(async () => {
    journey = await startJourney();
  });
  afterAll(async () => {
    await leader?.dispose();
    await journey?.close();
  });

  it("sends an emergency to 113 first, still records it, and repeats the advice on the receipt", async () => {
    const phone = await journey.phone();
    await phone.goto(`${journey.baseUrl}/?unit=${THIEU_HOA}`);
    await expect.poll(() => phone.getByTestId("selected-unit").textContent(), WAIT).toContain("Công an xã Thiệu Hóa");

    // The ordinary kinds come first, the legal ones in their own labelled group.
    const legalGroup = phone.getByRole("radiogroup", { name: "Việc có thủ tục pháp luật riêng" });
    await expect.poll(() => legalGroup.getByRole("radio").count(), WAIT).toBe(5);
    expect(await phone.getByRole("radiogroup", { name: "Ý kiến, góp ý" }).getByRole("radio").count()).toBe(4);
    expect(await phone.getByTestId("emergency-alert").count()).toBe(0);

    await legalGroup.getByRole("radio", { name: "Tình huống khẩn cấp" }).check();
    const alert = phone.getByRole("alert").filter({ hasText: "Gọi ngay 113" });
    await alert.waitFor();
    const call = alert.getByRole("link", { name: "Gọi 113" });
    expect(await call.getAttribute("href")).toBe("tel:113");
    // Nothing between the choice and the alert: it is the next thing a screen reader reaches.
    expect(await phone.locator("fieldset:has(#opinion-kind-emergency) + [data-testid='emergency-alert']").count()).toBe(1);
    await expectNoAxeViolations(phone, "form with the emergency kind chosen");
    expect(await scrollWidth(phone), "no horizontal scrolling at 360 px").toBeLessThanOrEqual(360);

    await phone.getByLabel("Nội dung ý kiến").fill("Có người lạ đang cạy cửa nhà hàng xóm ở thôn 3, xã Thiệu Hóa.");
    await call.scrollIntoViewIfNeeded();
    await screenshot(phone, "citizen-emergency");

    // The form still sends it; the receipt says "call 113" again, next to the tracking code.
    await submitAndReadCode(phone);
    const receiptAlert = phone.getByRole("alert").filter({ hasText: "Gọi ngay 113" });
    await receiptAlert.waitFor();
    expect(await receiptAlert.getByRole("link", { name: "Gọi 113" }).getAttribute("href")).toBe("tel:113");
    await expectNoAxeViolations(phone, "receipt of an emergency");
    await screenshot(phone, "citizen-emergency-receipt");
  });

  it("explains a denunciation's procedure and secrecy on the form", async () => {
    const phone = await journey.phone();
    await phone.goto(`${journey.baseUrl}/?unit=${THIEU_HOA}`);
    await phone.getByRole("radio", { name: "Tố cáo", exact: true }).check();
    const notice = phone.getByTestId("routing-notice");
    await expect.poll(() => notice.textContent(), WAIT).toContain("Luật Tố cáo");
    expect(await notice.textContent()).toContain("Danh tính của người tố cáo được giữ bí mật");
    expect(await notice.textContent()).toContain("mã tra cứu");
    expect(await phone.getByTestId("emergency-alert").count()).toBe(0);
  });

  it("says when the answer was given in person at a forum", async () => {
    leader ??= await loginLeader(journey.baseUrl);
    const citizen = await request.newContext({ baseURL: journey.baseUrl });
    const sent = await citizen.post("/api/public/opinions", {
      data: { unitId: THIEU_HOA, kind: "question", anonymous: true, content: "Làm căn cước cho trẻ em dưới 6 tuổi ở đâu?" },
    });
    expect(sent.status()).toBe(201);
    const { trackingCode } = (await sent.json()) as { trackingCode: string };
    await citizen.dispose();
    const opinionId = await findOpinionId(leader, trackingCode);
    const onSpot = await leader.post(`/api/opinions/${opinionId}/steps`, {
      data: { action: "answer_on_spot", content: "Làm tại Công an xã, mang theo giấy khai sinh của cháu." },
    });
    expect(onSpot.status(), await onSpot.text()).toBe(200);

    const phone = await journey.phone();
    await phone.goto(`${journey.baseUrl}/track/${trackingCode}`);
    await expect.poll(() => phone.getByTestId("tracked-answer-on-spot").textContent(), WAIT).toBe("Trả lời trực tiếp tại hội nghị");
    expect(await phone.getByTestId("tracked-answer").textContent()).toContain("giấy khai sinh");
  });

  it("lets the citizen reopen the answer once, then rate the new answer, on a 360-px phone", async () => {
    const content = "Quán karaoke đầu thôn 5 mở nhạc to quá 23 giờ hằng đêm. Đề nghị công an xã kiểm tra, nhắc nhở.";
    const phone = await journey.phone();
    await phone.goto(`${journey.baseUrl}/?unit=${THIEU_HOA}`);
    await expect.poll(() => phone.getByTestId("selected-unit").textContent(), WAIT).toContain("Công an xã Thiệu Hóa");
    await phone.getByLabel("Nội dung ý kiến").fill(content);
    const topic = phone.getByRole("checkbox", { name: "Tiếng ồn, gây mất trật tự" });
    await phone.locator("label", { hasText: "Tiếng ồn, gây mất trật tự" }).click();
    await expect.poll(() => topic.isChecked(), WAIT).toBe(true);
    const trackingCode = await submitAndReadCode(phone);

    // The leader sees the topic and answers; a leader's answer needs no approval.
    leader ??= await loginLeader(journey.baseUrl);
    const opinionId = await findOpinionId(leader, trackingCode);
    const detail = (await (await leader.get(`/api/opinions/${opinionId}`)).json()) as { topics: string[] };
    expect(detail.topics).toEqual(["noise"]);
    const firstAnswer = "Công an xã đã mời chủ quán lên làm việc và nhắc nhở. Cảm ơn bạn đã phản ánh.";
    await answerAsLeader(leader, opinionId, firstAnswer);

    // The citizen reads the answer and may rate it or ask for another look.
    await phone.getByRole("link", { name: "Theo dõi ý kiến này" }).click();
    await expect.poll(() => phone.getByTestId("tracked-answer").textContent(), WAIT).toContain(firstAnswer);
    const reopenForm = phone.getByRole("form", { name: "Đề nghị xem xét lại" });
    const ratingForm = phone.getByRole("form", { name: "Đánh giá câu trả lời" });
    await reopenForm.waitFor();
    await ratingForm.waitFor();
    expect(await phone.getByText("Mỗi ý kiến chỉ được đề nghị xem xét lại một lần.", { exact: false }).count()).toBe(1);
    await expectNoAxeViolations(phone, "tracking page with the rating and reopen forms");

    // A reason is required; the error is announced next to the field.
    await reopenForm.getByRole("button", { name: "Gửi đề nghị xem xét lại" }).click();
    await expect
      .poll(() => reopenForm.getByRole("alert").textContent(), WAIT)
      .toContain("Vui lòng nêu lý do đề nghị xem xét lại.");
    const reason = "Quán vẫn mở nhạc to sau khi được nhắc nhở, đêm qua đến 0 giờ.";
    await reopenForm.getByLabel("Lý do đề nghị xem xét lại").fill(reason);
    await reopenForm.getByRole("button", { name: "Gửi đề nghị xem xét lại" }).click();
    await expect
      .poll(() => phone.getByRole("status").filter({ hasText: "Đã gửi đề nghị xem xét lại" }).count(), WAIT)
      .toBe(1);
    await expect.poll(() => phone.locator("[data-status='IN_PROGRESS']").textContent(), WAIT).toBe("Đang xử lý");
    expect(await reopenForm.count()).toBe(0);
    expect(await ratingForm.count()).toBe(0);
    await expect.poll(() => phone.getByText(reason, { exact: false }).count(), WAIT).toBe(1);

    // The leader answers again; reopening is not offered a second time.
    const secondAnswer = "Công an xã đã lập biên bản vi phạm về tiếng ồn và sẽ kiểm tra đột xuất trong tháng này.";
    await answerAsLeader(leader, opinionId, secondAnswer);
    await phone.reload();
    await expect.poll(() => phone.getByTestId("tracked-answer").textContent(), WAIT).toContain(secondAnswer);
    await ratingForm.waitFor();
    expect(await reopenForm.count()).toBe(0);

    // The citizen rates it "Hài lòng" (4 of 5).
    const levels = await ratingForm.getByRole("radio").evaluateAll((inputs) =>
      inputs.map((input) => (input as unknown as { labels: { textContent: string }[] }).labels[0]?.textContent),
    );
    expect(levels).toEqual(["Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng", "Rất không hài lòng"]);
    await ratingForm.getByRole("radio", { name: "Hài lòng", exact: true }).check();
    await ratingForm.getByLabel("Góp ý thêm (không bắt buộc)").fill("Lần này đơn vị xử lý dứt điểm, cảm ơn.");
    await expectNoAxeViolations(phone, "tracking page with the rating form filled in");
    expect(await scrollWidth(phone), "no horizontal scrolling at 360 px").toBeLessThanOrEqual(360);
    await screenshot(phone, "citizen-rate");
    await ratingForm.getByRole("button", { name: "Gửi đánh giá" }).click();

    await expect
      .poll(() => phone.getByRole("status").filter({ hasText: "Cảm ơn bạn đã đánh giá câu trả lời." }).count(), WAIT)
      .toBe(1);
    await expect.poll(() => phone.getByTestId("tracked-rating").textContent(), WAIT).toContain("Hài lòng");
    expect(await phone.getByTestId("tracked-rating").textContent()).not.toContain("Không hài lòng");
    await expect.poll(() => phone.locator("[data-status='CLOSED']").count(), WAIT).toBe(1);
    expect(await ratingForm.count()).toBe(0);
    await expectNoAxeViolations(phone, "tracking page after rating");
    await screenshot(phone, "citizen-rated");

    // The rating is stored once, and a second one is refused.
    const again = await leader.post(`/api/public/opinions/${trackingCode}/rating`, { data: { score: 1 } });
    expect(again.status()).toBe(409);
  });
});
