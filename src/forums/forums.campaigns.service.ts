import type { UserActor } from "../auth/actor.ts";
import type { Executor } from "../db/index.ts";
import {
  createForumCampaign,
  findOpenForumSurvey,
  findPrintableForumSurvey,
  linkForumCampaign,
  listForumCampaigns,
  listLinkableCampaigns,
  mayLinkForumCampaign,
  type ForumFacts,
} from "../surveys/surveys.forums.service.ts";
import { computeDashboard } from "../satisfaction/satisfaction.dashboard.service.ts";
import { getSettings } from "../satisfaction/satisfaction.settings.service.ts";
import type { Campaign } from "../surveys/surveys.campaigns.service.ts";
import { dayInVietnam } from "../text/dates.ts";
import type { ForumRecord } from "./forums.queries.ts";
import type { ForumCampaignsResponse, PublicForumPageResponse } from "./forums.schemas.ts";
import { loadForumInScope, loadPublicForum, presentPublicForum } from "./forums.service.ts";

/* A forum's satisfaction campaigns (the surveys domain keeps them; the link is the campaign's forum). */

/** What the surveys domain is told of a forum. */
export function forumFacts(forum: ForumRecord): ForumFacts {
  return { id: forum.id, organisingUnitId: forum.unit_id, title: forum.title, day: dayInVietnam(forum.starts_at) };
}

/** The organising unit's satisfaction figure in a campaign, over its whole period: rate null below the minimum n. */
async function satisfactionOf(db: Executor, campaign: Campaign, unitId: string) {
  const [dashboard, settings] = await Promise.all([computeDashboard({ db, campaign, rootUnitId: unitId }), getSettings({ db })]);
  const f = dashboard.overall.instances;
  return { n: f.n, responses: dashboard.overall.responses, rate: f.rate, low: f.low, high: f.high, minN: settings.minN };
}

/** The linked campaigns of a forum the actor may read, and the ones a leader of the organising unit may link. */
export async function getForumCampaigns({ db, actor, forumId }: { db: Executor; actor: UserActor; forumId: string }): Promise<ForumCampaignsResponse> {
  const { forum } = await loadForumInScope(db, actor, forumId);
  const facts = forumFacts(forum);
  const linked = await listForumCampaigns({ db, forum: facts });
  const linkable = await listLinkableCampaigns({ db, actor, forum: facts });
  const figures = await Promise.all(linked.map((l) => (l.evaluatesOrganiser ? satisfactionOf(db, l.campaign, forum.unit_id) : null)));
  return {
    items: linked.map((l, i) => ({
      id: l.campaign.id,
      title: l.campaign.title,
      startsOn: l.campaign.startsOn,
      endsOn: l.campaign.endsOn,
      isOpen: l.isOpen,
      surveyPath: l.surveyPath,
      satisfaction: figures[i] ?? null,
    })),
    canLink: mayLinkForumCampaign(actor, facts),
    linkable: linkable.map((c) => ({ id: c.id, title: c.title, startsOn: c.startsOn, endsOn: c.endsOn })),
  };
}

/** Links an existing campaign of the organising unit to the forum, or creates the forum's campaign (no `campaignId`). */
export async function linkCampaignToForum({
  db,
  actor,
  forumId,
  campaignId,
}: {
  db: Executor;
  actor: UserActor;
  forumId: string;
  campaignId: string | undefined;
}): Promise<ForumCampaignsResponse> {
  const { forum } = await loadForumInScope(db, actor, forumId);
  const facts = forumFacts(forum);
  if (campaignId) await linkForumCampaign({ db, actor, forum: facts, campaignId });
  else await createForumCampaign({ db, actor, forum: facts });
  return getForumCampaigns({ db, actor, forumId });
}

/** A forum's public page: the forum and, while a linked campaign takes responses, the organising unit's survey. */
export async function getPublicForumPage({ db, forumId }: { db: Executor; forumId: string }): Promise<PublicForumPageResponse> {
  const forum = await loadPublicForum(db, forumId);
  const survey = await findOpenForumSurvey({ db, forum: forumFacts(forum) });
  return { ...presentPublicForum(forum), satisfactionSurvey: survey && { title: survey.title, path: survey.path, endsOn: survey.endsOn } };
}

/** The organising unit's survey in the first linked campaign evaluating it, for the poster (or null). */
export async function printableForumSurvey(db: Executor, forum: ForumRecord) {
  return findPrintableForumSurvey({ db, forum: forumFacts(forum) });
}

/**
 * The sentence the minutes give on the satisfaction of the organising unit in the first linked campaign
 * evaluating it: the rate with n and its 95% interval once n reaches the minimum, else only n (suppressed).
 */
export async function forumSatisfactionSentence(db: Executor, forum: ForumRecord): Promise<string | null> {
  const linked = (await listForumCampaigns({ db, forum: forumFacts(forum) })).find((l) => l.evaluatesOrganiser);
  if (!linked) return null;
  const s = await satisfactionOf(db, linked.campaign, forum.unit_id);
  const pct = (value: number) => `${value.toFixed(1).replace(".", ",")}%`;
  const head = `Khảo sát sự hài lòng (${linked.campaign.title}): `;
  if (s.rate === null || s.low === null || s.high === null) {
    return `${head}${s.responses} phiếu, ${s.n} lượt đánh giá — chưa đủ số lượt tối thiểu (${s.minN}) để công bố tỷ lệ hài lòng.`;
  }
  return `${head}${pct(s.rate)} hài lòng trên ${s.n} lượt đánh giá của ${s.responses} phiếu (khoảng tin cậy 95%: ${pct(s.low)} – ${pct(s.high)}).`;
}
