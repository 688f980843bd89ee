import { z } from "zod";
import { currentUser, requireSession } from "../http/session.ts";
import type { App, AppDeps } from "../http/types.ts";
import {
  enterForumOpinion,
  markForumItem,
  moderateForumItem,
  setForumItemTopics,
} from "./forums.live.service.ts";
import { listModerationItems } from "./forums.screens.service.ts";
import {
  ForumIdParams,
  ForumItemParams,
  ForumItemTopicsBody,
  ForumReceiptResponse,
  MarkBody,
  ModerationBody,
  ModerationItemsResponse,
  SecretaryEntryBody,
} from "./forums.schemas.ts";
import { loadForumToRun } from "./forums.service.ts";
import type { ForumRouteContext } from "./forums.sse.ts";
import { FORUM_MARKS } from "./forums.workflow.ts";

/** The live session in the console: the secretary's entry, the chair's moderation and marks, the chair's stream. */
export function registerForumLiveRoutes(app: App, { db, keys }: AppDeps, { live, stream }: ForumRouteContext) {
  const preHandler = requireSession(db);
  const tags = ["forums"];

  app.post(
    "/api/forums/:id/entries",
    {
      preHandler,
      schema: { tags, params: ForumIdParams, body: SecretaryEntryBody, response: { 200: ForumReceiptResponse, 201: ForumReceiptResponse } },
    },
    async (request, reply) => {
      const receipt = await enterForumOpinion({ db, keys, live, actor: currentUser(request), forumId: request.params.id, input: request.body });
      return reply.status(receipt.replayed ? 200 : 201).send({ itemId: receipt.itemId, trackingCode: receipt.trackingCode });
    },
  );

  app.get(
    "/api/forums/:id/items",
    { preHandler, schema: { tags, params: ForumIdParams, response: { 200: ModerationItemsResponse } } },
    async (request) => listModerationItems({ db, actor: currentUser(request), forumId: request.params.id }),
  );

  app.post(
    "/api/forums/:id/items/:itemId/moderation",
    {
      preHandler,
      schema: {
        tags,
        params: ForumItemParams,
        body: ModerationBody,
        response: { 200: z.object({ moderation: z.enum(["pending", "shown", "hidden"]) }) },
      },
    },
    async (request) =>
      moderateForumItem({
        db,
        live,
        actor: currentUser(request),
        forumId: request.params.id,
        itemId: request.params.itemId,
        action: request.body.action,
      }),
  );

  app.post(
    "/api/forums/:id/items/:itemId/mark",
    { preHandler, schema: { tags, params: ForumItemParams, body: MarkBody, response: { 200: z.object({ mark: z.enum(FORUM_MARKS) }) } } },
    async (request) =>
      markForumItem({
        db,
        keys,
        live,
        actor: currentUser(request),
        forumId: request.params.id,
        itemId: request.params.itemId,
        input: request.body,
      }),
  );

  app.put(
    "/api/forums/:id/items/:itemId/topics",
    { preHandler, schema: { tags, params: ForumItemParams, body: ForumItemTopicsBody, response: { 200: z.object({ topics: z.array(z.string()) }) } } },
    async (request) =>
      setForumItemTopics({
        db,
        live,
        actor: currentUser(request),
        forumId: request.params.id,
        itemId: request.params.itemId,
        input: request.body,
      }),
  );

  app.get(
    "/api/forums/:id/live",
    { preHandler, schema: { tags, params: ForumIdParams } },
    async (request, reply) => {
      await loadForumToRun(db, currentUser(request), request.params.id);
      stream(request, reply, request.params.id, "moderation");
    },
  );
}
