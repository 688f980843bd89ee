import { AlignmentType, ImageRun, Paragraph, Table, TableCell, TableRow, WidthType } from "docx";
import QRCode from "qrcode";
import type { Language } from "../http/messages.ts";
import { paragraph as decreeParagraph, renderDecree30Docx, type Issuer } from "../reports/decree30.ts";
import type { Campaign } from "./surveys.campaigns.service.ts";
import { LIKERT_LABELS, RESPONDENT_ATTRIBUTES, type RespondentAttribute } from "./surveys.templates.ts";

// Sizes in half-points, as the forms were laid out (13 pt text).
const paragraph = (text: string, options: { bold?: boolean; italics?: boolean; center?: boolean; size?: number } = {}) =>
  decreeParagraph(text, { bold: options.bold, italics: options.italics, align: options.center ? "center" : "left", size: (options.size ?? 26) / 2 });
const cell = (children: Paragraph[], width?: number) =>
  new TableCell({ children, ...(width ? { width: { size: width, type: WidthType.PERCENTAGE } } : {}) });

const ATTRIBUTE_NAMES_VI: Record<RespondentAttribute, string> = { ageBand: "Nhóm tuổi", sex: "Giới tính", occupation: "Nghề nghiệp", area: "Khu vực" };
const VALUE_NAMES_VI: Record<string, string> = {
  "60+": "60 trở lên",
  male: "Nam",
  female: "Nữ",
  other: "Khác",
  farmer: "Nông dân",
  worker: "Công nhân",
  business: "Kinh doanh",
  public_sector: "Cán bộ, công chức",
  student: "Học sinh, sinh viên",
  retired: "Nghỉ hưu",
  urban: "Thành thị",
  rural: "Nông thôn",
};

/** A form, poster or sheet of a campaign in the Decree 30 layout, headed by the evaluating unit. */
function campaignDocx(title: string, issuer: Issuer, body: (Paragraph | Table)[]): Promise<Buffer> {
  return renderDecree30Docx({ name: title, issuer, body });
}

/**
 * The printable paper form of a unit's survey: Decree 30 header, the unit evaluated, one row per question
 * with a box per level (Likert) or space to write, the optional attributes with consent, and the QR code
 * of the same survey online. Form number, date and return box for "issued / returned / valid" counts.
 */
export async function paperFormDocx({
  campaign,
  unitName,
  issuer,
  url,
  lang = "vi",
}: {
  campaign: Campaign;
  unitName: string;
  issuer: Issuer;
  url: string;
  lang?: Language;
}): Promise<Buffer> {
  const qr = await QRCode.toBuffer(url, { type: "png", margin: 1, width: 240 });
  const labels = LIKERT_LABELS.map((l) => l[lang]).reverse();
  const box = "☐";
  const questionRows = campaign.questions.map((q, i) => {
    const text = `${i + 1}. ${q.text[lang]}`;
    const answers =
      q.type === "likert"
        ? labels.map(() => cell([paragraph(box, { center: true })]))
        : [new TableCell({ columnSpan: 5, children: [paragraph(q.type === "yes_no" ? `${box} Có    ${box} Không` : q.type === "choice" ? q.options.map((o) => `${box} ${o.text[lang]}`).join("   ") : "……………………………………")] })];
    return new TableRow({ children: [cell([paragraph(text)], 45), ...answers] });
  });
  const attributeLines = campaign.attributes
    .filter((a): a is RespondentAttribute => a in RESPONDENT_ATTRIBUTES)
    .map((a) => paragraph(`${ATTRIBUTE_NAMES_VI[a]}: ${RESPONDENT_ATTRIBUTES[a].map((v) => `${box} ${VALUE_NAMES_VI[v] ?? v}`).join("   ")}`));
  return campaignDocx(campaign.title, issuer, [
    paragraph("PHIẾU KHẢO SÁT SỰ HÀI LÒNG", { bold: true, center: true, size: 28 }),
    paragraph(campaign.title, { center: true, italics: true }),
    paragraph(`Đơn vị được đánh giá: ${unitName}`, { bold: true }),
    paragraph("Phiếu không ghi tên. Mỗi câu đánh dấu (X) vào một ô; câu không trả lời được bỏ trống và không tính."),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: [cell([paragraph("Nội dung", { bold: true })], 45), ...labels.map((l) => cell([paragraph(l, { bold: true, center: true, size: 22 })], 11))] }),
        ...questionRows,
      ],
    }),
    ...(attributeLines.length > 0
      ? [paragraph(""), paragraph("Thông tin về người trả lời (không bắt buộc; chỉ ghi nếu đồng ý):", { italics: true }), ...attributeLines]
      : []),
    paragraph(""),
    paragraph("Có thể trả lời trực tuyến bằng mã QR:", { italics: true }),
    new Paragraph({ children: [new ImageRun({ type: "png", data: qr, transformation: { width: 120, height: 120 } })] }),
    paragraph(url, { size: 20 }),
    paragraph("Số phiếu: ……………    Ngày trả lời: ……/……/……", { size: 22 }),
  ]);
}

