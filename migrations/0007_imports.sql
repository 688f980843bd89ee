-- Import of opinions from CSV/XLSX files (paper forms typed into Excel, Google Forms, other systems' exports):
-- the upload and the state of its check and of its commit; each imported opinion keeps its fingerprint, so
-- that the same file imported again by the same unit adds nothing.

CREATE TABLE opinion_imports (
  id              uuid CONSTRAINT opinion_imports_pk PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The unit the officer imports for: the unit of every row that names none.
  unit_id         uuid NOT NULL CONSTRAINT opinion_imports_unit_fk REFERENCES units (id),
  created_by      uuid CONSTRAINT opinion_imports_created_by_fk REFERENCES users (id),
  file_name       text NOT NULL,
  file_size       int  NOT NULL,
  -- The uploaded bytes, read again at commit; deleted once committed, or after 24 hours.
  file_data       bytea,
  -- The channel of rows that name none.
  channel         text NOT NULL DEFAULT 'import',
  -- Which column fills which field (as given, else as guessed from the headers).
  mapping         jsonb,
  status          text NOT NULL DEFAULT 'parsing'
                    CONSTRAINT opinion_imports_status_check CHECK (status IN ('parsing', 'ready', 'failed', 'importing', 'done')),
  rows_total      int,
  rows_valid      int,
  rows_invalid    int,
  -- Valid rows imported before (same fingerprint): skipped at commit.
  rows_duplicate  int,
  -- Rows read (while parsing) or stored (while importing): the progress bar.
  rows_done       int  NOT NULL DEFAULT 0,
  -- Share of the current phase done, 0 to 1.
  progress        real NOT NULL DEFAULT 0,
  -- The first 500 per-row errors: [{ rowNumber, field, code }].
  errors          jsonb NOT NULL DEFAULT '[]',
  -- The first valid rows, as the officer checks them before committing.
  preview         jsonb NOT NULL DEFAULT '[]',
  -- Why the file cannot be imported (failed), or why the last commit did not happen (ready).
  error_code      text,
  -- Values for that error's message (the unknown column's name, the row limit…).
  error_params    jsonb NOT NULL DEFAULT '{}',
  created_at      timestamptz NOT NULL DEFAULT now(),
  -- Touched with every progress step: a parse or commit silent for long died with its process.
  updated_at      timestamptz NOT NULL DEFAULT now(),
  finished_at     timestamptz
);
CREATE INDEX opinion_imports_unit_created_idx ON opinion_imports (unit_id, created_at DESC);
CREATE INDEX opinion_imports_with_file_idx ON opinion_imports (created_at) WHERE file_data IS NOT NULL;

-- The importing unit's id and the parser's fingerprint of the row (its id in the source system, else its
-- folded content, time and unit).
ALTER TABLE opinions ADD COLUMN import_fingerprint text CONSTRAINT opinions_import_fingerprint_key UNIQUE;
