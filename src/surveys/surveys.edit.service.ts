import type { UserActor } from "../auth/actor.ts";
import { recordAudit } from "../audit/audit.service.ts";
import type { Executor } from "../db/index.ts";
import { badRequest, forbidden, notFound } from "../http/errors.ts";
import { normalizeText } from "../text/vietnamese.ts";
import { listSubtreeIds } from "../units/units.service.ts";
import { forgetCampaignForResponses, listEvaluatedUnits, requireCampaign, type Campaign } from "./surveys.campaigns.service.ts";
import {
  deleteCampaignUnits,
  findLastAnsweredOn,
  insertCampaignUnits,
  lockCampaignById,
  updateCampaignRow,
  updateCampaignUnit,
} from "./surveys.edit.queries.ts";
import { customQuestionsOf, planCampaignEdit, type CampaignPatch } from "./surveys.edit.rules.ts";
import { canEditCampaign } from "./surveys.policy.ts";
import { listFieldsOfWork } from "./surveys.queries.ts";

/** What the console needs to offer an edit: which questions are custom, and whether answers are stored. */
export async function getCampaignEditState({ db, campaign }: { db: Executor; campaign: Campaign }) {
  const lastAnsweredOn = await findLastAnsweredOn(db, campaign.id);
  return { customQuestionIds: customQuestionsOf(campaign).map((q) => q.id), hasResponses: lastAnsweredOn !== null, lastAnsweredOn };
}

/**
 * Changes a campaign (a leader or admin of the evaluating unit, as for creating it): everything but the
 * template before the first response, afterwards only what keeps stored answers meaningful (409 naming the
 * field otherwise; see surveys.edit.rules.ts). Added units must be in the leader's subtree. Audited with the
 * fields changed. The response path of this process sees the edit at once; other instances within 10 s.
 */
export async function updateCampaign({ db, actor, campaignId, patch }: { db: Executor; actor: UserActor; campaignId: string; patch: CampaignPatch }) {
  if (!canEditCampaign(actor, await requireCampaign({ db, campaignId }))) throw forbidden();
  const updated = await db.transaction().execute(async (trx) => {
    if (!(await lockCampaignById(trx, campaignId))) throw notFound("survey.not_found");
    const campaign = await requireCampaign({ db: trx, campaignId });
    const units = await listEvaluatedUnits({ db: trx, campaignId });
    const lastAnsweredOn = await findLastAnsweredOn(trx, campaignId);
    const title = patch.title === undefined ? undefined : normalizeText(patch.title);
    const plan = planCampaignEdit({ campaign, units, lastAnsweredOn, patch: { ...patch, title } });
    if (plan.changed.length === 0) return campaign;
    if (plan.addUnits.length > 0) {
      const scope = new Set(await listSubtreeIds({ db: trx, rootId: actor.unitId }));
      if (plan.addUnits.some((u) => !scope.has(u.unitId))) throw forbidden("survey.unit_out_of_scope");
    }
    const fieldCodes = [...plan.addUnits, ...plan.updateUnits].map((u) => u.fieldCode).filter((f) => f !== null);
    if (fieldCodes.length > 0) {
      const known = new Set((await listFieldsOfWork(trx)).map((f) => f.code));
      if (fieldCodes.some((f) => !known.has(f))) throw badRequest("survey.field_unknown", "units");
    }
    await updateCampaignRow(trx, campaignId, plan.row);
    await deleteCampaignUnits(trx, campaignId, plan.removeUnitIds);
    await insertCampaignUnits(trx, campaignId, plan.addUnits);
    for (const unit of plan.updateUnits) await updateCampaignUnit(trx, campaignId, unit);
    await recordAudit({
      db: trx,
      actor,
      action: "survey.campaign.update",
      entityType: "survey_campaign",
      entityId: campaignId,
      details: {
        changed: plan.changed,
        hadResponses: lastAnsweredOn !== null,
        ...(plan.row.title !== undefined && { title: { from: campaign.title, to: plan.row.title } }),
        ...(plan.row.startsOn !== undefined && { startsOn: { from: campaign.startsOn, to: plan.row.startsOn } }),
        ...(plan.row.endsOn !== undefined && { endsOn: { from: campaign.endsOn, to: plan.row.endsOn } }),
        ...(plan.row.channels !== undefined && { channels: { from: campaign.channels, to: plan.row.channels } }),
        ...(plan.row.attributes !== undefined && { attributes: { from: campaign.attributes, to: plan.row.attributes } }),
        ...(plan.row.questions !== undefined && { questions: { from: campaign.questions.length, to: plan.row.questions.length } }),
        ...(plan.changed.includes("units") && {
          units: { added: plan.addUnits, removed: plan.removeUnitIds, updated: plan.updateUnits },
        }),
      },
    });
    return requireCampaign({ db: trx, campaignId });
  });
  forgetCampaignForResponses({ db, campaignId });
  return updated;
}