/** A QR poster for a reception desk or a forum: the unit, the invitation, a large QR code and the link. */
export async function posterDocx({ campaign, unitName, issuer, url }: { campaign: Campaign; unitName: string; issuer: Issuer; url: string }) {
  const qr = await QRCode.toBuffer(url, { type: "png", margin: 2, width: 800 });
  return campaignDocx(campaign.title, issuer, [
    paragraph("MỜI BẠN ĐÁNH GIÁ SỰ HÀI LÒNG", { bold: true, center: true, size: 40 }),
    paragraph(unitName, { bold: true, center: true, size: 32 }),
    paragraph("Quét mã QR bằng điện thoại — ẩn danh, không cần tài khoản, khoảng 1 phút.", { center: true }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type: "png", data: qr, transformation: { width: 380, height: 380 } })] }),
    paragraph(url, { center: true, size: 22 }),
    paragraph(campaign.title, { center: true, italics: true }),
  ]);
}

/**
 * A printable sheet of one-time codes for a contact survey: each box is cut out and handed with a receipt,
 * with the survey's QR code and link. Built in the request that creates the codes (only their hashes are
 * kept, so the sheet can never be made again).
 */
export async function codesSheetDocx({
  campaign,
  unitName,
  issuer,
  url,
  codes,
}: {
  campaign: Campaign;
  unitName: string;
  issuer: Issuer;
  url: string;
  codes: readonly string[];
}): Promise<Buffer> {
  const qr = await QRCode.toBuffer(url, { type: "png", margin: 1, width: 200 });
  const PER_ROW = 3;
  const box = (code: string) =>
    new TableCell({
      width: { size: 33, type: WidthType.PERCENTAGE },
      children: [
        paragraph("Mã đánh giá dùng một lần", { center: true, size: 20 }),
        paragraph(code, { bold: true, center: true, size: 32 }),
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type: "png", data: qr, transformation: { width: 70, height: 70 } })] }),
        paragraph("Quét mã QR, nhập mã trên để đánh giá (ẩn danh).", { center: true, size: 18 }),
      ],
    });
  const rows: TableRow[] = [];
  for (let i = 0; i < codes.length; i += PER_ROW) {
    const slice = codes.slice(i, i + PER_ROW);
    const blanks = Array.from({ length: PER_ROW - slice.length }, () => cell([paragraph("")], 33));
    rows.push(new TableRow({ cantSplit: true, children: [...slice.map(box), ...blanks] }));
  }
  return campaignDocx(campaign.title, issuer, [
    paragraph("MÃ ĐÁNH GIÁ SỰ HÀI LÒNG DÙNG MỘT LẦN", { bold: true, center: true, size: 28 }),
    paragraph(campaign.title, { center: true, italics: true }),
    paragraph(`Đơn vị được đánh giá: ${unitName}`, { bold: true }),
    paragraph(
      `Cắt theo ô, giao mỗi người dân đã làm việc với đơn vị một mã cùng giấy hẹn hoặc biên nhận. Mỗi mã chỉ dùng được một lần; câu trả lời không gắn với mã. Số mã: ${codes.length}. Tờ này chỉ in được một lần, hãy bảo quản như giấy tờ có giá trị.`,
      { italics: true, size: 22 },
    ),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
    paragraph(""),
    paragraph(url, { size: 20 }),
  ]);
}
