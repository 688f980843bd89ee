import { ImageRun, PageBreak, Paragraph, Table, TableCell, TableRow, WidthType } from "docx";
import QRCode from "qrcode";
import { formatDateTime } from "../text/dates.ts";
import { now } from "../calendar/clock.ts";
import { bodyText, columns, heading, paragraph, renderDecree30Docx, text, type DocumentNumber, type Issuer } from "../reports/decree30.ts";

/*
 * The forums' Word documents, in the Decree 30/2020/NĐ-CP layout of src/reports/decree30.ts: the minutes follow
 * template 1.9 (Biên bản); the poster and the table cards carry the forum's QR code.
 */

/** One opinion in the minutes, with what became of it. */
export interface MinutesOpinion {
  speaker: string | null;
  text: string;
  outcome: string;
}

/** Everything the minutes say (template 1.9: time, place, attendees, chair, secretary, proceedings, opinions, end). */
export interface MinutesContent {
  issuer: Issuer;
  /** "Số: 03/BB-CAXTH" once final; the number blank on a draft. */
  number: DocumentNumber;
  /** The place name of the date line ("Thiệu Hóa") and the forum's day (yyyy-mm-dd in Vietnam). */
  place: string;
  day: string;
  title: string;
  startedAt: Date;
  endedAt: Date | null;
  venue: string;
  coOrganisers: string;
  chairName: string;
  secretaryName: string;
  invitedGroups: string;
  attendees: string;
  attendance: number | null;
  expectedAttendance: number | null;
  reportText: string;
  keyFigures: { label: string; value: string }[];
  /** The linked campaign's satisfaction of the unit, as a sentence (null without a linked campaign). */
  satisfaction: string | null;
  proceedings: string;
  closingNote: string;
  opinions: MinutesOpinion[];
}

/** Section headings of the minutes, in order (tests check them). */
export const MINUTES_HEADINGS = [
  "I. THỜI GIAN, ĐỊA ĐIỂM",
  "II. THÀNH PHẦN THAM DỰ",
  "III. NỘI DUNG",
  "IV. Ý KIẾN CỦA NHÂN DÂN VÀ TRẢ LỜI",
  "V. KẾT THÚC",
] as const;

/** The summary line of the minutes: the forum's title, "Hội nghị" put before it unless it already says so. */
export function minutesSummary(title: string): string {
  const trimmed = title.trim();
  return /^hội nghị(?![\p{L}\p{M}])/iu.test(trimmed.normalize("NFC")) ? trimmed : `Hội nghị ${trimmed}`;
}

/** The minutes of a forum as a DOCX (Biên bản, Decree 30/2020 template 1.9). */
export async function renderMinutesDocx(m: MinutesContent): Promise<Buffer> {
  const ended = m.endedAt ?? now();
  const line = (value: string) => paragraph(value, { indent: true });
  const attendance = [
    ...(m.attendance !== null ? [`thực tế ${m.attendance} người`] : []),
    ...(m.expectedAttendance !== null ? [`dự kiến ${m.expectedAttendance} người`] : []),
  ];
  const body = [
    heading(MINUTES_HEADINGS[0]),
    line(`Thời gian bắt đầu: ${formatDateTime(m.startedAt)}.`),
    line(`Địa điểm: ${m.venue}.`),
    heading(MINUTES_HEADINGS[1]),
    line(`Chủ trì: ${m.chairName}.`),
    line(`Thư ký: ${m.secretaryName}.`),
    ...(m.coOrganisers ? [line(`Đơn vị phối hợp: ${m.coOrganisers}.`)] : []),
    ...(m.invitedGroups ? [line(`Thành phần được mời: ${m.invitedGroups}.`)] : []),
    ...(attendance.length > 0 ? [line(`Số người tham dự: ${attendance.join(" (")}${attendance.length > 1 ? ")" : ""}.`)] : []),
    ...bodyText(m.attendees),
    heading(MINUTES_HEADINGS[2]),
    ...(m.reportText ? [line("1. Báo cáo của đơn vị về tình hình an ninh, trật tự:"), ...bodyText(m.reportText)] : []),
    ...m.keyFigures.map((f) => line(`- ${f.label}: ${f.value}`)),
    ...(m.satisfaction ? [line(`- ${m.satisfaction}`)] : []),
    ...bodyText(m.proceedings),
    heading(MINUTES_HEADINGS[3]),
    ...(m.opinions.length === 0 ? [line("Không có ý kiến.")] : []),
    ...m.opinions.flatMap((o, index) => [
      line(`${index + 1}. ${o.speaker ? `${o.speaker}: ` : ""}${o.text}`),
      paragraph(`Kết quả: ${o.outcome}`, { italics: true, indent: true }),
    ]),
    heading(MINUTES_HEADINGS[4]),
    line(`Hội nghị kết thúc lúc ${formatDateTime(ended)}.`),
    ...bodyText(m.closingNote),
  ];
  return renderDecree30Docx({
    name: `Biên bản ${minutesSummary(m.title)}`,
    issuer: m.issuer,
    number: m.number,
    placeDate: { place: m.place, day: m.day },
    title: { type: "BIÊN BẢN", summary: minutesSummary(m.title) },
    body,
    signatures: [
      { position: "Thư ký", name: m.secretaryName },
      { position: "Chủ trì", name: m.chairName },
    ],
    recipients: ["Lưu: VT, hồ sơ hội nghị"],
  });
}

