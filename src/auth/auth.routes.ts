import { z } from "zod";
import type { App, AppDeps } from "../http/types.ts";
import {
  assertSameOrigin,
  clearSessionCookie,
  currentUser,
  requireSession,
  SESSION_COOKIE,
  setSessionCookie,
} from "../http/session.ts";
import { presentCurrentUser } from "./auth.presenter.ts";
import { CurrentUserResponse, LoginBody } from "./auth.schemas.ts";
import { login, logout } from "./auth.service.ts";

/** Login, logout and the current user. */
export function registerAuthRoutes(app: App, { db }: AppDeps) {
  app.post(
    "/api/auth/login",
    { schema: { tags: ["auth"], body: LoginBody, response: { 200: CurrentUserResponse } } },
    async (request, reply) => {
      assertSameOrigin(request);
      const session = await login({ db, ...request.body, ip: request.ip });
      setSessionCookie(request, reply, session.token, session.expiresAt);
      return presentCurrentUser(session.user);
    },
  );

  app.post(
    "/api/auth/logout",
    { schema: { tags: ["auth"], response: { 204: z.null() } } },
    async (request, reply) => {
      assertSameOrigin(request);
      const token = request.cookies[SESSION_COOKIE];
      if (token) await logout({ db, token });
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api/auth/me",
    { preHandler: requireSession(db), schema: { tags: ["auth"], response: { 200: CurrentUserResponse } } },
    async (request) => presentCurrentUser(currentUser(request)),
  );
}
