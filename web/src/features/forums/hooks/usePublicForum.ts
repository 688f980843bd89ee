import { useQuery } from "@tanstack/react-query";
import { fetchPublicForum, forumKeys } from "../api";

/** A forum's public page data (its first call also gives the phone its device id for "+1"). */
export function usePublicForum(id: string) {
  return useQuery({ queryKey: forumKeys.public(id), queryFn: ({ signal }) => fetchPublicForum(id, signal), retry: false });
}
