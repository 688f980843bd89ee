import type { UserActor } from "../auth/actor.ts";
import { recordAudit } from "../audit/audit.service.ts";
import type { Executor } from "../db/index.ts";
import { conflict, forbidden, notFound } from "../http/errors.ts";
import { applyResponseToRollups } from "../satisfaction/satisfaction.rollups.service.ts";
import { normalizeText } from "../text/vietnamese.ts";
import { isInSubtree } from "../units/units.service.ts";
import { likertAnswers, type AnswerValue } from "./surveys.answers.ts";
import { requireCampaign } from "./surveys.campaigns.service.ts";
import { canDecideOnResponse } from "./surveys.policy.ts";
import { insertDecision, listFlaggedResponses, lockResponse, setResponseExcluded } from "./surveys.responses.queries.ts";

async function requireDecider({ db, actor, evaluatingUnitId }: { db: Executor; actor: UserActor; evaluatingUnitId: string }) {
  const evaluatorInScope = await isInSubtree({ db, rootId: actor.unitId, unitId: evaluatingUnitId });
  if (!canDecideOnResponse(actor, { evaluatorInScope })) throw forbidden();
}

/** The flagged responses of a campaign for review (answers, never anything identifying). */
export async function listFlagged({ db, actor, campaignId }: { db: Executor; actor: UserActor; campaignId: string }) {
  const campaign = await requireCampaign({ db, campaignId });
  await requireDecider({ db, actor, evaluatingUnitId: campaign.evaluatingUnitId });
  const rows = await listFlaggedResponses(db, campaignId);
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    channel: r.channel,
    submittedAt: r.submitted_at,
    answers: r.answers,
    flags: r.flags,
    isExcluded: r.is_excluded,
    lastReason: r.last_reason,
  }));
}

/**
 * An inspector's explicit decision to exclude a response from the index (or include it again): the
 * response, its rollups, the decision record and the audit entry change in one transaction.
 */
export async function decideOnResponse({
  db,
  actor,
  responseId,
  decision,
  reason,
}: {
  db: Executor;
  actor: UserActor;
  responseId: string;
  decision: "exclude" | "include";
  reason: string;
}) {
  return db.transaction().execute(async (trx) => {
    const response = await lockResponse(trx, responseId);
    if (!response) throw notFound("survey.response_not_found");
    const campaign = await requireCampaign({ db: trx, campaignId: response.campaign_id });
    await requireDecider({ db: trx, actor, evaluatingUnitId: campaign.evaluatingUnitId });
    const exclude = decision === "exclude";
    if (response.is_excluded === exclude) throw conflict("survey.decision_unchanged");
    await setResponseExcluded(trx, responseId, exclude);
    await applyResponseToRollups({
      db: trx,
      campaignId: response.campaign_id,
      unitId: response.unit_id,
      answeredOn: response.answered_on,
      likert: likertAnswers(campaign.questions, response.answers as Record<string, AnswerValue>),
      attributes: response.attributes,
      sign: exclude ? -1 : 1,
    });
    const text = normalizeText(reason);
    await insertDecision(trx, { responseId, decision, reason: text, decidedBy: actor.id });
    await recordAudit({
      db: trx,
      actor,
      action: `survey.response.${decision}`,
      entityType: "survey_response",
      entityId: responseId,
      details: { campaignId: response.campaign_id, flags: response.flags, reason: text },
    });
    return { id: responseId, isExcluded: exclude };
  });
}
