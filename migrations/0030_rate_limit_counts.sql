-- Rate-limit counters shared by the app's instances on PostgreSQL (src/http/rate-limit.ts): one row per key
-- (a route and an address, or a route and a device) holding its current window, which starts at the key's
-- first request like the plugin's memory store and is reset by the first increment after it ends. Each
-- instance counts locally and adds its increments here a few times a second, in one statement per flush.
-- UNLOGGED: counters are worth no WAL and no replica; after a crash the limits simply start afresh.
CREATE UNLOGGED TABLE rate_limit_counts (
  key          text        CONSTRAINT rate_limit_counts_pk PRIMARY KEY,
  window_start timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  count        integer     NOT NULL
);
-- Expired windows are deleted once a minute by the instances that flush (deleteExpiredRateLimitCounts).
CREATE INDEX rate_limit_counts_expires_idx ON rate_limit_counts (expires_at);
