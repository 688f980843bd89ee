import { useMutation } from "@tanstack/react-query";
import { isApiError } from "../../../app/api-client";
import { sendSurveyResponse, type SurveyResponseBody } from "../api";

const RETRY_DELAYS_MS = [1000, 3000, 7000];

/**
 * Sends the response, retrying with the same client key when the network or the server failed (the
 * server records a key once, so a retry never counts twice); a refusal (4xx) is not retried.
 */
export function useSendSurveyResponse(campaignId: string, unitId: string) {
  return useMutation({
    mutationFn: (body: SurveyResponseBody) => sendSurveyResponse(campaignId, unitId, body),
    retry: (failures, error) => failures < RETRY_DELAYS_MS.length && (!isApiError(error) || error.status === 0 || error.status >= 500),
    retryDelay: (attempt) => RETRY_DELAYS_MS[attempt] ?? 7000,
  });
}
