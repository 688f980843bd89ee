import { randomBytesPooled } from "../crypto/random.ts";
import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "./errors.ts";
import type { App } from "./types.ts";

/**
 * A random, meaningless device id in a cookie, for per-device rate limits on the citizen's endpoints:
 * many phones share one address behind a carrier's NAT, so the per-address limit must stay generous while
 * one device's is tight. It identifies no one and is not linked to any opinion.
 */
export const DEVICE_COOKIE = "ln_device";
const DEVICE_ID = /^[A-Za-z0-9_-]{22}$/;
const ONE_YEAR_S = 365 * 24 * 3600;

/** The request's device id, when it carries a well-formed one. */
export function deviceIdOf(request: FastifyRequest): string | undefined {
  const value = request.cookies[DEVICE_COOKIE];
  return value && DEVICE_ID.test(value) ? value : undefined;
}

/** Gives the browser a device id if it has none (sent back with its next requests); returns the id in use. */
export function ensureDeviceCookie(request: FastifyRequest, reply: FastifyReply): string {
  const existing = deviceIdOf(request);
  if (existing) return existing;
  const id = randomBytesPooled(16).toString("base64url");
  reply.setCookie(DEVICE_COOKIE, id, {
    httpOnly: true,
    sameSite: "lax",
    secure: request.protocol === "https",
    path: "/api/public",
    maxAge: ONE_YEAR_S,
  });
  return id;
}

/**
 * An `onRequest` hook limiting one device to `max` requests a minute on a route (requests without a device
 * id are left to the per-address limit), answered in the error contract. It counts apart from the route's
 * per-address limit: both apply.
 */
export function perDeviceLimit(app: App, max: number) {
  const check = app.createRateLimit({
    max,
    timeWindow: 60_000,
    // Each route counts apart (the limiter has no route of its own to count under in a shared store).
    keyGenerator: (request) => `device:${request.method} ${request.routeOptions.url}:${deviceIdOf(request) ?? ""}`,
    allowList: (request) => deviceIdOf(request) === undefined,
  });
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const result = await check(request);
    if (!result.isAllowed && result.isExceeded) {
      reply.header("retry-after", String(result.ttlInSeconds));
      throw new AppError(429, "request.rate_limited", { params: { seconds: result.ttlInSeconds } });
    }
  };
}
