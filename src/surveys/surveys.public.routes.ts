import { deviceIdOf, ensureDeviceCookie, perDeviceLimit } from "../http/device.ts";
import { AppError } from "../http/errors.ts";
import type { App, AppDeps } from "../http/types.ts";
import { presentPublicSurvey } from "./surveys.presenter.ts";
import { getPublicSurvey, submitSurveyResponse } from "./surveys.responses.service.ts";
import { CampaignUnitParams, PublicSurveyResponse, SubmitResponseBody, SubmitResponseResult } from "./surveys.schemas.ts";

const perAddress = (max: number) => ({
  rateLimit: {
    max,
    timeWindow: 60_000,
    errorResponseBuilder: (_request: unknown, context: { ttl: number }) =>
      new AppError(429, "request.rate_limited", { params: { seconds: Math.ceil(context.ttl / 1000) } }),
  },
});

/** The citizen's survey endpoints: the form of a unit, and one response per device (exactly once). */
export function registerPublicSurveyRoutes(app: App, { db, config }: AppDeps) {
  const limit = config.publicRateLimitPerMinute;

  app.get(
    "/api/public/surveys/:campaignId/units/:unitId",
    { config: perAddress(limit * 4), schema: { tags: ["public"], params: CampaignUnitParams, response: { 200: PublicSurveyResponse } } },
    async (request, reply) => {
      ensureDeviceCookie(request, reply);
      reply.header("cache-control", "no-store");
      const { campaignId, unitId } = request.params;
      return presentPublicSurvey(await getPublicSurvey({ db, campaignId, unitId }), unitId);
    },
  );

  app.post(
    "/api/public/surveys/:campaignId/units/:unitId/responses",
    {
      config: perAddress(limit),
      onRequest: perDeviceLimit(app, config.publicRateLimitPerDevicePerMinute),
      schema: {
        tags: ["public"],
        params: CampaignUnitParams,
        body: SubmitResponseBody,
        response: { 200: SubmitResponseResult, 201: SubmitResponseResult },
      },
    },
    async (request, reply) => {
      ensureDeviceCookie(request, reply);
      const { campaignId, unitId } = request.params;
      const result = await submitSurveyResponse({ db, campaignId, unitId, input: request.body, deviceId: deviceIdOf(request) });
      return reply.status(result.status === "recorded" ? 201 : 200).send(result);
    },
  );
}
