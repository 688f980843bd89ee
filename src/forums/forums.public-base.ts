import type { FastifyRequest } from "fastify";
import type { AppDeps } from "../http/types.ts";

/** Where the forums' public pages live: PUBLIC_URL, or the address the request came to. */
export function publicBaseOf(deps: AppDeps, request: FastifyRequest): string {
  return deps.config.publicUrl ?? `${request.protocol}://${request.host}`;
}
