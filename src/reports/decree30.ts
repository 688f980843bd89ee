import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  UnderlineType,
  WidthType,
} from "docx";
import { foldForSearch } from "../text/vietnamese.ts";

/*
 * Every Word document the product prints, in the layout of Decree 30/2020/NĐ-CP (../shared/DOCUMENTS.md,
 * DOMAIN §6): A4 portrait, margins 20/20/30/15 mm, Times New Roman, the two-column header (the issuing body
 * under its superior, with a short rule; the national motto with its rule), "Số: 05/BB-CAX" on the line of the
 * italic place and date, a bold title, "Kính gửi", the body (justified, 1 cm first-line indent, 6 pt after),
 * "Nơi nhận" and the signature block with its authority prefix; page numbers centred at the top from page 2.
 */

const MM = 56.7; // twips per millimetre
const FONT = "Times New Roman";
const halfPoints = (points: number) => points * 2;
const A4 = {
  size: { width: 11906, height: 16838 },
  margin: { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) },
};
const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const RULE = { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 };

/** How a run of text is set. */
export interface TextStyle {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  /** Points; 14 unless given. */
  size?: number;
}

/** How a paragraph is set: its runs' style, its alignment and, for body text, the first-line indent. */
export interface ParagraphStyle extends TextStyle {
  align?: "left" | "center" | "justified";
  /** Body text: justified with a 1 cm first-line indent. */
  indent?: boolean;
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, justified: AlignmentType.JUSTIFIED } as const;

/** A run of text in the Decree's font. */
export function text(value: string, style: TextStyle = {}): TextRun {
  return new TextRun({
    text: value,
    font: FONT,
    size: halfPoints(style.size ?? 14),
    bold: style.bold ?? false,
    italics: style.italics ?? false,
    ...(style.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
  });
}

/** One paragraph of text (left-aligned unless told), 6 pt after. */
export function paragraph(value: string | TextRun[], style: ParagraphStyle = {}): Paragraph {
  return new Paragraph({
    alignment: ALIGN[style.align ?? (style.indent ? "justified" : "left")],
    spacing: { after: 120, line: 276 },
    ...(style.indent ? { indent: { firstLine: 567 } } : {}),
    children: typeof value === "string" ? [text(value, style)] : value,
  });
}

/** Body text: one paragraph per non-empty line of `value`, justified, first line indented 1 cm. */
export function bodyText(value: string, style: TextStyle = {}): Paragraph[] {
  return value
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => paragraph(p, { ...style, indent: true }));
}

/** A section heading ("I. THỜI GIAN, ĐỊA ĐIỂM"): bold, left. */
export function heading(value: string): Paragraph {
  return paragraph(value, { bold: true });
}

/** Borderless columns side by side (the header, signatures, QR codes); widths in percent. */
export function columns(cells: Paragraph[][], widths: number[] = cells.map(() => Math.floor(100 / cells.length))): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: cells.map((children, i) => new TableCell({ children, borders: NO_BORDERS, width: { size: widths[i] ?? 50, type: WidthType.PERCENTAGE } })),
      }),
    ],
  });
}

/** Signing authority (Decree 30, box 7a): on behalf of a collective, deputy, acting, by order, by authorisation. */
export type Authority = "TM." | "KT." | "Q." | "TL." | "TUQ.";

/** A signature block: "TM. CÔNG AN XÃ …", the position, room to sign, the signer's name. */
export interface Signature {
  authority?: { prefix: Authority; of: string };
  position?: string;
  name: string;
}

/** The issuing body (box 2): its name under its superior's. */
export interface Issuer {
  superiorName: string | null;
  name: string;
}

/** A document number (box 3): `value` null on a draft leaves the number blank ("Số:    /BB-CAX"). */
export interface DocumentNumber {
  value: number | null;
  /** The abbreviation of the document type ("BB", "BC"); null for an official letter, which carries none. */
  kindSymbol: string | null;
  unitSymbol: string;
}

/** Everything a document in the Decree 30 layout may hold; absent elements are left out (posters, forms). */
export interface Decree30Document {
  /** The document's title in its properties. */
  name: string;
  issuer: Issuer;
  number?: DocumentNumber;
  /** The summary of an official letter under its number: "V/v …". */
  about?: string;
  /** Box 4: the place name and the day (yyyy-mm-dd, in Vietnam). */
  placeDate?: { place: string; day: string };
  /** Box 5a: the type ("BIÊN BẢN") and its summary line. */
  title?: { type: string; summary?: string };
  /** Box 9a: "Kính gửi: …", one line per addressee. */
  addressees?: string[];
  body: (Paragraph | Table)[];
  /** One signature (beside "Nơi nhận") or two side by side (minutes: secretary and chair). */
  signatures?: Signature[];
  /** Box 9b: "Nơi nhận", one line each, "- " and the ";"/"." endings added. */
  recipients?: string[];
}

/** "Số: 03/BB-CAXTH": numbers below 10 get a leading 0; a blank number on a draft. */
export function formatDocumentNumber(number: DocumentNumber): string {
  const value = number.value === null ? "\u00a0\u00a0\u00a0\u00a0\u00a0" : String(number.value).padStart(2, "0");
  return `Số: ${value}/${number.kindSymbol ? `${number.kindSymbol}-` : ""}${number.unitSymbol}`;
}

/** "Thiệu Hóa, ngày 08 tháng 12 năm 2026": days below 10 and months 1 and 2 with a leading 0. */
export function formatPlaceDate(place: string, day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const monthText = month <= 2 ? String(month).padStart(2, "0") : String(month);
  return `${place}, ngày ${String(date).padStart(2, "0")} tháng ${monthText} năm ${year}`;
}

