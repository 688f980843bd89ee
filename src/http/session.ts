import type { FastifyReply, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { Actor, UserActor } from "../auth/actor.ts";
import { resolveSession } from "../auth/auth.service.ts";
import type { Database } from "../db/index.ts";
import { AppError, unauthenticated } from "./errors.ts";

/** The session cookie: httpOnly, SameSite=Strict, Secure behind HTTPS. */
export const SESSION_COOKIE = "ln_session";

declare module "fastify" {
  interface FastifyRequest {
    /** Who makes the request; a member of the public until a session is resolved. */
    actor: Actor;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses a state-changing request that a browser sent from another site. SameSite=Strict cookies and
 * JSON-only bodies already stop classic CSRF; this checks the browser's own Origin / Sec-Fetch-Site too.
 * `Origin: null` is refused as well: browsers send it from sandboxed frames, files and cross-site redirects,
 * never from this site's own pages.
 */
export function assertSameOrigin(request: FastifyRequest) {
  if (SAFE_METHODS.has(request.method)) return;
  const site = request.headers["sec-fetch-site"];
  if (typeof site === "string" && site !== "same-origin" && site !== "none") {
    throw new AppError(403, "auth.csrf");
  }
  const origin = request.headers.origin;
  if (typeof origin === "string") {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw new AppError(403, "auth.csrf");
    }
    if (host !== request.headers.host) throw new AppError(403, "auth.csrf");
  }
}

/** Sets the session cookie on the reply. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    secure: request.protocol === "https",
    path: "/",
    expires: expiresAt,
  });
}

/** Removes the session cookie. */
export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
}

/** A preHandler that requires a valid session and sets `request.actor` to its user. */
export function requireSession(db: Kysely<Database>) {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply) {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw unauthenticated();
    assertSameOrigin(request);
    try {
      request.actor = await resolveSession({ db, token });
    } catch (error) {
      if (error instanceof AppError && error.statusCode === 401) clearSessionCookie(reply);
      throw error;
    }
  };
}

/** The logged-in user of a request that passed `requireSession`. */
export function currentUser(request: FastifyRequest): UserActor {
  if (request.actor.kind !== "user") throw unauthenticated();
  return request.actor;
}
