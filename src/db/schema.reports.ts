import type { ColumnType } from "kysely";

/** The last number a unit gave to documents of a kind in a year (migrations/0033_document_numbers.sql). */
export interface DocumentSequencesTable {
  unit_id: string;
  year: number;
  kind: string;
  last_number: number;
}

/** The number given to one document's subject (an answer, a forum's minutes), kept to print it again. */
export interface DocumentNumbersTable {
  kind: string;
  subject_id: string;
  unit_id: string;
  year: number;
  number: number;
  issued_on: string;
  issued_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** The tables of src/reports. */
export interface ReportsTables {
  document_sequences: DocumentSequencesTable;
  document_numbers: DocumentNumbersTable;
}
