import {
  AlignmentType,
  BorderStyle,
  Document,
  ImageRun,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
} from "docx";
import QRCode from "qrcode";
import { formatDate, formatDateTime } from "../text/dates.ts";
import { now } from "../calendar/clock.ts";

/*
 * The forums' Word documents in the Decree 30/2020/NĐ-CP layout: A4, margins 20/20/30/15 mm, Times New
 * Roman 13–14 pt, the two-column header (the issuing unit under its superior; the national motto), a bold
 * title. The minutes follow template 1.9 (Biên bản); the poster and the table cards carry the forum's QR code.
 */

const MM = 56.7; // twips per millimetre
const FONT = "Times New Roman";
const PT = (points: number) => points * 2; // docx sizes are half-points
const PAGE = {
  size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
  margin: { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) },
};
const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  bottom: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  left: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  right: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
};

function text(value: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) {
  return new TextRun({ text: value, font: FONT, size: PT(options.size ?? 14), bold: options.bold ?? false, italics: options.italics ?? false });
}

function line(value: string, options: { bold?: boolean; italics?: boolean; size?: number; align?: IParagraphOptions["alignment"] } = {}) {
  return new Paragraph({
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    spacing: { after: 80 },
    children: [text(value, options)],
  });
}

/** The two-column header: the superior and the unit on the left; the national motto on the right. */
function header({ superiorName, unitName, place, date }: { superiorName: string | null; unitName: string; place: string; date: Date }) {
  const center = AlignmentType.CENTER;
  return twoColumns(
    [
      ...(superiorName ? [line(superiorName.toUpperCase(), { size: 13, align: center })] : []),
      line(unitName.toUpperCase(), { bold: true, size: 13, align: center }),
      line("———", { align: center, size: 13 }),
    ],
    [
      line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, size: 13, align: center }),
      line("Độc lập - Tự do - Hạnh phúc", { bold: true, size: 14, align: center }),
      line("———————————", { align: center, size: 13 }),
      line(`${place}, ngày ${formatDate(date).replace(/\//g, " tháng ").replace(/ tháng (\d{4})$/, " năm $1")}`, {
        italics: true,
        align: center,
      }),
    ],
  );
}

/** Two borderless columns side by side (the header; the signatures). */
function twoColumns(left: Paragraph[], right: Paragraph[]) {
  const cell = (children: Paragraph[]) => new TableCell({ children, borders: NO_BORDERS, width: { size: 50, type: WidthType.PERCENTAGE } });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left), cell(right)] })],
  });
}

/** One opinion in the minutes, with what became of it. */
export interface MinutesOpinion {
  speaker: string | null;
  text: string;
  outcome: string;
}

/** Everything the minutes say (template 1.9: time, place, attendees, chair, secretary, proceedings, opinions, end). */
export interface MinutesContent {
  superiorName: string | null;
  unitName: string;
  title: string;
  placeName: string;
  startedAt: Date;
  endedAt: Date | null;
  venue: string;
  coOrganisers: string;
  chairName: string;
  secretaryName: string;
  attendees: string;
  attendance: number | null;
  reportText: string;
  keyFigures: { label: string; value: string }[];
  /** The linked campaign's satisfaction of the unit, as a sentence (null without a linked campaign). */
  satisfaction: string | null;
  proceedings: string;
  closingNote: string;
  opinions: MinutesOpinion[];
}

const paragraphs = (value: string) =>
  value
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => line(p));

/** Section headings of the minutes, in order (tests check them). */
export const MINUTES_HEADINGS = [
  "I. THỜI GIAN, ĐỊA ĐIỂM",
  "II. THÀNH PHẦN THAM DỰ",
  "III. NỘI DUNG",
  "IV. Ý KIẾN CỦA NHÂN DÂN VÀ TRẢ LỜI",
  "V. KẾT THÚC",
] as const;

