-- The full opinion lifecycle (DOMAIN.md §3): legal triage, content groups and topics, routing, transfers,
-- answers that a leader approves, citizens' ratings and reopening, and search with or without diacritics.

-- Topics people raise: a configurable list (DOMAIN.md §1); codes follow the police-feedback taxonomy.
CREATE TABLE topics (
  code        text CONSTRAINT topics_pk PRIMARY KEY CONSTRAINT topics_code_format CHECK (code ~ '^[a-z][a-z0-9_]*$'),
  name_vi     text NOT NULL,
  name_en     text NOT NULL,
  sort_order  int  NOT NULL DEFAULT 0,
  is_active   boolean NOT NULL DEFAULT true
);
INSERT INTO topics (code, name_vi, name_en, sort_order) VALUES
  ('theft',              'Trộm cắp, cướp giật',                        'Theft and robbery',                       10),
  ('gambling',           'Cờ bạc, lô đề, cá độ',                       'Gambling and illegal lottery',            20),
  ('drugs',              'Ma túy',                                     'Drugs',                                   30),
  ('traffic',            'Trật tự, an toàn giao thông',                'Traffic order and safety',                40),
  ('admin_procedures',   'Thủ tục hành chính (cư trú, CCCD, VNeID)',   'Administrative procedures (residence, ID cards, VNeID)', 50),
  ('loan_sharks',        'Tín dụng đen',                               'Loan sharks',                             60),
  ('online_fraud',       'Lừa đảo qua mạng, mạng xã hội',              'Online fraud and social-media abuse',     70),
  ('corruption',         'Tham nhũng, tiêu cực',                       'Corruption',                              80),
  ('officer_conduct',    'Thái độ, tác phong của cán bộ',              'Officers'' attitude and conduct',         90),
  ('police_resources',   'Lực lượng, cơ sở vật chất Công an xã',       'Commune police staffing and facilities', 100),
  ('community_security', 'Camera an ninh, mô hình tự quản',            'Security cameras and neighbourhood models', 110),
  ('noise',              'Tiếng ồn, gây mất trật tự',                  'Noise and public disorder',              120),
  ('electric_fishing',   'Kích điện đánh bắt thủy sản',                'Fishing with electricity',               130),
  ('fake_goods',         'Hàng giả, hàng cấm',                         'Fake and banned goods',                  140),
  ('praise',             'Biểu dương, cảm ơn',                         'Praise and thanks',                      150),
  ('other_security',     'An ninh, trật tự khác',                      'Other security and order matters',       160);

ALTER TABLE opinions DROP CONSTRAINT opinions_kind_check;
ALTER TABLE opinions ADD CONSTRAINT opinions_kind_check CHECK (kind IN ('praise', 'reflection', 'recommendation',
  'question', 'crime_report', 'complaint', 'denunciation', 'regulation_feedback', 'emergency'));

ALTER TABLE opinions
  -- When the opinion was actually received (a forum, a letter), which may precede its entry here.
  ADD COLUMN received_at        timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN content_group      text CONSTRAINT opinions_content_group_check CHECK (content_group IN
                                  ('security_situation', 'duty_performance', 'conduct_ethics', 'force_building')),
  ADD COLUMN topics             text[] NOT NULL DEFAULT '{}',
  -- The commune where the matter happened; routing rules send it to the responsible unit.
  ADD COLUMN location_unit_id   uuid CONSTRAINT opinions_location_unit_fk REFERENCES units (id),
  -- The unit whose officer or conduct the opinion is about: it never handles it, nor sees who wrote it.
  ADD COLUMN concerned_unit_id  uuid CONSTRAINT opinions_concerned_unit_fk REFERENCES units (id),
  ADD COLUMN target_officer     text,
  ADD COLUMN assigned_user_id   uuid CONSTRAINT opinions_assigned_user_fk REFERENCES users (id),
  ADD COLUMN answer_method      text CONSTRAINT opinions_answer_method_check CHECK (answer_method IN ('written', 'on_spot')),
  -- Routing kinds: the procedure it was routed to, the body, when; the outcome where the law allows telling it.
  ADD COLUMN routed_track       text CONSTRAINT opinions_routed_track_check CHECK (routed_track IN
                                  ('crime_report', 'complaint', 'denunciation', 'regulation_feedback', 'emergency')),
  ADD COLUMN routed_to          text,
  ADD COLUMN routed_outcome     text,
  ADD COLUMN transferred_to     text,
  ADD COLUMN merged_into_id     uuid CONSTRAINT opinions_merged_into_fk REFERENCES opinions (id),
  ADD COLUMN reopen_count       int NOT NULL DEFAULT 0,
  ADD COLUMN closed_at          timestamptz,
  ADD COLUMN rating             smallint CONSTRAINT opinions_rating_range CHECK (rating BETWEEN 1 AND 5),
  ADD COLUMN rating_comment     text,
  ADD COLUMN rated_at           timestamptz,
  -- An officer's entry made offline is sent again until it is acknowledged: the key makes it count once.
  ADD COLUMN client_key         uuid CONSTRAINT opinions_client_key_key UNIQUE,
  ADD COLUMN entered_by_user_id uuid CONSTRAINT opinions_entered_by_fk REFERENCES users (id),
  ADD CONSTRAINT opinions_not_merged_into_self CHECK (merged_into_id IS NULL OR merged_into_id <> id);
