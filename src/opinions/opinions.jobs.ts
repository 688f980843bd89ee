import { auditEntryFor, recordAudit } from "../audit/audit.service.ts";
import { systemActor } from "../auth/actor.ts";
import type { Keys } from "../crypto/keys.ts";
import type { Executor } from "../db/index.ts";
import {
  renderAnswerMessage,
  sendDueNotifications,
  type NotificationChannel,
} from "../notifications/notifications.service.ts";
import {
  escalateOverdueOpinions,
  findAnswerMessageFacts,
  markOpinionNotified,
  remindDueOpinions,
} from "./opinions.jobs.queries.ts";
import { formatTrackingCode } from "./opinions.tracking-code.ts";
import { OPEN_STATUSES } from "./opinions.workflow.ts";
import { now as clockNow } from "../calendar/clock.ts";

/** How long before its deadline an open opinion is flagged for a reminder. */
export const REMINDER_LEAD_MS = 24 * 3_600_000;

/**
 * The deadline sweep: reminds the handling units of opinions due within a day, and escalates to the
 * superior unit those past their deadline. Safe to run from several instances at once: each opinion is
 * reminded once and escalated once.
 */
export async function sweepDeadlines({ db, now = clockNow() }: { db: Executor; now?: Date }) {
  const audit = auditEntryFor({ actor: systemActor("deadlines"), action: "opinion.sweep", entityType: "opinion" });
  const reminded = await remindDueOpinions(db, { now, leadMs: REMINDER_LEAD_MS, openStatuses: OPEN_STATUSES, audit });
  const escalated = await escalateOverdueOpinions(db, { now, openStatuses: OPEN_STATUSES, audit });
  return { reminded, escalated };
}

/**
 * Sends the contributors the answers to their opinions (e-mail where they left an address) and marks the
 * opinions NOTIFIED once a message has gone out.
 */
export async function sendOpinionNotifications({
  db,
  keys,
  channels,
  publicUrl,
  now = clockNow(),
}: {
  db: Executor;
  keys: Keys;
  channels: readonly NotificationChannel[];
  publicUrl: string;
  now?: Date;
}) {
  const outcomes = await sendDueNotifications({
    db,
    keys,
    channels,
    now,
    render: async ({ opinionId, language }) => {
      const facts = await findAnswerMessageFacts(db, opinionId);
      if (!facts?.answer) return null;
      const trackingCode = formatTrackingCode(facts.tracking_code);
      return renderAnswerMessage(language, {
        unitName: facts.unit_name,
        trackingCode,
        answer: facts.answer,
        trackingUrl: `${publicUrl.replace(/\/$/, "")}/track/${trackingCode}`,
      });
    },
  });
  for (const outcome of outcomes.filter((o) => o.outcome === "sent")) {
    const changed = await markOpinionNotified(db, { opinionId: outcome.opinionId, at: clockNow(), channel: "email" });
    if (changed) {
      await recordAudit({
        db,
        actor: systemActor("notifications"),
        action: "opinion.notify",
        entityType: "opinion",
        entityId: outcome.opinionId,
        details: { channel: "email", notificationId: outcome.notificationId },
      });
    }
  }
  return outcomes;
}
