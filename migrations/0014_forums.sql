-- Forums "Công an lắng nghe ý kiến Nhân dân" (DOMAIN.md §1): a unit's public meeting with the people of a
-- commune or hamlet — planned, run live (opinions spoken or sent from phones, moderated by the chair,
-- supported "+1"), answered on the spot or later in writing, and closed with minutes (Decree 30/2020, 1.9).
CREATE TABLE forums (
  id                  uuid CONSTRAINT forums_pk PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id             uuid NOT NULL CONSTRAINT forums_unit_fk REFERENCES units (id),
  title               text NOT NULL CONSTRAINT forums_title_not_blank CHECK (btrim(title) <> ''),
  co_organisers       text NOT NULL DEFAULT '',
  starts_at           timestamptz NOT NULL,
  planned_end_at      timestamptz,
  location_unit_id    uuid CONSTRAINT forums_location_fk REFERENCES units (id),
  hamlet              text,
  place               text NOT NULL CONSTRAINT forums_place_not_blank CHECK (btrim(place) <> ''),
  chair_name          text NOT NULL CONSTRAINT forums_chair_not_blank CHECK (btrim(chair_name) <> ''),
  secretary_name      text NOT NULL CONSTRAINT forums_secretary_not_blank CHECK (btrim(secretary_name) <> ''),
  invited_groups      text NOT NULL DEFAULT '',
  expected_attendance integer CONSTRAINT forums_expected_positive CHECK (expected_attendance IS NULL OR expected_attendance >= 0),
  attendance          integer CONSTRAINT forums_attendance_positive CHECK (attendance IS NULL OR attendance >= 0),
  report_text         text NOT NULL DEFAULT '',
  key_figures         jsonb NOT NULL DEFAULT '[]',
  status              text NOT NULL DEFAULT 'planned'
                        CONSTRAINT forums_status_check CHECK (status IN ('planned', 'live', 'ended', 'cancelled')),
  started_at          timestamptz,
  ended_at            timestamptz,
  current_item_id     uuid,
  created_by          uuid NOT NULL CONSTRAINT forums_created_by_fk REFERENCES users (id),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX forums_unit_starts_idx ON forums (unit_id, starts_at);
CREATE INDEX forums_location_starts_idx ON forums (location_unit_id, starts_at);

-- An opinion raised at a forum: the opinion itself lives in `opinions` (its workflow and deadline); this row
-- holds what the forum needs — who raised it how, what the screen may show, the chair's decision and mark.
CREATE TABLE forum_items (
  id             uuid CONSTRAINT forum_items_pk PRIMARY KEY DEFAULT gen_random_uuid(),
  forum_id       uuid NOT NULL CONSTRAINT forum_items_forum_fk REFERENCES forums (id),
  opinion_id     uuid NOT NULL CONSTRAINT forum_items_opinion_key UNIQUE CONSTRAINT forum_items_opinion_fk REFERENCES opinions (id),
  tracking_code  text NOT NULL,
  source         text NOT NULL CONSTRAINT forum_items_source_check CHECK (source IN ('secretary', 'citizen')),
  speaker        text,
  kind           text NOT NULL,
  display_text   text NOT NULL,
  moderation     text NOT NULL DEFAULT 'pending'
                   CONSTRAINT forum_items_moderation_check CHECK (moderation IN ('pending', 'shown', 'hidden')),
  moderated_at   timestamptz,
  mark           text CONSTRAINT forum_items_mark_check CHECK (mark IN ('on_spot', 'written', 'transferred', 'out_of_scope')),
  mark_note      text,
  marked_at      timestamptz,
  support_count  integer NOT NULL DEFAULT 0,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX forum_items_forum_idx ON forum_items (forum_id, created_at);

-- One support ("+1") per device and item; the device id is stored only as a keyed hash.
CREATE TABLE forum_supports (
  item_id      uuid NOT NULL CONSTRAINT forum_supports_item_fk REFERENCES forum_items (id),
  device_hash  text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT forum_supports_pk PRIMARY KEY (item_id, device_hash)
);

-- The minutes (biên bản): an editable draft, then finalised once — the document stored with its hash and
-- never changed again (a trigger refuses it).
CREATE TABLE forum_minutes (
  forum_id       uuid CONSTRAINT forum_minutes_pk PRIMARY KEY CONSTRAINT forum_minutes_forum_fk REFERENCES forums (id),
  attendees      text NOT NULL DEFAULT '',
  proceedings    text NOT NULL DEFAULT '',
  closing_note   text NOT NULL DEFAULT '',
  ended_at       timestamptz,
  status         text NOT NULL DEFAULT 'draft' CONSTRAINT forum_minutes_status_check CHECK (status IN ('draft', 'final')),
  document       bytea,
  content_hash   text,
  finalised_at   timestamptz,
  finalised_by   uuid CONSTRAINT forum_minutes_finalised_by_fk REFERENCES users (id),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT forum_minutes_final_has_document CHECK (status = 'draft' OR (document IS NOT NULL AND content_hash IS NOT NULL))
);

CREATE FUNCTION forum_minutes_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'final' THEN
    RAISE EXCEPTION 'finalised minutes are immutable' USING ERRCODE = 'raise_exception';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER forum_minutes_immutable BEFORE UPDATE OR DELETE ON forum_minutes
  FOR EACH ROW EXECUTE FUNCTION forum_minutes_refuse_change();
