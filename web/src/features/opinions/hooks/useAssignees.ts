import { useQuery } from "@tanstack/react-query";
import { fetchAssignees, opinionKeys } from "../api";

/** The officers and leaders an opinion can be assigned to (only fetched when `enabled`). */
export function useAssignees(opinionId: string, enabled: boolean) {
  return useQuery({
    queryKey: opinionKeys.assignees(opinionId),
    queryFn: ({ signal }) => fetchAssignees(opinionId, signal),
    enabled,
    select: (data) => data.items,
  });
}
