import { deviceIdOf, ensureDeviceCookie, perDeviceLimit } from "../http/device.ts";
import { AppError } from "../http/errors.ts";
import type { App, AppDeps } from "../http/types.ts";
import { sendForumOpinion, supportForumItem } from "./forums.live.service.ts";
import { listPublicForumItems } from "./forums.screens.service.ts";
import {
  ForumIdParams,
  ForumItemParams,
  ForumReceiptResponse,
  PublicForumPageResponse,
  PublicItemsResponse,
  SendForumOpinionBody,
  SupportResponse,
} from "./forums.schemas.ts";
import { getPublicForumPage } from "./forums.campaigns.service.ts";
import { loadPublicForum } from "./forums.service.ts";
import type { ForumRouteContext } from "./forums.sse.ts";

/** Per-address limit on a public forum endpoint, answered in the error contract. */
const perAddress = (max: number) => ({
  rateLimit: {
    max,
    timeWindow: 60_000,
    errorResponseBuilder: (_request: unknown, context: { ttl: number }) =>
      new AppError(429, "request.rate_limited", { params: { seconds: Math.ceil(context.ttl / 1000) } }),
  },
});

/** A forum's public page (its QR code): the forum, its shown opinions and answers, sending and supporting, the live stream. */
export function registerPublicForumRoutes(app: App, { db, keys, config }: AppDeps, { live, stream }: ForumRouteContext) {
  // A whole room shares one address (the hamlet's Wi-Fi, a carrier's NAT): the per-address limits are a room's,
  // and each phone is held by its device limit; a "+1" is cheap and idempotent, so a phone may give several a minute.
  const limit = config.publicRateLimitPerMinute * 10;
  const deviceLimit = (factor = 1) => perDeviceLimit(app, config.publicRateLimitPerDevicePerMinute * factor);
  const tags = ["public", "forums"];

  app.get(
    "/api/public/forums/:id",
    { config: perAddress(limit * 4), schema: { tags, params: ForumIdParams, response: { 200: PublicForumPageResponse } } },
    async (request, reply) => {
      // The page's first call gives the phone its device id: one "+1" per device and opinion.
      ensureDeviceCookie(request, reply);
      return getPublicForumPage({ db, forumId: request.params.id });
    },
  );

  app.get(
    "/api/public/forums/:id/items",
    { config: perAddress(limit * 4), schema: { tags, params: ForumIdParams, response: { 200: PublicItemsResponse } } },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return listPublicForumItems({ db, forumId: request.params.id });
    },
  );

  app.post(
    "/api/public/forums/:id/opinions",
    {
      config: perAddress(limit),
      onRequest: deviceLimit(),
      schema: { tags, params: ForumIdParams, body: SendForumOpinionBody, response: { 201: ForumReceiptResponse } },
    },
    async (request, reply) => {
      ensureDeviceCookie(request, reply);
      const receipt = await sendForumOpinion({ db, keys, live, forumId: request.params.id, input: request.body });
      return reply.status(201).send(receipt);
    },
  );

  app.post(
    "/api/public/forums/:id/items/:itemId/support",
    {
      config: perAddress(limit * 4),
      onRequest: deviceLimit(5),
      schema: { tags, params: ForumItemParams, response: { 200: SupportResponse } },
    },
    async (request) => {
      const deviceId = deviceIdOf(request);
      if (!deviceId) throw new AppError(400, "forum.device_required");
      return supportForumItem({ db, live, forumId: request.params.id, itemId: request.params.itemId, deviceId });
    },
  );

  app.get(
    "/api/public/forums/:id/live",
    { config: perAddress(limit * 4), schema: { tags, params: ForumIdParams } },
    async (request, reply) => {
      await loadPublicForum(db, request.params.id);
      stream(request, reply, request.params.id, "public");
    },
  );
}
