import { hash, verify } from "@node-rs/argon2";
import type { Executor } from "../db/index.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { now as clockNow } from "../calendar/clock.ts";
import { hashToken, newToken } from "../crypto/keys.ts";
import { AppError, unauthenticated } from "../http/errors.ts";
import { normalizeText } from "../text/vietnamese.ts";
import type { Role, UserActor } from "./actor.ts";
import { countLoginAttempt, forgiveLoginAttempt } from "./auth.login-limits.ts";
import { assertStrongPassword } from "./auth.password-strength.ts";
import {
  deleteExpiredSessions,
  deleteSession,
  findSessionWithUser,
  findUserById,
  listActiveHandlersOfUnit,
  findUserByUsername,
  insertSession,
  insertUser,
  touchSession,
} from "./auth.queries.ts";

/** A session lasts this long without use … */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** … and never longer than this after login. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** Writes to refresh a session happen at most this often. */
const SESSION_TOUCH_MS = 5 * 60 * 1000;

// argon2id, OWASP's second recommended setting (19 MiB, 2 passes).
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
// Verified when the user does not exist, so that a wrong name costs as long as a wrong password.
const DUMMY_HASH = await hash("langnghe-dummy-password", ARGON2_OPTIONS);

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

function toActor(row: {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  unit_id: string;
  unit_name: string;
}): UserActor {
  return {
    kind: "user",
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    unitId: row.unit_id,
    unitName: row.unit_name,
  };
}

/**
 * Checks a user name and password and opens a session. The attempt is counted against the login limits
 * (auth.login-limits.ts) before the password is checked, and refused with 429 past any of them; every outcome
 * is audited.
 */
export async function login({
  db,
  username,
  password,
  ip,
}: {
  db: Executor;
  username: string;
  password: string;
  ip: string;
}): Promise<{ token: string; user: UserActor; expiresAt: Date }> {
  const name = normalizeText(username).toLowerCase();
  const attempt = await countLoginAttempt({ db, account: name, address: ip });
  const user = await findUserByUsername(db, name);
  const valid = await verify(user?.password_hash ?? DUMMY_HASH, password);
  if (!user || !valid || !user.is_active) {
    await recordAudit({
      db,
      actor: { kind: "public" },
      action: "auth.login_failed",
      entityType: "user",
      entityId: user?.id ?? name,
      ip,
    });
    throw new AppError(401, "auth.invalid_credentials");
  }
  const now = clockNow();
  const token = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
  const actor = toActor(user);
  await forgiveLoginAttempt({ db, attempt });
  await insertSession(db, { tokenHash: hashToken(token), userId: user.id, expiresAt });
  await recordAudit({ db, actor, action: "auth.login", entityType: "user", entityId: user.id, ip });
  await deleteExpiredSessions(db, now);
  return { token, user: actor, expiresAt };
}

/** Ends the session of `token` (no error if it is already gone). */
export async function logout({ db, token }: { db: Executor; token: string }): Promise<void> {
  await deleteSession(db, hashToken(token));
}

/**
 * The user behind a session token. Throws 401 `auth.session_expired` for an expired session or a
 * disabled account, 401 `auth.unauthenticated` for an unknown token. Slides the idle expiry.
 */
export async function resolveSession({
  db,
  token,
  now = clockNow(),
}: {
  db: Executor;
  token: string;
  now?: Date;
}): Promise<UserActor> {
  const tokenHash = hashToken(token);
  const row = await findSessionWithUser(db, tokenHash);
  if (!row) throw unauthenticated();
  if (row.expires_at.getTime() <= now.getTime() || !row.is_active) {
    await deleteSession(db, tokenHash);
    throw unauthenticated("auth.session_expired");
  }
  if (now.getTime() - row.last_seen_at.getTime() > SESSION_TOUCH_MS) {
    const absoluteEnd = row.created_at.getTime() + SESSION_ABSOLUTE_MS;
    await touchSession(db, tokenHash, new Date(Math.min(now.getTime() + SESSION_IDLE_MS, absoluteEnd)));
  }
  return toActor(row);
}

/**
 * Creates an officer's account (used by the demo seed and the CLI). Returns the new id. Refuses a guessable
 * password with 400 and the reason (assertStrongPassword).
 */
export async function createUser({
  db,
  user,
}: {
  db: Executor;
  user: { username: string; displayName: string; password: string; unitId: string; role: Role };
}): Promise<string> {
  assertStrongPassword(user.password, [user.username, user.displayName]);
  return insertUser(db, {
    username: normalizeText(user.username).toLowerCase(),
    displayName: normalizeText(user.displayName),
    passwordHash: await hashPassword(user.password),
    unitId: user.unitId,
    role: user.role,
  });
}

/** The actor of an existing account (for jobs and the seed, which act as a user without a session). */
export async function getUserActor({ db, userId }: { db: Executor; userId: string }): Promise<UserActor> {
  const row = await findUserById(db, userId);
  if (!row) throw new Error(`No user ${userId}`);
  return toActor(row);
}

/** An active account, or undefined when there is none (e.g. before assigning work to it). */
export async function findActiveUser({ db, userId }: { db: Executor; userId: string }): Promise<UserActor | undefined> {
  const row = await findUserById(db, userId);
  return row?.is_active ? toActor(row) : undefined;
}

/** The active officers and leaders of a unit: who its opinions can be assigned to. */
export async function listUnitHandlers({ db, unitId }: { db: Executor; unitId: string }) {
  const rows = await listActiveHandlersOfUnit(db, unitId);
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role as Role }));
}
