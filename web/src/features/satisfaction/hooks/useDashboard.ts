import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { currentLanguage } from "../../../i18n";
import { fetchDashboard, fetchPublicResults, satisfactionKeys } from "../api";

/** An officer's dashboard for a campaign, period and unit (the previous one stays shown while loading). */
export function useDashboard(params: { campaignId: string; period: string; unitId: string }) {
  const language = currentLanguage();
  return useQuery({
    queryKey: satisfactionKeys.dashboard(params.campaignId, params.period, params.unitId, language),
    queryFn: ({ signal }) => fetchDashboard(params, signal),
    enabled: params.campaignId !== "",
    placeholderData: keepPreviousData,
  });
}

/** A published campaign's public results. */
export function usePublicResults(campaignId: string, period: string) {
  const language = currentLanguage();
  return useQuery({
    queryKey: satisfactionKeys.results(campaignId, period, language),
    queryFn: ({ signal }) => fetchPublicResults(campaignId, period, signal),
  });
}
