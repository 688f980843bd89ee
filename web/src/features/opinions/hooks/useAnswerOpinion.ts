import { answerOpinion } from "../api";
import { useOpinionMutation } from "./useOpinionMutation";

/** Posts an answer (an officer's draft, or a leader's final answer), then refreshes the opinion and the inbox. */
export function useAnswerOpinion(opinionId: string) {
  return useOpinionMutation((content: string) => answerOpinion({ opinionId, content }));
}
