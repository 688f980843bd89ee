import { decryptText, encryptText, type Keys } from "../crypto/keys.ts";
import type { Executor } from "../db/index.ts";
import type { NotificationChannel, OutgoingMessage } from "./notifications.channels.ts";
import { answerMessage } from "./notifications.templates.ts";
import {
  claimDueNotifications,
  insertNotification,
  markNotificationFailed,
  markNotificationSent,
} from "./notifications.queries.ts";
import { now as clockNow } from "../calendar/clock.ts";

export { createEmailChannel, type NotificationChannel } from "./notifications.channels.ts";

/** The "your opinion was answered" message, in the contributor's language. */
export const renderAnswerMessage = answerMessage;

/** Attempts before a message is given up (then `failed`, visible with its last error). */
export const MAX_ATTEMPTS = 5;
/** A claim older than this is taken to be a crashed sender's and is claimed again. */
const STALE_CLAIM_MS = 10 * 60_000;

/**
 * Queues the "your opinion was answered" message to a contributor's e-mail address, inside the caller's
 * transaction (so it exists exactly when the approved answer does). The address is stored encrypted.
 */
export async function queueAnswerEmail({
  db,
  keys,
  opinionId,
  email,
  language = "vi",
}: {
  db: Executor;
  keys: Keys;
  opinionId: string;
  email: string;
  language?: "vi" | "en";
}): Promise<void> {
  await insertNotification(db, {
    opinionId,
    channel: "email",
    recipientCiphertext: encryptText(keys.personalData, email),
    template: "answer",
    language,
  });
}

/** What one run of the sender did with one message. */
export interface SendOutcome {
  notificationId: string;
  opinionId: string;
  outcome: "sent" | "retry" | "failed";
}

/**
 * Sends the messages that are due, through the configured channels. Each message is claimed first, so two
 * app instances never send the same one; a failure is retried with a growing delay, up to MAX_ATTEMPTS.
 * A message whose channel is not configured waits (it goes out once the channel is set up). `render`
 * writes the message from the current state of its opinion (or says there is nothing to send any more).
 */
export async function sendDueNotifications({
  db,
  keys,
  channels,
  render,
  now = clockNow(),
  limit = 50,
}: {
  db: Executor;
  keys: Keys;
  channels: readonly NotificationChannel[];
  render: (n: { opinionId: string; template: "answer"; language: "vi" | "en" }) => Promise<Omit<OutgoingMessage, "to"> | null>;
  now?: Date;
  limit?: number;
}): Promise<SendOutcome[]> {
  const claimed = await claimDueNotifications(db, { now, limit, staleAfterMs: STALE_CLAIM_MS });
  const outcomes: SendOutcome[] = [];
  for (const row of claimed) {
    const channel = channels.find((c) => c.name === row.channel);
    const base = { notificationId: row.id, opinionId: row.opinion_id };
    if (!channel) {
      await markNotificationFailed(db, { id: row.id, error: `no ${row.channel} channel configured`, retryAt: new Date(now.getTime() + 3_600_000) });
      outcomes.push({ ...base, outcome: "retry" });
      continue;
    }
    try {
      const message = await render({ opinionId: row.opinion_id, template: row.template, language: row.language });
      if (!message) {
        await markNotificationFailed(db, { id: row.id, error: "nothing to send", retryAt: null });
        outcomes.push({ ...base, outcome: "failed" });
        continue;
      }
      await channel.send({ ...message, to: decryptText(keys.personalData, row.recipient_ciphertext) });
      await markNotificationSent(db, row.id, clockNow());
      outcomes.push({ ...base, outcome: "sent" });
    } catch (error) {
      const giveUp = row.attempts >= MAX_ATTEMPTS;
      const retryAt = giveUp ? null : new Date(now.getTime() + 60_000 * 2 ** row.attempts);
      await markNotificationFailed(db, { id: row.id, error: (error as Error).message.slice(0, 500), retryAt });
      outcomes.push({ ...base, outcome: giveUp ? "failed" : "retry" });
    }
  }
  return outcomes;
}
