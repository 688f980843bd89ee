import type { Actor } from "../auth/actor.ts";
import { decryptText, type Keys } from "../crypto/keys.ts";
import type { Executor } from "../db/index.ts";
import { AppError, conflict, forbidden } from "../http/errors.ts";
import { queueAnswerEmail } from "../notifications/notifications.service.ts";
import { canTakeStep, stepRefusal, type OpinionFacts } from "./opinions.policy.ts";
import { findOpinionContact, type OpinionRecord } from "./opinions.queries.ts";
import { listMergedOpinionIds, updateOpinionInStatus, type OpinionChanges } from "./opinions.steps.queries.ts";
import { nextStatus, type OpinionAction, type OpinionStatus } from "./opinions.workflow.ts";

/* What every workflow step shares: checking it against the state machine and the policy, writing the move,
   and queueing the answer to the contributors once an answer is approved. */

/**
 * The state a step leads to, or a refusal: 403 when the actor may not take it, checked first so that a user
 * outside the subtree never learns the opinion's state; then 409 when the state machine forbids it now (a
 * routing kind, too, must be routed first).
 */
export function requireStep(actor: Actor, facts: OpinionFacts, action: OpinionAction): OpinionStatus {
  const refusal = stepRefusal(actor, facts, action);
  if (refusal) throw forbidden(refusal);
  const to = nextStatus(facts.status, action);
  if (!to || !canTakeStep(actor, facts, action)) throw conflict("opinion.invalid_transition", { status: facts.status });
  return to;
}

/**
 * Queues the answer to the contributor of the opinion and of every duplicate merged into it, by e-mail
 * where they left an address, in the transaction that approves the answer.
 */
export async function queueAnswerNotices(trx: Executor, keys: Keys, opinionId: string) {
  for (const id of [opinionId, ...(await listMergedOpinionIds(trx, opinionId))]) {
    const contact = await findOpinionContact(trx, id);
    if (!contact) continue;
    const { email } = JSON.parse(decryptText(keys.personalData, contact.ciphertext)) as { email?: string };
    if (email) await queueAnswerEmail({ db: trx, keys, opinionId: id, email });
  }
}

/** Moves the opinion in the caller's transaction; 409 when another step changed its status first. */
export async function moveOpinion(
  trx: Executor,
  { opinion, from, to, changes }: { opinion: OpinionRecord; from: OpinionStatus; to: OpinionStatus; changes: OpinionChanges },
) {
  const moved = await updateOpinionInStatus(trx, { id: opinion.id, fromStatus: from, toStatus: to, changes });
  if (!moved) throw new AppError(409, "opinion.invalid_transition", { params: { status: from } });
}
