import type { Actor } from "../auth/actor.ts";
import type { Executor } from "../db/index.ts";
import { insertAuditEntry, listAuditEntriesFor } from "./audit.queries.ts";

/** What happened, in a stable dotted form: `opinion.create`, `opinion.contact.view`, `auth.login` … */
export type AuditAction = string;

/**
 * The columns of an audit entry for a record whose id the database has yet to assign: for queries that
 * store a record and its audit entry in one statement.
 */
export function auditEntryFor({
  actor,
  action,
  entityType,
  details = {},
  ip = null,
}: {
  actor: Actor;
  action: AuditAction;
  entityType: string;
  details?: Record<string, unknown>;
  ip?: string | null;
}) {
  return {
    actorUserId: actor.kind === "user" ? actor.id : null,
    actorLabel: actor.kind === "user" ? actor.username : actor.kind === "system" ? `system:${actor.job}` : "public",
    action,
    entityType,
    details,
    ip,
  };
}

/** Writes who did what to which record; call it inside the transaction of the change it records. */
export async function recordAudit({
  db,
  actor,
  action,
  entityType,
  entityId,
  details = {},
  ip = null,
}: {
  db: Executor;
  actor: Actor;
  action: AuditAction;
  entityType: string;
  entityId: string;
  details?: Record<string, unknown>;
  ip?: string | null;
}): Promise<void> {
  await insertAuditEntry(db, { ...auditEntryFor({ actor, action, entityType, details, ip }), entityId });
}

/** The audit trail of one record, oldest first. */
export async function listAuditTrail({
  db,
  entityType,
  entityId,
}: {
  db: Executor;
  entityType: string;
  entityId: string;
}) {
  const rows = await listAuditEntriesFor(db, entityType, entityId);
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorUserId: r.actor_user_id,
    actorLabel: r.actor_label,
    action: r.action,
    details: r.details,
  }));
}
