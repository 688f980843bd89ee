import { sql } from "kysely";
import type { Executor } from "../db/index.ts";

/** Locks a campaign's row for an edit (two edits of one campaign take turns); whether it exists. */
export async function lockCampaignById(db: Executor, id: string) {
  return (await db.selectFrom("survey_campaigns").select("id").where("id", "=", id).forUpdate().executeTakeFirst()) !== undefined;
}

/** The latest day a stored response of the campaign was answered (excluded ones too), or null without any. */
export async function findLastAnsweredOn(db: Executor, campaignId: string): Promise<string | null> {
  const row = await db
    .selectFrom("survey_responses")
    .select(sql<string | null>`max(answered_on)::text`.as("day"))
    .where("campaign_id", "=", campaignId)
    .executeTakeFirst();
  return row?.day ?? null;
}

/** The values of a campaign that an edit changes (absent ones stay). */
export interface CampaignRowChanges {
  title?: string;
  startsOn?: string;
  endsOn?: string;
  channels?: string[];
  questions?: unknown[];
  attributes?: string[];
}

/** Writes the changed values of a campaign. */
export async function updateCampaignRow(db: Executor, id: string, c: CampaignRowChanges) {
  const values = {
    ...(c.title !== undefined && { title: c.title }),
    ...(c.startsOn !== undefined && { starts_on: c.startsOn }),
    ...(c.endsOn !== undefined && { ends_on: c.endsOn }),
    ...(c.channels !== undefined && { channels: c.channels }),
    ...(c.questions !== undefined && { questions: JSON.stringify(c.questions) }),
    ...(c.attributes !== undefined && { attributes: c.attributes }),
  };
  if (Object.keys(values).length === 0) return;
  await db.updateTable("survey_campaigns").set(values).where("id", "=", id).execute();
}

/** Adds evaluated units to a campaign. */
export async function insertCampaignUnits(db: Executor, campaignId: string, units: readonly { unitId: string; quota: number | null; fieldCode: string | null }[]) {
  if (units.length === 0) return;
  await db
    .insertInto("survey_campaign_units")
    .values(units.map((u) => ({ campaign_id: campaignId, unit_id: u.unitId, quota: u.quota, field_code: u.fieldCode })))
    .execute();
}

/** Removes evaluated units from a campaign. */
export async function deleteCampaignUnits(db: Executor, campaignId: string, unitIds: readonly string[]) {
  if (unitIds.length === 0) return;
  await db.deleteFrom("survey_campaign_units").where("campaign_id", "=", campaignId).where("unit_id", "in", unitIds).execute();
}

/** Sets an evaluated unit's quota and field of work. */
export async function updateCampaignUnit(db: Executor, campaignId: string, u: { unitId: string; quota: number | null; fieldCode: string | null }) {
  await db
    .updateTable("survey_campaign_units")
    .set({ quota: u.quota, field_code: u.fieldCode })
    .where("campaign_id", "=", campaignId)
    .where("unit_id", "=", u.unitId)
    .execute();
}
