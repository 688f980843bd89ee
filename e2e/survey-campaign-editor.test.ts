import { readFile } from "node:fs/promises";
import JSZip from "jszip";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, launchBrowser, newDesktopPage, newPhonePage, screenshot } from "./support/browser.ts";
import { logInToConsole } from "./support/console.ts";
import { startProductServer } from "./support/server.ts";
import { todayInVietnam } from "../src/text/dates.ts";
import { printedCodes } from "../test/surveys.ts";

const THIEU_HOA = "5a1e0000-0000-4000-8000-000000001002";

/** The text of a DOCX's body, read with a real zip reader: runs joined, paragraphs on their own lines. */
async function docxText(buffer: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file("word/document.xml")?.async("string");
  if (!xml) throw new Error("no word/document.xml");
  return xml.replace(/<\/w:p>/g, "\n").replace(/<[^>]+>/g, "").replace(/&amp;/g, "&");
}

/** An attribute of the focused element (its aria-label unless said). */
const focused = (page: Page, attribute = "aria-label") => page.locator(":focus").getAttribute(attribute);

describe("a leader writing and editing a campaign's own questions in the console", () => {
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

  it("adds a choice and a Likert question by keyboard and mouse, reorders them, edits the campaign, and the citizen sees them", async () => {
    const page = await newDesktopPage(browser);
    await logInToConsole(page, server.url, "tinh.lanhdao");
    await page.getByRole("link", { name: "Khảo sát", exact: true }).click();
    const form = page.getByRole("region", { name: "Tạo đợt khảo sát" });
    await form.getByLabel("Tên đợt khảo sát").click();
    await page.keyboard.type("Khảo sát tiếp dân quý IV");
    await form.getByRole("checkbox", { name: "Công an xã Thiệu Hóa" }).check();

    // A choice question by mouse; sent empty, its fields say what is missing and the focus goes to the first.
    await form.getByLabel("Loại câu hỏi mới").selectOption("choice");
    await form.getByRole("button", { name: "Thêm câu hỏi" }).click();
    expect(await focused(page, "id")).toMatch(/-vi$/);
    await form.getByRole("button", { name: "Tạo đợt khảo sát" }).click();
    await form.getByText("Hãy nhập nội dung bằng tiếng Việt.").first().waitFor();
    expect(await form.getByText("Hãy nhập nội dung bằng tiếng Việt.").count()).toBe(3);
    expect(await focused(page, "aria-invalid")).toBe("true");
    await expectNoAxeViolations(page, "campaign form with inline errors");
    await page.keyboard.type("Bạn biết đến buổi tiếp dân qua đâu?");
    await form.getByLabel("Lựa chọn 1 (tiếng Việt)").fill("Loa phát thanh của xã");
    await form.getByLabel("Lựa chọn 2 (tiếng Việt)").fill("Cán bộ Công an xã");
    await form.getByLabel("Lựa chọn 2 (tiếng Anh)").fill("A police officer");

    // A Likert question by keyboard only: choose the type, add, type its text, move it up.
    await form.getByLabel("Loại câu hỏi mới").focus();
    await form.getByLabel("Loại câu hỏi mới").selectOption("likert");
    await page.keyboard.press("Tab");
    expect(await page.locator(":focus").textContent()).toBe("Thêm câu hỏi");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Cán bộ tiếp dân có lắng nghe ý kiến của bạn không?");
    await form.getByText("Người dân chọn một trong 5 mức: Rất hài lòng · Hài lòng · Bình thường · Không hài lòng · Rất không hài lòng.").waitFor();
    await form.getByRole("button", { name: "Chuyển câu hỏi 2 lên" }).focus();
    await page.keyboard.press("Enter");
    await form.getByRole("heading", { name: "Câu hỏi thêm 1: Mức độ hài lòng (5 mức)" }).waitFor();
    await form.getByRole("heading", { name: "Câu hỏi thêm 2: Chọn một trong các lựa chọn" }).waitFor();
    // At the top its "up" button is disabled, so the focus stays on the moved question's "down" button.
    expect(await focused(page)).toBe("Chuyển câu hỏi 1 xuống");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("Xem trước câu hỏi 1");
    await page.keyboard.press("Enter");
    const preview = form.getByRole("group", { name: "Câu hỏi 1 như người dân thấy" });
    await preview.getByRole("radio", { name: "Rất hài lòng" }).check();
    await expectNoAxeViolations(page, "campaign form with two custom questions and a preview");
    await screenshot(page, "survey-campaign-editor-create");

    await form.getByRole("button", { name: "Tạo đợt khảo sát" }).click();
    await page.getByRole("heading", { level: 2, name: "Khảo sát tiếp dân quý IV" }).waitFor();
    const year = Number(todayInVietnam().slice(0, 4));
    await page.getByText(`Từ 01/01/${year} đến 31/12/${year}`).waitFor();

    // The edit form reuses the create form's parts: the end date moves a year on, the commune gets a quota.
    await page.getByRole("button", { name: "Sửa đợt khảo sát" }).click();
    const edit = page.getByRole("region", { name: "Sửa đợt khảo sát" });
    expect(await focused(page, "tabindex")).toBe("-1");
    await edit.getByRole("group", { name: "Câu hỏi thêm 1: Mức độ hài lòng (5 mức)" }).getByLabel("Nội dung câu hỏi (tiếng Việt)").waitFor();
    expect(await edit.getByLabel("Nội dung câu hỏi (tiếng Việt)").first().inputValue()).toBe("Cán bộ tiếp dân có lắng nghe ý kiến của bạn không?");
    await edit.getByLabel("Đến ngày").fill(`31/12/${year + 1}`);
    await edit.getByLabel("Đến ngày").press("Tab");
    await edit.getByLabel("Chỉ tiêu số phiếu của Công an xã Thiệu Hóa").fill("120");
    await expectNoAxeViolations(page, "campaign edit form");
    await screenshot(page, "survey-campaign-editor-edit");
    await edit.getByRole("button", { name: "Lưu thay đổi" }).click();
    await page.getByRole("status").getByText("Đã lưu thay đổi của đợt khảo sát.").waitFor();
    expect(await page.locator(":focus").textContent()).toBe("Sửa đợt khảo sát");
    expect(await focused(page, "tabindex")).toBeNull();
    await page.getByText(`Từ 01/01/${year} đến 31/12/${year + 1}`).waitFor();
    const campaign = await server.db.selectFrom("survey_campaigns").select(["id", "ends_on"]).where("title", "=", "Khảo sát tiếp dân quý IV").executeTakeFirstOrThrow();
    expect(campaign.ends_on).toBe(`${year + 1}-12-31`);
    const unit = await server.db.selectFrom("survey_campaign_units").select("quota").where("campaign_id", "=", campaign.id).executeTakeFirstOrThrow();
    expect(unit.quota).toBe(120);
    const audit = await server.db.selectFrom("audit_log").select("action").where("entity_id", "=", campaign.id).orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual(["survey.campaign.create", "survey.campaign.update"]);

    // The citizen's link: the template's four questions, then the two custom ones in the chosen order.
    const link = await page.getByRole("link", { name: new RegExp(`/s/${campaign.id}/${THIEU_HOA}$`) }).getAttribute("href");
    const phone = await newPhonePage(browser);
    await phone.goto(`${server.url}${link}`);
    for (let n = 1; n <= 4; n++) {
      await phone.getByRole("heading", { name: `Câu ${n}/6` }).waitFor();
      await phone.getByRole("radio", { name: "Hài lòng", exact: true }).check();
      await phone.getByRole("button", { name: "Tiếp" }).click();
    }
    await phone.getByRole("heading", { name: "Câu 5/6" }).waitFor();
    await phone.getByRole("group", { name: "Cán bộ tiếp dân có lắng nghe ý kiến của bạn không?" }).getByRole("radio", { name: "Rất hài lòng" }).check();
    await phone.getByRole("button", { name: "Tiếp" }).click();
    await phone.getByRole("heading", { name: "Câu 6/6" }).waitFor();
    const choice = phone.getByRole("group", { name: "Bạn biết đến buổi tiếp dân qua đâu?" });
    await choice.getByRole("radio", { name: "Cán bộ Công an xã" }).check();
    expect(await choice.getByRole("radio").count()).toBe(2);
    await expectNoAxeViolations(phone, "custom choice question on a phone");
    await screenshot(phone, "survey-campaign-editor-citizen");
    await phone.getByRole("button", { name: "Tiếp" }).click();
    await phone.getByRole("button", { name: "Gửi", exact: true }).click();
    await phone.getByRole("heading", { name: "Đã gửi. Xin cảm ơn!" }).waitFor();

    // With a response stored, the edit form locks the questions and says why.
    await page.reload();
    await page.getByRole("button", { name: "Sửa đợt khảo sát" }).click();
    await edit.getByText("Đợt khảo sát đã có phiếu trả lời").waitFor();
    expect(await edit.getByRole("button", { name: "Thêm câu hỏi" }).isDisabled()).toBe(true);
    expect(await edit.getByLabel("Nội dung câu hỏi (tiếng Việt)").first().isDisabled()).toBe(true);
    await expectNoAxeViolations(page, "campaign edit form with responses");
    await screenshot(page, "survey-campaign-editor-locked");
    // The same form in English.
    await page.getByRole("button", { name: "English" }).click();
    const editEn = page.getByRole("region", { name: "Edit campaign" });
    await editEn.getByText("The campaign already has responses").waitFor();
    await editEn.getByRole("button", { name: "Move question 2 up" }).waitFor();
    await editEn.getByRole("heading", { name: "Additional question 2: One of several options" }).waitFor();
    await expectNoAxeViolations(page, "campaign edit form in English");
    await editEn.getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("button", { name: "Tiếng Việt" }).click();
    await page.getByRole("button", { name: "Sửa đợt khảo sát" }).waitFor();

    // A contact campaign's one-time codes, printed on a DOCX sheet from the existing button.
    await page.getByRole("link", { name: "Khảo sát", exact: true }).click();
    await form.getByLabel("Tên đợt khảo sát").fill("Hài lòng sau khi làm thủ tục cư trú");
    await form.getByLabel("Loại khảo sát (không gộp chung)").selectOption("contact");
    expect(await form.getByRole("checkbox", { name: "Tại bộ phận tiếp dân" }).isChecked()).toBe(true);
    await form.getByRole("checkbox", { name: "Công an xã Thiệu Hóa" }).check();
    await form.getByRole("button", { name: "Tạo đợt khảo sát" }).click();
    await page.getByRole("heading", { level: 2, name: "Hài lòng sau khi làm thủ tục cư trú" }).waitFor();
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "In 30 mã dùng một lần (DOCX)" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("ma-danh-gia-dung-mot-lan.docx");
    const text = await docxText(await readFile(await file.path()));
    expect(text).toContain("MÃ ĐÁNH GIÁ SỰ HÀI LÒNG DÙNG MỘT LẦN");
    expect(text).toContain("Công an xã Thiệu Hóa");
    expect(text).toContain("Số mã: 30");
    expect(printedCodes(text)).toHaveLength(30);
    const contact = await server.db.selectFrom("survey_campaigns").select("id").where("title", "=", "Hài lòng sau khi làm thủ tục cư trú").executeTakeFirstOrThrow();
    expect(await server.db.selectFrom("survey_codes").select("code_hash").where("campaign_id", "=", contact.id).execute()).toHaveLength(30);
  });
});
