import type { Actor } from "../auth/actor.ts";
import type { Executor } from "../db/index.ts";
import { badRequest, conflict, forbidden } from "../http/errors.ts";
import { canSeeCampaign, listEvaluatedUnits, requireCampaign, type Campaign } from "../surveys/surveys.campaigns.service.ts";
import { countCodes } from "../surveys/surveys.codes.service.ts";
import { countPaperForms } from "../surveys/surveys.paper.service.ts";
import { countOpinionRatings } from "../opinions/opinions.ratings.ts";
import { startOfDayInVietnam } from "../text/dates.ts";
import { isInSubtree, listSubtreeUnits } from "../units/units.service.ts";
import { buildDashboard, groupFigures, rankWithinLevels } from "./satisfaction.dashboard.build.ts";
import { changeOf, figureOf, round2 } from "./satisfaction.index.ts";
import { addMonths, campaignPeriod, parsePeriod, previousPeriod, type MonthRange } from "./satisfaction.period.ts";
import { attributesOfCell, rake } from "./satisfaction.raking.ts";
import { sumAttributesOver, sumInstanceDetails, sumRespondentsForDashboard } from "./satisfaction.dashboard.queries.ts";
import { listLevelsAndFields } from "./satisfaction.settings.queries.ts";
import { getBands, getMargins, getSettings } from "./satisfaction.settings.service.ts";
import { bucketOf, currentUnitOf, type TreeUnit } from "./satisfaction.tree.ts";

/** The period asked for, or the campaign's whole span (400 `satisfaction.period_invalid` if unreadable). */
function periodFor(campaign: Campaign, text: string | undefined): MonthRange {
  if (text === undefined) return campaignPeriod(campaign.startsOn, campaign.endsOn);
  const period = parsePeriod(text);
  if (!period) throw badRequest("satisfaction.period_invalid", "period");
  return period;
}

/**
 * A campaign's dashboard for a unit and its subtree over a period: figures by rating instances and by
 * respondents with n, distribution, 95% interval (clustered by respondent where answers are pooled), band
 * and change; per element, question and child unit
 * (historical units counted in their successors); the rank ranges their intervals allow; trend and heat-map;
 * response counts, quotas and the return of one-time codes. Read from the rollups and the unit tree only.
 */
