-- Login attempts are now counted in rate_limit_counts (src/auth/auth.login-limits.ts): one atomic increment
-- before the password is checked, shared by every instance. The old table of failures is no longer read.
DROP TABLE login_failures;
