import type { UserActor } from "../auth/actor.ts";
import { recordAudit } from "../audit/audit.service.ts";
import type { Executor } from "../db/index.ts";
import { AppError } from "../http/errors.ts";
import { getSettings } from "../satisfaction/satisfaction.settings.service.ts";
import { todayInVietnam } from "../text/dates.ts";
import { requireEvaluatedUnit, type Campaign } from "./surveys.campaigns.service.ts";
import { readPaperSheet } from "./surveys.paper-import.ts";
import { canEnterSurveyData } from "./surveys.policy.ts";
import { addPaperCounts, listPaperCounts, setPaperIssuedReturned } from "./surveys.queries.ts";
import { checkResponseContent, prepareResponse, storeResponses } from "./surveys.record.ts";
import { now as clockNow } from "../calendar/clock.ts";

/** A filled paper form as keyed in or imported. */
export interface PaperForm {
  clientKey: string;
  answeredOn: string;
  answers: Record<string, unknown>;
  attributes?: Record<string, unknown>;
  hasConsent?: boolean;
}

const invalid = (row: number, detail: string) => new AppError(400, "survey.paper_invalid", { field: `forms.${row - 1}`, params: { row, detail } });

const requireFormsUnit = ({ db, actor, campaignId, unitId }: { db: Executor; actor: UserActor; campaignId: string; unitId: string }) =>
  requireEvaluatedUnit({ db, actor, campaignId, unitId, may: canEnterSurveyData });

async function storeForms(db: Executor, actor: UserActor, campaign: Campaign, unitId: string, forms: readonly PaperForm[], rowOf: (i: number) => number) {
  const today = todayInVietnam();
  // Every form is checked before any is stored: a typo in row 40 stops the batch, not half of it.
  const checked = forms.map((form, i) => {
    if (form.answeredOn < campaign.startsOn || form.answeredOn > campaign.endsOn || form.answeredOn > today) throw invalid(rowOf(i), "date");
    try {
      return { form, ...checkResponseContent(campaign, form) };
    } catch (error) {
      throw error instanceof AppError ? invalid(rowOf(i), error.options.field ?? error.code) : error;
    }
  });
  const settings = await getSettings({ db });
  const now = clockNow();
  const prepared = checked.map(({ form, answers, attributes }) =>
    prepareResponse({ campaign, settings, unitId, clientKey: form.clientKey, deviceKey: null, channel: "paper", now, answeredOn: form.answeredOn, answers, attributes }),
  );
  // All forms in one transaction: the sheet is stored whole or not at all, and counted as valid forms at once.
  const ids = await storeResponses({
    db,
    responses: prepared,
    onStored: (trx, valid) => addPaperCounts(trx, { campaignId: campaign.id, unitId, issued: 0, returned: 0, valid }),
  });
  const recorded = ids.filter((id) => id !== undefined).length;
  await recordAudit({ db, actor, action: "survey.paper.enter", entityType: "survey_campaign", entityId: campaign.id, details: { unitId, recorded, duplicates: forms.length - recorded } });
  return { recorded, duplicates: forms.length - recorded };
}

/**
 * Officers key in filled paper forms (a late form counts in the month it was filled): each is stored once
 * (its client key), checked like an online response, and counted as a valid form of the unit.
 */
export async function enterPaperForms(args: { db: Executor; actor: UserActor; campaignId: string; unitId: string; forms: PaperForm[] }) {
  const campaign = await requireFormsUnit(args);
  return storeForms(args.db, args.actor, campaign, args.unitId, args.forms, (i) => i + 1);
}

/** Imports filled paper forms from an XLSX sheet, all or nothing; importing the same file twice adds nothing. */
export async function importPaperForms(args: { db: Executor; actor: UserActor; campaignId: string; unitId: string; data: Buffer }) {
  const campaign = await requireFormsUnit(args);
  const { rows, problems } = await readPaperSheet(args.data, campaign.questions);
  const first = problems[0];
  if (first) throw invalid(first.rowNumber, first.detail);
  return storeForms(args.db, args.actor, campaign, args.unitId, rows, (i) => rows[i]?.rowNumber ?? i + 2);
}

/** Records how many paper forms a unit handed out and got back (valid ones are counted as they are entered). */
export async function setPaperCounts(args: { db: Executor; actor: UserActor; campaignId: string; unitId: string; issued: number; returned: number }) {
  await requireFormsUnit(args);
  const { db, actor, campaignId, unitId, issued, returned } = args;
  await db.transaction().execute(async (trx) => {
    await setPaperIssuedReturned(trx, { campaignId, unitId, issued, returned });
    await recordAudit({ db: trx, actor, action: "survey.paper.counts", entityType: "survey_campaign", entityId: campaignId, details: { unitId, issued, returned } });
  });
  return (await countPaperForms({ db, campaignId })).get(unitId) ?? { issued, returned, valid: 0 };
}

/** Paper forms issued, returned and valid per unit of a campaign. */
export async function countPaperForms({ db, campaignId }: { db: Executor; campaignId: string }) {
  const rows = await listPaperCounts(db, campaignId);
  return new Map(rows.map((r) => [r.unit_id, { issued: r.issued, returned: r.returned, valid: r.valid }]));
}
