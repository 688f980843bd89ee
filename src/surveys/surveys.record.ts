import type { Executor } from "../db/index.ts";
import { badRequest, conflict, unprocessable } from "../http/errors.ts";
import { applyResponseToRollups } from "../satisfaction/satisfaction.rollups.service.ts";
import { getSettings } from "../satisfaction/satisfaction.settings.service.ts";
import { AnswerProblem, checkAnswers, checkAttributes, isStraightLined, likertAnswers, type AnswerValue } from "./surveys.answers.ts";
import type { Campaign } from "./surveys.campaigns.service.ts";
import { hashCode } from "./surveys.codes.service.ts";
import { spendCode, unspendCode } from "./surveys.queries.ts";
import { countRecentResponses, hasResponseWithClientKey, insertResponse } from "./surveys.responses.queries.ts";

/** The answers and attributes to keep, checked against the campaign's questions (400 naming the field). */
export function checkResponseContent(
  campaign: Campaign,
  input: { answers: Record<string, unknown>; attributes?: Record<string, unknown> | undefined; hasConsent?: boolean | undefined },
) {
  try {
    const answers = checkAnswers(campaign.questions, input.answers);
    const attributes = checkAttributes(campaign.attributes, input.attributes, input.hasConsent === true);
    if (Object.keys(answers).length === 0) throw badRequest("survey.answers_empty", "answers");
    return { answers, attributes };
  } catch (error) {
    if (error instanceof AnswerProblem) throw badRequest("survey.answer_invalid", error.field);
    throw error;
  }
}

/** Raised inside the transaction when the insert met an earlier response of the same key or device. */
class AlreadyStored extends Error {}

/**
 * Stores one checked response exactly once, whatever the channel: flags it (burst, straight-lining), spends
 * its one-time code if any, inserts it and updates the rollups in one transaction, with `onStored` for the
 * channel's own counters. A known client key is a duplicate; another response of the device is refused.
 */
export async function recordResponse({
  db,
  campaign,
  unitId,
  clientKey,
  deviceKey,
  code,
  channel,
  now,
  answeredOn,
  answers,
  attributes,
  onStored,
}: {
  db: Executor;
  campaign: Campaign;
  unitId: string;
  clientKey: string;
  deviceKey: string | null;
  code: string | undefined;
  channel: string;
  now: Date;
  answeredOn: string;
  answers: Record<string, AnswerValue>;
  attributes: Record<string, string>;
  onStored?: (trx: Executor) => Promise<void>;
}): Promise<"recorded" | "duplicate"> {
  const campaignId = campaign.id;
  const settings = await getSettings({ db });
  const likert = likertAnswers(campaign.questions, answers);
  const flags: string[] = [];
  if (isStraightLined(likert, settings.straightLineMin)) flags.push("straight_line");
  const since = new Date(now.getTime() - settings.burstMinutes * 60_000);
  if ((await countRecentResponses(db, campaignId, unitId, since, now)) + 1 >= settings.burstCount) flags.push("burst");
  const codeRow = code ? { hash: hashCode(campaignId, code), campaignId, unitId } : undefined;
  if (codeRow) {
    if (await hasResponseWithClientKey(db, campaignId, clientKey)) return "duplicate";
    // The code is spent in a transaction of its own: a response and its code never share a transaction id
    // (xmin), so not even the database's bookkeeping links the answers to the contact.
    if (!(await spendCode(db, codeRow))) throw unprocessable("survey.code_invalid", "code");
  }
  try {
    await db.transaction().execute(async (trx) => {
      const id = await insertResponse(trx, {
        campaignId,
        unitId,
        channel,
        clientKey,
        deviceKey,
        submittedAt: now,
        answeredOn,
        answers,
        attributes,
        flags,
      });
      if (!id) throw new AlreadyStored();
      await applyResponseToRollups({ db: trx, campaignId, unitId, answeredOn, likert, attributes, sign: 1 });
      await onStored?.(trx);
    });
  } catch (error) {
    if (codeRow) await unspendCode(db, codeRow);
    if (!(error instanceof AlreadyStored)) throw error;
    if (await hasResponseWithClientKey(db, campaignId, clientKey)) return "duplicate";
    throw conflict("survey.already_answered");
  }
  return "recorded";
}
