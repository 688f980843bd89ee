/** The life of a remedial action ("tự soi, tự sửa"): planned → in progress → done → verified. Pure data. */
export const REMEDIAL_STATUSES = ["planned", "in_progress", "done", "verified"] as const;
export type RemedialStatus = (typeof REMEDIAL_STATUSES)[number];

/** Who may move an action where: officers and leaders carry it out; only a leader verifies or sends it back. */
const MOVES: Record<RemedialStatus, Partial<Record<RemedialStatus, readonly ("officer" | "leader")[]>>> = {
  planned: { in_progress: ["officer", "leader"], done: ["officer", "leader"] },
  in_progress: { done: ["officer", "leader"] },
  done: { verified: ["leader"], in_progress: ["leader"] },
  verified: {},
};

/** Whether `role` may move an action from `from` to `to`. */
export function canMoveRemedial(from: RemedialStatus, to: RemedialStatus, role: "officer" | "leader"): boolean {
  return MOVES[from][to]?.includes(role) ?? false;
}

/** The statuses `role` may move an action to from `from`. */
export function nextRemedialStatuses(from: RemedialStatus, role: "officer" | "leader"): RemedialStatus[] {
  return REMEDIAL_STATUSES.filter((to) => canMoveRemedial(from, to, role));
}
