import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "./errors.ts";
import { requestLanguage } from "./language.ts";
import { MESSAGES, translate, type Language, type MessageCode } from "./messages.ts";

const zodLocales = { vi: z.locales.vi(), en: z.locales.en() };

/** The one JSON shape of every error response. */
export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

function send(reply: FastifyReply, status: number, body: ErrorBody["error"]) {
  return reply.status(status).type("application/json; charset=utf-8").send({ error: body });
}

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

function describeIssue(issue: ValidationIssue, lang: Language): { field: string; detail: string } {
  const path = issue.instancePath.replace(/^\//, "").split("/").filter(Boolean);
  const raw = { code: issue.keyword, path, ...issue.params } as unknown as Parameters<
    NonNullable<ReturnType<typeof z.locales.vi>["localeError"]>
  >[0];
  const localized = zodLocales[lang].localeError?.(raw);
  const detail = typeof localized === "string" ? localized : (localized?.message ?? issue.message);
  return { field: path.join("."), detail };
}

// A refinement of a shared schema (src/http/schemas.ts) names its own message code and parameters.
function ownMessage(issue: ValidationIssue): { code: MessageCode; params: Record<string, string | number> } | undefined {
  const { code, ...params } = (issue.params.params ?? {}) as { code?: string } & Record<string, string | number>;
  return issue.keyword === "custom" && code !== undefined && code in MESSAGES ? { code: code as MessageCode, params } : undefined;
}

const FASTIFY_CODES: Record<string, { status: number; code: MessageCode }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: "request.malformed_json" },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: "request.malformed_json" },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: "request.unsupported_media_type" },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: "request.invalid" },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: "request.too_large" },
};

/**
 * Turns every error into the contract `{ error: { code, message, field? } }` in the request's language.
 * Internal detail goes to the log only; bad input is never a 500.
 */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const lang = requestLanguage(request);
  if (error instanceof AppError) {
    return send(reply, error.statusCode, {
      code: error.code,
      message: translate(error.code, lang, error.options.params),
      ...(error.options.field ? { field: error.options.field } : {}),
    });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const first = error.validation[0] as unknown as ValidationIssue;
    const { field, detail } = describeIssue(first, lang);
    const where = field || (error.validationContext ?? "body");
    const own = ownMessage(first);
    if (own) return send(reply, 400, { code: own.code, message: translate(own.code, lang, { ...own.params, field: where }), field: where });
    return send(reply, 400, {
      code: `validation.${first.keyword}`,
      message: translate("validation.invalid", lang, { field: where, detail }),
      field: where,
    });
  }
  const known = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (known) {
    return send(reply, known.status, { code: known.code, message: translate(known.code, lang) });
  }
  if (error.statusCode === 429) {
    const seconds = Math.max(1, Math.ceil(Number(reply.getHeader("retry-after") ?? 60)));
    return send(reply, 429, {
      code: "request.rate_limited",
      message: translate("request.rate_limited", lang, { seconds }),
    });
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    request.log.info({ err: error }, "client error");
    return send(reply, error.statusCode, { code: "request.invalid", message: translate("request.invalid", lang) });
  }
  request.log.error({ err: error }, "unhandled error");
  const unavailable = isDatabaseUnavailable(error);
  return send(reply, unavailable ? 503 : 500, {
    code: unavailable ? "server.unavailable" : "server.internal",
    message: translate(unavailable ? "server.unavailable" : "server.internal", lang),
  });
}

function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === "ECONNREFUSED" || code === "57P01" || code === "57P03" || code === "53300";
}

/** 404 for unknown API routes, in the contract's shape. */
export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  const lang = requestLanguage(request);
  return send(reply, 404, { code: "route.not_found", message: translate("route.not_found", lang) });
}
