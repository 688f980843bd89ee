import JSZip from "jszip";

/** The text of a DOCX part's XML: runs joined, paragraphs on their own lines, entities decoded. */
function textOf(xml: string): string {
  return xml
    .replace(/<\/w:p>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

/** A DOCX read back with a real zip reader: the body's text, its first table's (the header) and its raw XML. */
export async function readDocx(buffer: Buffer): Promise<{ text: string; header: string; xml: string }> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file("word/document.xml")?.async("string");
  if (!xml) throw new Error("no word/document.xml");
  const table = /<w:tbl>.*?<\/w:tbl>/s.exec(xml)?.[0] ?? "";
  return { text: textOf(xml), header: textOf(table), xml };
}
