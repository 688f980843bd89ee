import { useQuery } from "@tanstack/react-query";
import { fetchPublicSurvey, surveyKeys } from "../api";

/** The survey form of one evaluated unit. */
export function usePublicSurvey(campaignId: string, unitId: string) {
  return useQuery({
    queryKey: surveyKeys.publicForm(campaignId, unitId),
    queryFn: ({ signal }) => fetchPublicSurvey(campaignId, unitId, signal),
    staleTime: Infinity,
  });
}
