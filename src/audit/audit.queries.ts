import type { Executor } from "../db/index.ts";
import { now } from "../calendar/clock.ts";

/** One audit entry as stored. */
export interface AuditEntryRow {
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  details: Record<string, unknown>;
  ip: string | null;
}

/** Appends one entry to the audit log (the table refuses UPDATE and DELETE). */
export async function insertAuditEntry(db: Executor, entry: AuditEntryRow): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      actor_user_id: entry.actorUserId,
      actor_label: entry.actorLabel,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      details: JSON.stringify(entry.details),
      ip: entry.ip,
      at: now(),
    })
    .execute();
}

/** The entries about one record, oldest first. */
export async function listAuditEntriesFor(db: Executor, entityType: string, entityId: string) {
  return db
    .selectFrom("audit_log")
    .select(["id", "at", "actor_user_id", "actor_label", "action", "entity_type", "entity_id", "details"])
    .where("entity_type", "=", entityType)
    .where("entity_id", "=", entityId)
    .orderBy("id")
    .execute();
}
