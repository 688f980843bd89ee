import { answerOpinion } from "../api";
import { useOpinionMutation } from "./useOpinionMutation";

/**
 * Posts an answer (an officer's draft, or a leader's final answer), then refreshes the opinion and the inbox
 * and calls `onSent` (the form may have unmounted by then: the workflow allows no second answer).
 */
export function useAnswerOpinion(opinionId: string, onSent: () => void) {
  return useOpinionMutation((content: string) => answerOpinion({ opinionId, content }), onSent);
}
