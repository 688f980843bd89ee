import type { FastifyServerOptions, LightMyRequestResponse } from "fastify";
import { buildApp } from "../src/app.ts";
import { deriveKeys } from "../src/crypto/keys.ts";
import type { Engine } from "../src/db/index.ts";
import type { App } from "../src/http/types.ts";
import { openTestDb } from "./db.ts";
import { TEST_PASSWORD } from "./factories.ts";

/** An app on a fresh database of `engine`, with the database and keys for direct checks. */
export async function buildTestApp(
  engine: Engine,
  options: {
    publicRateLimitPerMinute?: number;
    publicRateLimitPerDevicePerMinute?: number;
    logger?: FastifyServerOptions["logger"];
  } = {},
) {
  const handle = await openTestDb(engine);
  const keys = deriveKeys("test-secret-that-is-long-enough-0123456789");
  const app = await buildApp({
    db: handle.db,
    engine: handle.engine,
    keys,
    config: {
      publicRateLimitPerMinute: options.publicRateLimitPerMinute ?? 10_000,
      publicRateLimitPerDevicePerMinute: options.publicRateLimitPerDevicePerMinute ?? 10_000,
      trustProxy: false,
      logLevel: "silent",
    },
  }, { logger: options.logger });
  await app.ready();
  return {
    app,
    db: handle.db,
    keys,
    async close() {
      await app.close();
      await handle.close();
    },
  };
}

/** The `cookie` header value of a session for `username`. */
export async function loginAs(app: App, username: string, password = TEST_PASSWORD): Promise<string> {
  const response = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  return sessionCookie(response);
}

/** The session cookie a response set, as a `cookie` header value. */
export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === "ln_session");
  if (!cookie) throw new Error("no session cookie");
  return `ln_session=${cookie.value}`;
}
