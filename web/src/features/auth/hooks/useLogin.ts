import { useMutation, useQueryClient } from "@tanstack/react-query";
import { login, meQueryKey } from "../api";

/** Signs in, then refreshes the session query. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
