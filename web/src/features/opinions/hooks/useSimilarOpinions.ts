import { useQuery } from "@tanstack/react-query";
import { fetchSimilar, opinionKeys } from "../api";

/** Possible duplicates of an opinion (only fetched when `enabled`). */
export function useSimilarOpinions(opinionId: string, enabled: boolean) {
  return useQuery({
    queryKey: opinionKeys.similar(opinionId),
    queryFn: ({ signal }) => fetchSimilar(opinionId, signal),
    enabled,
    select: (data) => data.items,
  });
}
