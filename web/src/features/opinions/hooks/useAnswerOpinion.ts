import { useMutation, useQueryClient } from "@tanstack/react-query";
import { answerOpinion, opinionKeys } from "../api";

/** Posts an answer, then refreshes the opinion and the inbox (its status changes). */
export function useAnswerOpinion(opinionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (content: string) => answerOpinion({ opinionId, content }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: opinionKeys.all });
    },
  });
}
