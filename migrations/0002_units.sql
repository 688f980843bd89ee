-- The dated unit tree (DOMAIN.md §2): levels are data; units have validity periods and successors.
CREATE TABLE unit_levels (
  code     text CONSTRAINT unit_levels_pk PRIMARY KEY,
  rank     int  NOT NULL,
  name_vi  text NOT NULL,
  name_en  text NOT NULL
);

CREATE TABLE units (
  id          uuid CONSTRAINT units_pk PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL CONSTRAINT units_name_not_blank CHECK (btrim(name) <> ''),
  short_name  text NOT NULL,
  level_code  text NOT NULL CONSTRAINT units_level_fk REFERENCES unit_levels (code),
  parent_id   uuid CONSTRAINT units_parent_fk REFERENCES units (id),
  area_code   text,
  valid_from  date NOT NULL,
  valid_to    date,
  search_key  text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT units_valid_period CHECK (valid_to IS NULL OR valid_to >= valid_from),
  CONSTRAINT units_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX units_parent_idx ON units (parent_id);
CREATE INDEX units_search_trgm_idx ON units USING gin (search_key gin_trgm_ops);

-- A unit that ceased to exist hands its data over to one or more successors.
CREATE TABLE unit_successors (
  unit_id       uuid NOT NULL CONSTRAINT unit_successors_unit_fk REFERENCES units (id),
  successor_id  uuid NOT NULL CONSTRAINT unit_successors_successor_fk REFERENCES units (id),
  CONSTRAINT unit_successors_pk PRIMARY KEY (unit_id, successor_id),
  CONSTRAINT unit_successors_not_self CHECK (unit_id <> successor_id)
);
CREATE INDEX unit_successors_successor_idx ON unit_successors (successor_id);

INSERT INTO unit_levels (code, rank, name_vi, name_en) VALUES
  ('ministry',   1, 'Bộ Công an',              'Ministry of Public Security'),
  ('department', 2, 'Cục, đơn vị thuộc Bộ',    'Ministry department'),
  ('province',   2, 'Công an tỉnh, thành phố', 'Provincial police'),
  ('division',   3, 'Phòng thuộc Công an tỉnh', 'Provincial division'),
  ('district',   3, 'Công an huyện (đến 28/02/2025)', 'District police (until 28/02/2025)'),
  ('commune',    4, 'Công an xã, phường, đặc khu', 'Commune-level police'),
  ('post',       4, 'Đồn, trạm',               'Police post or station');