export async function computeDashboard({
  db,
  campaign,
  rootUnitId,
  periodText,
}: {
  db: Executor;
  campaign: Campaign;
  rootUnitId: string;
  periodText?: string | undefined;
}) {
  const period = periodFor(campaign, periodText);
  const previous = previousPeriod(period);
  const periods = { previous, period };
  const tree = await listSubtreeUnits({ db, rootId: rootUnitId });
  const units = new Map<string, TreeUnit & { name: string; levelCode: string }>(tree.map((u) => [u.id, u]));
  const subtreeIds = tree.map((u) => u.id);
  // Each unit's data counts for the root's child holding its current successor, and by level and in the
  // ranking for that current unit (whose level it takes).
  const bucketOfUnit = new Map(subtreeIds.map((id) => [id, bucketOf(id, rootUnitId, units)]));
  const bucket = (unitId: string) => bucketOfUnit.get(unitId);
  const currentOfUnit = new Map(subtreeIds.map((id) => [id, currentUnitOf(id, units)]));
  const subtree = { unitIds: subtreeIds, bucketIds: subtreeIds.map((id) => bucket(id) ?? null) };
  const likertIds = campaign.questions.flatMap((q) => (q.type === "likert" ? [q.id] : []));
  // Each rollup table is read once: the respondent rollups per unit and period (their answers at each level
  // are the unit's rating instances), from which the per-child, per-level, per-field and ranking figures are
  // summed here; the rating-instance rollups per bucket, question and month for the details only.
  const [settings, bands, evaluated, codes, paper, details, respondents, attributeCells, margins, names] = await Promise.all([
    getSettings({ db }),
    getBands({ db }),
    listEvaluatedUnits({ db, campaignId: campaign.id }),
    countCodes({ db, campaignId: campaign.id, unitIds: subtreeIds }),
    countPaperForms({ db, campaignId: campaign.id }),
    sumInstanceDetails(db, campaign.id, subtree, likertIds, periods),
    sumRespondentsForDashboard(db, campaign.id, subtree, periods),
    sumAttributesOver(db, campaign.id, subtreeIds.filter((id) => bucket(id) !== undefined), period.from, period.to),
    getMargins({ db, unitId: rootUnitId }),
    listLevelsAndFields(db),
  ]);
  // By field of work: each evaluated unit's data in the field the campaign evaluates it in.
  const fieldOfUnit = new Map(evaluated.flatMap((u) => (u.fieldCode !== null && units.has(u.unitId) ? [[u.unitId, u.fieldCode] as const] : [])));
  const groupSettings = { period, previous, minN: settings.minN, bands };
  const levelOf = (unitId: string) => units.get(unitId)?.levelCode;
  const levelOfCurrent = (unitId: string) => levelOf(currentOfUnit.get(unitId) ?? unitId);
  const order = (codes: { code: string }[]) => new Map(codes.map((c, i) => [c.code, i]));
  const levelOrder = order(names.levels);
  const fieldOrder = order(names.fields);
  const byOrder = (o: Map<string, number>) => (a: { key: string }, b: { key: string }) => (o.get(a.key) ?? 99) - (o.get(b.key) ?? 99);
  const groupsBy = (groupOf: (unitId: string) => string | undefined) => groupFigures(respondents.units, groupOf, groupSettings);
  const levels = groupsBy(levelOfCurrent).sort(byOrder(levelOrder));
  const fields = groupsBy((unitId) => fieldOfUnit.get(unitId)).sort(byOrder(fieldOrder));
  const levelRanking = rankWithinLevels(groupsBy((unitId) => currentOfUnit.get(unitId)), levelOf)
    .sort((a, b) => (levelOrder.get(a.levelCode) ?? 99) - (levelOrder.get(b.levelCode) ?? 99))
    .map((l) => ({ levelCode: l.levelCode, units: l.units.map(({ key, ...u }) => ({ unitId: key, name: units.get(key)?.name ?? "", ...u })) }));
  const buckets = tree.filter((u) => u.id === rootUnitId || u.parentId === rootUnitId).map((u) => u.id);
  const built = buildDashboard({
    likertQuestions: campaign.questions.flatMap((q) => (q.type === "likert" ? [{ id: q.id, element: q.element }] : [])),
    elementCodes: campaign.elements.map((e) => e.code),
    details,
    people: respondents.units,
    months: respondents.months,
    bucketOf: bucket,
    buckets,
    period,
    previous,
    minN: settings.minN,
    bands,
  });
  const quotas = new Map<string, number>();
  const issued = new Map<string, { issued: number; spent: number }>();
  const forms = new Map<string, { issued: number; returned: number; valid: number }>();
  for (const u of evaluated) {
    const b = bucket(u.unitId);
    if (b === undefined) continue;
    if (u.quota !== null) quotas.set(b, (quotas.get(b) ?? 0) + u.quota);
    const c = codes.get(u.unitId);
    if (c) issued.set(b, { issued: (issued.get(b)?.issued ?? 0) + c.issued, spent: (issued.get(b)?.spent ?? 0) + c.spent });
    const p = paper.get(u.unitId);
    const f = forms.get(b) ?? { issued: 0, returned: 0, valid: 0 };
    if (p) forms.set(b, { issued: f.issued + p.issued, returned: f.returned + p.returned, valid: f.valid + p.valid });
  }
  const ratingsIn = (p: MonthRange) =>
    countOpinionRatings({ db, unitIds: subtreeIds, from: startOfDayInVietnam(p.from), to: startOfDayInVietnam(addMonths(p.to, 1)) });
  const [ratingsNow, ratingsBefore] = await Promise.all([ratingsIn(period), ratingsIn(previous)]);
  const ratingFigure = figureOf(ratingsNow, { minN: settings.minN, bands });
  const ratingPrevious = figureOf(ratingsBefore, { minN: settings.minN, bands });
  return {
    campaign,
    root: { id: rootUnitId, name: units.get(rootUnitId)?.name ?? "" },
    weighted: weightedFigure(attributeCells, margins, settings.minN),
    opinionRatings: { ...ratingFigure, previousRate: ratingPrevious.rate, previousN: ratingPrevious.n, change: changeOf(ratingFigure.rate, ratingPrevious.rate) },
    period,
    previous,
    minN: settings.minN,
    bands,
    ...built,
    levels: levels.map(({ key, ...f }) => ({ levelCode: key, ...f })),
    fields: fields.map(({ key, ...f }) => ({ fieldCode: key, ...f })),
    levelRanking,
    levelNames: names.levels,
    fieldNames: names.fields,
    units: built.units.map((u) => ({
      ...u,
      name: units.get(u.unitId)?.name ?? "",
      quota: quotas.get(u.unitId) ?? null,
      codesIssued: issued.get(u.unitId)?.issued ?? 0,
      codesSpent: issued.get(u.unitId)?.spent ?? 0,
      paper: forms.get(u.unitId) ?? { issued: 0, returned: 0, valid: 0 },
    })),
  };
}

