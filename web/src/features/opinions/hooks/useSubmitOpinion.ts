import { useMutation } from "@tanstack/react-query";
import { submitOpinion } from "../api";

/** Sends a citizen's opinion and returns the receipt (tracking code). */
export function useSubmitOpinion() {
  return useMutation({ mutationFn: submitOpinion });
}
