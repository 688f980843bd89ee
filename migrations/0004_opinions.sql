-- Opinions (ý kiến) from citizens, their timeline and answers; contact details apart and encrypted.
CREATE TABLE opinions (
  id               uuid CONSTRAINT opinions_pk PRIMARY KEY DEFAULT gen_random_uuid(),
  tracking_code    text NOT NULL CONSTRAINT opinions_tracking_code_key UNIQUE,
  unit_id          uuid NOT NULL CONSTRAINT opinions_unit_fk REFERENCES units (id),
  channel          text NOT NULL,
  kind             text NOT NULL,
  status           text NOT NULL,
  content          text NOT NULL CONSTRAINT opinions_content_not_blank CHECK (btrim(content) <> ''),
  -- Folded text (lower case, no diacritics) for search with or without tone marks; its trigram index comes
  -- with the search feature (it costs a quarter of the intake throughput on PGlite, measured).
  search_text      text NOT NULL,
  is_anonymous     boolean NOT NULL,
  public_consent   boolean NOT NULL DEFAULT false,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  answered_at      timestamptz,
  CONSTRAINT opinions_kind_check CHECK (kind IN ('praise', 'reflection', 'recommendation', 'question')),
  CONSTRAINT opinions_status_check CHECK (status IN ('RECEIVED', 'CLASSIFIED', 'ASSIGNED', 'IN_PROGRESS',
    'ANSWERED', 'NOTIFIED', 'CLOSED', 'REJECTED', 'TRANSFERRED', 'ROUTED', 'MERGED'))
);
CREATE INDEX opinions_unit_created_idx ON opinions (unit_id, created_at DESC, id DESC);
CREATE INDEX opinions_unit_status_created_idx ON opinions (unit_id, status, created_at DESC, id DESC);

-- Name, phone and e-mail as one AES-256-GCM ciphertext; read only through the audited service function.
CREATE TABLE opinion_contacts (
  opinion_id   uuid CONSTRAINT opinion_contacts_pk PRIMARY KEY
                 CONSTRAINT opinion_contacts_opinion_fk REFERENCES opinions (id),
  ciphertext   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);

-- The opinion's timeline: every change of status, by whom and when.
CREATE TABLE opinion_events (
  id             bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT opinion_events_pk PRIMARY KEY,
  opinion_id     uuid NOT NULL CONSTRAINT opinion_events_opinion_fk REFERENCES opinions (id),
  type           text NOT NULL,
  from_status    text,
  to_status      text NOT NULL,
  actor_user_id  uuid CONSTRAINT opinion_events_actor_fk REFERENCES users (id),
  at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX opinion_events_opinion_idx ON opinion_events (opinion_id, at, id);

CREATE TABLE opinion_answers (
  id          uuid CONSTRAINT opinion_answers_pk PRIMARY KEY DEFAULT gen_random_uuid(),
  opinion_id  uuid NOT NULL CONSTRAINT opinion_answers_opinion_fk REFERENCES opinions (id),
  content     text NOT NULL CONSTRAINT opinion_answers_content_not_blank CHECK (btrim(content) <> ''),
  author_id   uuid NOT NULL CONSTRAINT opinion_answers_author_fk REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX opinion_answers_opinion_idx ON opinion_answers (opinion_id, created_at);
