import { apiGet, apiPost, apiPostForFile, apiRequest } from "../../app/api-client";

/** A text in both languages; the page shows the current one. */
export interface Bilingual {
  vi: string;
  en: string;
}

/** A survey question as the API sends it. */
export type Question =
  | { id: string; type: "likert"; element: string | null; text: Bilingual }
  | { id: string; type: "yes_no"; text: Bilingual }
  | { id: string; type: "choice"; text: Bilingual; options: { code: string; text: Bilingual }[] }
  | { id: string; type: "number"; text: Bilingual; min: number; max: number }
  | { id: string; type: "text"; text: Bilingual; maxLength: number };

/** The three families never pooled: population perception, contact satisfaction, open participation. */
export type SurveyFamily = "perception" | "contact" | "open";

/** The form a citizen answers for one unit. */
export interface PublicSurvey {
  campaignId: string;
  unitId: string;
  unitName: string;
  title: string;
  family: SurveyFamily;
  isOpen: boolean;
  startsOn: string;
  endsOn: string;
  requiresCode: boolean;
  likertLabels: Bilingual[];
  questions: Question[];
  attributes: { name: string; options: string[] }[];
}

/** A stored answer. */
export type AnswerValue = number | boolean | string | null;

/** What the citizen sends once. */
export interface SurveyResponseBody {
  clientKey: string;
  answers: Record<string, AnswerValue>;
  attributes?: Record<string, string | null>;
  hasConsent?: boolean;
  code?: string;
  channel?: "qr" | "online" | "desk" | "forum";
}

/** A campaign in the console's list. */
export interface CampaignSummary {
  id: string;
  title: string;
  family: SurveyFamily;
  startsOn: string;
  endsOn: string;
  isOpen: boolean;
  publishedAt: string | null;
}

/** A campaign with its evaluated units and their survey links. */
export interface Campaign extends CampaignSummary {
  evaluatingUnitId: string;
  templateCode: string;
  templateVersion: number;
  elements: { code: string; name: Bilingual }[];
  questions: Question[];
  attributes: string[];
  channels: string[];
  /** `canPrint`: the unit is in the user's subtree (QR code, poster, paper form); `canEnter`: the user may also issue
   * its codes and enter its paper forms. */
  units: {
    unitId: string;
    name: string;
    quota: number | null;
    fieldCode: string | null;
    surveyPath: string;
    surveyUrl: string;
    canPrint: boolean;
    canEnter: boolean;
  }[];
  /** The questions added to the template's. */
  customQuestionIds: string[];
  /** Whether responses are stored: then only the name, end date, quotas, added units and channels change. */
  hasResponses: boolean;
  /** The last day a stored response was answered (yyyy-mm-dd): the earliest end date an edit may set. */
  lastAnsweredOn: string | null;
}

/** A built-in template version. */
export interface SurveyTemplate {
  code: string;
  version: number;
  name: Bilingual;
  elements: { code: string; name: Bilingual }[];
  questions: Question[];
}

/** A flagged response for an inspector's review. */
export interface FlaggedResponse {
  id: string;
  unitId: string;
  unitName: string;
  channel: string;
  submittedAt: string;
  answers: Record<string, unknown>;
  flags: string[];
  isExcluded: boolean;
  lastReason: string | null;
}

/** Query keys of the surveys domain. */
export const surveyKeys = {
  publicForm: (campaignId: string, unitId: string) => ["surveys", "public", campaignId, unitId] as const,
  campaigns: () => ["surveys", "campaigns"] as const,
  campaign: (id: string) => ["surveys", "campaigns", id] as const,
  templates: () => ["surveys", "templates"] as const,
  fieldsOfWork: () => ["surveys", "fields-of-work"] as const,
  flags: (id: string) => ["surveys", "campaigns", id, "flags"] as const,
};

const base = (campaignId: string, unitId: string) =>
  `/api/public/surveys/${encodeURIComponent(campaignId)}/units/${encodeURIComponent(unitId)}`;

/** The form of a unit's survey. */
export function fetchPublicSurvey(campaignId: string, unitId: string, signal?: AbortSignal) {
  return apiGet<PublicSurvey>(base(campaignId, unitId), signal);
}

/** Sends a response; the same client key is acknowledged as a duplicate, so retries are safe. */
export function sendSurveyResponse(campaignId: string, unitId: string, body: SurveyResponseBody) {
  return apiPost<{ status: "recorded" | "duplicate" }>(`${base(campaignId, unitId)}/responses`, body);
}

