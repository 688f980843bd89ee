-- Deadlines as data (DOMAIN.md §3): how long a unit has to answer, per kind and urgency, in working time.
CREATE TABLE deadline_rules (
  kind     text NOT NULL,
  urgency  text NOT NULL CONSTRAINT deadline_rules_urgency_check CHECK (urgency IN ('normal', 'urgent')),
  stage    text NOT NULL CONSTRAINT deadline_rules_stage_check CHECK (stage IN ('answer')),
  amount   int  NOT NULL CONSTRAINT deadline_rules_amount_positive CHECK (amount > 0),
  unit     text NOT NULL CONSTRAINT deadline_rules_unit_check CHECK (unit IN ('working_hours', 'working_days')),
  CONSTRAINT deadline_rules_pk PRIMARY KEY (kind, urgency, stage)
);

-- Defaults a unit's administrator may change: a question is answered within 5 working days, a reflection or a
-- recommendation within 10, praise acknowledged within 5; urgent ones within 8 working hours.
INSERT INTO deadline_rules (kind, urgency, stage, amount, unit) VALUES
  ('praise',         'normal', 'answer', 5,  'working_days'),
  ('reflection',     'normal', 'answer', 10, 'working_days'),
  ('recommendation', 'normal', 'answer', 10, 'working_days'),
  ('question',       'normal', 'answer', 5,  'working_days'),
  ('praise',         'urgent', 'answer', 8,  'working_hours'),
  ('reflection',     'urgent', 'answer', 8,  'working_hours'),
  ('recommendation', 'urgent', 'answer', 8,  'working_hours'),
  ('question',       'urgent', 'answer', 8,  'working_hours');

ALTER TABLE opinions ADD COLUMN urgency text NOT NULL DEFAULT 'normal'
  CONSTRAINT opinions_urgency_check CHECK (urgency IN ('normal', 'urgent'));
ALTER TABLE opinions ADD COLUMN answer_due_at timestamptz;
