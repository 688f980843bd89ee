import { useMutation, useQueryClient } from "@tanstack/react-query";
import { opinionKeys, rateOpinion } from "../api";

/** The citizen rates the answer; the tracked opinion is refreshed (it is now closed and rated). */
export function useRateOpinion(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ score, comment }: { score: number; comment?: string }) => rateOpinion({ code, score, comment }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: opinionKeys.tracked(code) });
    },
  });
}
