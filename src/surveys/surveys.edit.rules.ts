import { AppError, badRequest } from "../http/errors.ts";
import type { MessageCode } from "../http/messages.ts";
import { formatDate, startOfDayInVietnam } from "../text/dates.ts";
import type { Campaign } from "./surveys.campaigns.service.ts";
import { findTemplate, type Question, type SurveyChannel } from "./surveys.templates.ts";

/*
 * What a leader may change in a campaign, as pure rules. Before the first response everything but the
 * template may change. Once responses are stored, only what cannot change the meaning of a stored answer:
 * the name, the end date (not before the last answered day), quotas, added units and channels.
 */

/** What a leader asks to change; an absent field stays as it is. */
export interface CampaignPatch {
  title?: string | undefined;
  startsOn?: string | undefined;
  endsOn?: string | undefined;
  channels?: SurveyChannel[] | undefined;
  customQuestions?: Question[] | undefined;
  attributes?: string[] | undefined;
  /** The evaluated units wanted; for a unit already evaluated, an absent quota or field keeps its value. */
  units?: { unitId: string; quota?: number | null | undefined; fieldCode?: string | null | undefined }[] | undefined;
}

/** An evaluated unit as stored. */
export interface EvaluatedUnit {
  unitId: string;
  quota: number | null;
  fieldCode: string | null;
}

/** The changes to write, and the names of the fields that change (for the audit entry). */
export interface PlannedEdit {
  changed: string[];
  row: { title?: string; startsOn?: string; endsOn?: string; channels?: string[]; questions?: Question[]; attributes?: string[] };
  addUnits: EvaluatedUnit[];
  removeUnitIds: string[];
  updateUnits: EvaluatedUnit[];
}

const sameSet = (a: readonly string[], b: readonly string[]) => new Set(a).size === new Set(b).size && a.every((x) => b.includes(x));

/** JSON with sorted keys, so that a question read back from jsonb compares equal to the one sent. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const answered = (code: MessageCode, field: string) => new AppError(409, code, { field });

/** Whether a Likert question counts in an element the campaign's template does not have. */
export function hasUnknownElement(questions: readonly Question[], elements: readonly { code: string }[]): boolean {
  return questions.some((q) => q.type === "likert" && q.element !== null && !elements.some((e) => e.code === q.element));
}

/** The ids of the campaign's questions that came from its frozen template version (the rest are custom). */
export function templateQuestionIds(campaign: Pick<Campaign, "templateCode" | "templateVersion">): Set<string> {
  return new Set(findTemplate(campaign.templateCode, campaign.templateVersion)?.questions.map((q) => q.id) ?? []);
}

/** The questions a leader added to the template's. */
export function customQuestionsOf(campaign: Pick<Campaign, "templateCode" | "templateVersion" | "questions">): Question[] {
  const fromTemplate = templateQuestionIds(campaign);
  return campaign.questions.filter((q) => !fromTemplate.has(q.id));
}

function planPeriod(campaign: Campaign, patch: CampaignPatch, lastAnsweredOn: string | null, plan: PlannedEdit) {
  const startsOn = patch.startsOn ?? campaign.startsOn;
  const endsOn = patch.endsOn ?? campaign.endsOn;
  if (endsOn < startsOn) throw badRequest("survey.period_invalid", "endsOn");
  if (campaign.forumId !== null && (startsOn > campaign.startsOn || endsOn < campaign.endsOn)) {
    throw answered("survey.edit_forum_period", startsOn > campaign.startsOn ? "startsOn" : "endsOn");
  }
  if (startsOn !== campaign.startsOn) {
    if (lastAnsweredOn !== null) throw answered("survey.edit_answered_start", "startsOn");
    plan.row.startsOn = startsOn;
    plan.changed.push("startsOn");
  }
  if (endsOn !== campaign.endsOn) {
    if (lastAnsweredOn !== null && endsOn < lastAnsweredOn) {
      throw new AppError(409, "survey.edit_ends_before_last_response", { field: "endsOn", params: { day: formatDate(startOfDayInVietnam(lastAnsweredOn)) } });
    }
    plan.row.endsOn = endsOn;
    plan.changed.push("endsOn");
  }
}

