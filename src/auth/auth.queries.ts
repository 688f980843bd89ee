import type { Executor } from "../db/index.ts";
import { now as clockNow } from "../calendar/clock.ts";

/** An active or inactive account by user name (case-insensitive). */
export async function findUserByUsername(db: Executor, username: string) {
  return db
    .selectFrom("users as u")
    .innerJoin("units as n", "n.id", "u.unit_id")
    .select([
      "u.id",
      "u.username",
      "u.display_name",
      "u.password_hash",
      "u.role",
      "u.unit_id",
      "u.is_active",
      "n.name as unit_name",
    ])
    .where((eb) => eb(eb.fn("lower", ["u.username"]), "=", username.toLowerCase()))
    .executeTakeFirst();
}

/** An account by id, with its unit's name. */
export async function findUserById(db: Executor, id: string) {
  return db
    .selectFrom("users as u")
    .innerJoin("units as n", "n.id", "u.unit_id")
    .select(["u.id", "u.username", "u.display_name", "u.role", "u.unit_id", "u.is_active", "n.name as unit_name"])
    .where("u.id", "=", id)
    .executeTakeFirst();
}

/** The session with this token hash, joined with its active user. */
export async function findSessionWithUser(db: Executor, tokenHash: string) {
  return db
    .selectFrom("sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .innerJoin("units as n", "n.id", "u.unit_id")
    .select([
      "s.token_hash",
      "s.created_at",
      "s.last_seen_at",
      "s.expires_at",
      "u.id",
      "u.username",
      "u.display_name",
      "u.role",
      "u.unit_id",
      "u.is_active",
      "n.name as unit_name",
    ])
    .where("s.token_hash", "=", tokenHash)
    .executeTakeFirst();
}

/** Stores a new session. */
export async function insertSession(db: Executor, session: { tokenHash: string; userId: string; expiresAt: Date }) {
  await db
    .insertInto("sessions")
    .values({ token_hash: session.tokenHash, user_id: session.userId, expires_at: session.expiresAt, created_at: clockNow(), last_seen_at: clockNow() })
    .execute();
}

/** Marks a session as used now and moves its expiry. */
export async function touchSession(db: Executor, tokenHash: string, expiresAt: Date) {
  await db
    .updateTable("sessions")
    .set({ last_seen_at: clockNow(), expires_at: expiresAt })
    .where("token_hash", "=", tokenHash)
    .execute();
}

/** Ends a session. */
export async function deleteSession(db: Executor, tokenHash: string) {
  await db.deleteFrom("sessions").where("token_hash", "=", tokenHash).execute();
}

/** Removes sessions that expired before `now`. */
export async function deleteExpiredSessions(db: Executor, now: Date) {
  await db.deleteFrom("sessions").where("expires_at", "<", now).execute();
}

/** The values of a new account. */
export interface NewUserRow {
  username: string;
  displayName: string;
  passwordHash: string;
  unitId: string;
  role: "admin" | "leader" | "officer" | "inspector";
}

/** Inserts an account and returns its id. */
export async function insertUser(db: Executor, user: NewUserRow): Promise<string> {
  const row = await db
    .insertInto("users")
    .values({
      username: user.username,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      unit_id: user.unitId,
      role: user.role,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Display names of the given users, by id. */
export async function listUserNames(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.selectFrom("users").select(["id", "display_name"]).where("id", "in", ids).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** Active officers and leaders of a unit, by display name. */
export async function listActiveHandlersOfUnit(db: Executor, unitId: string) {
  return db
    .selectFrom("users")
    .select(["id", "display_name", "role"])
    .where("unit_id", "=", unitId)
    .where("is_active", "=", true)
    .where("role", "in", ["officer", "leader"])
    .orderBy("display_name")
    .execute();
}
