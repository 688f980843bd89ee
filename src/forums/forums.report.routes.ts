import type { FastifyError } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorHandler } from "../http/error-handler.ts";
import { AppError } from "../http/errors.ts";
import { currentUser, requireSession } from "../http/session.ts";
import type { App, AppDeps } from "../http/types.ts";
import { attachReportFile, getReportFile, MAX_REPORT_FILE_BYTES } from "./forums.report.service.ts";
import { ForumIdParams } from "./forums.schemas.ts";

const UploadQuery = z.object({ fileName: z.string().min(1).max(200) });
const ReportFileResponse = z.object({ name: z.string(), size: z.number() });

/** Framework refusals of an upload, told in this route's terms. */
function uploadError(error: FastifyError): AppError | FastifyError {
  if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
    return new AppError(413, "forum.report_file_too_large", { params: { maxMb: MAX_REPORT_FILE_BYTES / 1024 / 1024 } });
  }
  if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") return new AppError(415, "forum.report_file_type");
  return error;
}

/** The file of the unit's report at a forum: uploaded in the console, downloaded from the forum's public page. */
export function registerForumReportRoutes(app: App, { db }: AppDeps) {
  // A plugin of its own: the raw-file body parser and the upload's size limit apply to this route only.
  void app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser("application/octet-stream", { parseAs: "buffer", bodyLimit: MAX_REPORT_FILE_BYTES }, (_request, body, done) =>
      done(null, body),
    );
    scope.setErrorHandler((error: FastifyError, request, reply) => errorHandler(uploadError(error) as FastifyError, request, reply));
    scope.post(
      "/api/forums/:id/report-file",
      {
        preHandler: requireSession(db),
        bodyLimit: MAX_REPORT_FILE_BYTES,
        schema: { tags: ["forums"], params: ForumIdParams, querystring: UploadQuery, response: { 200: ReportFileResponse } },
      },
      async (request) => {
        const body: unknown = request.body;
        if (!Buffer.isBuffer(body)) throw new AppError(415, "forum.report_file_type");
        return attachReportFile({ db, actor: currentUser(request), forumId: request.params.id, fileName: request.query.fileName, data: body });
      },
    );
  });

  app.get("/api/public/forums/:id/report-file", { schema: { tags: ["public", "forums"], params: ForumIdParams } }, async (request, reply) => {
    const file = await getReportFile({ db, forumId: request.params.id });
    return reply
      .header("content-type", file.contentType)
      .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .header("x-content-type-options", "nosniff")
      .send(file.content);
  });
}
