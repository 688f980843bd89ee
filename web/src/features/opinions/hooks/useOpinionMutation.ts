import { useMutation, useQueryClient } from "@tanstack/react-query";
import { opinionKeys } from "../api";

/**
 * A change to an opinion (a step, an answer, a review); afterwards the opinion and the inbox are refreshed,
 * then `onDone` runs. `onDone` is given to the hook rather than to `mutate` because the refreshed opinion
 * may no longer offer the form that made the change, which then unmounts: `mutate`'s own callbacks would
 * be dropped with it, the hook's are not.
 */
export function useOpinionMutation<TVariables, TResult>(
  mutationFn: (variables: TVariables) => Promise<TResult>,
  onDone?: (result: TResult, variables: TVariables) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (result, variables) => {
      await queryClient.invalidateQueries({ queryKey: opinionKeys.all });
      onDone?.(result, variables);
    },
  });
}