UPDATE opinions SET received_at = created_at;

CREATE INDEX opinions_search_trgm_idx ON opinions USING gin (search_text gin_trgm_ops);
CREATE INDEX opinions_topics_idx ON opinions USING gin (topics);
CREATE INDEX opinions_open_due_idx ON opinions (answer_due_at)
  WHERE status IN ('RECEIVED', 'CLASSIFIED', 'ASSIGNED', 'IN_PROGRESS');
CREATE INDEX opinions_merged_into_idx ON opinions (merged_into_id) WHERE merged_into_id IS NOT NULL;

-- A note on a step of the timeline (a reason, a comment) and its facts (units, track, body).
ALTER TABLE opinion_events
  ADD COLUMN note     text,
  ADD COLUMN details  jsonb NOT NULL DEFAULT '{}';

-- An answer is a draft until a leader approves it (or sends it back with a comment).
ALTER TABLE opinion_answers
  ADD COLUMN status          text NOT NULL DEFAULT 'approved'
                               CONSTRAINT opinion_answers_status_check CHECK (status IN ('pending', 'approved', 'returned')),
  ADD COLUMN method          text NOT NULL DEFAULT 'written'
                               CONSTRAINT opinion_answers_method_check CHECK (method IN ('written', 'on_spot')),
  ADD COLUMN reviewer_id     uuid CONSTRAINT opinion_answers_reviewer_fk REFERENCES users (id),
  ADD COLUMN reviewed_at     timestamptz,
  ADD COLUMN review_comment  text;
CREATE UNIQUE INDEX opinion_answers_one_pending_idx ON opinion_answers (opinion_id) WHERE status = 'pending';

-- Routing rules as data: where an opinion about a place (and a topic, a kind) goes. The most specific
-- matching rule with the highest priority wins; no rule → the unit the citizen chose.
CREATE TABLE routing_rules (
  id                uuid CONSTRAINT routing_rules_pk PRIMARY KEY DEFAULT gen_random_uuid(),
  location_unit_id  uuid CONSTRAINT routing_rules_location_fk REFERENCES units (id),
  topic             text CONSTRAINT routing_rules_topic_fk REFERENCES topics (code),
  kind              text,
  target_unit_id    uuid NOT NULL CONSTRAINT routing_rules_target_fk REFERENCES units (id),
  priority          int  NOT NULL DEFAULT 0,
  created_at        timestamptz NOT NULL DEFAULT now()
);

-- Routing kinds have a deadline to be routed (stage 'route'); urgency does not change a legal procedure.
ALTER TABLE deadline_rules DROP CONSTRAINT deadline_rules_stage_check;
ALTER TABLE deadline_rules ADD CONSTRAINT deadline_rules_stage_check CHECK (stage IN ('answer', 'route'));
INSERT INTO deadline_rules (kind, urgency, stage, amount, unit) VALUES
  ('crime_report',        'normal', 'route', 8,  'working_hours'),
  ('crime_report',        'urgent', 'route', 2,  'working_hours'),
  ('denunciation',        'normal', 'route', 8,  'working_hours'),
  ('denunciation',        'urgent', 'route', 4,  'working_hours'),
  ('complaint',           'normal', 'route', 3,  'working_days'),
  ('complaint',           'urgent', 'route', 8,  'working_hours'),
  ('regulation_feedback', 'normal', 'route', 5,  'working_days'),
  ('regulation_feedback', 'urgent', 'route', 8,  'working_hours'),
  ('emergency',           'normal', 'route', 1,  'working_hours'),
  ('emergency',           'urgent', 'route', 1,  'working_hours');
