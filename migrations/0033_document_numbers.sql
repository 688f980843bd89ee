-- Document numbers (Decree 30/2020/NĐ-CP, box 3: "Số: 05/BC-CAX"): each unit numbers its documents of a kind
-- (BB minutes, TL answer letters, …) from 1 every year, by Vietnam's calendar year.
CREATE TABLE document_sequences (
  unit_id      uuid NOT NULL CONSTRAINT document_sequences_unit_fk REFERENCES units (id),
  year         integer NOT NULL CONSTRAINT document_sequences_year_check CHECK (year BETWEEN 2000 AND 2099),
  kind         text NOT NULL CONSTRAINT document_sequences_kind_not_blank CHECK (btrim(kind) <> ''),
  last_number  integer NOT NULL CONSTRAINT document_sequences_last_positive CHECK (last_number > 0),
  CONSTRAINT document_sequences_pk PRIMARY KEY (unit_id, year, kind)
);

-- The number a document was given, once per subject (an answer, a forum's minutes): printed again the same.
CREATE TABLE document_numbers (
  kind        text NOT NULL,
  subject_id  uuid NOT NULL,
  unit_id     uuid NOT NULL CONSTRAINT document_numbers_unit_fk REFERENCES units (id),
  year        integer NOT NULL,
  number      integer NOT NULL CONSTRAINT document_numbers_number_positive CHECK (number > 0),
  issued_on   date NOT NULL,
  issued_at   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT document_numbers_pk PRIMARY KEY (kind, subject_id),
  CONSTRAINT document_numbers_sequence_key UNIQUE (unit_id, year, kind, number)
);
