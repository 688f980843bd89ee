import { useQuery } from "@tanstack/react-query";
import { fetchOpinion, opinionKeys } from "../api";

/** One opinion as the signed-in officer sees it. */
export function useOpinion(id: string) {
  return useQuery({
    queryKey: opinionKeys.detail(id),
    queryFn: ({ signal }) => fetchOpinion(id, signal),
  });
}
