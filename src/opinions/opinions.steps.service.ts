import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.ts";
import type { Actor, UserActor } from "../auth/actor.ts";
import { findActiveUser } from "../auth/auth.service.ts";
import { decryptText, type Keys } from "../crypto/keys.ts";
import type { Database, Executor } from "../db/index.ts";
import { queueAnswerEmail } from "../notifications/notifications.service.ts";
import { AppError, badRequest, conflict, forbidden, unprocessable } from "../http/errors.ts";
import { isInSubtree, requireActiveUnit } from "../units/units.service.ts";
import { dueAtFor, requireKnownTopics } from "./opinions.intake.service.ts";
import { canTakeStep, type OpinionFacts } from "./opinions.policy.ts";
import { findOpinionContact, type OpinionRecord } from "./opinions.queries.ts";
import type { OpinionStepBody } from "./opinions.schemas.ts";
import { loadByTrackingCode, loadInScope } from "./opinions.service.ts";
import {
  findPendingAnswer,
  insertOpinionAnswer,
  insertOpinionEvent,
  listMergedOpinionIds,
  reviewAnswer as storeReview,
  updateOpinionInStatus,
  type OpinionChanges,
} from "./opinions.steps.queries.ts";
import { formatTrackingCode } from "./opinions.tracking-code.ts";
import {
  isRoutingKind,
  nextStatus,
  type OpinionAction,
  type OpinionKind,
  type OpinionStatus,
} from "./opinions.workflow.ts";

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

function requireStep(actor: Actor, facts: OpinionFacts, action: OpinionAction): OpinionStatus {
  const to = nextStatus(facts.status, action);
  if (!to) throw conflict("opinion.invalid_transition", { status: facts.status });
  if (!canTakeStep(actor, facts, action)) {
    // In scope and allowed by role, only the kind stands in the way: a routing kind must be routed first.
    if (facts.inScope && isRoutingKind(facts.kind)) throw conflict("opinion.invalid_transition", { status: facts.status });
    throw forbidden();
  }
  return to;
}

async function effectOf(db: Executor, actor: UserActor, opinion: OpinionRecord, step: OpinionStepBody): Promise<StepEffect> {
  const now = new Date();
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
 * Queues the answer to the contributor of the opinion and of every duplicate merged into it, by e-mail
 * where they left an address, in the transaction that approves the answer.
 */
async function queueAnswerNotices(trx: Executor, keys: Keys, opinionId: string) {
  for (const id of [opinionId, ...(await listMergedOpinionIds(trx, opinionId))]) {
    const contact = await findOpinionContact(trx, id);
    if (!contact) continue;
    const { email } = JSON.parse(decryptText(keys.personalData, contact.ciphertext)) as { email?: string };
    if (email) await queueAnswerEmail({ db: trx, keys, opinionId: id, email });
  }
}

async function moveOpinion(
  trx: Executor,
  { opinion, from, to, changes }: { opinion: OpinionRecord; from: OpinionStatus; to: OpinionStatus; changes: OpinionChanges },
) {
  const moved = await updateOpinionInStatus(trx, { id: opinion.id, fromStatus: from, toStatus: to, changes });
  if (!moved) throw new AppError(409, "opinion.invalid_transition", { params: { status: from } });
}

/**
 * An answer to an opinion of the actor's subtree. An officer's answer is a draft that waits for a
 * leader's approval (the opinion is IN_PROGRESS meanwhile); a leader's answer is approved at once and the
 * opinion is ANSWERED. One draft at a time.
 */
export async function submitAnswer({
  db,
  keys,
  actor,
  opinionId,
  content,
  ip = null,
}: {
  db: Kysely<Database>;
  keys: Keys;
  actor: UserActor;
  opinionId: string;
  content: string;
  ip?: string | null;
}) {
  const { opinion, facts } = await loadInScope(db, actor, opinionId);
  const isLeader = actor.role === "leader";
  requireStep(actor, facts, "submit_answer");
  const to: OpinionStatus = isLeader ? "ANSWERED" : "IN_PROGRESS";
  if (await findPendingAnswer(db, opinion.id)) throw conflict("opinion.answer_pending");
  return db.transaction().execute(async (trx) => {
    const answer = await insertOpinionAnswer(trx, {
      opinionId: opinion.id,
      content,
      authorId: actor.id,
      status: isLeader ? "approved" : "pending",
      method: "written",
    });
    const changes: OpinionChanges = isLeader ? { answered_at: answer.created_at, answer_method: "written" } : {};
    await moveOpinion(trx, { opinion, from: facts.status, to, changes });
    if (isLeader) await queueAnswerNotices(trx, keys, opinion.id);
    await insertOpinionEvent(trx, {
      opinionId: opinion.id,
      type: isLeader ? "answered" : "answer_submitted",
      fromStatus: facts.status,
      toStatus: to,
      actorUserId: actor.id,
      details: { answerId: answer.id },
    });
    await recordAudit({
      db: trx,
      actor,
      action: isLeader ? "opinion.answer" : "opinion.answer.submit",
      entityType: "opinion",
      entityId: opinion.id,
      details: { answerId: answer.id, fromStatus: facts.status, toStatus: to },
      ip,
    });
    return {
      id: answer.id,
      content,
      authorName: actor.displayName,
      createdAt: answer.created_at,
      status: isLeader ? ("approved" as const) : ("pending" as const),
      method: "written" as const,
      reviewerName: isLeader ? actor.displayName : null,
      reviewComment: null,
    };
  });
}

/**
 * A leader's decision on the pending draft answer: approve it (the opinion becomes ANSWERED and the citizen
 * sees it) or return it to the officer with a comment (the opinion stays IN_PROGRESS).
 */
export async function reviewAnswer({
  db,
  keys,
  actor,
  opinionId,
  answerId,
  decision,
  comment = null,
  ip = null,
}: {
  db: Kysely<Database>;
  keys: Keys;
  actor: UserActor;
  opinionId: string;
  answerId: string;
  decision: "approve" | "return";
  comment?: string | null;
  ip?: string | null;
}): Promise<{ status: OpinionStatus }> {
  const { opinion, facts } = await loadInScope(db, actor, opinionId);
  const action = decision === "approve" ? "approve_answer" : "return_answer";
  const to = requireStep(actor, facts, action);
  const pending = await findPendingAnswer(db, opinion.id);
  if (!pending || pending.id !== answerId) throw conflict("opinion.no_pending_answer");
  await db.transaction().execute(async (trx) => {
    const reviewed = await storeReview(trx, {
      answerId,
      opinionId: opinion.id,
      status: decision === "approve" ? "approved" : "returned",
      reviewerId: actor.id,
      comment,
    });
    if (!reviewed) throw conflict("opinion.no_pending_answer");
    const changes: OpinionChanges = decision === "approve" ? { answered_at: new Date(), answer_method: "written" } : {};
    await moveOpinion(trx, { opinion, from: facts.status, to, changes });
    if (decision === "approve") await queueAnswerNotices(trx, keys, opinion.id);
    await insertOpinionEvent(trx, {
      opinionId: opinion.id,
      type: decision === "approve" ? "answered" : "answer_returned",
      fromStatus: facts.status,
      toStatus: to,
      actorUserId: actor.id,
      note: comment,
      details: { answerId },
    });
    await recordAudit({
      db: trx,
      actor,
      action: decision === "approve" ? "opinion.answer.approve" : "opinion.answer.return",
      entityType: "opinion",
      entityId: opinion.id,
      details: { answerId, fromStatus: facts.status, toStatus: to },
      ip,
    });
  });
  return { status: to };
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
