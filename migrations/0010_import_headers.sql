-- The header row of an import's file as read by its check, so that the officer can choose which column
-- fills which field (a generic column mapping for exports of other systems) and check the file again.
-- Kept also when the check failed for want of a content column; null until the file's header is read.
ALTER TABLE opinion_imports ADD COLUMN headers jsonb;
