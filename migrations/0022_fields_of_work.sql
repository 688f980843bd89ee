-- Fields of work (lĩnh vực công tác, DOMAIN.md §1 "who is evaluated, by field of work"): a configurable list,
-- like unit levels. A campaign tags each evaluated unit with the field it is evaluated in, so that figures
-- can be given by field of work from the rollups (which are kept per evaluated unit).
CREATE TABLE fields_of_work (
  code     text CONSTRAINT fields_of_work_pk PRIMARY KEY,
  rank     int  NOT NULL,
  name_vi  text NOT NULL,
  name_en  text NOT NULL
);
INSERT INTO fields_of_work (code, rank, name_vi, name_en) VALUES
  ('administrative', 1, 'Thủ tục hành chính (cư trú, căn cước, xuất nhập cảnh)', 'Administrative procedures (residence, ID cards, exit and entry)'),
  ('security',       2, 'An ninh kinh tế, văn hóa, tư tưởng', 'Economic and cultural security'),
  ('criminal',       3, 'Cảnh sát hình sự, kinh tế, môi trường, ma túy', 'Criminal, economic, environmental and drug police'),
  ('order',          4, 'Cảnh sát cơ động, quản lý hành chính về trật tự xã hội', 'Mobile and public order police'),
  ('traffic',        5, 'Cảnh sát giao thông', 'Traffic police'),
  ('fire',           6, 'Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ', 'Fire and rescue police'),
  ('local',          7, 'Công an khu vực, đồn, trạm', 'Ward and area police, posts and stations');

ALTER TABLE survey_campaign_units ADD COLUMN field_code text CONSTRAINT survey_campaign_units_field_fk REFERENCES fields_of_work (code);