/** The minutes of a forum as a DOCX (Biên bản, Decree 30/2020 template 1.9). */
export async function renderMinutesDocx(m: MinutesContent): Promise<Buffer> {
  const heading = (value: string) => line(value, { bold: true, align: AlignmentType.LEFT });
  const ended = m.endedAt ?? now();
  const body = [
    header({ superiorName: m.superiorName, unitName: m.unitName, place: m.placeName, date: m.startedAt }),
    line("BIÊN BẢN", { bold: true, align: AlignmentType.CENTER, size: 14 }),
    line(`Hội nghị ${m.title}`, { bold: true, align: AlignmentType.CENTER }),
    line("———", { align: AlignmentType.CENTER }),
    heading(MINUTES_HEADINGS[0]),
    line(`Thời gian bắt đầu: ${formatDateTime(m.startedAt)}.`),
    line(`Địa điểm: ${m.venue}.`),
    heading(MINUTES_HEADINGS[1]),
    line(`Chủ trì: ${m.chairName}.`),
    line(`Thư ký: ${m.secretaryName}.`),
    ...(m.coOrganisers ? [line(`Đơn vị phối hợp: ${m.coOrganisers}.`)] : []),
    ...(m.attendance !== null ? [line(`Số người tham dự: ${m.attendance}.`)] : []),
    ...paragraphs(m.attendees),
    heading(MINUTES_HEADINGS[2]),
    ...(m.reportText ? [line("1. Báo cáo của đơn vị về tình hình an ninh, trật tự:", { italics: true }), ...paragraphs(m.reportText)] : []),
    ...m.keyFigures.map((f) => line(`- ${f.label}: ${f.value}`)),
    ...(m.satisfaction ? [line(`- ${m.satisfaction}`)] : []),
    ...paragraphs(m.proceedings),
    heading(MINUTES_HEADINGS[3]),
    ...(m.opinions.length === 0 ? [line("Không có ý kiến.")] : []),
    ...m.opinions.flatMap((o, index) => [
      line(`${index + 1}. ${o.speaker ? `${o.speaker}: ` : ""}${o.text}`),
      line(`Kết quả: ${o.outcome}`, { italics: true }),
    ]),
    heading(MINUTES_HEADINGS[4]),
    line(`Hội nghị kết thúc lúc ${formatDateTime(ended)}.`),
    ...paragraphs(m.closingNote),
    twoColumns(
      [line("THƯ KÝ", { bold: true, align: AlignmentType.CENTER }), line(""), line(""), line(m.secretaryName, { bold: true, align: AlignmentType.CENTER })],
      [line("CHỦ TRÌ", { bold: true, align: AlignmentType.CENTER }), line(""), line(""), line(m.chairName, { bold: true, align: AlignmentType.CENTER })],
    ),
  ];
  return pack(body);
}

async function pack(children: (Paragraph | Table)[]): Promise<Buffer> {
  const document = new Document({
    creator: "Lắng nghe",
    styles: { default: { document: { run: { font: FONT, size: PT(14) } } } },
    sections: [{ properties: { page: PAGE }, children }],
  });
  return Packer.toBuffer(document);
}

async function qrImage(url: string, sizeMm: number) {
  const png = await QRCode.toBuffer(url, { type: "png", errorCorrectionLevel: "M", margin: 1, width: 600 });
  const px = Math.round((sizeMm / 25.4) * 96);
  return new ImageRun({ type: "png", data: png, transformation: { width: px, height: px } });
}

/** What the poster and the table cards announce. */
export interface PosterContent {
  unitName: string;
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
  const center = AlignmentType.CENTER;
  const poster = [
    line(p.unitName.toUpperCase(), { bold: true, align: center, size: 16 }),
    line("HỘI NGHỊ", { bold: true, align: center, size: 28 }),
    line("“CÔNG AN LẮNG NGHE Ý KIẾN NHÂN DÂN”", { bold: true, align: center, size: 26 }),
    line(p.title, { bold: true, align: center, size: 18 }),
    line(`${formatDateTime(p.startsAt)} — ${p.venue}`, { align: center, size: 16 }),
    ...(p.surveyUrl
      ? [
          twoColumns(
            [
              new Paragraph({ alignment: center, spacing: { before: 200, after: 100 }, children: [await qrImage(p.url, 70)] }),
              line("GỬI Ý KIẾN", { bold: true, align: center, size: 16 }),
            ],
            [
              new Paragraph({ alignment: center, spacing: { before: 200, after: 100 }, children: [await qrImage(p.surveyUrl, 70)] }),
              line("ĐÁNH GIÁ SỰ HÀI LÒNG", { bold: true, align: center, size: 16 }),
            ],
          ),
          line("Mã bên trái: gửi ý kiến, ủng hộ ý kiến của người khác và xem câu trả lời. Mã bên phải: đánh giá sự hài lòng về đơn vị (ẩn danh).", { align: center, size: 14 }),
        ]
      : [
          new Paragraph({ alignment: center, spacing: { before: 200, after: 200 }, children: [await qrImage(p.url, 110)] }),
          line("Quét mã để gửi ý kiến, ủng hộ ý kiến của người khác và xem câu trả lời.", { align: center, size: 16 }),
        ]),
    line("Có thể gửi ẩn danh. Không cần tài khoản.", { italics: true, align: center, size: 14 }),
    line(p.url, { align: center, size: 12 }),
    ...(p.surveyUrl ? [line(p.surveyUrl, { align: center, size: 12 })] : []),
  ];
  const surveyUrl = p.surveyUrl;
  const card = async () =>
    surveyUrl
      ? [
          line("GỬI Ý KIẾN · ĐÁNH GIÁ SỰ HÀI LÒNG", { bold: true, align: center, size: 13 }),
          new Paragraph({ alignment: center, children: [await qrImage(p.url, 32), text("   "), await qrImage(surveyUrl, 32)] }),
          line("Trái: gửi ý kiến — Phải: đánh giá sự hài lòng", { align: center, size: 11 }),
        ]
      : [
          line("GỬI Ý KIẾN CHO HỘI NGHỊ", { bold: true, align: center, size: 16 }),
          new Paragraph({ alignment: center, children: [await qrImage(p.url, 45)] }),
          line(p.url, { align: center, size: 11 }),
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
  return pack([...poster, new Paragraph({ children: [new PageBreak()] }), line("THẺ ĐẶT BÀN", { bold: true, align: center }), cards]);
}
