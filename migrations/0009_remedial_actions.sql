-- Remedial actions ("tự soi, tự sửa", DOMAIN.md §3): what a unit does to correct what an opinion revealed,
-- who is responsible, by when, how far it got, and the evidence; a leader verifies it.
CREATE TABLE remedial_actions (
  id             uuid CONSTRAINT remedial_actions_pk PRIMARY KEY DEFAULT gen_random_uuid(),
  opinion_id     uuid NOT NULL CONSTRAINT remedial_actions_opinion_fk REFERENCES opinions (id),
  unit_id        uuid NOT NULL CONSTRAINT remedial_actions_unit_fk REFERENCES units (id),
  title          text NOT NULL CONSTRAINT remedial_actions_title_not_blank CHECK (btrim(title) <> ''),
  owner_name     text NOT NULL CONSTRAINT remedial_actions_owner_not_blank CHECK (btrim(owner_name) <> ''),
  due_date       date NOT NULL,
  status         text NOT NULL DEFAULT 'planned'
                   CONSTRAINT remedial_actions_status_check CHECK (status IN ('planned', 'in_progress', 'done', 'verified')),
  evidence       text,
  created_by     uuid NOT NULL CONSTRAINT remedial_actions_created_by_fk REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  done_at        timestamptz,
  verified_at    timestamptz,
  verified_by    uuid CONSTRAINT remedial_actions_verified_by_fk REFERENCES users (id),
  CONSTRAINT remedial_actions_done_has_evidence CHECK (status IN ('planned', 'in_progress') OR btrim(coalesce(evidence, '')) <> '')
);
CREATE INDEX remedial_actions_opinion_idx ON remedial_actions (opinion_id, created_at);
CREATE INDEX remedial_actions_unit_status_idx ON remedial_actions (unit_id, status, due_date);
