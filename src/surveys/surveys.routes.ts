import type { FastifyRequest } from "fastify";
import type { UserActor } from "../auth/actor.ts";
import type { Executor } from "../db/index.ts";
import { currentUser, requireSession } from "../http/session.ts";
import type { App, AppDeps } from "../http/types.ts";
import { createCampaign, getCampaign, getFieldsOfWork, listCampaigns, listTemplates, publishCampaign, listEvaluatedUnits, withUnitAccess, type Campaign } from "./surveys.campaigns.service.ts";
import { issueCodes } from "./surveys.codes.service.ts";
import { qrSvg, surveyLinkFor } from "./surveys.documents.service.ts";
import { getCampaignEditState, updateCampaign } from "./surveys.edit.service.ts";
import { decideOnResponse, listFlagged } from "./surveys.flags.service.ts";
import { presentCampaign, presentCampaignSummary } from "./surveys.presenter.ts";
import {
  CampaignListResponse,
  CampaignParams,
  CampaignResponse,
  CampaignUnitParams,
  CreateCampaignBody,
  DecisionBody,
  DecisionResponse,
  FieldsOfWorkResponse,
  FlaggedListResponse,
  IssueCodesBody,
  IssueCodesResponse,
  ResponseParams,
  TemplateListResponse,
  UpdateCampaignBody,
} from "./surveys.schemas.ts";

/** The origin citizens reach: PUBLIC_URL, or the request's own origin when none is configured. */
export function publicBaseUrl(request: FastifyRequest, configured: string | undefined): string {
  return configured ?? `${request.protocol}://${request.host}`;
}

/** A campaign as the console shows it to `actor`, with its units' links and access, and what an edit may change. */
async function presentForConsole(db: Executor, actor: UserActor, campaign: Campaign, baseUrl: string) {
  const units = await withUnitAccess({ db, actor, units: await listEvaluatedUnits({ db, campaignId: campaign.id }) });
  return presentCampaign(campaign, units, baseUrl, await getCampaignEditState({ db, campaign }));
}

/** The console's survey endpoints: templates, campaigns, one-time codes, publication, flags and decisions. */
export function registerSurveyRoutes(app: App, { db, config }: AppDeps) {
  const preHandler = requireSession(db);
  const tags = ["surveys"];

  app.get("/api/surveys/templates", { preHandler, schema: { tags, response: { 200: TemplateListResponse } } }, async () => ({
    items: [...listTemplates()],
  }));

  app.get("/api/surveys/fields-of-work", { preHandler, schema: { tags, response: { 200: FieldsOfWorkResponse } } }, async () => ({
    items: await getFieldsOfWork({ db }),
  }));

  app.get("/api/surveys/campaigns", { preHandler, schema: { tags, response: { 200: CampaignListResponse } } }, async (request) => ({
    items: (await listCampaigns({ db, actor: currentUser(request) })).map(presentCampaignSummary),
  }));

  app.post(
    "/api/surveys/campaigns",
    { preHandler, schema: { tags, body: CreateCampaignBody, response: { 201: CampaignResponse } } },
    async (request, reply) => {
      const campaign = await createCampaign({ db, actor: currentUser(request), input: request.body });
      return reply.status(201).send(await presentForConsole(db, currentUser(request), campaign, publicBaseUrl(request, config.publicUrl)));
    },
  );

  app.get(
    "/api/surveys/campaigns/:campaignId",
    { preHandler, schema: { tags, params: CampaignParams, response: { 200: CampaignResponse } } },
    async (request) => {
      const { campaign } = await getCampaign({ db, actor: currentUser(request), campaignId: request.params.campaignId });
      return presentForConsole(db, currentUser(request), campaign, publicBaseUrl(request, config.publicUrl));
    },
  );

  app.patch(
    "/api/surveys/campaigns/:campaignId",
    { preHandler, schema: { tags, params: CampaignParams, body: UpdateCampaignBody, response: { 200: CampaignResponse } } },
    async (request) => {
      const campaign = await updateCampaign({ db, actor: currentUser(request), campaignId: request.params.campaignId, patch: request.body });
      return presentForConsole(db, currentUser(request), campaign, publicBaseUrl(request, config.publicUrl));
    },
  );

  app.post(
    "/api/surveys/campaigns/:campaignId/publish",
    { preHandler, schema: { tags, params: CampaignParams, response: { 200: CampaignResponse } } },
    async (request) => {
      const campaign = await publishCampaign({ db, actor: currentUser(request), campaignId: request.params.campaignId });
      return presentForConsole(db, currentUser(request), campaign, publicBaseUrl(request, config.publicUrl));
    },
  );

  app.post(
    "/api/surveys/campaigns/:campaignId/units/:unitId/codes",
    { preHandler, schema: { tags, params: CampaignUnitParams, body: IssueCodesBody, response: { 201: IssueCodesResponse } } },
    async (request, reply) => {
      const { campaignId, unitId } = request.params;
      const codes = await issueCodes({ db, actor: currentUser(request), campaignId, unitId, count: request.body.count });
      return reply.status(201).header("cache-control", "no-store").send({ codes });
    },
  );

  app.get(
    "/api/surveys/campaigns/:campaignId/units/:unitId/qr.svg",
    { preHandler, schema: { tags, params: CampaignUnitParams } },
    async (request, reply) => {
      const { campaignId, unitId } = request.params;
      const link = await surveyLinkFor({ db, actor: currentUser(request), campaignId, unitId, baseUrl: publicBaseUrl(request, config.publicUrl) });
      return reply.header("content-type", "image/svg+xml").header("cache-control", "private, max-age=3600").send(await qrSvg(link.url));
    },
  );

  app.get(
    "/api/surveys/campaigns/:campaignId/flags",
    { preHandler, schema: { tags, params: CampaignParams, response: { 200: FlaggedListResponse } } },
    async (request) => {
      const items = await listFlagged({ db, actor: currentUser(request), campaignId: request.params.campaignId });
      return { items: items.map((i) => ({ ...i, submittedAt: i.submittedAt.toISOString() })) };
    },
  );

  app.post(
    "/api/surveys/responses/:responseId/decision",
    { preHandler, schema: { tags, params: ResponseParams, body: DecisionBody, response: { 200: DecisionResponse } } },
    async (request) =>
      decideOnResponse({ db, actor: currentUser(request), responseId: request.params.responseId, ...request.body }),
  );
}
