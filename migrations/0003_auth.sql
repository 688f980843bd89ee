-- Officers' accounts, database-backed sessions and login throttling.
CREATE TABLE users (
  id             uuid CONSTRAINT users_pk PRIMARY KEY DEFAULT gen_random_uuid(),
  username       text NOT NULL,
  display_name   text NOT NULL,
  password_hash  text NOT NULL,
  unit_id        uuid NOT NULL CONSTRAINT users_unit_fk REFERENCES units (id),
  role           text NOT NULL CONSTRAINT users_role_check CHECK (role IN ('admin', 'leader', 'officer', 'inspector')),
  is_active      boolean NOT NULL DEFAULT true,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
CREATE INDEX users_unit_idx ON users (unit_id);

-- Only a hash of the session token is stored: a copy of this table opens no session.
CREATE TABLE sessions (
  token_hash    text CONSTRAINT sessions_pk PRIMARY KEY,
  user_id       uuid NOT NULL CONSTRAINT sessions_user_fk REFERENCES users (id) ON DELETE CASCADE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- Failed logins per key (user name and client address) in a sliding window.
CREATE TABLE login_failures (
  id        bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT login_failures_pk PRIMARY KEY,
  key       text NOT NULL,
  at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_key_at_idx ON login_failures (key, at);
