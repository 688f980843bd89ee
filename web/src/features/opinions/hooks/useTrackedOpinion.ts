import { useQuery } from "@tanstack/react-query";
import { isApiError } from "../../../app/api-client";
import { fetchTrackedOpinion, opinionKeys } from "../api";

/** Looks an opinion up by tracking code; a code that does not exist is not retried. */
export function useTrackedOpinion(code: string | null) {
  return useQuery({
    queryKey: opinionKeys.tracked(code ?? ""),
    queryFn: ({ signal }) => fetchTrackedOpinion(code ?? "", signal),
    enabled: Boolean(code),
    retry: (failureCount, error) => !(isApiError(error) && error.status > 0 && error.status < 500) && failureCount < 2,
  });
}
