import type { FastifyError } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorHandler } from "../http/error-handler.ts";
import { AppError } from "../http/errors.ts";
import { requestLanguage } from "../http/language.ts";
import { MESSAGES, translate, type Language, type MessageCode } from "../http/messages.ts";
import { currentUser, requireSession } from "../http/session.ts";
import type { App, AppDeps } from "../http/types.ts";
import type { ImportField } from "./opinions.import.ts";
import { commitImport, getImport, remapImport, settleImports, startImport, type ImportView } from "./opinions.import.service.ts";
import { OPINION_CHANNELS } from "./opinions.workflow.ts";

/** Largest file accepted: a 100,000-row workbook with room to spare. */
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

const IMPORT_FIELDS = [
  "content", "receivedAt", "kind", "channel", "unit", "topics",
  "name", "phone", "email", "anonymous", "externalId", "location",
] as const satisfies readonly ImportField[];
const IMPORT_STATUSES = ["parsing", "ready", "failed", "importing", "done"] as const;

/** `?mapping=` as JSON: field → the header of the column that fills it. */
const MappingParam = z
  .string()
  .max(4_000)
  .transform((text, ctx) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      ctx.addIssue({ code: "custom", message: "JSON" });
      return z.NEVER;
    }
    const parsed = z.partialRecord(z.enum(IMPORT_FIELDS), z.string().min(1).max(255)).safeParse(value);
    if (!parsed.success) {
      ctx.addIssue({ code: "custom", message: "{ field: column }" });
      return z.NEVER;
    }
    return parsed.data;
  });

/** POST /api/opinion-imports: where the file goes and how to read it; the file itself is the body. */
export const StartImportQuery = z.object({
  unitId: z.uuid().optional(),
  fileName: z.string().trim().min(1).max(255),
  channel: z.enum(OPINION_CHANNELS).optional(),
  mapping: MappingParam.optional(),
});

export const ImportIdParams = z.object({ id: z.uuid() });

/** Field → the header of the column that fills it, as the file writes it. */
const ColumnMappingSchema = z.partialRecord(z.enum(IMPORT_FIELDS), z.string().max(255));

/** POST /api/opinion-imports/{id}/mapping: the columns the officer chose; the content's is required. */
export const RemapImportBody = z.object({ mapping: ColumnMappingSchema });

export const ImportAcceptedResponse = z.object({ id: z.uuid(), status: z.enum(IMPORT_STATUSES) });

