import { fileURLToPath } from "node:url";
import { buildApp } from "../../src/app.ts";
import { deriveKeys } from "../../src/crypto/keys.ts";
import { openDb } from "../../src/db/index.ts";
import { migrate } from "../../src/db/migrate.ts";
import { seedDemo } from "../../src/db/seed-demo.ts";

const WEB_DIST = fileURLToPath(new URL("../../web/dist/", import.meta.url));

/** The demo password of the journey tests' server. */
export const DEMO_PASSWORD = "mat-khau-demo-e2e";

/** The whole product on a fresh in-memory PGlite with the demo data, listening on a free loopback port. */
export async function startProductServer() {
  const handle = await openDb({ kind: "pglite-memory" });
  await migrate(handle.db);
  const keys = deriveKeys("e2e-secret-that-is-long-enough-0123456789");
  await seedDemo({ db: handle.db, keys, password: DEMO_PASSWORD });
  const app = await buildApp({
    db: handle.db,
    engine: handle.engine,
    keys,
    config: { publicRateLimitPerMinute: 1000, publicRateLimitPerDevicePerMinute: 1000, trustProxy: false, logLevel: "silent" },
    webDistDir: WEB_DIST,
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    db: handle.db,
    async close() {
      await app.close();
      await handle.close();
    },
  };
}
