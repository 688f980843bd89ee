import { randomInt } from "node:crypto";
import type { UserActor } from "../auth/actor.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { hashToken } from "../crypto/keys.ts";
import type { Executor } from "../db/index.ts";
import { requireEvaluatedUnit } from "./surveys.campaigns.service.ts";
import { canEnterSurveyData } from "./surveys.policy.ts";
import { countCodesByUnit, insertCodes } from "./surveys.queries.ts";

// No 0/O, 1/I/L: codes are read off a receipt and typed on a phone.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const CODE_LENGTH = 8;

/** A code as typed, in its canonical form: upper case, without spaces or dashes. */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, "");
}

/** A new random one-time code, grouped for reading: "ABCD-EF23". */
export function newCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * Issues a batch of one-time codes for an evaluated unit of a contact survey: the plain codes are returned
 * once (to print on receipts) and only their hashes are kept. Audited with the count.
 */
export async function issueCodes({
  db,
  actor,
  campaignId,
  unitId,
  count,
}: {
  db: Executor;
  actor: UserActor;
  campaignId: string;
  unitId: string;
  count: number;
}): Promise<string[]> {
  await requireEvaluatedUnit({ db, actor, campaignId, unitId, may: canEnterSurveyData });
  const codes = Array.from({ length: count }, newCode);
  await db.transaction().execute(async (trx) => {
    await insertCodes(trx, campaignId, unitId, codes.map((c) => hashCode(campaignId, normalizeCode(c))));
    await recordAudit({ db: trx, actor, action: "survey.codes.issue", entityType: "survey_campaign", entityId: campaignId, details: { unitId, count } });
  });
  return codes;
}

/** Codes issued and spent per evaluated unit. */
export async function countCodes({ db, campaignId, unitIds }: { db: Executor; campaignId: string; unitIds: readonly string[] }) {
  const rows = await countCodesByUnit(db, campaignId, unitIds);
  return new Map(rows.map((r) => [r.unit_id, { issued: r.issued, spent: r.spent }]));
}

/** The stored form of a one-time code: a hash bound to its campaign. */
export function hashCode(campaignId: string, code: string): string {
  return hashToken(`${campaignId}:${code}`);
}