/**
 * The respondents' satisfaction rate weighted to population margins with its 95% interval (accounting for
 * the weights), beside the unweighted rate of the same respondents (those who gave their attributes); null
 * without margins or below the minimum n.
 */
function weightedFigure(
  rows: { cell: string; respondents: number; satisfied: number }[],
  margins: Record<string, Record<string, number>>,
  minN: number,
) {
  const cells = new Map<string, { respondents: number; satisfied: number }>();
  for (const r of rows) {
    const c = cells.get(r.cell) ?? { respondents: 0, satisfied: 0 };
    cells.set(r.cell, { respondents: c.respondents + r.respondents, satisfied: c.satisfied + r.satisfied });
  }
  const result = rake([...cells].map(([cell, c]) => ({ attributes: attributesOfCell(cell), ...c })), margins);
  if (result.rate === null || result.respondents < minN) return null;
  const used = [...cells].filter(([cell]) => Object.keys(margins).every((a) => attributesOfCell(cell)[a] !== undefined));
  const satisfied = used.reduce((s, [, c]) => s + c.satisfied, 0);
  return {
    rate: round2(result.rate),
    low: result.interval === null ? null : round2(result.interval.low),
    high: result.interval === null ? null : round2(result.interval.high),
    unweightedRate: round2((100 * satisfied) / result.respondents),
    respondents: result.respondents,
    effectiveN: round2(result.effectiveN),
    attributes: Object.keys(margins),
  };
}

/** The dashboard's data type. */
export type Dashboard = Awaited<ReturnType<typeof computeDashboard>>;

/** An officer's dashboard: the campaign must be theirs to see and the root unit in their subtree. */
export async function getDashboard({
  db,
  actor,
  campaignId,
  unitId,
  period,
}: {
  db: Executor;
  actor: Actor;
  campaignId: string;
  unitId?: string | undefined;
  period?: string | undefined;
}) {
  if (actor.kind !== "user") throw forbidden();
  const campaign = await requireCampaign({ db, campaignId });
  if (!(await canSeeCampaign({ db, actor, campaign }))) throw forbidden();
  const evaluatorInScope = await isInSubtree({ db, rootId: actor.unitId, unitId: campaign.evaluatingUnitId });
  const rootUnitId = unitId ?? (evaluatorInScope ? campaign.evaluatingUnitId : actor.unitId);
  if (!(await isInSubtree({ db, rootId: actor.unitId, unitId: rootUnitId }))) throw forbidden("satisfaction.unit_out_of_scope");
  return computeDashboard({ db, campaign, rootUnitId, periodText: period });
}

/** The public results of a published campaign, for its evaluating unit's whole subtree. */
export async function getPublicResults({ db, campaignId, period }: { db: Executor; campaignId: string; period?: string | undefined }) {
  const campaign = await requireCampaign({ db, campaignId });
  if (campaign.publishedAt === null) throw conflict("satisfaction.not_published");
  return computeDashboard({ db, campaign, rootUnitId: campaign.evaluatingUnitId, periodText: period });
}
