import { useInfiniteQuery } from "@tanstack/react-query";
import { fetchOpinionPage, opinionKeys, type OpinionStatus } from "../api";

/** The inbox, page by page ("load more" follows `nextCursor`). */
export function useOpinionList(status: OpinionStatus | null) {
  return useInfiniteQuery({
    queryKey: opinionKeys.list(status),
    queryFn: ({ pageParam, signal }) => fetchOpinionPage({ status, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}
