import { currentUser, requireSession } from "../http/session.ts";
import type { App, AppDeps } from "../http/types.ts";
import { AppError } from "../http/errors.ts";
import {
  presentOpinionDetail,
  presentOpinionList,
  presentPublicOpinion,
  presentReceipt,
} from "./opinions.presenter.ts";
import {
  AnswerResponse,
  ContactResponse,
  CreateAnswerBody,
  CreateOpinionBody,
  OpinionDetailResponse,
  OpinionIdParams,
  OpinionListQuery,
  OpinionListResponse,
  OpinionReceiptResponse,
  PublicOpinionResponse,
  TrackingCodeParams,
} from "./opinions.schemas.ts";
import {
  answerOpinion,
  getOpinion,
  getOpinionByTrackingCode,
  listOpinions,
  revealOpinionContact,
  submitOpinion,
} from "./opinions.service.ts";

const rateLimited = (max: number) => ({
  rateLimit: {
    max,
    timeWindow: 60_000,
    errorResponseBuilder: (_request: unknown, context: { ttl: number }) =>
      new AppError(429, "request.rate_limited", { params: { seconds: Math.ceil(context.ttl / 1000) } }),
  },
});

/** The citizen's endpoints: send an opinion, follow it by tracking code. */
export function registerPublicOpinionRoutes(app: App, { db, keys, config }: AppDeps) {
  app.post(
    "/api/public/opinions",
    {
      config: rateLimited(config.publicRateLimitPerMinute),
      schema: { tags: ["public"], body: CreateOpinionBody, response: { 201: OpinionReceiptResponse } },
    },
    async (request, reply) => {
      const receipt = await submitOpinion({ db, keys, actor: request.actor, input: request.body, ip: request.ip });
      return reply.status(201).send(presentReceipt(receipt));
    },
  );

  app.get(
    "/api/public/opinions/:trackingCode",
    {
      config: rateLimited(config.publicRateLimitPerMinute * 4),
      schema: { tags: ["public"], params: TrackingCodeParams, response: { 200: PublicOpinionResponse } },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return presentPublicOpinion(await getOpinionByTrackingCode({ db, trackingCode: request.params.trackingCode }));
    },
  );
}

/** The officer console's endpoints, scoped to the user's unit subtree. */
export function registerOpinionRoutes(app: App, { db, keys }: AppDeps) {
  const preHandler = requireSession(db);

  app.get(
    "/api/opinions",
    { preHandler, schema: { tags: ["opinions"], querystring: OpinionListQuery, response: { 200: OpinionListResponse } } },
    async (request) => presentOpinionList(await listOpinions({ db, actor: currentUser(request), query: request.query })),
  );

  app.get(
    "/api/opinions/:id",
    { preHandler, schema: { tags: ["opinions"], params: OpinionIdParams, response: { 200: OpinionDetailResponse } } },
    async (request) =>
      presentOpinionDetail(await getOpinion({ db, actor: currentUser(request), opinionId: request.params.id })),
  );

  app.get(
    "/api/opinions/:id/contact",
    { preHandler, schema: { tags: ["opinions"], params: OpinionIdParams, response: { 200: ContactResponse } } },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return revealOpinionContact({ db, keys, actor: currentUser(request), opinionId: request.params.id, ip: request.ip });
    },
  );

  app.post(
    "/api/opinions/:id/answers",
    {
      preHandler,
      schema: { tags: ["opinions"], params: OpinionIdParams, body: CreateAnswerBody, response: { 201: AnswerResponse } },
    },
    async (request, reply) => {
      const answer = await answerOpinion({
        db,
        actor: currentUser(request),
        opinionId: request.params.id,
        content: request.body.content,
        ip: request.ip,
      });
      return reply.status(201).send({ ...answer, createdAt: answer.createdAt.toISOString() });
    },
  );
}