/** The campaigns the officer may see. */
export async function fetchCampaigns(signal?: AbortSignal) {
  return (await apiGet<{ items: CampaignSummary[] }>("/api/surveys/campaigns", signal)).items;
}

/** One campaign. */
export function fetchCampaign(id: string, signal?: AbortSignal) {
  return apiGet<Campaign>(`/api/surveys/campaigns/${encodeURIComponent(id)}`, signal);
}

/** The built-in templates. */
/** The fields of work (lĩnh vực công tác) an evaluated unit can be tagged with. */
export async function fetchFieldsOfWork(signal?: AbortSignal) {
  return (await apiGet<{ items: { code: string; name: { vi: string; en: string } }[] }>("/api/surveys/fields-of-work", signal)).items;
}

export async function fetchTemplates(signal?: AbortSignal) {
  return (await apiGet<{ items: SurveyTemplate[] }>("/api/surveys/templates", signal)).items;
}

/** An evaluated unit as a campaign form sends it. */
export interface CampaignUnitInput {
  unitId: string;
  quota?: number | null;
  fieldCode?: string | null;
}

/** Creates a campaign. */
export function createCampaign(body: {
  title: string;
  family: SurveyFamily;
  templateCode: string;
  channels: string[];
  startsOn: string;
  endsOn: string;
  units: CampaignUnitInput[];
  attributes?: string[];
  customQuestions?: Question[];
}) {
  return apiPost<Campaign>("/api/surveys/campaigns", body);
}

/** What an edit of a campaign changes; an absent field stays. */
export interface CampaignChanges {
  title?: string;
  startsOn?: string;
  endsOn?: string;
  channels?: string[];
  units?: CampaignUnitInput[];
  attributes?: string[];
  customQuestions?: Question[];
}

/** Changes a campaign (the evaluating unit's leader; after responses only what keeps stored answers meaningful). */
export function updateCampaign(campaignId: string, changes: CampaignChanges) {
  return apiRequest<Campaign>(`/api/surveys/campaigns/${encodeURIComponent(campaignId)}`, { method: "PATCH", body: changes });
}

/** Issues one-time codes for a unit (returned once, to print). */
export async function issueCodes(campaignId: string, unitId: string, count: number) {
  return (await apiPost<{ codes: string[] }>(`/api/surveys/campaigns/${campaignId}/units/${unitId}/codes`, { count })).codes;
}

/**
 * Issues one-time codes as a printable DOCX sheet and saves it: the codes exist in plain text only in this
 * response, so the sheet is made by the request that creates them.
 */
export async function downloadCodesSheet(campaignId: string, unitId: string, count: number) {
  const blob = await apiPostForFile(`/api/surveys/campaigns/${campaignId}/units/${unitId}/codes.docx`, { count });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = "ma-danh-gia-dung-mot-lan.docx";
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Publishes a campaign's results. */
export function publishCampaign(campaignId: string) {
  return apiPost<Campaign>(`/api/surveys/campaigns/${campaignId}/publish`);
}

/** The flagged responses of a campaign. */
export async function fetchFlagged(campaignId: string, signal?: AbortSignal) {
  return (await apiGet<{ items: FlaggedResponse[] }>(`/api/surveys/campaigns/${campaignId}/flags`, signal)).items;
}

/** Excludes a response from the index or includes it again, with a reason (audited). */
export function decideOnResponse(responseId: string, decision: "exclude" | "include", reason: string) {
  return apiPost<{ id: string; isExcluded: boolean }>(`/api/surveys/responses/${responseId}/decision`, { decision, reason });
}

/** Stores filled paper forms keyed in by an officer (each once, by its client key). */
export function enterPaperForms(
  campaignId: string,
  unitId: string,
  forms: { clientKey: string; answeredOn: string; answers: Record<string, AnswerValue> }[],
) {
  return apiPost<{ recorded: number; duplicates: number }>(`/api/surveys/campaigns/${campaignId}/units/${unitId}/paper-forms`, { forms });
}

/** Records how many paper forms a unit handed out and got back. */
export function setPaperCounts(campaignId: string, unitId: string, issued: number, returned: number) {
  return apiPost<{ issued: number; returned: number; valid: number }>(`/api/surveys/campaigns/${campaignId}/units/${unitId}/paper-counts`, { issued, returned });
}
