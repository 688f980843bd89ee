import type { Kysely } from "kysely";
import type { Database } from "../db/index.ts";
import { todayInVietnam } from "../text/dates.ts";
import { findIssuedNumber, insertIssuedNumber, takeNextNumber } from "./reports.queries.ts";

/*
 * Document numbers, "numbered per unit per year" (Decree 30/2020, box 3): each unit's documents of a kind
 * are numbered from 1 in every calendar year of Vietnam, and a subject keeps the number it was given.
 */

/** The kinds of numbered documents and their symbol in "Số: 05/BB-CAX". */
export const DOCUMENT_KINDS = {
  /** Biên bản: a forum's minutes. */
  minutes: "BB",
  /** Our symbol for the written answer to a contributor (Decree 30 gives official letters none): "trả lời". */
  answerLetter: "TL",
} as const;

/** A kind of numbered document. */
export type DocumentKind = (typeof DOCUMENT_KINDS)[keyof typeof DOCUMENT_KINDS];

/** A number as given: its year, its value and the day it was given (yyyy-mm-dd in Vietnam). */
export interface IssuedNumber {
  kind: DocumentKind;
  year: number;
  number: number;
  issuedOn: string;
}

// Thrown inside the transaction to roll back a number taken by a request that lost the race for a subject.
class SubjectAlreadyNumbered extends Error {}

/**
 * The number of a subject's document (an answer's letter, a forum's minutes): the one it was given, or the
 * unit's next one for the year of `day` (today in Vietnam unless given). Two requests for one subject at once
 * get the same number, and no number is skipped: the loser's is rolled back with its transaction.
 */
export async function documentNumberFor({
  db,
  unitId,
  kind,
  subjectId,
  day = todayInVietnam(),
}: {
  db: Kysely<Database>;
  unitId: string;
  kind: DocumentKind;
  subjectId: string;
  day?: string;
}): Promise<IssuedNumber> {
  const present = (row: { year: number; number: number; issued_on: string }): IssuedNumber => ({ kind, year: row.year, number: row.number, issuedOn: row.issued_on });
  const existing = await findIssuedNumber(db, kind, subjectId);
  if (existing) return present(existing);
  const year = Number(day.slice(0, 4));
  try {
    return await db.transaction().execute(async (trx) => {
      const number = await takeNextNumber(trx, { unitId, year, kind });
      const issued = await insertIssuedNumber(trx, { kind, subjectId, unitId, year, number, issuedOn: day });
      if (!issued) throw new SubjectAlreadyNumbered();
      return present(issued);
    });
  } catch (error) {
    if (!(error instanceof SubjectAlreadyNumbered)) throw error;
    const winner = await findIssuedNumber(db, kind, subjectId);
    if (!winner) throw error;
    return present(winner);
  }
}
