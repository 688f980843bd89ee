import { hashToken } from "../crypto/keys.ts";
import type { Executor } from "../db/index.ts";
import { badRequest, conflict, notFound } from "../http/errors.ts";
import { dayInVietnam } from "../text/dates.ts";
import { findUnitName } from "../units/units.service.ts";
import { findCampaignForResponses, isCampaignOpen, requireCampaign } from "./surveys.campaigns.service.ts";
import { normalizeCode } from "./surveys.codes.service.ts";
import { isCampaignUnit } from "./surveys.queries.ts";
import { checkResponseContent, recordResponse } from "./surveys.record.ts";
import { LIKERT_LABELS, RESPONDENT_ATTRIBUTES, type RespondentAttribute, type SurveyChannel } from "./surveys.templates.ts";
import { now as clockNow } from "../calendar/clock.ts";

/** The form a citizen answers for one evaluated unit. */
export async function getPublicSurvey({ db, campaignId, unitId }: { db: Executor; campaignId: string; unitId: string }) {
  const campaign = await requireCampaign({ db, campaignId });
  if (!(await isCampaignUnit(db, campaignId, unitId))) throw notFound("survey.unit_not_evaluated", "unitId");
  return {
    campaign,
    unitName: (await findUnitName({ db, unitId })) ?? "",
    isOpen: isCampaignOpen(campaign),
    likertLabels: LIKERT_LABELS,
    attributes: campaign.attributes
      .filter((a): a is RespondentAttribute => a in RESPONDENT_ATTRIBUTES)
      .map((name) => ({ name, options: [...RESPONDENT_ATTRIBUTES[name]] })),
  };
}

/** What a citizen sends. */
export interface ResponseInput {
  clientKey: string;
  answers: Record<string, unknown>;
  attributes?: Record<string, unknown>;
  hasConsent?: boolean;
  code?: string;
  channel?: SurveyChannel;
}

/**
 * Stores a citizen's response exactly once: a repeated client key is acknowledged as a duplicate; a second
 * response from the same device, or a spent or unknown one-time code, is refused. The code is spent, the
 * response stored and the rollups updated in one transaction; nothing links the code to the response.
 * Bursts and straight-lining are flagged for an inspector, never silently dropped.
 */
export async function submitSurveyResponse({
  db,
  campaignId,
  unitId,
  input,
  deviceId,
  now = clockNow(),
}: {
  db: Executor;
  campaignId: string;
  unitId: string;
  input: ResponseInput;
  deviceId: string | undefined;
  now?: Date;
}): Promise<{ status: "recorded" | "duplicate" }> {
  const found = await findCampaignForResponses({ db, campaignId });
  if (!found) throw notFound("survey.not_found");
  if (!found.unitIds.has(unitId)) throw notFound("survey.unit_not_evaluated", "unitId");
  const campaign = found.campaign;
  const answeredOn = dayInVietnam(now);
  if (!isCampaignOpen(campaign, answeredOn)) throw conflict("survey.closed");
  const { answers, attributes } = checkResponseContent(campaign, input);
  const code = input.code === undefined ? undefined : normalizeCode(input.code);
  if (campaign.family === "contact" && !code) throw badRequest("survey.code_required", "code");
  const status = await recordResponse({
    db,
    campaign,
    unitId,
    clientKey: input.clientKey,
    deviceKey: deviceId ? hashToken(`${campaignId}:${deviceId}`) : null,
    code,
    channel: input.channel ?? "online",
    now,
    answeredOn,
    answers,
    attributes,
  });
  return { status };
}
