import { isCampaignOpen, type Campaign } from "./surveys.campaigns.service.ts";
import type { getPublicSurvey } from "./surveys.responses.service.ts";

/** The citizen's path to a unit's survey (the QR code's target). */
export function surveyPath(campaignId: string, unitId: string): string {
  return `/s/${campaignId}/${unitId}`;
}

/**
 * A campaign for the console, with each evaluated unit's survey link and what the user may do with it, and what
 * an edit may change.
 */
export function presentCampaign(
  campaign: Campaign,
  units: { unitId: string; name: string; quota: number | null; fieldCode: string | null; canPrint: boolean; canEnter: boolean }[],
  baseUrl: string,
  editState: { customQuestionIds: string[]; hasResponses: boolean; lastAnsweredOn: string | null },
) {
  return {
    id: campaign.id,
    evaluatingUnitId: campaign.evaluatingUnitId,
    title: campaign.title,
    family: campaign.family,
    templateCode: campaign.templateCode,
    templateVersion: campaign.templateVersion,
    elements: campaign.elements,
    questions: campaign.questions,
    attributes: campaign.attributes,
    channels: campaign.channels,
    startsOn: campaign.startsOn,
    endsOn: campaign.endsOn,
    forumId: campaign.forumId,
    isOpen: isCampaignOpen(campaign),
    publishedAt: campaign.publishedAt?.toISOString() ?? null,
    units: units.map((u) => ({
      ...u,
      surveyPath: surveyPath(campaign.id, u.unitId),
      surveyUrl: `${baseUrl}${surveyPath(campaign.id, u.unitId)}`,
    })),
    ...editState,
  };
}

/** A campaign in a list. */
export function presentCampaignSummary(campaign: Campaign) {
  return {
    id: campaign.id,
    title: campaign.title,
    family: campaign.family,
    startsOn: campaign.startsOn,
    endsOn: campaign.endsOn,
    isOpen: isCampaignOpen(campaign),
    publishedAt: campaign.publishedAt?.toISOString() ?? null,
  };
}

/** The form a citizen answers. */
export function presentPublicSurvey(form: Awaited<ReturnType<typeof getPublicSurvey>>, unitId: string) {
  const c = form.campaign;
  return {
    campaignId: c.id,
    unitId,
    unitName: form.unitName,
    title: c.title,
    family: c.family,
    isOpen: form.isOpen,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    requiresCode: c.family === "contact",
    likertLabels: [...form.likertLabels],
    questions: c.questions,
    attributes: form.attributes,
  };
}
