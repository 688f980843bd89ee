import { currentUser, requireSession } from "../http/session.ts";
import type { App, AppDeps } from "../http/types.ts";
import { finaliseForumMinutes, getMinutes, getMinutesDocx, getPosterDocx, saveMinutesDraft } from "./forums.minutes.service.ts";
import { publicBaseOf } from "./forums.public-base.ts";
import { ForumIdParams, MinutesBody, MinutesResponse } from "./forums.schemas.ts";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The minutes (draft, final) and the poster with the QR code, as DOCX. */
export function registerForumDocumentRoutes(app: App, deps: AppDeps) {
  const { db } = deps;
  const preHandler = requireSession(db);
  const tags = ["forums"];

  app.get(
    "/api/forums/:id/minutes",
    { preHandler, schema: { tags, params: ForumIdParams, response: { 200: MinutesResponse } } },
    async (request) => getMinutes({ db, actor: currentUser(request), forumId: request.params.id }),
  );

  app.put(
    "/api/forums/:id/minutes",
    { preHandler, schema: { tags, params: ForumIdParams, body: MinutesBody, response: { 200: MinutesResponse } } },
    async (request) => saveMinutesDraft({ db, actor: currentUser(request), forumId: request.params.id, input: request.body }),
  );

  app.post(
    "/api/forums/:id/minutes/finalise",
    { preHandler, schema: { tags, params: ForumIdParams, response: { 200: MinutesResponse } } },
    async (request) => finaliseForumMinutes({ db, actor: currentUser(request), forumId: request.params.id }),
  );

  app.get("/api/forums/:id/minutes.docx", { preHandler, schema: { tags, params: ForumIdParams } }, async (request, reply) => {
    const { document, isFinal } = await getMinutesDocx({ db, actor: currentUser(request), forumId: request.params.id });
    const name = isFinal ? "bien-ban" : "bien-ban-du-thao";
    return reply
      .header("content-type", DOCX)
      .header("content-disposition", `attachment; filename="${name}-${request.params.id.slice(0, 8)}.docx"`)
      .send(document);
  });

  app.get("/api/forums/:id/poster.docx", { preHandler, schema: { tags, params: ForumIdParams } }, async (request, reply) => {
    const document = await getPosterDocx({
      db,
      actor: currentUser(request),
      forumId: request.params.id,
      publicBase: publicBaseOf(deps, request),
    });
    return reply
      .header("content-type", DOCX)
      .header("content-disposition", `attachment; filename="ap-phich-${request.params.id.slice(0, 8)}.docx"`)
      .send(document);
  });
}