function planQuestions(campaign: Campaign, patch: CampaignPatch, hasResponses: boolean, plan: PlannedEdit) {
  if (patch.customQuestions === undefined || canonical(patch.customQuestions) === canonical(customQuestionsOf(campaign))) return;
  if (hasResponses) throw answered("survey.edit_answered_questions", "customQuestions");
  const fromTemplate = templateQuestionIds(campaign);
  const questions = [...campaign.questions.filter((q) => fromTemplate.has(q.id)), ...patch.customQuestions];
  if (new Set(questions.map((q) => q.id)).size !== questions.length) throw badRequest("survey.question_duplicate", "customQuestions");
  if (hasUnknownElement(patch.customQuestions, campaign.elements)) throw badRequest("survey.element_unknown", "customQuestions");
  plan.row.questions = questions;
  plan.changed.push("customQuestions");
}

function planUnits(campaign: Campaign, units: EvaluatedUnit[], patch: CampaignPatch, hasResponses: boolean, plan: PlannedEdit) {
  if (patch.units === undefined) return;
  const wanted = patch.units.filter((u, i, all) => all.findIndex((v) => v.unitId === u.unitId) === i);
  const current = new Map(units.map((u) => [u.unitId, u]));
  const wantedIds = new Set(wanted.map((u) => u.unitId));
  plan.removeUnitIds = units.filter((u) => !wantedIds.has(u.unitId)).map((u) => u.unitId);
  if (plan.removeUnitIds.length > 0 && hasResponses) throw answered("survey.edit_answered_units", "units");
  if (campaign.forumId !== null && plan.removeUnitIds.includes(campaign.evaluatingUnitId)) throw answered("survey.edit_forum_unit", "units");
  for (const w of wanted) {
    const before = current.get(w.unitId);
    const next = { unitId: w.unitId, quota: w.quota === undefined ? (before?.quota ?? null) : w.quota, fieldCode: w.fieldCode === undefined ? (before?.fieldCode ?? null) : w.fieldCode };
    if (!before) plan.addUnits.push(next);
    else if (before.quota !== next.quota || before.fieldCode !== next.fieldCode) {
      if (hasResponses && before.fieldCode !== next.fieldCode) throw answered("survey.edit_answered_field", "units");
      plan.updateUnits.push(next);
    }
  }
  if (plan.addUnits.length + plan.removeUnitIds.length + plan.updateUnits.length > 0) plan.changed.push("units");
}

/**
 * The edit to make, or the reason it is refused: 400 for an impossible period or a repeated question id,
 * 409 naming the field when stored responses (`lastAnsweredOn` is their last day) or the forum link forbid it.
 */
export function planCampaignEdit({
  campaign,
  units,
  lastAnsweredOn,
  patch,
}: {
  campaign: Campaign;
  units: EvaluatedUnit[];
  lastAnsweredOn: string | null;
  patch: CampaignPatch;
}): PlannedEdit {
  const hasResponses = lastAnsweredOn !== null;
  const plan: PlannedEdit = { changed: [], row: {}, addUnits: [], removeUnitIds: [], updateUnits: [] };
  if (patch.title !== undefined && patch.title !== campaign.title) {
    plan.row.title = patch.title;
    plan.changed.push("title");
  }
  planPeriod(campaign, patch, lastAnsweredOn, plan);
  if (patch.channels !== undefined && !sameSet(patch.channels, campaign.channels)) {
    plan.row.channels = [...new Set(patch.channels)];
    plan.changed.push("channels");
  }
  planQuestions(campaign, patch, hasResponses, plan);
  if (patch.attributes !== undefined && !sameSet(patch.attributes, campaign.attributes)) {
    if (hasResponses) throw answered("survey.edit_answered_attributes", "attributes");
    plan.row.attributes = [...new Set(patch.attributes)];
    plan.changed.push("attributes");
  }
  planUnits(campaign, units, patch, hasResponses, plan);
  return plan;
}
