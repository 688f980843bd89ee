import type { Executor } from "../db/index.ts";
import { AppError, badRequest, conflict, unprocessable } from "../http/errors.ts";
import { createBatcher } from "../db/batcher.ts";
import { applyResponsesToRollups } from "../satisfaction/satisfaction.rollups.service.ts";
import { getSettings, type SatisfactionSettings } from "../satisfaction/satisfaction.settings.service.ts";
import { AnswerProblem, checkAnswers, checkAttributes, isStraightLined, likertAnswers, type AnswerValue } from "./surveys.answers.ts";
import type { Campaign } from "./surveys.campaigns.service.ts";
import { hashCode } from "./surveys.codes.service.ts";
import { spendCode, unspendCode } from "./surveys.queries.ts";
import { hasResponseWithClientKey, insertResponses, type NewResponseRow } from "./surveys.responses.queries.ts";

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
    if (error instanceof AnswerProblem) throw new AppError(400, "survey.answer_invalid", { field: error.field, params: { question: error.label } });
    throw error;
  }
}

/** A checked response ready to be stored, with the Likert answers the rollups count. */
export interface PreparedResponse {
  row: NewResponseRow;
  likert: { questionId: string; level: number }[];
}

/**
 * Builds the row of a checked response: flags straight-lining at once, and asks the insert to flag a burst
 * of responses for the unit (not for paper forms, which an officer keys in by the dozen).
 */
export function prepareResponse({
  campaign,
  settings,
  unitId,
  clientKey,
  deviceKey,
  channel,
  now,
  answeredOn,
  answers,
  attributes,
}: {
  campaign: Campaign;
  settings: SatisfactionSettings;
  unitId: string;
  clientKey: string;
  deviceKey: string | null;
  channel: string;
  now: Date;
  answeredOn: string;
  answers: Record<string, AnswerValue>;
  attributes: Record<string, string>;
}): PreparedResponse {
  const likert = likertAnswers(campaign.questions, answers);
  const flags = isStraightLined(likert, settings.straightLineMin) ? ["straight_line"] : [];
  const burst = channel === "paper" ? null : { since: new Date(now.getTime() - settings.burstMinutes * 60_000), count: settings.burstCount };
  return {
    row: { campaignId: campaign.id, unitId, channel, clientKey, deviceKey, submittedAt: now, answeredOn, answers, attributes, flags, burst },
    likert,
  };
}

/**
 * Stores responses and adds the stored ones to the rollups in one transaction (the caller's, if `db` is one),
 * then `onStored` with how many were stored, for the channel's own counters; the new ids in order, undefined
 * for a response whose client key or device had already answered.
 */
export async function storeResponses({
  db,
  responses,
  onStored,
}: {
  db: Executor;
  responses: readonly PreparedResponse[];
  onStored?: (trx: Executor, stored: number) => Promise<void>;
}): Promise<(string | undefined)[]> {
  const write = async (trx: Executor) => {
    const ids = await insertResponses(
      trx,
      responses.map((r) => r.row),
    );
    const stored = responses.filter((_, i) => ids[i] !== undefined);
    await applyResponsesToRollups({
      db: trx,
      responses: stored.map(({ row, likert }) => ({ campaignId: row.campaignId, unitId: row.unitId, answeredOn: row.answeredOn, likert, attributes: row.attributes })),
      sign: 1,
    });
    await onStored?.(trx, stored.length);
    return ids;
  };
  return db.isTransaction ? write(db) : db.transaction().execute(write);
}

// Per database: concurrent responses are written together (group commit, see createBatcher): one transaction
// for a whole batch: BEGIN, the insert, the rollups, COMMIT (both statements prepared once per connection).
const responseWriters = new WeakMap<Executor, (response: PreparedResponse) => Promise<string | undefined>>();

function writeResponse(db: Executor, response: PreparedResponse): Promise<string | undefined> {
  if (db.isTransaction) return storeResponses({ db, responses: [response] }).then((ids) => ids[0]);
  let writer = responseWriters.get(db);
  if (!writer) {
    writer = createBatcher((responses: PreparedResponse[]) => storeResponses({ db, responses }));
    responseWriters.set(db, writer);
  }
  return writer(response);
}

/**
 * Stores one checked response exactly once (with concurrent ones, in one transaction): flags it, spends its
 * one-time code if any, inserts it and updates the rollups. A known client key is a duplicate; another
 * response of the device is refused.
 */
export async function recordResponse({
  db,
  code,
  ...input
}: Omit<Parameters<typeof prepareResponse>[0], "settings"> & { db: Executor; code: string | undefined }): Promise<"recorded" | "duplicate"> {
  const { campaign, unitId, clientKey } = input;
  const campaignId = campaign.id;
  const prepared = prepareResponse({ ...input, settings: await getSettings({ db }) });
  const codeRow = code ? { hash: hashCode(campaignId, code), campaignId, unitId } : undefined;
  if (codeRow) {
    if (await hasResponseWithClientKey(db, campaignId, clientKey)) return "duplicate";
    // The code is spent in a transaction of its own: a response and its code never share a transaction id
    // (xmin), so not even the database's bookkeeping links the answers to the contact.
    if (!(await spendCode(db, codeRow))) throw unprocessable("survey.code_invalid", "code");
  }
  let id: string | undefined;
  try {
    id = await writeResponse(db, prepared);
  } catch (error) {
    if (codeRow) await unspendCode(db, codeRow);
    throw error;
  }
  if (id) return "recorded";
  if (codeRow) await unspendCode(db, codeRow);
  if (await hasResponseWithClientKey(db, campaignId, clientKey)) return "duplicate";
  throw conflict("survey.already_answered");
}
