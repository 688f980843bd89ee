import { currentUser, requireSession } from "../http/session.ts";
import type { App, AppDeps } from "../http/types.ts";
import { OpinionIdParams } from "./opinions.console.schemas.ts";
import { getAnswerLetter } from "./opinions.letter.service.ts";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The written answer letter of an opinion (Decree 30 layout), as DOCX. */
export function registerOpinionLetterRoutes(app: App, { db, keys }: AppDeps) {
  const preHandler = requireSession(db);
  app.get("/api/opinions/:id/answer-letter.docx", { preHandler, schema: { tags: ["opinions"], params: OpinionIdParams } }, async (request, reply) => {
    const { document, fileName } = await getAnswerLetter({ db, keys, actor: currentUser(request), opinionId: request.params.id, ip: request.ip });
    return reply
      .header("content-type", DOCX)
      .header("cache-control", "no-store")
      .header("content-disposition", `attachment; filename="${fileName}"`)
      .send(document);
  });
}
