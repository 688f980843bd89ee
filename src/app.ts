import { existsSync } from "node:fs";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import Fastify, { type FastifyServerOptions } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { registerAuthRoutes } from "./auth/auth.routes.ts";
import { errorHandler, notFoundHandler } from "./http/error-handler.ts";
import { registerHealthRoutes } from "./http/health.routes.ts";
import { refuseNulCharacters } from "./http/nul.ts";
import { rateLimitOptions } from "./http/rate-limit.ts";
import { privateRequestLogging } from "./http/request-log.ts";
import { PUBLIC_ACTOR, type Actor } from "./auth/actor.ts";
import type { App, AppDeps } from "./http/types.ts";
import { registerPublicOpinionRoutes } from "./opinions/opinions.public.routes.ts";
import { registerOpinionImportRoutes } from "./opinions/opinions.import.routes.ts";
import { registerOpinionRoutes } from "./opinions/opinions.routes.ts";
import { registerOpinionLetterRoutes } from "./opinions/opinions.letter.routes.ts";
import { registerOpenDataRoutes } from "./opinions/opinions.open-data.routes.ts";
import { registerOpen311Routes } from "./open311/open311.routes.ts";
import { registerForumRoutes } from "./forums/forums.routes.ts";
import { registerRemedyRoutes } from "./remedies/remedies.routes.ts";
import { registerUnitRoutes } from "./units/units.routes.ts";
import { registerSatisfactionRoutes } from "./satisfaction/satisfaction.routes.ts";
import { registerSurveyPaperRoutes } from "./surveys/surveys.paper.routes.ts";
import { registerPublicSurveyRoutes } from "./surveys/surveys.public.routes.ts";
import { registerSurveyRoutes } from "./surveys/surveys.routes.ts";

/** Largest JSON body accepted: an opinion of the maximum length with room to spare. */
const BODY_LIMIT = 256 * 1024;

/** Builds the Fastify application (not listening); tests call it with their own database. */
export async function buildApp(deps: AppDeps, options: { logger?: FastifyServerOptions["logger"] } = {}): Promise<App> {
  const app = Fastify({
    logger: privateRequestLogging(options.logger ?? false),
    bodyLimit: BODY_LIMIT,
    trustProxy: deps.config.trustProxy,
    // A malformed or over-long URL is refused before routing; keep even that in the error contract.
    frameworkErrors: errorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook("preValidation", refuseNulCharacters);
  const actors = new WeakMap<object, Actor>();
  app.decorateRequest("actor", {
    getter() {
      return actors.get(this) ?? PUBLIC_ACTOR;
    },
    setter(value: Actor) {
      actors.set(this, value);
    },
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, rateLimitOptions(app, deps));
  await app.register(swagger, {
    openapi: {
      info: {
        title: "Lắng nghe API",
        description: "Citizens' opinions to police units: intake, handling, answers.",
        version: "0.1.0",
      },
    },
    transform: jsonSchemaTransform,
  });

  registerHealthRoutes(app, deps);
  registerUnitRoutes(app, deps);
  registerAuthRoutes(app, deps);
  registerPublicOpinionRoutes(app, deps);
  registerOpinionRoutes(app, deps);
  registerOpinionLetterRoutes(app, deps);
  registerRemedyRoutes(app, deps);
  registerOpinionImportRoutes(app, deps);
  registerForumRoutes(app, deps);
  registerPublicSurveyRoutes(app, deps);
  registerSurveyRoutes(app, deps);
  registerSurveyPaperRoutes(app, deps);
  registerSatisfactionRoutes(app, deps);
  registerOpenDataRoutes(app, deps);
  registerOpen311Routes(app, deps);
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  if (deps.webDistDir && existsSync(deps.webDistDir)) {
    await app.register(fastifyStatic, { root: deps.webDistDir, wildcard: false, maxAge: "1h" });
    app.setNotFoundHandler((request, reply) => {
      const isApi = request.url.startsWith("/api/") || request.url === "/api" || request.url.startsWith("/healthz");
      if (request.method !== "GET" || isApi) return notFoundHandler(request, reply);
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    });
  } else {
    app.setNotFoundHandler(notFoundHandler);
  }
  return app;
}
