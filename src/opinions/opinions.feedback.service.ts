import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.ts";
import { PUBLIC_ACTOR } from "../auth/actor.ts";
import type { Database } from "../db/index.ts";
import { AppError, conflict } from "../http/errors.ts";
import { dueAtFor } from "./opinions.intake.service.ts";
import type { RatingBody } from "./opinions.schemas.ts";
import { canRate, canReopen, loadByTrackingCode } from "./opinions.service.ts";
import { insertOpinionEvent, updateOpinionInStatus, type OpinionChanges } from "./opinions.steps.queries.ts";
import { nextStatus, type OpinionKind, type OpinionStatus } from "./opinions.workflow.ts";
import { now as clockNow } from "../calendar/clock.ts";

/**
 * The citizen's rating of the answer (5 levels, from the tracking page): once. Rating an answered opinion
 * also closes it; the rating feeds the unit's figures.
 */
export async function rateOpinion({
  db,
  trackingCode,
  rating,
}: {
  db: Kysely<Database>;
  trackingCode: string;
  rating: RatingBody;
}): Promise<{ status: OpinionStatus }> {
  const opinion = await loadByTrackingCode(db, trackingCode);
  if (!canRate(opinion)) throw conflict("opinion.rating_not_allowed");
  const from = opinion.status as OpinionStatus;
  const to = nextStatus(from, "close") ?? from;
  const changes: OpinionChanges = { rating: rating.score, rating_comment: rating.comment ?? null, rated_at: clockNow() };
  if (to !== from) changes.closed_at = clockNow();
  await db.transaction().execute(async (trx) => {
    const moved = await updateOpinionInStatus(trx, { id: opinion.id, fromStatus: from, toStatus: to, changes });
    if (!moved) throw new AppError(409, "opinion.invalid_transition", { params: { status: from } });
    await insertOpinionEvent(trx, {
      opinionId: opinion.id,
      type: "rated",
      fromStatus: from,
      toStatus: to,
      actorUserId: null,
      details: { score: rating.score },
    });
    await recordAudit({
      db: trx,
      actor: PUBLIC_ACTOR,
      action: "opinion.rate",
      entityType: "opinion",
      entityId: opinion.id,
      details: { score: rating.score, fromStatus: from, toStatus: to },
    });
  });
  return { status: to };
}

/**
 * The citizen asks, once, for the answered opinion to be looked at again, saying why: it goes back to
 * IN_PROGRESS at its unit with a new deadline.
 */
export async function reopenOpinion({
  db,
  trackingCode,
  reason,
}: {
  db: Kysely<Database>;
  trackingCode: string;
  reason: string;
}): Promise<{ status: OpinionStatus }> {
  const opinion = await loadByTrackingCode(db, trackingCode);
  const from = opinion.status as OpinionStatus;
  if (opinion.reopen_count > 0 && nextStatus(from, "reopen")) throw conflict("opinion.reopen_limit");
  if (!canReopen(opinion)) throw conflict("opinion.invalid_transition", { status: from });
  const to: OpinionStatus = "IN_PROGRESS";
  const now = clockNow();
  const dueAt = await dueAtFor(db, { kind: opinion.kind as OpinionKind, urgency: opinion.urgency, from: now });
  await db.transaction().execute(async (trx) => {
    const moved = await updateOpinionInStatus(trx, {
      id: opinion.id,
      fromStatus: from,
      toStatus: to,
      changes: { reopen_count: opinion.reopen_count + 1, answer_due_at: dueAt, closed_at: null },
    });
    if (!moved) throw new AppError(409, "opinion.invalid_transition", { params: { status: from } });
    await insertOpinionEvent(trx, { opinionId: opinion.id, type: "reopened", fromStatus: from, toStatus: to, actorUserId: null, note: reason });
    await recordAudit({
      db: trx,
      actor: PUBLIC_ACTOR,
      action: "opinion.reopen",
      entityType: "opinion",
      entityId: opinion.id,
      details: { fromStatus: from, toStatus: to },
    });
  });
  return { status: to };
}
