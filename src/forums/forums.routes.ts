import { z } from "zod";
import { currentUser, requireSession } from "../http/session.ts";
import type { App, AppDeps } from "../http/types.ts";
import { getForumCampaigns, linkCampaignToForum } from "./forums.campaigns.service.ts";
import { registerForumLiveRoutes } from "./forums.live.routes.ts";
import { openForumLive } from "./forums.screens.service.ts";
import { registerForumDocumentRoutes } from "./forums.documents.routes.ts";
import { publicBaseOf } from "./forums.public-base.ts";
import { registerForumReportRoutes } from "./forums.report.routes.ts";
import { registerPublicForumRoutes } from "./forums.public.routes.ts";
import { sseStreams } from "./forums.sse.ts";
import {
  CoverageResponse,
  CreateForumBody,
  ForumCampaignsResponse,
  ForumIdParams,
  ForumListQuery,
  ForumListResponse,
  ForumResponse,
  ForumStatsResponse,
  ForumStatusBody,
  LinkForumCampaignBody,
  PeriodQuery,
  UpdateForumBody,
} from "./forums.schemas.ts";
import { createForum, editForum, getForum, getForumCoverage, getForumStats, listForumPlan, moveForum } from "./forums.service.ts";
import { FORUM_STATUSES } from "./forums.workflow.ts";

/** Forums: the console's planning routes, the live session, documents and the public pages. */
export function registerForumRoutes(app: App, deps: AppDeps) {
  const { db } = deps;
  const live = openForumLive({ db, onError: (error) => app.log.error({ err: error }, "forum live update failed") });
  const preHandler = requireSession(db);
  const tags = ["forums"];

  app.get(
    "/api/forums",
    { preHandler, schema: { tags, querystring: ForumListQuery, response: { 200: ForumListResponse } } },
    async (request) =>
      listForumPlan({ db, actor: currentUser(request), ...request.query, publicBase: publicBaseOf(deps, request) }),
  );

  app.post(
    "/api/forums",
    { preHandler, schema: { tags, body: CreateForumBody, response: { 201: ForumResponse } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createForum({ db, actor: currentUser(request), input: request.body, publicBase: publicBaseOf(deps, request) })),
  );

  app.get(
    "/api/forums/coverage",
    { preHandler, schema: { tags, querystring: PeriodQuery, response: { 200: CoverageResponse } } },
    async (request) => getForumCoverage({ db, actor: currentUser(request), query: request.query }),
  );

  app.get(
    "/api/forums/stats",
    { preHandler, schema: { tags, querystring: PeriodQuery, response: { 200: ForumStatsResponse } } },
    async (request) => getForumStats({ db, actor: currentUser(request), query: request.query }),
  );

  app.get(
    "/api/forums/:id",
    { preHandler, schema: { tags, params: ForumIdParams, response: { 200: ForumResponse } } },
    async (request) => getForum({ db, actor: currentUser(request), forumId: request.params.id, publicBase: publicBaseOf(deps, request) }),
  );

  app.put(
    "/api/forums/:id",
    { preHandler, schema: { tags, params: ForumIdParams, body: UpdateForumBody, response: { 200: ForumResponse } } },
    async (request) =>
      editForum({
        db,
        actor: currentUser(request),
        forumId: request.params.id,
        input: request.body,
        publicBase: publicBaseOf(deps, request),
      }),
  );

  app.post(
    "/api/forums/:id/status",
    {
      preHandler,
      schema: { tags, params: ForumIdParams, body: ForumStatusBody, response: { 200: z.object({ status: z.enum(FORUM_STATUSES) }) } },
    },
    async (request) => {
      const status = await moveForum({ db, actor: currentUser(request), forumId: request.params.id, action: request.body.action });
      await live.changed(request.params.id);
      return { status };
    },
  );

  app.get(
    "/api/forums/:id/campaigns",
    { preHandler, schema: { tags, params: ForumIdParams, response: { 200: ForumCampaignsResponse } } },
    async (request) => getForumCampaigns({ db, actor: currentUser(request), forumId: request.params.id }),
  );

  app.post(
    "/api/forums/:id/campaigns",
    { preHandler, schema: { tags, params: ForumIdParams, body: LinkForumCampaignBody, response: { 201: ForumCampaignsResponse } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await linkCampaignToForum({ db, actor: currentUser(request), forumId: request.params.id, campaignId: request.body.campaignId })),
  );

  const context = { live, stream: sseStreams(app, live) };
  registerForumLiveRoutes(app, deps, context);
  registerForumDocumentRoutes(app, deps);
  registerForumReportRoutes(app, deps);
  registerPublicForumRoutes(app, deps, context);
}
