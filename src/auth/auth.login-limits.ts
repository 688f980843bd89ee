import { nowMs } from "../calendar/clock.ts";
import type { Executor } from "../db/index.ts";
import { AppError } from "../http/errors.ts";
import { addRateLimitCounts, deleteExpiredRateLimitCounts, type RateLimitTotal } from "../http/rate-limit.queries.ts";

const MINUTE_MS = 60_000;

/**
 * Login limits: attempts counted per key in a window that starts at the key's first attempt. Per account and
 * address, the guessing one person can do; per account from every address, a slower backstop against guessing
 * spread over many addresses; per address over every account, generous (a whole office may share one address
 * behind NAT) yet enough to stop one address trying a few passwords on many accounts.
 */
export const LOGIN_LIMITS = {
  accountAndAddress: { max: 5, windowMs: 15 * MINUTE_MS },
  account: { max: 50, windowMs: 60 * MINUTE_MS },
  address: { max: 100, windowMs: 15 * MINUTE_MS },
} as const;

type LimitName = keyof typeof LOGIN_LIMITS;
const LIMIT_NAMES = Object.keys(LOGIN_LIMITS) as LimitName[];

/** A login attempt counted against every limit, before its password is checked. */
export interface LoginAttempt {
  keys: Record<LimitName, string>;
  atMs: number;
  totals: Map<string, RateLimitTotal>;
}

/**
 * Adds `increments` to the counters of `keys` in one statement (the shared rate-limit counters, so that every
 * instance sees them) and returns their totals. The keys go in one fixed order, as every writer of those rows
 * sends them, so that concurrent statements lock the rows in the same order.
 */
async function addLoginCounts(db: Executor, keys: Record<LimitName, string>, atMs: number, increments: Record<LimitName, number>) {
  const names = [...LIMIT_NAMES].sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  const totals = await addRateLimitCounts(db, {
    keys: names.map((name) => keys[name]),
    windowStartsMs: names.map(() => atMs),
    expiresAtMs: names.map((name) => atMs + LOGIN_LIMITS[name].windowMs),
    increments: names.map((name) => increments[name]),
  });
  return new Map(totals.map((total) => [total.key, total]));
}

/**
 * Counts a login attempt for `account` from `address` against every limit in one atomic statement, before any
 * password is checked: concurrent attempts, and attempts at every instance, each get a count of their own.
 * Throws 429 `auth.too_many_attempts` when a limit is passed, and gives the count back (no password was checked).
 */
export async function countLoginAttempt({ db, account, address }: { db: Executor; account: string; address: string }): Promise<LoginAttempt> {
  const atMs = nowMs();
  const keys = {
    accountAndAddress: `login:account+address:${account}|${address}`,
    account: `login:account:${account}`,
    address: `login:address:${address}`,
  };
  const totals = await addLoginCounts(db, keys, atMs, { accountAndAddress: 1, account: 1, address: 1 });
  const passed = LIMIT_NAMES.map((name) => ({ name, total: totals.get(keys[name]) })).filter(
    ({ name, total }) => (total?.count ?? 0) > LOGIN_LIMITS[name].max,
  );
  if (passed.length > 0) {
    await addLoginCounts(db, keys, atMs, { accountAndAddress: -1, account: -1, address: -1 });
    const waitMs = Math.max(...passed.map(({ total }) => (total?.expires_ms ?? atMs) - atMs));
    throw new AppError(429, "auth.too_many_attempts", { params: { minutes: Math.max(1, Math.ceil(waitMs / MINUTE_MS)) } });
  }
  return { keys, atMs, totals };
}

/**
 * After a successful login: the account's failures from that address are forgiven (those counted up to this
 * attempt), and the attempt gives back its count on the account and the address. Ended windows are deleted here
 * too, as no rate-limit flush runs on PGlite.
 */
export async function forgiveLoginAttempt({ db, attempt }: { db: Executor; attempt: LoginAttempt }): Promise<void> {
  const pairCount = attempt.totals.get(attempt.keys.accountAndAddress)?.count ?? 1;
  await addLoginCounts(db, attempt.keys, attempt.atMs, { accountAndAddress: -pairCount, account: -1, address: -1 });
  await deleteExpiredRateLimitCounts(db, new Date(attempt.atMs));
}
