import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.ts";
import type { UserActor } from "../auth/actor.ts";
import { findActiveUser } from "../auth/auth.service.ts";
import type { Keys } from "../crypto/keys.ts";
import type { Database, Executor } from "../db/index.ts";
import { AppError, badRequest, forbidden, unprocessable } from "../http/errors.ts";
import { isInSubtree, requireActiveUnit } from "../units/units.service.ts";
import { dueAtFor, requireKnownTopics } from "./opinions.intake.service.ts";
import type { OpinionRecord } from "./opinions.queries.ts";
import type { OpinionStepBody } from "./opinions.console.schemas.ts";
import { loadByTrackingCode, loadInScope } from "./opinions.service.ts";
import { stepRefusal } from "./opinions.policy.ts";
import { insertOpinionAnswer, insertOpinionEvent, updateOpinionTopics, type OpinionChanges } from "./opinions.steps.queries.ts";
import { formatTrackingCode } from "./opinions.tracking-code.ts";
import { moveOpinion, queueAnswerNotices, requireStep } from "./opinions.transitions.ts";
import { isRoutingKind, nextStatus, type OpinionKind, type OpinionStatus } from "./opinions.workflow.ts";
import { now as clockNow } from "../calendar/clock.ts";

/** The timeline entry each step writes. */
const EVENT_OF: Record<OpinionStepBody["action"], string> = {
  classify: "classified",
  assign: "assigned",
  start: "started",
  answer_on_spot: "answered",
  close: "closed",
  reject: "rejected",
  transfer: "transferred",
  transfer_out: "transferred_out",
  route: "routed",
  merge: "merged",
};

/** What a step changes, beyond the status: computed and checked before anything is written. */
interface StepEffect {
  changes: OpinionChanges;
  note?: string | null;
  details?: Record<string, unknown>;
  /** An answer given on the spot (a forum), stored approved. */
  onSpotAnswer?: string;
}

async function effectOf(db: Executor, actor: UserActor, opinion: OpinionRecord, step: OpinionStepBody): Promise<StepEffect> {
  const now = clockNow();
  switch (step.action) {
    case "classify": {
      await requireKnownTopics(db, step.topics ?? []);
      const kind = step.kind ?? (opinion.kind as OpinionKind);
      const urgency = step.urgency ?? opinion.urgency;
      const changes: OpinionChanges = { kind, urgency };
      if (step.contentGroup) changes.content_group = step.contentGroup;
      if (step.topics) changes.topics = [...new Set(step.topics)];
      if (kind !== opinion.kind || urgency !== opinion.urgency) {
        changes.answer_due_at = await dueAtFor(db, { kind, urgency, from: opinion.received_at });
      }
      return { changes, details: { kind, urgency, contentGroup: changes.content_group, topics: changes.topics } };
    }
    case "assign": {
      const assignee = await findActiveUser({ db, userId: step.userId });
      const handles = assignee && (assignee.role === "officer" || assignee.role === "leader");
      if (!assignee || !handles || assignee.unitId !== opinion.unit_id) throw unprocessable("opinion.assignee_invalid", "userId");
      return { changes: { assigned_user_id: assignee.id }, details: { userId: assignee.id } };
    }
    case "start":
      return { changes: { assigned_user_id: opinion.assigned_user_id ?? actor.id } };
    case "answer_on_spot":
      return { changes: { answered_at: now, answer_method: "on_spot" }, onSpotAnswer: step.content };
    case "close":
      return { changes: { closed_at: now } };
    case "reject":
      return { changes: {}, note: step.reason };
    case "transfer": {
      const unit = await requireActiveUnit({ db, unitId: step.unitId });
      if (unit.id === opinion.unit_id) throw unprocessable("opinion.same_unit", "unitId");
      const concerned = opinion.concerned_unit_id;
      if (concerned && (await isInSubtree({ db, rootId: concerned, unitId: unit.id }))) {
        throw unprocessable("opinion.conflict_of_interest", "unitId");
      }
      const dueAt = await dueAtFor(db, { kind: opinion.kind as OpinionKind, urgency: opinion.urgency, from: now });
      return {
        changes: { unit_id: unit.id, assigned_user_id: null, answer_due_at: dueAt },
        note: step.reason,
        details: { fromUnitId: opinion.unit_id, toUnitId: unit.id, toUnitName: unit.name },
      };
    }
    case "transfer_out":
      return { changes: { transferred_to: step.to }, note: step.reason, details: { to: step.to } };
    case "route": {
      const track = step.track ?? (isRoutingKind(opinion.kind as OpinionKind) ? (opinion.kind as OpinionKind) : undefined);
      if (!track) throw badRequest("opinion.route_track_required", "track");
      return { changes: { routed_track: track, routed_to: step.to }, note: step.note ?? null, details: { track, to: step.to } };
    }
    case "merge": {
      const primary = await loadByTrackingCode(db, step.intoCode).catch(() => undefined);
      const open = primary && nextStatus(primary.status as OpinionStatus, "merge") !== undefined;
      if (!primary || !open || primary.id === opinion.id || primary.unit_id !== opinion.unit_id) {
        throw unprocessable("opinion.merge_target_invalid", "intoCode");
      }
      return {
        changes: { merged_into_id: primary.id },
        details: { intoId: primary.id, intoCode: formatTrackingCode(primary.tracking_code) },
      };
    }
  }
}

