import QRCode from "qrcode";
import type { UserActor } from "../auth/actor.ts";
import type { Executor } from "../db/index.ts";
import { notFound } from "../http/errors.ts";
import { getCampaign } from "./surveys.campaigns.service.ts";
import { surveyPath } from "./surveys.presenter.ts";

/** The survey link of an evaluated unit the user may see, as printed on posters (`?via=qr` counts the channel). */
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
  const { campaign, units } = await getCampaign({ db, actor, campaignId });
  const unit = units.find((u) => u.unitId === unitId);
  if (!unit) throw notFound("survey.unit_not_evaluated", "unitId");
  return { campaign, unit, url: `${baseUrl}${surveyPath(campaignId, unitId)}?via=qr` };
}

/** A QR code of `url` as an SVG document. */
export async function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}
