import type { UserActor } from "../auth/actor.ts";
import { recordAudit } from "../audit/audit.service.ts";
import type { Executor } from "../db/index.ts";
import { badRequest, forbidden, notFound, unprocessable } from "../http/errors.ts";
import { todayInVietnam } from "../text/dates.ts";
import { normalizeText } from "../text/vietnamese.ts";
import { isInSubtree, listSubtreeIds } from "../units/units.service.ts";
import { hasUnknownElement } from "./surveys.edit.rules.ts";
import { canCreateCampaign, canEnterSurveyData, canPublishCampaign, canReadEvaluatedUnit } from "./surveys.policy.ts";
import {
  findCampaignById,
  insertCampaign,
  isCampaignUnit,
  listCampaignsTouching,
  listCampaignUnits,
  listFieldsOfWork,
  setCampaignPublished,
} from "./surveys.queries.ts";
import {
  BUILT_IN_TEMPLATES,
  findTemplate,
  type Element,
  type Question,
  type SurveyChannel,
  type SurveyFamily,
} from "./surveys.templates.ts";
import { nowMs } from "../calendar/clock.ts";

/** A campaign as the services use it. */
export interface Campaign {
  id: string;
  evaluatingUnitId: string;
  title: string;
  family: SurveyFamily;
  templateCode: string;
  templateVersion: number;
  elements: Element[];
  questions: Question[];
  attributes: string[];
  channels: SurveyChannel[];
  startsOn: string;
  endsOn: string;
  forumId: string | null;
  publishedAt: Date | null;
  createdAt: Date;
}

type CampaignRow = NonNullable<Awaited<ReturnType<typeof findCampaignById>>>;

function toCampaign(row: CampaignRow): Campaign {
  return {
    id: row.id,
    evaluatingUnitId: row.evaluating_unit_id,
    title: row.title,
    family: row.family,
    templateCode: row.template_code,
    templateVersion: row.template_version,
    elements: row.elements as Element[],
    questions: row.questions as Question[],
    attributes: row.attributes,
    channels: row.channels as SurveyChannel[],
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    forumId: row.forum_id,
    publishedAt: row.published_at,
    createdAt: row.created_at,
  };
}

/** The built-in templates (each version). */
export function listTemplates() {
  return BUILT_IN_TEMPLATES;
}

/** A campaign by id (404 `survey.not_found`). */
export async function requireCampaign({ db, campaignId }: { db: Executor; campaignId: string }): Promise<Campaign> {
  const row = await findCampaignById(db, campaignId);
  if (!row) throw notFound("survey.not_found");
  return toCampaign(row);
}

/**
 * A campaign and one of its evaluated units, for a request `may` allows on that unit: 403 before anything about
 * the campaign is told (its existence, whether it evaluates the unit), then 404 `survey.not_found` or
 * `survey.unit_not_evaluated`.
 */
export async function requireEvaluatedUnit({
  db,
  actor,
  campaignId,
  unitId,
  may,
}: {
  db: Executor;
  actor: UserActor;
  campaignId: string;
  unitId: string;
  may: (actor: UserActor, facts: { unitInScope: boolean }) => boolean;
}): Promise<Campaign> {
  if (!may(actor, { unitInScope: await isInSubtree({ db, rootId: actor.unitId, unitId }) })) throw forbidden();
  const campaign = await requireCampaign({ db, campaignId });
  if (!(await isCampaignUnit(db, campaignId, unitId))) throw notFound("survey.unit_not_evaluated", "unitId");
  return campaign;
}

/** A campaign's evaluated units with what the user may do with each: print its documents, enter its data. */
export async function withUnitAccess<T extends { unitId: string }>({ db, actor, units }: { db: Executor; actor: UserActor; units: readonly T[] }) {
  const scope = new Set(await listSubtreeIds({ db, rootId: actor.unitId }));
  return units.map((unit) => {
    const facts = { unitInScope: scope.has(unit.unitId) };
    return { ...unit, canPrint: canReadEvaluatedUnit(actor, facts), canEnter: canEnterSurveyData(actor, facts) };
  });
}

/** A campaign's evaluated units with names and quotas. */
export async function listEvaluatedUnits({ db, campaignId }: { db: Executor; campaignId: string }) {
  const rows = await listCampaignUnits(db, campaignId);
  return rows.map((r) => ({ unitId: r.unit_id, name: r.name, quota: r.quota, fieldCode: r.field_code }));
}

/** The fields of work (lĩnh vực công tác) a campaign can tag its evaluated units with, in their order. */
export async function getFieldsOfWork({ db }: { db: Executor }) {
  return (await listFieldsOfWork(db)).map((f) => ({ code: f.code, name: { vi: f.name_vi, en: f.name_en } }));
}

/** What a leader asks for when creating a campaign. */
export interface CreateCampaignInput {
  title: string;
  family: SurveyFamily;
  templateCode: string;
  customQuestions?: Question[];
  attributes?: string[];
  channels: SurveyChannel[];
  startsOn: string;
  endsOn: string;
  units: { unitId: string; quota?: number | null; fieldCode?: string | null | undefined }[];
  forumId?: string | null;
}

/**
 * Creates a campaign evaluating units of the leader's subtree with a frozen copy of the latest version of
 * its template (plus custom questions), audited.
 */
