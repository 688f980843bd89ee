import { requestLanguage } from "../http/language.ts";
import type { App, AppDeps } from "../http/types.ts";
import { UnitListResponse } from "./units.schemas.ts";
import { listActiveUnits } from "./units.service.ts";

/** GET /api/units: the active unit tree, public. */
export function registerUnitRoutes(app: App, { db }: AppDeps) {
  app.get(
    "/api/units",
    { schema: { tags: ["units"], response: { 200: UnitListResponse } } },
    async (request, reply) => {
      reply.header("cache-control", "public, max-age=300").header("vary", "Accept-Language");
      return { items: await listActiveUnits({ db, lang: requestLanguage(request) }) };
    },
  );
}
