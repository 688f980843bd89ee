import { z } from "zod";
import { pingDb } from "../db/index.ts";
import type { App, AppDeps } from "./types.ts";

const HealthResponse = z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]) });

/** GET /healthz: the process is up and its database answers. */
export function registerHealthRoutes(app: App, { db, engine }: AppDeps) {
  app.get(
    "/healthz",
    { schema: { tags: ["operations"], response: { 200: HealthResponse } } },
    async () => {
      await pingDb(db);
      return { status: "ok" as const, database: engine };
    },
  );
}
