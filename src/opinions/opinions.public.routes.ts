import { z } from "zod";
import { ensureDeviceCookie, perDeviceLimit } from "../http/device.ts";
import { requestLanguage } from "../http/language.ts";
import { publicRateLimit } from "../http/rate-limit.ts";
import type { App, AppDeps } from "../http/types.ts";
import { rateOpinion, reopenOpinion } from "./opinions.feedback.service.ts";
import { submitOpinion } from "./opinions.intake.service.ts";
import { getUnitPublicSummary, listPublishedOpinionsOfUnit } from "./opinions.publication.service.ts";
import {
  presentPublicOpinion,
  presentPublicSummary,
  presentPublishedOpinions,
  presentReceipt,
} from "./opinions.presenter.ts";
import {
  CreateOpinionBody,
  OpinionReceiptResponse,
  PublicOpinionResponse,
  PublicSummaryQuery,
  PublicSummaryResponse,
  PublicUnitParams,
  PublishedOpinionsQuery,
  PublishedOpinionsResponse,
  RatingBody,
  ReopenBody,
  TrackingCodeParams,
} from "./opinions.schemas.ts";
import { getOpinionByTrackingCode, listTopicChoices } from "./opinions.service.ts";
import { OPINION_STATUSES } from "./opinions.workflow.ts";

/** Per-address limit on a public endpoint, answered in the error contract. */
export const rateLimited = publicRateLimit;

const StatusResponse = z.object({ status: z.enum(OPINION_STATUSES) });
const TopicListResponse = z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })) });

/** The citizen's endpoints: send an opinion, follow it by tracking code, rate the answer or reopen it. */
export function registerPublicOpinionRoutes(app: App, { db, keys, config }: AppDeps) {
  const limit = config.publicRateLimitPerMinute;
  const deviceLimit = () => perDeviceLimit(app, config.publicRateLimitPerDevicePerMinute);

  app.post(
    "/api/public/opinions",
    {
      config: rateLimited(limit),
      onRequest: deviceLimit(),
      schema: { tags: ["public"], body: CreateOpinionBody, response: { 201: OpinionReceiptResponse } },
    },
    async (request, reply) => {
      ensureDeviceCookie(request, reply);
      const receipt = await submitOpinion({ db, keys, actor: request.actor, input: request.body, ip: request.ip });
      return reply.status(201).send(presentReceipt(receipt));
    },
  );

  app.get(
    "/api/public/opinions/:trackingCode",
    {
      config: rateLimited(limit * 4),
      schema: { tags: ["public"], params: TrackingCodeParams, response: { 200: PublicOpinionResponse } },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return presentPublicOpinion(await getOpinionByTrackingCode({ db, trackingCode: request.params.trackingCode }));
    },
  );

  app.post(
    "/api/public/opinions/:trackingCode/rating",
    {
      config: rateLimited(limit),
      onRequest: deviceLimit(),
      schema: { tags: ["public"], params: TrackingCodeParams, body: RatingBody, response: { 200: StatusResponse } },
    },
    async (request) => rateOpinion({ db, trackingCode: request.params.trackingCode, rating: request.body }),
  );

  app.post(
    "/api/public/opinions/:trackingCode/reopen",
    {
      config: rateLimited(limit),
      onRequest: deviceLimit(),
      schema: { tags: ["public"], params: TrackingCodeParams, body: ReopenBody, response: { 200: StatusResponse } },
    },
    async (request) => reopenOpinion({ db, trackingCode: request.params.trackingCode, reason: request.body.reason }),
  );

  app.get(
    "/api/public/topics",
    { schema: { tags: ["public"], response: { 200: TopicListResponse } } },
    async (request) => ({ items: await listTopicChoices({ db, lang: requestLanguage(request) }) }),
  );

  app.get(
    "/api/public/units/:unitId/summary",
    {
      config: rateLimited(limit * 4),
      schema: { tags: ["public"], params: PublicUnitParams, querystring: PublicSummaryQuery, response: { 200: PublicSummaryResponse } },
    },
    async (request, reply) => {
      reply.header("cache-control", "public, max-age=60");
      const { from, to } = request.query;
      return presentPublicSummary(await getUnitPublicSummary({ db, unitId: request.params.unitId, from, to }));
    },
  );

  app.get(
    "/api/public/units/:unitId/opinions",
    {
      config: rateLimited(limit * 4),
      schema: {
        tags: ["public"],
        params: PublicUnitParams,
        querystring: PublishedOpinionsQuery,
        response: { 200: PublishedOpinionsResponse },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "public, max-age=60");
      return presentPublishedOpinions(
        await listPublishedOpinionsOfUnit({ db, unitId: request.params.unitId, cursor: request.query.cursor }),
      );
    },
  );
}