// The words that name a unit's kind and level, before its place: "Công an xã Thiệu Hóa" is at "Thiệu Hóa".
const UNIT_WORDS = /^(?:công an|đồn công an|đồn|trạm)\s+(?:(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s+)?/iu;

/**
 * The place name of a unit's documents: its name without "Công an" and the level ("Công an xã Thiệu Hóa" →
 * "Thiệu Hóa"); a unit named otherwise ("Phòng Cảnh sát giao thông") writes its superior's place.
 */
export function placeNameOf(unitName: string, superiorName: string | null): string {
  const place = unitName.replace(UNIT_WORDS, "").trim();
  if (place !== unitName.trim() && place) return place;
  return superiorName ? placeNameOf(superiorName, null) : unitName.trim();
}

/**
 * The body's abbreviation in a document number, without spaces or tone marks: words in capitals kept, others by
 * their initial ("CAX Thiệu Hóa" → "CAXTH", "Công an xã Thiệu Hóa" → "CAXTH", "PC08" → "PC08").
 */
export function unitSymbolOf(shortName: string): string {
  return shortName
    .normalize("NFC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => (word.length > 1 && word === word.toUpperCase() ? word : word.slice(0, 1)))
    .map((part) => foldForSearch(part).toUpperCase())
    .join("");
}

/** The two-column header: body and number on the left, motto and place/date on the right. */
function header(doc: Decree30Document): Table {
  const center = "center" as const;
  const left = [
    ...(doc.issuer.superiorName ? [paragraph(doc.issuer.superiorName.toUpperCase(), { size: 13, align: center })] : []),
    paragraph(doc.issuer.name.toUpperCase(), { bold: true, size: 13, align: center }),
    // A solid rule of about a third of the column under the issuing body.
    new Paragraph({ border: { top: RULE }, indent: { left: Math.round(21 * MM), right: Math.round(21 * MM) }, spacing: { after: 60 }, children: [] }),
  ];
  const right = [
    paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, size: 13, align: center }),
    // The motto's rule is as long as the motto itself.
    paragraph("Độc lập - Tự do - Hạnh phúc", { bold: true, size: 14, align: center, underline: true }),
  ];
  const rows = [[left, right]];
  if (doc.number || doc.placeDate) {
    rows.push([
      [
        ...(doc.number ? [paragraph(formatDocumentNumber(doc.number), { size: 13, align: center })] : []),
        ...(doc.about ? [paragraph(`V/v ${doc.about}`, { size: 12, align: center })] : []),
      ],
      doc.placeDate ? [paragraph(formatPlaceDate(doc.placeDate.place, doc.placeDate.day), { italics: true, size: 14, align: center })] : [],
    ]);
  }
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ children: children.length > 0 ? children : [paragraph("")], borders: NO_BORDERS, width: { size: width, type: WidthType.PERCENTAGE } });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: rows.map(([l, r]) => new TableRow({ children: [cell(l ?? [], 42), cell(r ?? [], 58)] })),
  });
}

function signatureBlock(signature: Signature): Paragraph[] {
  const center = "center" as const;
  return [
    ...(signature.authority ? [paragraph(`${signature.authority.prefix} ${signature.authority.of.toUpperCase()}`, { bold: true, align: center })] : []),
    ...(signature.position ? [paragraph(signature.position.toUpperCase(), { bold: true, align: center })] : []),
    paragraph(""),
    paragraph(""),
    paragraph(""),
    paragraph(signature.name, { bold: true, align: center }),
  ];
}

function recipientsBlock(recipients: readonly string[]): Paragraph[] {
  if (recipients.length === 0) return [];
  return [
    paragraph("Nơi nhận:", { bold: true, italics: true, size: 12 }),
    ...recipients.map((r, i) => paragraph(`- ${r}${i === recipients.length - 1 ? "." : ";"}`, { size: 11 })),
  ];
}

function closing(doc: Decree30Document): (Paragraph | Table)[] {
  const signatures = doc.signatures ?? [];
  const recipients = recipientsBlock(doc.recipients ?? []);
  if (signatures.length === 1 && signatures[0]) return [paragraph(""), columns([recipients, signatureBlock(signatures[0])], [45, 55])];
  if (signatures.length === 0) return recipients;
  return [paragraph(""), columns(signatures.map(signatureBlock)), ...recipients];
}

/** The page number, centred in the top margin; none on page 1. */
function pageHeaders() {
  const number = new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: halfPoints(13) });
  return { first: new Header({ children: [] }), default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [number] })] }) };
}

/** A document in the Decree 30 layout as a DOCX file. */
export async function renderDecree30Docx(doc: Decree30Document): Promise<Buffer> {
  const center = "center" as const;
  const title = doc.title
    ? [
        paragraph(""),
        paragraph(doc.title.type, { bold: true, align: center }),
        ...(doc.title.summary
          ? [
              paragraph(doc.title.summary, { bold: true, align: center }),
              new Paragraph({ border: { top: RULE }, indent: { left: Math.round(60 * MM), right: Math.round(60 * MM) }, spacing: { after: 120 }, children: [] }),
            ]
          : []),
      ]
    : [];
  const addressees = (doc.addressees ?? []).map((a, i, all) =>
    paragraph(all.length === 1 ? `Kính gửi: ${a}.` : i === 0 ? `Kính gửi: - ${a};` : `- ${a}${i === all.length - 1 ? "." : ";"}`, { align: center }),
  );
  const children = [header(doc), ...title, ...addressees, ...doc.body, ...closing(doc)];
  const document = new Document({
    creator: "Lắng nghe",
    title: doc.name,
    styles: { default: { document: { run: { font: FONT, size: halfPoints(14) } } } },
    sections: [{ properties: { page: A4, titlePage: true }, headers: pageHeaders(), children }],
  });
  return Packer.toBuffer(document);
}
