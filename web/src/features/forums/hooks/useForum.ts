import { useQuery } from "@tanstack/react-query";
import { fetchForum, forumKeys } from "../api";

/** One forum in the console. */
export function useForum(id: string) {
  return useQuery({ queryKey: forumKeys.forum(id), queryFn: ({ signal }) => fetchForum(id, signal) });
}
