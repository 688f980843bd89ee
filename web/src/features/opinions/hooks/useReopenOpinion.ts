import { useMutation, useQueryClient } from "@tanstack/react-query";
import { opinionKeys, reopenOpinion } from "../api";

/** The citizen asks, once, for another look; the tracked opinion is refreshed (it is in progress again). */
export function useReopenOpinion(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => reopenOpinion({ code, reason }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: opinionKeys.tracked(code) });
    },
  });
}
