import type { UserActor } from "../auth/actor.ts";
import { recordAudit } from "../audit/audit.service.ts";
import type { Executor } from "../db/index.ts";
import { AppError, conflict, forbidden, unprocessable } from "../http/errors.ts";
import { dayInVietnam, formatDate, startOfDayInVietnam, todayInVietnam } from "../text/dates.ts";
import { createCampaign, isCampaignOpen, listEvaluatedUnits, requireCampaign, type Campaign } from "./surveys.campaigns.service.ts";
import { canLinkForumCampaign } from "./surveys.policy.ts";
import { surveyPath } from "./surveys.presenter.ts";
import { listCampaignsOfForum, listCampaignsTouching, setCampaignForum } from "./surveys.queries.ts";

/*
 * A forum's satisfaction campaign (DOMAIN.md §1, step 5 of a forum: questionnaires are handed out). The
 * forums domain passes what it knows of the forum; the link is the campaign's `forum_id`.
 */

/** What the surveys domain needs to know of a forum. */
export interface ForumFacts {
  id: string;
  organisingUnitId: string;
  title: string;
  /** The forum's day in Vietnam, yyyy-mm-dd. */
  day: string;
}

/** How many days after the forum a campaign created from it keeps taking responses (late paper forms). */
export const FORUM_CAMPAIGN_DAYS = 7;

/** A linked campaign as the forum's console shows it. */
export interface ForumCampaign {
  campaign: Campaign;
  /** Whether it evaluates the organising unit (then it has a survey for it). */
  evaluatesOrganiser: boolean;
  isOpen: boolean;
  /** The survey of the organising unit, when evaluated: `/s/:campaignId/:unitId`. */
  surveyPath: string | null;
}

/** The campaigns linked to a forum, oldest first, each with the organising unit's survey. */
export async function listForumCampaigns({ db, forum }: { db: Executor; forum: Pick<ForumFacts, "id" | "organisingUnitId"> }) {
  const rows = await listCampaignsOfForum(db, forum.id);
  return Promise.all(
    rows.map(async (row): Promise<ForumCampaign> => {
      const campaign = await requireCampaign({ db, campaignId: row.id });
      const evaluatesOrganiser = (await listEvaluatedUnits({ db, campaignId: row.id })).some((u) => u.unitId === forum.organisingUnitId);
      return {
        campaign,
        evaluatesOrganiser,
        isOpen: isCampaignOpen(campaign),
        surveyPath: evaluatesOrganiser ? surveyPath(campaign.id, forum.organisingUnitId) : null,
      };
    }),
  );
}

/** The survey a forum's public page offers: the organising unit's, in the first linked campaign taking responses now. */
export async function findOpenForumSurvey({ db, forum }: { db: Executor; forum: Pick<ForumFacts, "id" | "organisingUnitId"> }) {
  const linked = await listForumCampaigns({ db, forum });
  const open = linked.find((l) => l.isOpen && l.surveyPath !== null);
  return open ? { campaignId: open.campaign.id, title: open.campaign.title, path: open.surveyPath as string, endsOn: open.campaign.endsOn } : null;
}

/** The organising unit's survey in the first linked campaign evaluating it (open or not), for printing. */
export async function findPrintableForumSurvey({ db, forum }: { db: Executor; forum: Pick<ForumFacts, "id" | "organisingUnitId"> }) {
  const linked = await listForumCampaigns({ db, forum });
  const first = linked.find((l) => l.surveyPath !== null);
  return first ? { campaignId: first.campaign.id, title: first.campaign.title, path: first.surveyPath as string } : null;
}

/**
 * Links an existing campaign to a forum: a campaign of the organising unit (403 otherwise) that evaluates it
 * (422) and whose period covers the forum's day (422), not linked to another forum (409). Audited.
 */
export async function linkForumCampaign({ db, actor, forum, campaignId }: { db: Executor; actor: UserActor; forum: ForumFacts; campaignId: string }) {
  if (!canLinkForumCampaign(actor, forum)) throw forbidden("survey.forum_link_forbidden");
  const campaign = await requireCampaign({ db, campaignId });
  if (campaign.evaluatingUnitId !== forum.organisingUnitId) throw forbidden("survey.forum_link_other_unit");
  if (!(await listEvaluatedUnits({ db, campaignId })).some((u) => u.unitId === forum.organisingUnitId)) {
    throw unprocessable("survey.forum_link_unit_not_evaluated", "campaignId");
  }
  if (!isCampaignOpen(campaign, forum.day)) {
    const show = (day: string) => formatDate(startOfDayInVietnam(day));
    throw new AppError(422, "survey.forum_link_period", {
      field: "campaignId",
      params: { startsOn: show(campaign.startsOn), endsOn: show(campaign.endsOn), day: show(forum.day) },
    });
  }
  await db.transaction().execute(async (trx) => {
    if (!(await setCampaignForum(trx, campaignId, forum.id))) throw conflict("survey.forum_link_taken");
    await recordAudit({ db: trx, actor, action: "survey.campaign.link_forum", entityType: "survey_campaign", entityId: campaignId, details: { forumId: forum.id } });
  });
  return requireCampaign({ db, campaignId });
}

/**
 * Creates the forum's campaign in one step: the organising unit evaluates itself with the 3104 content
 * groups (population perception: the people of the area who came), from the forum's day for
 * FORUM_CAMPAIGN_DAYS more days, answered on phones at the forum, by QR code or on paper. Audited.
 */
export async function createForumCampaign({ db, actor, forum }: { db: Executor; actor: UserActor; forum: ForumFacts }) {
  if (!canLinkForumCampaign(actor, forum)) throw forbidden("survey.forum_link_forbidden");
  const start = forum.day < todayInVietnam() ? todayInVietnam() : forum.day;
  const endsOn = dayInVietnam(startOfDayInVietnam(start, FORUM_CAMPAIGN_DAYS));
  return createCampaign({
    db,
    actor,
    input: {
      title: `Đánh giá sự hài lòng — ${forum.title}`,
      family: "perception",
      templateCode: "cand-3104",
      channels: ["forum", "qr", "paper"],
      startsOn: forum.day,
      endsOn,
      units: [{ unitId: forum.organisingUnitId }],
      forumId: forum.id,
    },
  });
}

/** The organising unit's campaigns that could be linked to the forum: evaluating it, covering its day, linked to no forum. */
export async function listLinkableCampaigns({ db, actor, forum }: { db: Executor; actor: UserActor; forum: ForumFacts }) {
  if (!canLinkForumCampaign(actor, forum)) return [];
  const rows = await listCampaignsTouching(db, [forum.organisingUnitId]);
  const candidates = rows.filter((r) => r.evaluating_unit_id === forum.organisingUnitId && r.forum_id === null);
  const linkable: Campaign[] = [];
  for (const row of candidates) {
    const campaign = await requireCampaign({ db, campaignId: row.id });
    if (!isCampaignOpen(campaign, forum.day)) continue;
    if ((await listEvaluatedUnits({ db, campaignId: row.id })).some((u) => u.unitId === forum.organisingUnitId)) linkable.push(campaign);
  }
  return linkable;
}

/** Whether the actor may link or create the forum's campaign (a leader or admin of the organising unit). */
export function mayLinkForumCampaign(actor: UserActor, forum: Pick<ForumFacts, "organisingUnitId">): boolean {
  return canLinkForumCampaign(actor, forum);
}
