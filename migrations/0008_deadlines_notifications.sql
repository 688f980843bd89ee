-- Deadline reminders and escalation (a background sweep), and notifications to contributors (an outbox).

ALTER TABLE opinions
  ADD COLUMN reminded_at           timestamptz,
  ADD COLUMN escalated_at          timestamptz,
  -- The superior unit an overdue opinion was escalated to (it sees it in its subtree anyway; this marks it).
  ADD COLUMN escalated_to_unit_id  uuid CONSTRAINT opinions_escalated_to_fk REFERENCES units (id),
  ADD COLUMN notified_at           timestamptz;
CREATE INDEX opinions_escalated_idx ON opinions (escalated_to_unit_id, escalated_at) WHERE escalated_at IS NOT NULL;

-- Messages to contributors, sent by the sweep through a channel (e-mail now; SMS and Zalo later). The
-- recipient is encrypted like the contact it comes from; a claimed row is reclaimed after a crash.
CREATE TABLE notifications (
  id                    uuid CONSTRAINT notifications_pk PRIMARY KEY DEFAULT gen_random_uuid(),
  opinion_id            uuid NOT NULL CONSTRAINT notifications_opinion_fk REFERENCES opinions (id),
  channel               text NOT NULL CONSTRAINT notifications_channel_check CHECK (channel IN ('email', 'sms', 'zalo')),
  recipient_ciphertext  text NOT NULL,
  template              text NOT NULL CONSTRAINT notifications_template_check CHECK (template IN ('answer')),
  language              text NOT NULL DEFAULT 'vi' CONSTRAINT notifications_language_check CHECK (language IN ('vi', 'en')),
  status                text NOT NULL DEFAULT 'pending'
                          CONSTRAINT notifications_status_check CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts              int NOT NULL DEFAULT 0,
  next_attempt_at       timestamptz NOT NULL DEFAULT now(),
  claimed_at            timestamptz,
  sent_at               timestamptz,
  last_error            text,
  created_at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_due_idx ON notifications (next_attempt_at) WHERE status IN ('pending', 'sending');
CREATE INDEX notifications_opinion_idx ON notifications (opinion_id);
