import type { FastifyRequest, FastifyServerOptions } from "fastify";

/**
 * Query parameters whose values name no person and search for nothing a person wrote (filters, periods, ids,
 * cursors): logged as sent. Every other value — `q`, file names, anything added later — is logged as REDACTED.
 */
const PLAIN_QUERY_PARAMETERS = new Set([
  "status",
  "kind",
  "channel",
  "topic",
  "overdue",
  "from",
  "to",
  "unitId",
  "assignedToMe",
  "escalated",
  "cursor",
  "year",
  "campaignId",
  "period",
  "unit",
  "via",
]);
const REDACTED = "[redacted]";
/** A citizen's tracking code in a path: the API's opinion endpoints and the web app's tracking page. */
const TRACKING_CODE_PATH = /^(\/api\/public\/opinions|\/track)\/[^/]+/;
const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Where citizens write without an account: the API's public part and Open311's requests. */
const PUBLIC_WRITE_PATH = /^\/(api\/public|open311)\//;

/** `url` as the logs keep it: tracking codes replaced by `{trackingCode}`, query values redacted unless plain. */
export function loggedUrl(url: string): string {
  const queryAt = url.indexOf("?");
  const path = (queryAt === -1 ? url : url.slice(0, queryAt)).replace(TRACKING_CODE_PATH, "$1/{trackingCode}");
  if (queryAt === -1) return path;
  const query = url
    .slice(queryAt + 1)
    .split("&")
    .map((pair) => {
      const name = pair.split("=", 1)[0] as string;
      return PLAIN_QUERY_PARAMETERS.has(name) ? pair : `${name}=${REDACTED}`;
    });
  return `${path}?${query.join("&")}`;
}

/**
 * What a request's log line holds. A citizen's write (under /api/public or /open311) is logged without its address, so that
 * the logs never tie an anonymous opinion, rating or survey answer to an IP and a time.
 */
function requestLogFields(request: FastifyRequest) {
  const isPublicWrite = WRITE_METHODS.has(request.method) && PUBLIC_WRITE_PATH.test(request.url);
  return {
    method: request.method,
    url: loggedUrl(request.url),
    host: request.host,
    ...(isPublicWrite ? {} : { remoteAddress: request.ip, remotePort: request.socket?.remotePort }),
  };
}

/** Fastify's logger options with the request fields above: the one place that decides what request logs keep. */
export function privateRequestLogging(logger: FastifyServerOptions["logger"]): FastifyServerOptions["logger"] {
  if (!logger) return false;
  const options = logger === true ? {} : logger;
  return { ...options, serializers: { ...options.serializers, req: requestLogFields } };
}
