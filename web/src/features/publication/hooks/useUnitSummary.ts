import { useQuery } from "@tanstack/react-query";
import { fetchUnitSummary, publicationKeys } from "../api";

/** A unit's public figures. */
export function useUnitSummary(unitId: string) {
  return useQuery({
    queryKey: publicationKeys.summary(unitId),
    queryFn: ({ signal }) => fetchUnitSummary(unitId, signal),
  });
}
