import { request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, screenshot } from "./support/browser.ts";
import { startJourney, type Journey } from "./support/journey.ts";
import { DEMO_PASSWORD } from "./support/server.ts";

const THIEU_HOA = "5a1e0000-0000-4000-8000-000000001002";

describe("a unit's public page", () => {
  let journey: Journey;

  beforeAll(async () => {
    journey = await startJourney();
  });
  afterAll(async () => {
    await journey?.close();
  });

  it("shows the unit's figures as numbers and a chart, and the published answers without any personal data", async () => {
    // A citizen agreed to publication but wrote their name, phone and plate into the text; the leader's
    // answer repeats the name. Another citizen did not agree to publication.
    const api = await request.newContext({ baseURL: journey.baseUrl });
    const send = async (data: object) => {
      const response = await api.post("/api/public/opinions", { data: { unitId: THIEU_HOA, ...data } });
      expect(response.status()).toBe(201);
      return ((await response.json()) as { trackingCode: string }).trackingCode;
    };
    const published = await send({
      content: "Tôi là Trần Văn Bình, điện thoại 0987 654 321, xe 36B1-234.56 bị dắt mất trước cổng chợ Thiệu Hóa.",
      publicConsent: true,
      kind: "reflection",
    });
    const unpublished = await send({ content: "Ý kiến riêng tư không công khai về hàng xóm.", publicConsent: false });

    const leader = await request.newContext({ baseURL: journey.baseUrl });
    expect((await leader.post("/api/auth/login", { data: { username: "xa.lanhdao", password: DEMO_PASSWORD } })).status()).toBe(200);
    const inbox = (await (await leader.get("/api/opinions?limit=100")).json()) as { items: { id: string; trackingCode: string }[] };
    for (const code of [published, unpublished]) {
      const id = inbox.items.find((item) => item.trackingCode === code)?.id;
      const answer = await leader.post(`/api/opinions/${id}/answers`, {
        data: { content: "Gửi anh Trần Văn Bình: Công an xã đã tiếp nhận, trích xuất camera và sẽ thông báo kết quả." },
      });
      expect(answer.status()).toBe(201);
    }

    const phone = await journey.phone();
    await phone.goto(`${journey.baseUrl}/units`);
    await phone.getByTestId("unit-directory").waitFor();
    await expectNoAxeViolations(phone, "unit directory");
    await phone.getByRole("link", { name: "Công an xã Thiệu Hóa" }).click();
    await expect.poll(() => phone.getByRole("heading", { level: 1 }).textContent()).toBe("Công an xã Thiệu Hóa");
    await phone.getByTestId("published-opinions").waitFor();

    const text = (await phone.locator("main").textContent()) ?? "";
    expect(text).toContain("[họ tên]");
    expect(text).toContain("[số điện thoại]");
    expect(text).toContain("[biển số xe]");
    for (const secret of ["Trần Văn Bình", "0987", "654 321", "36B1", "riêng tư", "Nguyễn Thị Mai", "0912"]) {
      expect(await phone.content(), `the public page must not show “${secret}”`).not.toContain(secret);
    }
    // The figures: the demo's and these opinions; the chart is described in words for screen readers.
    await expect.poll(() => phone.getByText("Ý kiến đã nhận").isVisible()).toBe(true);
    expect(await phone.getByRole("img", { name: /trả lời đúng hạn/ }).count()).toBe(1);
    const widths = await phone.evaluate(
      () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth,
    );
    expect(widths, "no horizontal scrolling at 360 px").toBeLessThanOrEqual(360);
    await expectNoAxeViolations(phone, "public unit page");
    await screenshot(phone, "public-unit");

    // The open data: the page links the downloads of its period; the CSV carries the same redacted answers.
    const csvLink = phone.getByRole("link", { name: "Câu trả lời (CSV)" });
    const href = (await csvLink.getAttribute("href")) ?? "";
    expect(href).toMatch(new RegExp(`^/api/public/units/${THIEU_HOA}/open-data/answers\\.csv\\?from=\\d{4}-\\d{2}-\\d{2}&to=`));
    const csv = await api.get(href);
    expect(csv.status()).toBe(200);
    const csvText = (await csv.body()).toString("utf8");
    expect(csvText.startsWith("\ufeffunitName,kind,topics,")).toBe(true);
    expect(csvText).toContain("[họ tên]");
    for (const secret of ["Trần Văn Bình", "0987", "36B1", "riêng tư"]) expect(csvText).not.toContain(secret);

    await phone.getByTestId("language-switch").click();
    await expect.poll(() => phone.getByText("Opinions received").isVisible()).toBe(true);
    expect(await phone.getByRole("link", { name: "Figures (JSON)" }).count()).toBe(1);
    await expectNoAxeViolations(phone, "public unit page in English");
  });

  it("pre-fills the unit, the QR channel and the topic from a QR link", async () => {
    const phone = await journey.phone();
    await phone.goto(`${journey.baseUrl}/?unit=${THIEU_HOA}&topic=traffic`);
    await expect.poll(() => phone.getByTestId("selected-unit").textContent()).toContain("Công an xã Thiệu Hóa");
    const chip = phone.getByRole("checkbox", { name: "Trật tự, an toàn giao thông" });
    await expect.poll(() => chip.isChecked()).toBe(true);
    await phone.getByLabel("Nội dung ý kiến").fill("Xe tải chạy quá tốc độ qua cổng trường tiểu học giờ tan học.");
    await phone.getByRole("radio", { name: "Gửi ẩn danh" }).check();
    await phone.getByRole("button", { name: "Gửi ý kiến", exact: true }).click();
    const code = ((await phone.getByTestId("tracking-code").textContent()) ?? "").trim();
    const row = await journey.db
      .selectFrom("opinions")
      .select(["channel", "topics"])
      .where("tracking_code", "=", code.replaceAll("-", ""))
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ channel: "qr", topics: ["traffic"] });
  });
});