/** GET /api/opinion-imports/{id}: the check's or the commit's progress, counts, per-row errors, preview. */
export const ImportResponse = z.object({
  id: z.uuid(),
  status: z.enum(IMPORT_STATUSES),
  fileName: z.string(),
  fileSize: z.number(),
  unitId: z.uuid(),
  unitName: z.string(),
  channel: z.string(),
  /** The file's header row as read by the check (also when no content column was found); empty until then. */
  headers: z.array(z.string()),
  /** Which column fills which field: as chosen, else as guessed. */
  mapping: ColumnMappingSchema,
  rowsTotal: z.number().nullable(),
  rowsValid: z.number().nullable(),
  rowsInvalid: z.number().nullable(),
  rowsDuplicate: z.number().nullable(),
  /** Rows read (while checking) or stored (while importing). */
  rowsDone: z.number(),
  /** Share of the current phase done, 0 to 1. */
  progress: z.number(),
  errors: z.array(
    z.object({
      rowNumber: z.number(),
      field: z.string().nullable(),
      /** The column's header as written in the file. */
      column: z.string().nullable(),
      code: z.string(),
      message: z.string(),
    }),
  ),
  preview: z.array(
    z.object({
      rowNumber: z.number(),
      excerpt: z.string(),
      kind: z.string(),
      channel: z.string(),
      receivedAt: z.string().nullable(),
      unitName: z.string(),
      duplicate: z.boolean(),
    }),
  ),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportResponse = z.infer<typeof ImportResponse>;

const messageOf = (code: string, lang: Language, params?: Record<string, string | number>) =>
  code in MESSAGES ? translate(code as MessageCode, lang, params) : code;

function presentImport(view: ImportView, lang: Language): ImportResponse {
  return {
    ...view,
    errors: view.errors.map((e) => ({
      ...e,
      column: e.field === null ? null : (view.mapping[e.field] ?? null),
      message: messageOf(e.code, lang),
    })),
    errorMessage: view.errorCode === null ? null : messageOf(view.errorCode, lang, view.errorParams),
    createdAt: view.createdAt.toISOString(),
    finishedAt: view.finishedAt?.toISOString() ?? null,
  };
}

/** Framework refusals of an upload, told in this route's terms. */
function uploadError(error: FastifyError): AppError | FastifyError {
  if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
    return new AppError(413, "import.upload_too_large", { params: { maxMb: MAX_UPLOAD_BYTES / 1024 / 1024 } });
  }
  if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE") return new AppError(415, "import.upload_content_type");
  return error;
}

/** Import of opinions from CSV/XLSX files: upload (checked in the background), state, columns chosen again, commit. */
export function registerOpinionImportRoutes(app: App, { db, keys }: AppDeps) {
  // A plugin of its own: the raw-file body parser and the upload's size limit apply to these routes only.
  void app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    const preHandler = requireSession(db);
    scope.addContentTypeParser("application/octet-stream", { parseAs: "buffer", bodyLimit: MAX_UPLOAD_BYTES }, (_request, body, done) =>
      done(null, body),
    );
    scope.setErrorHandler((error: FastifyError, request, reply) => errorHandler(uploadError(error) as FastifyError, request, reply));
    scope.addHook("onClose", async () => settleImports(db));

    scope.post(
      "/api/opinion-imports",
      {
        preHandler,
        bodyLimit: MAX_UPLOAD_BYTES,
        schema: { tags: ["opinion imports"], querystring: StartImportQuery, response: { 202: ImportAcceptedResponse } },
      },
      async (request, reply) => {
        const body: unknown = request.body;
        if (body !== undefined && body !== null && !Buffer.isBuffer(body)) throw new AppError(415, "import.upload_content_type");
        const started = await startImport({
          db,
          actor: currentUser(request),
          fileName: request.query.fileName,
          data: Buffer.isBuffer(body) ? body : Buffer.alloc(0),
          ...(request.query.unitId && { unitId: request.query.unitId }),
          ...(request.query.channel && { channel: request.query.channel }),
          ...(request.query.mapping && { mapping: request.query.mapping }),
          ip: request.ip,
          log: request.log,
        });
        return reply.status(202).send(started);
      },
    );

    scope.get(
      "/api/opinion-imports/:id",
      { preHandler, schema: { tags: ["opinion imports"], params: ImportIdParams, response: { 200: ImportResponse } } },
      async (request, reply) => {
        reply.header("cache-control", "no-store");
        const view = await getImport({ db, actor: currentUser(request), importId: request.params.id });
        return presentImport(view, requestLanguage(request));
      },
    );

    scope.post(
      "/api/opinion-imports/:id/mapping",
      {
        preHandler,
        schema: { tags: ["opinion imports"], params: ImportIdParams, body: RemapImportBody, response: { 202: ImportAcceptedResponse } },
      },
      async (request, reply) => {
        const accepted = await remapImport({
          db,
          actor: currentUser(request),
          importId: request.params.id,
          mapping: request.body.mapping,
          ip: request.ip,
          log: request.log,
        });
        return reply.status(202).send(accepted);
      },
    );

    scope.post(
      "/api/opinion-imports/:id/commit",
      { preHandler, schema: { tags: ["opinion imports"], params: ImportIdParams, response: { 202: ImportAcceptedResponse } } },
      async (request, reply) => {
        const accepted = await commitImport({
          db,
          keys,
          actor: currentUser(request),
          importId: request.params.id,
          ip: request.ip,
          log: request.log,
        });
        return reply.status(202).send(accepted);
      },
    );
  });
}
