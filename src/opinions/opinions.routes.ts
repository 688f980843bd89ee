import { z } from "zod";
import { requestLanguage } from "../http/language.ts";
import { translate } from "../http/messages.ts";
import { currentUser, requireSession } from "../http/session.ts";
import type { App, AppDeps } from "../http/types.ts";
import { enterOpinion } from "./opinions.intake.service.ts";
import { presentOpinionDetail, presentOpinionList, presentReceipt, presentSimilar } from "./opinions.presenter.ts";
import {
  AnswerIdParams,
  AnswerResponse,
  BulkStepBody,
  BulkStepResponse,
  ContactResponse,
  CreateAnswerBody,
  OpinionDetailResponse,
  OpinionIdParams,
  OpinionListQuery,
  OpinionListResponse,
  OpinionStepBody,
  ReturnAnswerBody,
  SimilarOpinionsResponse,
} from "./opinions.console.schemas.ts";
import { EnterOpinionBody, OpinionReceiptResponse } from "./opinions.schemas.ts";
import { getOpinion, listAssignees, listOpinions, listSimilar, revealOpinionContact } from "./opinions.service.ts";
import { reviewAnswer, submitAnswer } from "./opinions.answers.service.ts";
import { applyBulkStep, applyOpinionStep } from "./opinions.steps.service.ts";
import { OPINION_STATUSES } from "./opinions.workflow.ts";

const StatusResponse = z.object({ status: z.enum(OPINION_STATUSES) });
const AssigneeListResponse = z.object({
  items: z.array(z.object({ id: z.uuid(), displayName: z.string(), role: z.enum(["admin", "leader", "officer", "inspector"]) })),
});

/** The officer console's endpoints, scoped to the user's unit subtree. */
export function registerOpinionRoutes(app: App, { db, keys }: AppDeps) {
  const preHandler = requireSession(db);

  app.post(
    "/api/opinions",
    {
      preHandler,
      schema: {
        tags: ["opinions"],
        body: EnterOpinionBody,
        response: { 200: OpinionReceiptResponse, 201: OpinionReceiptResponse },
      },
    },
    async (request, reply) => {
      const receipt = await enterOpinion({ db, keys, actor: currentUser(request), input: request.body, ip: request.ip });
      return reply.status(receipt.replayed ? 200 : 201).send(presentReceipt(receipt));
    },
  );

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
    "/api/opinions/:id/assignees",
    { preHandler, schema: { tags: ["opinions"], params: OpinionIdParams, response: { 200: AssigneeListResponse } } },
    async (request) => ({ items: await listAssignees({ db, actor: currentUser(request), opinionId: request.params.id }) }),
  );

  app.get(
    "/api/opinions/:id/similar",
    { preHandler, schema: { tags: ["opinions"], params: OpinionIdParams, response: { 200: SimilarOpinionsResponse } } },
    async (request) => presentSimilar(await listSimilar({ db, actor: currentUser(request), opinionId: request.params.id })),
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
    "/api/opinions/:id/steps",
    {
      preHandler,
      schema: { tags: ["opinions"], params: OpinionIdParams, body: OpinionStepBody, response: { 200: StatusResponse } },
    },
    async (request) =>
      applyOpinionStep({ db, keys, actor: currentUser(request), opinionId: request.params.id, step: request.body, ip: request.ip }),
  );

  app.post(
    "/api/opinions/bulk-steps",
    { preHandler, schema: { tags: ["opinions"], body: BulkStepBody, response: { 200: BulkStepResponse } } },
    async (request) => {
      const lang = requestLanguage(request);
      const { ids, step } = request.body;
      const results = await applyBulkStep({ db, keys, actor: currentUser(request), ids, step, ip: request.ip });
      return {
        results: results.map(({ id, status, error }) =>
          error ? { id, error: { code: error.code, message: translate(error.code, lang, error.options.params) } } : { id, status },
        ),
      };
    },
  );

  app.post(
    "/api/opinions/:id/answers",
    {
      preHandler,
      schema: { tags: ["opinions"], params: OpinionIdParams, body: CreateAnswerBody, response: { 201: AnswerResponse } },
    },
    async (request, reply) => {
      const answer = await submitAnswer({
        db,
        keys,
        actor: currentUser(request),
        opinionId: request.params.id,
        content: request.body.content,
        ip: request.ip,
      });
      return reply.status(201).send({ ...answer, createdAt: answer.createdAt.toISOString() });
    },
  );

  app.post(
    "/api/opinions/:id/answers/:answerId/approve",
    { preHandler, schema: { tags: ["opinions"], params: AnswerIdParams, response: { 200: StatusResponse } } },
    async (request) =>
      reviewAnswer({
        db,
        keys,
        actor: currentUser(request),
        opinionId: request.params.id,
        answerId: request.params.answerId,
        decision: "approve",
        ip: request.ip,
      }),
  );

  app.post(
    "/api/opinions/:id/answers/:answerId/return",
    {
      preHandler,
      schema: { tags: ["opinions"], params: AnswerIdParams, body: ReturnAnswerBody, response: { 200: StatusResponse } },
    },
    async (request) =>
      reviewAnswer({
        db,
        keys,
        actor: currentUser(request),
        opinionId: request.params.id,
        answerId: request.params.answerId,
        decision: "return",
        comment: request.body.comment,
        ip: request.ip,
      }),
  );
}
