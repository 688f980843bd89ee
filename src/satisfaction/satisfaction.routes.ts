import { requestLanguage } from "../http/language.ts";
import { requireSession } from "../http/session.ts";
import type { App, AppDeps } from "../http/types.ts";
import { getDashboard, getPublicResults } from "./satisfaction.dashboard.service.ts";
import { dashboardWorkbook } from "./satisfaction.export.ts";
import { presentDashboard } from "./satisfaction.presenter.ts";
import { DashboardQuery, DashboardResponse, PublicResultsParams, PublicResultsQuery } from "./satisfaction.schemas.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The satisfaction dashboard (console), its XLSX export, and a campaign's published results (public). */
export function registerSatisfactionRoutes(app: App, { db }: AppDeps) {
  const preHandler = requireSession(db);
  const tags = ["satisfaction"];

  app.get(
    "/api/satisfaction/dashboard",
    { preHandler, schema: { tags, querystring: DashboardQuery, response: { 200: DashboardResponse } } },
    async (request) => {
      const { campaignId, unitId, period } = request.query;
      return presentDashboard(await getDashboard({ db, actor: request.actor, campaignId, unitId, period }), requestLanguage(request));
    },
  );

  app.get(
    "/api/satisfaction/dashboard.xlsx",
    { preHandler, schema: { tags, querystring: DashboardQuery } },
    async (request, reply) => {
      const { campaignId, unitId, period } = request.query;
      const lang = requestLanguage(request);
      const dashboard = presentDashboard(await getDashboard({ db, actor: request.actor, campaignId, unitId, period }), lang);
      return reply
        .header("content-type", XLSX)
        .header("content-disposition", `attachment; filename="hai-long-${dashboard.period.label.replace(/[^0-9A-Za-z-]/g, "_")}.xlsx"`)
        .send(await dashboardWorkbook(dashboard, lang));
    },
  );

  app.get(
    "/api/public/surveys/:campaignId/results",
    { schema: { tags: ["public"], params: PublicResultsParams, querystring: PublicResultsQuery, response: { 200: DashboardResponse } } },
    async (request, reply) => {
      reply.header("cache-control", "public, max-age=60");
      const results = await getPublicResults({ db, campaignId: request.params.campaignId, period: request.query.period });
      return presentDashboard(results, requestLanguage(request));
    },
  );
}
