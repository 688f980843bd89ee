-- The unit's report at a forum may come as a file (the signed report, its slides): one file per forum, kept apart
-- from the forum's row so that lists never read it.
CREATE TABLE forum_report_files (
  forum_id      uuid CONSTRAINT forum_report_files_pk PRIMARY KEY CONSTRAINT forum_report_files_forum_fk REFERENCES forums (id),
  file_name     text NOT NULL CONSTRAINT forum_report_files_name_not_blank CHECK (btrim(file_name) <> ''),
  content_type  text NOT NULL,
  content       bytea NOT NULL,
  size          integer NOT NULL CONSTRAINT forum_report_files_size_positive CHECK (size > 0),
  uploaded_by   uuid NOT NULL CONSTRAINT forum_report_files_uploaded_by_fk REFERENCES users (id),
  uploaded_at   timestamptz NOT NULL DEFAULT now()
);