async function qrImage(url: string, sizeMm: number) {
  const png = await QRCode.toBuffer(url, { type: "png", errorCorrectionLevel: "M", margin: 1, width: 600 });
  const px = Math.round((sizeMm / 25.4) * 96);
  return new ImageRun({ type: "png", data: png, transformation: { width: px, height: px } });
}

/** What the poster and the table cards announce. */
export interface PosterContent {
  issuer: Issuer;
  title: string;
  startsAt: Date;
  venue: string;
  url: string;
  /** The organising unit's satisfaction survey in the linked campaign: its QR code stands beside the forum's. */
  surveyUrl?: string | null;
}

/**
 * An A4 poster and, on the next pages, four table cards, each with the forum's QR code and, when a
 * satisfaction campaign is linked, the survey's QR code beside it.
 */
export async function renderPosterDocx(p: PosterContent): Promise<Buffer> {
  const center = "center" as const;
  const image = async (url: string, sizeMm: number) =>
    new Paragraph({ alignment: center, spacing: { before: 200, after: 100 }, children: [await qrImage(url, sizeMm)] });
  const poster = [
    paragraph("HỘI NGHỊ", { bold: true, align: center, size: 28 }),
    paragraph("“CÔNG AN LẮNG NGHE Ý KIẾN NHÂN DÂN”", { bold: true, align: center, size: 26 }),
    paragraph(p.title, { bold: true, align: center, size: 18 }),
    paragraph(`${formatDateTime(p.startsAt)} — ${p.venue}`, { align: center, size: 16 }),
    ...(p.surveyUrl
      ? [
          columns([
            [await image(p.url, 70), paragraph("GỬI Ý KIẾN", { bold: true, align: center, size: 16 })],
            [await image(p.surveyUrl, 70), paragraph("ĐÁNH GIÁ SỰ HÀI LÒNG", { bold: true, align: center, size: 16 })],
          ]),
          paragraph("Mã bên trái: gửi ý kiến, ủng hộ ý kiến của người khác và xem câu trả lời. Mã bên phải: đánh giá sự hài lòng về đơn vị (ẩn danh).", { align: center }),
        ]
      : [
          await image(p.url, 110),
          paragraph("Quét mã để gửi ý kiến, ủng hộ ý kiến của người khác và xem câu trả lời.", { align: center, size: 16 }),
        ]),
    paragraph("Có thể gửi ẩn danh. Không cần tài khoản.", { italics: true, align: center }),
    paragraph(p.url, { align: center, size: 12 }),
    ...(p.surveyUrl ? [paragraph(p.surveyUrl, { align: center, size: 12 })] : []),
  ];
  const surveyUrl = p.surveyUrl;
  const card = async () =>
    surveyUrl
      ? [
          paragraph("GỬI Ý KIẾN · ĐÁNH GIÁ SỰ HÀI LÒNG", { bold: true, align: center, size: 13 }),
          new Paragraph({ alignment: center, children: [await qrImage(p.url, 32), text("   "), await qrImage(surveyUrl, 32)] }),
          paragraph("Trái: gửi ý kiến — Phải: đánh giá sự hài lòng", { align: center, size: 11 }),
        ]
      : [
          paragraph("GỬI Ý KIẾN CHO HỘI NGHỊ", { bold: true, align: center, size: 16 }),
          new Paragraph({ alignment: center, children: [await qrImage(p.url, 45)] }),
          paragraph(p.url, { align: center, size: 11 }),
        ];
  const cells = await Promise.all([card(), card(), card(), card()]);
  const cardCell = (children: Paragraph[]) => new TableCell({ children, width: { size: 50, type: WidthType.PERCENTAGE } });
  const cards = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ children: [cardCell(cells[0] ?? []), cardCell(cells[1] ?? [])] }),
      new TableRow({ children: [cardCell(cells[2] ?? []), cardCell(cells[3] ?? [])] }),
    ],
  });
  return renderDecree30Docx({
    name: p.title,
    issuer: p.issuer,
    body: [...poster, new Paragraph({ children: [new PageBreak()] }), paragraph("THẺ ĐẶT BÀN", { bold: true, align: center }), cards],
  });
}
