import type { FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { perDeviceLimit } from "../http/device.ts";
import { notFoundHandler, type ErrorBody } from "../http/error-handler.ts";
import { requestLanguage } from "../http/language.ts";
import { publicRateLimit } from "../http/rate-limit.ts";
import type { App, AppDeps } from "../http/types.ts";
import { presentCreated, presentRequest, presentService, toXml } from "./open311.presenter.ts";
import {
  CreatedRequestResponse,
  CreateRequestBody,
  RequestParams,
  RequestResponse,
  RequestsQuery,
  ServiceResponse,
  ServicesQuery,
} from "./open311.schemas.ts";
import { createRequest, getRequest, listRequests, listServices } from "./open311.service.ts";

/** Where the GeoReport v2 endpoints live. */
const OPEN311_PREFIX = "/open311/v2";

const FORMATS = ["json", "xml"] as const;
type Format = (typeof FORMATS)[number];
const XML_TYPE = "application/xml; charset=utf-8";

const isXmlRequest = (request: FastifyRequest) => request.url.split("?")[0]!.endsWith(".xml");

/** A list in the format of the route: JSON as is (its response schema serialises it), XML with the spec's names. */
function sendList(reply: FastifyReply, format: Format, names: { root: string; element: string }, items: object[]) {
  if (format === "json") return reply.send(items);
  return reply.type(XML_TYPE).send(toXml(names.root, names.element, items));
}

/**
 * The specification's error format, `[{ code, description }]` (XML: `<errors><error>…`): every error of this scope
 * leaves the shared error handler in our contract, in the request's language, and is reshaped here on its way out.
 */
async function reshapeError(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  if (reply.statusCode < 400 || typeof payload !== "string") return payload;
  let body: ErrorBody;
  try {
    body = JSON.parse(payload) as ErrorBody;
  } catch {
    return payload;
  }
  if (!body.error) return payload;
  const { message, field } = body.error;
  const errors = [{ code: reply.statusCode, description: field ? `${message} (${field})` : message }];
  if (!isXmlRequest(request)) return JSON.stringify(errors);
  reply.type(XML_TYPE);
  return toXml("errors", "error", errors);
}

/**
 * Open311 GeoReport v2 (no account, no api_key): the topics as services, opinions as service requests (what the
 * tracking page shows), and new requests through the citizen form's intake, rate-limited as the form is. Every
 * endpoint in JSON and XML (`.json` / `.xml`); POST takes the specification's form encoding, or JSON.
 */
export function registerOpen311Routes(app: App, { db, keys, config }: AppDeps) {
  const limit = publicRateLimit(config.publicRateLimitPerMinute);
  const readLimit = publicRateLimit(config.publicRateLimitPerMinute * 4);
  const deviceLimit = perDeviceLimit(app, config.publicRateLimitPerDevicePerMinute);

  void app.register(
    async (plugin) => {
      const scope = plugin.withTypeProvider<ZodTypeProvider>();
      // Form encoding, as the specification posts, for this scope only: node's own parser, no dependency.
      scope.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_request, body, done) =>
        done(null, Object.fromEntries(new URLSearchParams(body as string))),
      );
      scope.addHook("onSend", reshapeError);
      scope.setNotFoundHandler(notFoundHandler);

      for (const format of FORMATS) {
        const json = <T extends z.ZodType>(schema: T) => (format === "json" ? { response: { 200: schema } } : {});

        scope.get(
          `/services.${format}`,
          { config: readLimit, schema: { tags: ["open311"], querystring: ServicesQuery, ...json(z.array(ServiceResponse)) } },
          async (request, reply) => {
            const services = await listServices({ db, lang: requestLanguage(request) });
            return sendList(reply, format, { root: "services", element: "service" }, services.map(presentService));
          },
        );

        scope.get(
          `/requests.${format}`,
          { config: readLimit, schema: { tags: ["open311"], querystring: RequestsQuery, ...json(z.array(RequestResponse)) } },
          async (request, reply) => {
            const requests = await listRequests({ db, query: request.query, lang: requestLanguage(request) });
            return sendList(reply, format, { root: "service_requests", element: "request" }, requests.map(presentRequest));
          },
        );

        scope.get(
          `/requests/:id.${format}`,
          {
            config: readLimit,
            schema: { tags: ["open311"], params: RequestParams, querystring: ServicesQuery, ...json(z.array(RequestResponse)) },
          },
          async (request, reply) => {
            reply.header("cache-control", "no-store");
            const found = await getRequest({ db, id: request.params.id, lang: requestLanguage(request) });
            return sendList(reply, format, { root: "service_requests", element: "request" }, [presentRequest(found)]);
          },
        );

        scope.post(
          `/requests.${format}`,
          {
            config: limit,
            onRequest: deviceLimit,
            schema: { tags: ["open311"], body: CreateRequestBody, ...json(z.array(CreatedRequestResponse)) },
          },
          async (request, reply) => {
            const created = await createRequest({
              db,
              keys,
              actor: request.actor,
              body: request.body,
              ip: request.ip,
              lang: requestLanguage(request),
            });
            return sendList(reply, format, { root: "service_requests", element: "request" }, [presentCreated(created)]);
          },
        );
      }
    },
    { prefix: OPEN311_PREFIX },
  );
}
