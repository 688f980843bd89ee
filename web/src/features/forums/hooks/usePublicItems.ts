import { useQuery } from "@tanstack/react-query";
import { fetchPublicItems, forumKeys } from "../api";

/** The opinions a forum's public page lists (those the chair let through), refreshed as the forum goes on. */
export function usePublicItems(id: string, enabled: boolean) {
  return useQuery({
    queryKey: forumKeys.publicItems(id),
    queryFn: ({ signal }) => fetchPublicItems(id, signal),
    enabled,
    refetchInterval: 30_000,
  });
}
