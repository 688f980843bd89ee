import { useMutation, useQueryClient } from "@tanstack/react-query";
import { logout, meQueryKey } from "../api";

/** Signs out and forgets every cached officer-only answer. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] === "opinions" });
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
