import { useInfiniteQuery } from "@tanstack/react-query";
import { fetchOpinionPage, opinionKeys, type InboxFilter } from "../api";

/** The inbox for a filter, page by page ("load more" follows `nextCursor`). */
export function useOpinionList(filter: InboxFilter) {
  return useInfiniteQuery({
    queryKey: opinionKeys.list(filter),
    queryFn: ({ pageParam, signal }) => fetchOpinionPage({ filter, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}
