import { sql } from "kysely";
import type { Executor } from "../db/index.ts";
import { now } from "../calendar/clock.ts";

/** The values of a new campaign. */
export interface NewCampaignRow {
  evaluatingUnitId: string;
  title: string;
  family: "perception" | "contact" | "open";
  templateCode: string;
  templateVersion: number;
  elements: unknown[];
  questions: unknown[];
  attributes: string[];
  channels: string[];
  startsOn: string;
  endsOn: string;
  forumId: string | null;
  createdBy: string | null;
}

/** Inserts a campaign with its evaluated units; returns its id. */
export async function insertCampaign(db: Executor, c: NewCampaignRow, units: { unitId: string; quota: number | null; fieldCode: string | null }[]) {
  const row = await db
    .insertInto("survey_campaigns")
    .values({
      evaluating_unit_id: c.evaluatingUnitId,
      title: c.title,
      family: c.family,
      template_code: c.templateCode,
      template_version: c.templateVersion,
      elements: JSON.stringify(c.elements),
      questions: JSON.stringify(c.questions),
      attributes: c.attributes,
      channels: c.channels,
      starts_on: c.startsOn,
      ends_on: c.endsOn,
      forum_id: c.forumId,
      created_by: c.createdBy,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("survey_campaign_units")
    .values(units.map((u) => ({ campaign_id: row.id, unit_id: u.unitId, quota: u.quota, field_code: u.fieldCode })))
    .execute();
  return row.id;
}

/** One campaign row, or undefined. */
export async function findCampaignById(db: Executor, id: string) {
  return db.selectFrom("survey_campaigns").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The evaluated units of a campaign with their names and quotas. */
export async function listCampaignUnits(db: Executor, campaignId: string) {
  return db
    .selectFrom("survey_campaign_units as cu")
    .innerJoin("units as u", "u.id", "cu.unit_id")
    .select(["cu.unit_id", "cu.quota", "cu.field_code", "u.name"])
    .where("cu.campaign_id", "=", campaignId)
    .execute();
}

/** Whether `unitId` is evaluated by the campaign. */
export async function isCampaignUnit(db: Executor, campaignId: string, unitId: string) {
  const row = await db
    .selectFrom("survey_campaign_units")
    .select("unit_id")
    .where("campaign_id", "=", campaignId)
    .where("unit_id", "=", unitId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Campaigns evaluating or evaluated within a set of units, newest first. */
export async function listCampaignsTouching(db: Executor, unitIds: readonly string[]) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom("survey_campaigns as c")
    .selectAll("c")
    .where((eb) =>
      eb.or([
        eb("c.evaluating_unit_id", "in", unitIds),
        eb.exists(
          eb
            .selectFrom("survey_campaign_units as cu")
            .select("cu.unit_id")
            .whereRef("cu.campaign_id", "=", "c.id")
            .where("cu.unit_id", "in", unitIds),
        ),
      ]),
    )
    .orderBy("c.created_at", "desc")
    .limit(200)
    .execute();
}

/** Marks a campaign's results public. */
export async function setCampaignPublished(db: Executor, id: string) {
  await db.updateTable("survey_campaigns").set({ published_at: now() }).where("id", "=", id).execute();
}

/** Stores hashes of new one-time codes. */
export async function insertCodes(db: Executor, campaignId: string, unitId: string, hashes: readonly string[]) {
  if (hashes.length === 0) return;
  await db
    .insertInto("survey_codes")
    .values(hashes.map((h) => ({ code_hash: h, campaign_id: campaignId, unit_id: unitId })))
    .execute();
}

/** Spends a code if it is unspent and belongs to the campaign and unit; whether it was. */
export async function spendCode(db: Executor, { hash, campaignId, unitId }: { hash: string; campaignId: string; unitId: string }) {
  const row = await db
    .updateTable("survey_codes")
    .set({ is_spent: true })
    .where("code_hash", "=", hash)
    .where("campaign_id", "=", campaignId)
    .where("unit_id", "=", unitId)
    .where("is_spent", "=", false)
    .returning("code_hash")
    .executeTakeFirst();
  return row !== undefined;
}

/** Codes issued and spent per unit of a campaign, for some of its units. */
export async function countCodesByUnit(db: Executor, campaignId: string, unitIds: readonly string[]) {
  return db
    .selectFrom("survey_codes")
    .select([
      "unit_id",
      sql<number>`count(*)::int`.as("issued"),
      sql<number>`count(*) FILTER (WHERE is_spent)::int`.as("spent"),
    ])
    .where("campaign_id", "=", campaignId)
    .where("unit_id", "=", sql<string>`ANY(${[...unitIds]}::uuid[])`)
    .groupBy("unit_id")
    .execute();
}

/** Adds to a unit's paper-form counters (creating them). */
export async function addPaperCounts(db: Executor, c: { campaignId: string; unitId: string; issued: number; returned: number; valid: number }) {
  await db
    .insertInto("survey_paper_counts")
    .values({ campaign_id: c.campaignId, unit_id: c.unitId, issued: c.issued, returned: c.returned, valid: c.valid })
    .onConflict((oc) =>
      oc.columns(["campaign_id", "unit_id"]).doUpdateSet({
        issued: sql`survey_paper_counts.issued + excluded.issued`,
        returned: sql`survey_paper_counts.returned + excluded.returned`,
        valid: sql`survey_paper_counts.valid + excluded.valid`,
      }),
    )
    .execute();
}

/** Sets how many paper forms a unit issued and got back. */
export async function setPaperIssuedReturned(db: Executor, c: { campaignId: string; unitId: string; issued: number; returned: number }) {
  await db
    .insertInto("survey_paper_counts")
    .values({ campaign_id: c.campaignId, unit_id: c.unitId, issued: c.issued, returned: c.returned })
    .onConflict((oc) => oc.columns(["campaign_id", "unit_id"]).doUpdateSet({ issued: c.issued, returned: c.returned }))
    .execute();
}

/** Paper-form counters per unit of a campaign. */
export async function listPaperCounts(db: Executor, campaignId: string) {
  return db.selectFrom("survey_paper_counts").select(["unit_id", "issued", "returned", "valid"]).where("campaign_id", "=", campaignId).execute();
}

/** Gives a spent code back (its response could not be stored). */
export async function unspendCode(db: Executor, { hash, campaignId, unitId }: { hash: string; campaignId: string; unitId: string }) {
  await db
    .updateTable("survey_codes")
    .set({ is_spent: false })
    .where("code_hash", "=", hash)
    .where("campaign_id", "=", campaignId)
    .where("unit_id", "=", unitId)
    .execute();
}

/** The campaigns linked to a forum, oldest first. */
export async function listCampaignsOfForum(db: Executor, forumId: string) {
  return db.selectFrom("survey_campaigns").selectAll().where("forum_id", "=", forumId).orderBy("created_at").orderBy("id").execute();
}

/** Links a campaign to a forum unless it is linked to another one; whether it is now linked to `forumId`. */
export async function setCampaignForum(db: Executor, campaignId: string, forumId: string) {
  const row = await db
    .updateTable("survey_campaigns")
    .set({ forum_id: forumId })
    .where("id", "=", campaignId)
    .where((eb) => eb.or([eb("forum_id", "is", null), eb("forum_id", "=", forumId)]))
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

/** The fields of work, in their order. */
export async function listFieldsOfWork(db: Executor) {
  return db.selectFrom("fields_of_work").selectAll().orderBy("rank").execute();
}
