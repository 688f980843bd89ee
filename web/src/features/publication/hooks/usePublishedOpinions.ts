import { useInfiniteQuery } from "@tanstack/react-query";
import { fetchPublishedOpinions, publicationKeys } from "../api";

/** A unit's published opinions, page by page. */
export function usePublishedOpinions(unitId: string) {
  return useInfiniteQuery({
    queryKey: publicationKeys.opinions(unitId),
    queryFn: ({ pageParam, signal }) => fetchPublishedOpinions({ unitId, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
