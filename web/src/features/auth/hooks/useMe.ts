import { useQuery } from "@tanstack/react-query";
import { fetchMe, meQueryKey } from "../api";

/** The signed-in officer; `data` is null when there is no session. */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 60_000,
  });
}