export async function createCampaign({ db, actor, input }: { db: Executor; actor: UserActor; input: CreateCampaignInput }) {
  if (!canCreateCampaign(actor)) throw forbidden();
  const template = findTemplate(input.templateCode);
  if (!template) throw unprocessable("survey.template_unknown", "templateCode");
  if (input.endsOn < input.startsOn) throw badRequest("survey.period_invalid", "endsOn");
  const questions = [...template.questions, ...(input.customQuestions ?? [])];
  if (new Set(questions.map((q) => q.id)).size !== questions.length) throw badRequest("survey.question_duplicate", "customQuestions");
  if (hasUnknownElement(input.customQuestions ?? [], template.elements)) throw badRequest("survey.element_unknown", "customQuestions");
  const unitIds = [...new Set(input.units.map((u) => u.unitId))];
  const scope = new Set(await listSubtreeIds({ db, rootId: actor.unitId }));
  if (unitIds.some((id) => !scope.has(id))) throw forbidden("survey.unit_out_of_scope");
  const fields = new Set((await listFieldsOfWork(db)).map((f) => f.code));
  if (input.units.some((u) => u.fieldCode != null && !fields.has(u.fieldCode))) throw badRequest("survey.field_unknown", "units");
  return db.transaction().execute(async (trx) => {
    const id = await insertCampaign(
      trx,
      {
        evaluatingUnitId: actor.unitId,
        title: normalizeText(input.title),
        family: input.family,
        templateCode: template.code,
        templateVersion: template.version,
        elements: template.elements,
        questions,
        attributes: input.attributes ?? [],
        channels: input.channels,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        forumId: input.forumId ?? null,
        createdBy: actor.id,
      },
      input.units.filter((u, i, all) => all.findIndex((v) => v.unitId === u.unitId) === i).map((u) => ({ unitId: u.unitId, quota: u.quota ?? null, fieldCode: u.fieldCode ?? null })),
    );
    await recordAudit({ db: trx, actor, action: "survey.campaign.create", entityType: "survey_campaign", entityId: id, details: { units: unitIds.length } });
    return requireCampaign({ db: trx, campaignId: id });
  });
}

/** Whether the user may look at a campaign: it evaluates from, or evaluates units in, the user's subtree. */
export async function canSeeCampaign({ db, actor, campaign }: { db: Executor; actor: UserActor; campaign: Campaign }) {
  if (await isInSubtree({ db, rootId: actor.unitId, unitId: campaign.evaluatingUnitId })) return true;
  const scope = new Set(await listSubtreeIds({ db, rootId: actor.unitId }));
  return (await listCampaignUnits(db, campaign.id)).some((u) => scope.has(u.unit_id));
}

/** The campaigns a user may see, newest first. */
export async function listCampaigns({ db, actor }: { db: Executor; actor: UserActor }) {
  const rows = await listCampaignsTouching(db, await listSubtreeIds({ db, rootId: actor.unitId }));
  return rows.map(toCampaign);
}

/** A campaign the user may see, with its evaluated units (403 for another subtree's, 404 when there is none). */
export async function getCampaign({ db, actor, campaignId }: { db: Executor; actor: UserActor; campaignId: string }) {
  const campaign = await requireCampaign({ db, campaignId });
  if (!(await canSeeCampaign({ db, actor, campaign }))) throw forbidden();
  return { campaign, units: await listEvaluatedUnits({ db, campaignId }) };
}

/** Publishes a campaign's results on its public page (the evaluating unit's leader; audited). */
export async function publishCampaign({ db, actor, campaignId }: { db: Executor; actor: UserActor; campaignId: string }) {
  const campaign = await requireCampaign({ db, campaignId });
  if (!canPublishCampaign(actor, campaign)) throw forbidden();
  await db.transaction().execute(async (trx) => {
    await setCampaignPublished(trx, campaignId);
    await recordAudit({ db: trx, actor, action: "survey.campaign.publish", entityType: "survey_campaign", entityId: campaignId });
  });
  return requireCampaign({ db, campaignId });
}

/** Whether a campaign takes responses on `day` (yyyy-mm-dd). */
export function isCampaignOpen(campaign: Pick<Campaign, "startsOn" | "endsOn">, day = todayInVietnam()): boolean {
  return campaign.startsOn <= day && day <= campaign.endsOn;
}

const RESPONSE_CACHE_MS = 10_000;
const responseCache = new WeakMap<Executor, Map<string, { at: number; value: Promise<{ campaign: Campaign; unitIds: Set<string> } | undefined> }>>();

/**
 * A campaign and the set of its evaluated units, for the response path (every submission reads them):
 * kept 10 s per database. An edit forgets its entry in this process at once (`forgetCampaignForResponses`);
 * other instances see it within those 10 s.
 */
export async function findCampaignForResponses({ db, campaignId }: { db: Executor; campaignId: string }) {
  let perDb = responseCache.get(db);
  if (!perDb) responseCache.set(db, (perDb = new Map()));
  const cached = perDb.get(campaignId);
  if (cached && nowMs() - cached.at < RESPONSE_CACHE_MS) return cached.value;
  const value = (async () => {
    const row = await findCampaignById(db, campaignId);
    if (!row) return undefined;
    const units = await listCampaignUnits(db, campaignId);
    return { campaign: toCampaign(row), unitIds: new Set(units.map((u) => u.unit_id)) };
  })();
  perDb.set(campaignId, { at: nowMs(), value });
  value.then((v) => v === undefined && perDb.delete(campaignId)).catch(() => perDb.delete(campaignId));
  return value;
}

/** Drops a campaign from the response path's cache, so that this process sees an edit at once. */
export function forgetCampaignForResponses({ db, campaignId }: { db: Executor; campaignId: string }) {
  responseCache.get(db)?.delete(campaignId);
}
