import { sql } from "kysely";
import type { Executor } from "../db/index.ts";
import { now } from "../calendar/clock.ts";

/** Queues a message (its recipient encrypted) for the sweep to send. */
export async function insertNotification(
  db: Executor,
  row: { opinionId: string; channel: "email"; recipientCiphertext: string; template: "answer"; language: "vi" | "en" },
) {
  await db
    .insertInto("notifications")
    .values({
      opinion_id: row.opinionId,
      channel: row.channel,
      recipient_ciphertext: row.recipientCiphertext,
      template: row.template,
      language: row.language,
      created_at: now(),
      next_attempt_at: now(),
    })
    .execute();
}

/**
 * Claims up to `limit` due messages for this sender: pending ones whose time has come, and ones another
 * sender claimed but never finished (crashed) more than `staleAfterMs` ago. Two senders never claim the
 * same row (the conditional UPDATE re-checks it under the row lock).
 */
export async function claimDueNotifications(db: Executor, { now, limit, staleAfterMs }: { now: Date; limit: number; staleAfterMs: number }) {
  const stale = new Date(now.getTime() - staleAfterMs);
  const result = await sql<{ id: string; opinion_id: string; channel: "email" | "sms" | "zalo"; recipient_ciphertext: string; template: "answer"; language: "vi" | "en"; attempts: number }>`
    UPDATE notifications SET status = 'sending', claimed_at = ${now}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM notifications
      WHERE (status = 'pending' AND next_attempt_at <= ${now}) OR (status = 'sending' AND claimed_at < ${stale})
      ORDER BY next_attempt_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    AND ((status = 'pending' AND next_attempt_at <= ${now}) OR (status = 'sending' AND claimed_at < ${stale}))
    RETURNING id, opinion_id, channel, recipient_ciphertext, template, language, attempts`.execute(db);
  return result.rows;
}

/** Marks a claimed message sent. */
export async function markNotificationSent(db: Executor, id: string, at: Date) {
  await db.updateTable("notifications").set({ status: "sent", sent_at: at, last_error: null }).where("id", "=", id).execute();
}

/** Puts a claimed message back for a later attempt, or gives up on it. */
export async function markNotificationFailed(
  db: Executor,
  { id, error, retryAt }: { id: string; error: string; retryAt: Date | null },
) {
  await db
    .updateTable("notifications")
    .set(retryAt ? { status: "pending", next_attempt_at: retryAt, last_error: error } : { status: "failed", last_error: error })
    .where("id", "=", id)
    .execute();
}
