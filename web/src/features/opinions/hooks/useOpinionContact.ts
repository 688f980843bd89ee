import { useMutation } from "@tanstack/react-query";
import { fetchOpinionContact } from "../api";

/**
 * Reads the sender's contact details on demand. A mutation, not a query: every read is audited,
 * so it must happen only when the officer asks, never on refocus or refetch.
 */
export function useOpinionContact(opinionId: string) {
  return useMutation({ mutationFn: () => fetchOpinionContact(opinionId) });
}
