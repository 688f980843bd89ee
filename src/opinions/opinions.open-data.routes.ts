import { Readable } from "node:stream";
import { z } from "zod";
import { publicRateLimit } from "../http/rate-limit.ts";
import type { App, AppDeps } from "../http/types.ts";
import { answersCsv, answersJson, figuresCsv } from "./opinions.open-data.ts";
import { exportPublishedOpinionsOfUnit, getUnitPublicSummary } from "./opinions.publication.service.ts";
import { presentPublicSummary, presentPublishedOpinions } from "./opinions.presenter.ts";
import { PublicSummaryQuery, PublicSummaryResponse, PublicUnitParams, PublishedOpinionsResponse } from "./opinions.schemas.ts";

/** The JSON download of a unit's published answers: the public page's items over a period. */
const OpenDataAnswersResponse = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  items: PublishedOpinionsResponse.shape.items,
});

const CSV_TYPE = "text/csv; charset=utf-8";

/**
 * Open data of a unit (no account): its public figures and its published answers over a period, as CSV and JSON
 * files, with exactly what its public page shows (the same rows, the same removal of personal data).
 */
export function registerOpenDataRoutes(app: App, { db, config }: AppDeps) {
  const limit = publicRateLimit(config.publicRateLimitPerMinute);
  const base = "/api/public/units/:unitId/open-data";
  const schema = (response: z.ZodType) => ({
    tags: ["public"],
    params: PublicUnitParams,
    querystring: PublicSummaryQuery,
    response: { 200: response },
  });
  const fileName = (what: string, period: { from: string; to: string }, ext: string) =>
    `attachment; filename="${what}-${period.from}-${period.to}.${ext}"`;

  const figures = async (unitId: string, query: { from?: string; to?: string }) =>
    presentPublicSummary(await getUnitPublicSummary({ db, unitId, ...query }));
  const answers = async (unitId: string, query: { from?: string; to?: string }) => {
    const exported = await exportPublishedOpinionsOfUnit({ db, unitId, ...query });
    const pages = (async function* () {
      for await (const page of exported.pages) yield presentPublishedOpinions({ items: page, nextCursor: null }).items;
    })();
    return { head: { unitId: exported.unitId, unitName: exported.unitName, period: exported.period }, pages };
  };

  app.get(`${base}/figures.json`, { config: limit, schema: schema(PublicSummaryResponse) }, async (request, reply) => {
    const summary = await figures(request.params.unitId, request.query);
    return reply.header("content-disposition", fileName("figures", summary.period, "json")).send(summary);
  });

  app.get(`${base}/figures.csv`, { config: limit, schema: schema(z.string()) }, async (request, reply) => {
    const summary = await figures(request.params.unitId, request.query);
    return reply.type(CSV_TYPE).header("content-disposition", fileName("figures", summary.period, "csv")).send(figuresCsv(summary));
  });

  app.get(`${base}/answers.json`, { config: limit, schema: schema(OpenDataAnswersResponse) }, async (request, reply) => {
    const { head, pages } = await answers(request.params.unitId, request.query);
    return reply
      .type("application/json; charset=utf-8")
      .header("content-disposition", fileName("answers", head.period, "json"))
      .send(Readable.from(answersJson(head, pages)));
  });

  app.get(`${base}/answers.csv`, { config: limit, schema: schema(z.string()) }, async (request, reply) => {
    const { head, pages } = await answers(request.params.unitId, request.query);
    return reply
      .type(CSV_TYPE)
      .header("content-disposition", fileName("answers", head.period, "csv"))
      .send(Readable.from(answersCsv(pages)));
  });
}
