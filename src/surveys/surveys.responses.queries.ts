import { sql } from "kysely";
import type { Executor } from "../db/index.ts";

/** The values of a new response. */
export interface NewResponseRow {
  campaignId: string;
  unitId: string;
  channel: string;
  clientKey: string;
  deviceKey: string | null;
  submittedAt: Date;
  answeredOn: string;
  answers: Record<string, unknown>;
  attributes: Record<string, string>;
  flags: string[];
}

/**
 * Inserts a response unless its client key or device already answered the campaign; the new id, or
 * undefined on such a conflict.
 */
export async function insertResponse(db: Executor, r: NewResponseRow): Promise<string | undefined> {
  const row = await db
    .insertInto("survey_responses")
    .values({
      campaign_id: r.campaignId,
      unit_id: r.unitId,
      channel: r.channel,
      client_key: r.clientKey,
      device_key: r.deviceKey,
      submitted_at: r.submittedAt,
      answered_on: r.answeredOn,
      answers: JSON.stringify(r.answers),
      attributes: JSON.stringify(r.attributes),
      flags: r.flags,
    })
    .onConflict((oc) => oc.doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id;
}

/** Whether a response with this client key exists for the campaign. */
export async function hasResponseWithClientKey(db: Executor, campaignId: string, clientKey: string) {
  const row = await db
    .selectFrom("survey_responses")
    .select("id")
    .where("campaign_id", "=", campaignId)
    .where("client_key", "=", clientKey)
    .executeTakeFirst();
  return row !== undefined;
}

/** Responses to a campaign for a unit submitted in [since, until] (for burst detection). */
export async function countRecentResponses(db: Executor, campaignId: string, unitId: string, since: Date, until: Date) {
  const row = await db
    .selectFrom("survey_responses")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("campaign_id", "=", campaignId)
    .where("unit_id", "=", unitId)
    .where("submitted_at", ">=", since)
    .where("submitted_at", "<=", until)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** One response, or undefined. */
export async function findResponseById(db: Executor, id: string) {
  return db.selectFrom("survey_responses").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Locks a response row for a decision (the rollups change with it). */
export async function lockResponse(db: Executor, id: string) {
  return db.selectFrom("survey_responses").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}

/** Sets whether a response is excluded from the index. */
export async function setResponseExcluded(db: Executor, id: string, isExcluded: boolean) {
  await db.updateTable("survey_responses").set({ is_excluded: isExcluded }).where("id", "=", id).execute();
}

/** Records an inspector's decision. */
export async function insertDecision(
  db: Executor,
  d: { responseId: string; decision: "exclude" | "include"; reason: string; decidedBy: string },
) {
  await db
    .insertInto("survey_decisions")
    .values({ response_id: d.responseId, decision: d.decision, reason: d.reason, decided_by: d.decidedBy })
    .execute();
}

/** Flagged responses of a campaign, newest first, with the latest decision on each. */
export async function listFlaggedResponses(db: Executor, campaignId: string) {
  return db
    .selectFrom("survey_responses as r")
    .innerJoin("units as u", "u.id", "r.unit_id")
    .select([
      "r.id",
      "r.unit_id",
      "u.name as unit_name",
      "r.channel",
      "r.submitted_at",
      "r.answers",
      "r.flags",
      "r.is_excluded",
      (eb) =>
        eb
          .selectFrom("survey_decisions as d")
          .select("d.reason")
          .whereRef("d.response_id", "=", "r.id")
          .orderBy("d.decided_at", "desc")
          .limit(1)
          .as("last_reason"),
    ])
    .where("r.campaign_id", "=", campaignId)
    .where("r.flags", "<>", sql<string[]>`'{}'`)
    .orderBy("r.submitted_at", "desc")
    .limit(500)
    .execute();
}

/** Responses per unit of a campaign, and how many are flagged or excluded. */
export async function countResponsesByUnit(db: Executor, campaignId: string) {
  return db
    .selectFrom("survey_responses")
    .select([
      "unit_id",
      sql<number>`count(*)::int`.as("received"),
      sql<number>`count(*) FILTER (WHERE flags <> '{}')::int`.as("flagged"),
      sql<number>`count(*) FILTER (WHERE is_excluded)::int`.as("excluded"),
    ])
    .where("campaign_id", "=", campaignId)
    .groupBy("unit_id")
    .execute();
}
