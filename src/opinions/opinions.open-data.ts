import { csvRow, CSV_BOM } from "../text/csv.ts";
import type { PublicSummaryResponse, PublishedOpinionsResponse } from "./opinions.schemas.ts";

/** A published opinion as the open data carries it (the public page's item, personal data removed). */
type PublishedItem = PublishedOpinionsResponse["items"][number];

/** The columns of `answers.csv`, in order (docs/API.md lists them). */
export const ANSWER_COLUMNS = [
  "unitName",
  "kind",
  "topics",
  "receivedAt",
  "answeredAt",
  "answeredOnTime",
  "answerMethod",
  "content",
  "answer",
] as const satisfies readonly (keyof PublishedItem)[];

/** The columns of `figures.csv`, in order (docs/API.md lists them). */
export const FIGURE_COLUMNS = [
  "unitId",
  "unitName",
  "from",
  "to",
  "received",
  "answered",
  "answeredOnTime",
  "onTimeRate",
  "meanHandlingDays",
  "open",
  "overdue",
  "routed",
  "rated",
  "meanRating",
] as const;

/** The figures as one CSV file: the BOM, the header row, one record. */
export function figuresCsv(summary: PublicSummaryResponse): string {
  const record = { unitId: summary.unitId, unitName: summary.unitName, ...summary.period, ...summary.figures };
  return CSV_BOM + csvRow(FIGURE_COLUMNS) + csvRow(FIGURE_COLUMNS.map((column) => record[column]));
}

/** The published answers as CSV, written page by page: the BOM and the header row first. */
export async function* answersCsv(pages: AsyncIterable<PublishedItem[]>): AsyncGenerator<string> {
  yield CSV_BOM + csvRow(ANSWER_COLUMNS);
  for await (const page of pages) {
    // Several topics share one cell, separated as the import reads them.
    yield page.map((item) => csvRow(ANSWER_COLUMNS.map((c) => (c === "topics" ? item.topics.join(";") : item[c])))).join("");
  }
}

/** The published answers as one JSON document `{ unitId, unitName, period, items }`, written page by page. */
export async function* answersJson(
  head: { unitId: string; unitName: string; period: { from: string; to: string } },
  pages: AsyncIterable<PublishedItem[]>,
): AsyncGenerator<string> {
  yield `${JSON.stringify(head).slice(0, -1)},"items":[`;
  let first = true;
  for await (const page of pages) {
    for (const item of page) {
      yield `${first ? "" : ","}${JSON.stringify(item)}`;
      first = false;
    }
  }
  yield "]}";
}
