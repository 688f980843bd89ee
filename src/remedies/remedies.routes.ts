import { currentUser, requireSession } from "../http/session.ts";
import type { App, AppDeps } from "../http/types.ts";
import {
  CreateRemedialActionBody,
  RemedialActionListResponse,
  RemedialActionParams,
  RemedialActionResponse,
  RemedialStatusBody,
} from "./remedies.schemas.ts";
import { createRemedialAction, listRemedialActions, moveRemedialAction } from "./remedies.service.ts";

/** Remedial actions ("tự soi, tự sửa") of the opinions of the user's subtree. */
export function registerRemedyRoutes(app: App, { db }: AppDeps) {
  const preHandler = requireSession(db);

  app.get(
    "/api/opinions/:id/remedial-actions",
    { preHandler, schema: { tags: ["remedies"], params: RemedialActionParams, response: { 200: RemedialActionListResponse } } },
    async (request) => listRemedialActions({ db, actor: currentUser(request), opinionId: request.params.id }),
  );

  app.post(
    "/api/opinions/:id/remedial-actions",
    {
      preHandler,
      schema: {
        tags: ["remedies"],
        params: RemedialActionParams,
        body: CreateRemedialActionBody,
        response: { 201: RemedialActionResponse },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createRemedialAction({ db, actor: currentUser(request), opinionId: request.params.id, input: request.body })),
  );

  app.post(
    "/api/remedial-actions/:id/status",
    {
      preHandler,
      schema: { tags: ["remedies"], params: RemedialActionParams, body: RemedialStatusBody, response: { 200: RemedialActionResponse } },
    },
    async (request) => moveRemedialAction({ db, actor: currentUser(request), actionId: request.params.id, input: request.body }),
  );
}
