import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.ts";
import type { UserActor } from "../auth/actor.ts";
import type { Keys } from "../crypto/keys.ts";
import type { Database } from "../db/index.ts";
import { conflict } from "../http/errors.ts";
import { loadInScope } from "./opinions.service.ts";
import {
  findPendingAnswer,
  insertOpinionAnswer,
  insertOpinionEvent,
  reviewAnswer as storeReview,
  type OpinionChanges,
} from "./opinions.steps.queries.ts";
import { moveOpinion, queueAnswerNotices, requireStep } from "./opinions.transitions.ts";
import type { OpinionStatus } from "./opinions.workflow.ts";
import { now } from "../calendar/clock.ts";

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
    const changes: OpinionChanges = decision === "approve" ? { answered_at: now(), answer_method: "written" } : {};
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
