import { useMutation, useQueryClient } from "@tanstack/react-query";
import { opinionKeys } from "../api";

/** A change to an opinion (a step, an answer, a review); afterwards the opinion and the inbox are refreshed. */
export function useOpinionMutation<TVariables, TResult>(mutationFn: (variables: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: opinionKeys.all });
    },
  });
}
