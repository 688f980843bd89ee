import QRCode from "qrcode";
import type { UserActor } from "../auth/actor.ts";
import type { Executor } from "../db/index.ts";
import { notFound } from "../http/errors.ts";
import { issuingUnitOf } from "../reports/reports.service.ts";
import { getCampaign, listEvaluatedUnits, requireEvaluatedUnit } from "./surveys.campaigns.service.ts";
import { issueCodes } from "./surveys.codes.service.ts";
import { codesSheetDocx, paperFormDocx, posterDocx } from "./surveys.paper-form.ts";
import { paperTemplateXlsx } from "./surveys.paper-import.ts";
import { canReadEvaluatedUnit } from "./surveys.policy.ts";
import { surveyPath } from "./surveys.presenter.ts";

/** The survey link of an evaluated unit of the user's subtree, as printed on posters (`?via=qr` counts the channel). */
export async function surveyLinkFor({
  db,
  actor,
  campaignId,
  unitId,
  baseUrl,
}: {
  db: Executor;
  actor: UserActor;
  campaignId: string;
  unitId: string;
  baseUrl: string;
}) {
  const campaign = await requireEvaluatedUnit({ db, actor, campaignId, unitId, may: canReadEvaluatedUnit });
  const unit = (await listEvaluatedUnits({ db, campaignId })).find((u) => u.unitId === unitId);
  if (!unit) throw notFound("survey.unit_not_evaluated", "unitId");
  return { campaign, unit, url: `${baseUrl}${surveyPath(campaignId, unitId)}?via=qr` };
}

/** A QR code of `url` as an SVG document. */
export async function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

type DocumentArgs = { db: Executor; actor: UserActor; campaignId: string; unitId: string; baseUrl: string };

async function documentFor(args: DocumentArgs, build: typeof paperFormDocx | typeof posterDocx) {
  const link = await surveyLinkFor(args);
  const { issuer } = await issuingUnitOf({ db: args.db, unitId: link.campaign.evaluatingUnitId });
  return build({ campaign: link.campaign, unitName: link.unit.name, issuer, url: link.url });
}

/** The printable paper form (DOCX) of an evaluated unit. */
export function paperFormFor(args: DocumentArgs) {
  return documentFor(args, paperFormDocx);
}

/** The QR poster (DOCX) of an evaluated unit. */
export function posterFor(args: DocumentArgs) {
  return documentFor(args, posterDocx);
}

/**
 * Issues `count` one-time codes and returns them as a printable DOCX sheet, in the same request: the codes
 * are stored hashed, so this is the only moment they exist in plain text. Issuing checks access first (the
 * right to enter the unit's data, which includes reading its documents), before any code is created.
 */
export async function issueCodesSheet(args: DocumentArgs & { count: number }) {
  const codes = await issueCodes({ db: args.db, actor: args.actor, campaignId: args.campaignId, unitId: args.unitId, count: args.count });
  const link = await surveyLinkFor(args);
  const { issuer } = await issuingUnitOf({ db: args.db, unitId: link.campaign.evaluatingUnitId });
  return codesSheetDocx({ campaign: link.campaign, unitName: link.unit.name, issuer, url: link.url, codes });
}

/** The XLSX sheet to fill with paper forms for import. */
export async function paperTemplateFor(args: { db: Executor; actor: UserActor; campaignId: string }) {
  const { campaign } = await getCampaign(args);
  return paperTemplateXlsx(campaign.questions);
}