/**
 * One step of the workflow on an opinion of the actor's subtree: checked by the state machine and the
 * policy, written with its timeline entry and its audit entry in one transaction. A concurrent step that
 * changed the status first makes this one fail with 409, never overwrite it.
 */
export async function applyOpinionStep({
  db,
  keys,
  actor,
  opinionId,
  step,
  ip = null,
}: {
  db: Kysely<Database>;
  keys: Keys;
  actor: UserActor;
  opinionId: string;
  step: OpinionStepBody;
  ip?: string | null;
}): Promise<{ status: OpinionStatus }> {
  const { opinion, facts } = await loadInScope(db, actor, opinionId);
  const to = requireStep(actor, facts, step.action);
  const effect = await effectOf(db, actor, opinion, step);
  await db.transaction().execute(async (trx) => {
    await moveOpinion(trx, { opinion, from: facts.status, to, changes: effect.changes });
    if (effect.onSpotAnswer) {
      await insertOpinionAnswer(trx, {
        opinionId: opinion.id,
        content: effect.onSpotAnswer,
        authorId: actor.id,
        status: "approved",
        method: "on_spot",
      });
      await queueAnswerNotices(trx, keys, opinion.id);
    }
    await insertOpinionEvent(trx, {
      opinionId: opinion.id,
      type: EVENT_OF[step.action],
      fromStatus: facts.status,
      toStatus: to,
      actorUserId: actor.id,
      note: effect.note ?? null,
      details: effect.details,
    });
    await recordAudit({
      db: trx,
      actor,
      action: `opinion.${step.action}`,
      entityType: "opinion",
      entityId: opinion.id,
      details: { fromStatus: facts.status, toStatus: to, ...effect.details },
      ip,
    });
  });
  return { status: to };
}

/**
 * Sets an opinion's topics whatever its status (a forum's chair tags what was said, before or after the
 * workflow moved on): whoever may classify it may, from the configured list; audited.
 */
export async function setOpinionTopics({
  db,
  actor,
  opinionId,
  topics,
}: {
  db: Kysely<Database>;
  actor: UserActor;
  opinionId: string;
  topics: readonly string[];
}): Promise<string[]> {
  const { opinion, facts } = await loadInScope(db, actor, opinionId);
  if (stepRefusal(actor, facts, "classify")) throw forbidden();
  await requireKnownTopics(db, topics);
  const unique = [...new Set(topics)];
  await db.transaction().execute(async (trx) => {
    await updateOpinionTopics(trx, opinion.id, unique);
    await recordAudit({
      db: trx,
      actor,
      action: "opinion.topics",
      entityType: "opinion",
      entityId: opinion.id,
      details: { from: opinion.topics, to: unique },
    });
  });
  return unique;
}

/**
 * The same step on several opinions (bulk assignment from the inbox): each is checked, applied and audited
 * on its own, so one refusal does not stop the others; the result says what happened to each.
 */
export async function applyBulkStep({
  db,
  keys,
  actor,
  ids,
  step,
  ip = null,
}: {
  db: Kysely<Database>;
  keys: Keys;
  actor: UserActor;
  ids: readonly string[];
  step: OpinionStepBody;
  ip?: string | null;
}): Promise<{ id: string; status?: OpinionStatus; error?: AppError }[]> {
  const results: { id: string; status?: OpinionStatus; error?: AppError }[] = [];
  for (const id of new Set(ids)) {
    try {
      const { status } = await applyOpinionStep({ db, keys, actor, opinionId: id, step, ip });
      results.push({ id, status });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ id, error });
    }
  }
  return results;
}
