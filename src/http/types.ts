import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Kysely } from "kysely";
import type { Config } from "../config.ts";
import type { Keys } from "../crypto/keys.ts";
import type { Database, Engine } from "../db/index.ts";

/** The Fastify instance with zod route schemas as the source of handler types. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What the routes are given: the open database and the derived keys. */
export interface AppDeps {
  db: Kysely<Database>;
  engine: Engine;
  keys: Keys;
  config: Pick<Config, "publicRateLimitPerMinute" | "publicRateLimitPerDevicePerMinute" | "trustProxy" | "logLevel"> &
    Partial<Pick<Config, "publicUrl">>;
  /** Directory of the built web app; the API alone runs when it is absent. */
  webDistDir?: string;
}
