import type { FastifyError } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorHandler } from "../http/error-handler.ts";
import { Day } from "../http/schemas.ts";
import { AppError } from "../http/errors.ts";
import { currentUser, requireSession } from "../http/session.ts";
import type { App, AppDeps } from "../http/types.ts";
import { issueCodesSheet, paperFormFor, paperTemplateFor, posterFor } from "./surveys.documents.service.ts";
import { enterPaperForms, importPaperForms, setPaperCounts } from "./surveys.paper.service.ts";
import { publicBaseUrl } from "./surveys.routes.ts";
import { CampaignParams, CampaignUnitParams, IssueCodesBody } from "./surveys.schemas.ts";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

const PaperFormsBody = z.object({
  forms: z
    .array(
      z.object({
        clientKey: z.uuid(),
        answeredOn: Day,
        answers: z.record(z.string().max(40), z.union([z.number(), z.boolean(), z.string().max(4000), z.null()])),
        attributes: z.record(z.string().max(40), z.string().max(40).nullable()).optional(),
        hasConsent: z.boolean().optional(),
      }),
    )
    .min(1)
    .max(500),
});
const PaperResult = z.object({ recorded: z.number(), duplicates: z.number() });
const PaperCountsBody = z.object({ issued: z.number().int().min(0).max(1_000_000), returned: z.number().int().min(0).max(1_000_000) });
const PaperCountsResponse = z.object({ issued: z.number(), returned: z.number(), valid: z.number() });

/** Paper forms: the printable form and QR poster (DOCX), keyed-in and imported forms, issued/returned counts. */
export function registerSurveyPaperRoutes(app: App, { db, config }: AppDeps) {
  void app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    const preHandler = requireSession(db);
    const tags = ["surveys"];
    const base = "/api/surveys/campaigns/:campaignId/units/:unitId";
    scope.addContentTypeParser("application/octet-stream", { parseAs: "buffer", bodyLimit: MAX_UPLOAD_BYTES }, (_request, body, done) => done(null, body));
    scope.setErrorHandler((error: FastifyError, request, reply) =>
      errorHandler((error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" ? new AppError(415, "request.unsupported_media_type") : error) as FastifyError, request, reply),
    );

    scope.get(`${base}/paper-form.docx`, { preHandler, schema: { tags, params: CampaignUnitParams } }, async (request, reply) => {
      const docx = await paperFormFor({ db, actor: currentUser(request), ...request.params, baseUrl: publicBaseUrl(request, config.publicUrl) });
      return reply.header("content-type", DOCX).header("content-disposition", 'attachment; filename="phieu-khao-sat.docx"').send(docx);
    });

    // One-time codes issued and printed in one request: they are stored hashed and can never be shown again.
    scope.post(`${base}/codes.docx`, { preHandler, schema: { tags, params: CampaignUnitParams, body: IssueCodesBody } }, async (request, reply) => {
      const args = { db, actor: currentUser(request), ...request.params, baseUrl: publicBaseUrl(request, config.publicUrl) };
      const docx = await issueCodesSheet({ ...args, count: request.body.count });
      return reply
        .status(201)
        .header("content-type", DOCX)
        .header("cache-control", "no-store")
        .header("content-disposition", 'attachment; filename="ma-danh-gia-dung-mot-lan.docx"')
        .send(docx);
    });

    scope.get(`${base}/poster.docx`, { preHandler, schema: { tags, params: CampaignUnitParams } }, async (request, reply) => {
      const docx = await posterFor({ db, actor: currentUser(request), ...request.params, baseUrl: publicBaseUrl(request, config.publicUrl) });
      return reply.header("content-type", DOCX).header("content-disposition", 'attachment; filename="ma-qr-khao-sat.docx"').send(docx);
    });

    scope.get("/api/surveys/campaigns/:campaignId/paper-template.xlsx", { preHandler, schema: { tags, params: CampaignParams } }, async (request, reply) => {
      const xlsx = await paperTemplateFor({ db, actor: currentUser(request), campaignId: request.params.campaignId });
      return reply.header("content-type", XLSX).header("content-disposition", 'attachment; filename="nhap-phieu-giay.xlsx"').send(xlsx);
    });

    scope.post(
      `${base}/paper-forms`,
      { preHandler, schema: { tags, params: CampaignUnitParams, body: PaperFormsBody, response: { 201: PaperResult } } },
      async (request, reply) => reply.status(201).send(await enterPaperForms({ db, actor: currentUser(request), ...request.params, forms: request.body.forms })),
    );

    scope.post(
      `${base}/paper-import`,
      { preHandler, bodyLimit: MAX_UPLOAD_BYTES, schema: { tags, params: CampaignUnitParams, response: { 201: PaperResult } } },
      async (request, reply) => {
        const body: unknown = request.body;
        if (!Buffer.isBuffer(body)) throw new AppError(415, "request.unsupported_media_type");
        return reply.status(201).send(await importPaperForms({ db, actor: currentUser(request), ...request.params, data: body }));
      },
    );

    scope.post(
      `${base}/paper-counts`,
      { preHandler, schema: { tags, params: CampaignUnitParams, body: PaperCountsBody, response: { 200: PaperCountsResponse } } },
      async (request) => setPaperCounts({ db, actor: currentUser(request), ...request.params, ...request.body }),
    );
  });
}
