import { hashToken } from "../crypto/keys.ts";
import type { Executor } from "../db/index.ts";
import { badRequest, conflict, notFound, unprocessable } from "../http/errors.ts";
import { applyResponseToRollups } from "../satisfaction/satisfaction.rollups.service.ts";
import { getSettings } from "../satisfaction/satisfaction.settings.service.ts";
import { todayInVietnam } from "../text/dates.ts";
import { findUnitName } from "../units/units.service.ts";
import { AnswerProblem, checkAnswers, checkAttributes, isStraightLined, likertAnswers } from "./surveys.answers.ts";
import { isCampaignOpen, requireCampaign } from "./surveys.campaigns.service.ts";
import { hashCode, normalizeCode } from "./surveys.codes.service.ts";
import { isCampaignUnit, spendCode } from "./surveys.queries.ts";
import { countRecentResponses, hasResponseWithClientKey, insertResponse } from "./surveys.responses.queries.ts";
import { LIKERT_LABELS, RESPONDENT_ATTRIBUTES, type RespondentAttribute, type SurveyChannel } from "./surveys.templates.ts";

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

/** Raised inside the transaction when the insert met an earlier response of the same key or device. */
class AlreadyStored extends Error {}

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
  now = new Date(),
}: {
  db: Executor;
  campaignId: string;
  unitId: string;
  input: ResponseInput;
  deviceId: string | undefined;
  now?: Date;
}): Promise<{ status: "recorded" | "duplicate" }> {
  const campaign = await requireCampaign({ db, campaignId });
  if (!(await isCampaignUnit(db, campaignId, unitId))) throw notFound("survey.unit_not_evaluated", "unitId");
  const answeredOn = todayInVietnam(now);
  if (!isCampaignOpen(campaign, answeredOn)) throw conflict("survey.closed");
  let answers: ReturnType<typeof checkAnswers>;
  let attributes: Record<string, string>;
  try {
    answers = checkAnswers(campaign.questions, input.answers);
    attributes = checkAttributes(campaign.attributes, input.attributes, input.hasConsent === true);
  } catch (error) {
    if (error instanceof AnswerProblem) throw badRequest("survey.answer_invalid", error.field);
    throw error;
  }
  if (Object.keys(answers).length === 0) throw badRequest("survey.answers_empty", "answers");
  const code = input.code === undefined ? undefined : normalizeCode(input.code);
  if (campaign.family === "contact" && !code) throw badRequest("survey.code_required", "code");
  if (await hasResponseWithClientKey(db, campaignId, input.clientKey)) return { status: "duplicate" };

  const settings = await getSettings({ db });
  const likert = likertAnswers(campaign.questions, answers);
  const flags: string[] = [];
  if (isStraightLined(likert, settings.straightLineMin)) flags.push("straight_line");
  const since = new Date(now.getTime() - settings.burstMinutes * 60_000);
  if ((await countRecentResponses(db, campaignId, unitId, since)) + 1 >= settings.burstCount) flags.push("burst");

  try {
    await db.transaction().execute(async (trx) => {
      if (code && !(await spendCode(trx, { hash: hashCode(campaignId, code), campaignId, unitId }))) {
        throw unprocessable("survey.code_invalid", "code");
      }
      const id = await insertResponse(trx, {
        campaignId,
        unitId,
        channel: input.channel ?? "online",
        clientKey: input.clientKey,
        deviceKey: deviceId ? hashToken(`${campaignId}:${deviceId}`) : null,
        submittedAt: now,
        answeredOn,
        answers,
        attributes,
        flags,
      });
      if (!id) throw new AlreadyStored();
      await applyResponseToRollups({ db: trx, campaignId, unitId, answeredOn, likert, sign: 1 });
    });
  } catch (error) {
    if (!(error instanceof AlreadyStored)) throw error;
    if (await hasResponseWithClientKey(db, campaignId, input.clientKey)) return { status: "duplicate" };
    throw conflict("survey.already_answered");
  }
  return { status: "recorded" };
}
