import { apiGet, apiPost } from "../../app/api-client";

export const REMEDIAL_STATUSES = ["planned", "in_progress", "done", "verified"] as const;
export type RemedialStatus = (typeof REMEDIAL_STATUSES)[number];

/** A remedial action ("tự soi, tự sửa") of an opinion. */
export interface RemedialAction {
  id: string;
  opinionId: string;
  title: string;
  ownerName: string;
  /** yyyy-mm-dd */
  dueDate: string;
  status: RemedialStatus;
  evidence: string | null;
  isOverdue: boolean;
  createdAt: string;
  doneAt: string | null;
  verifiedAt: string | null;
  verifiedBy: string | null;
  nextStatuses: RemedialStatus[];
}

export const remedyKeys = { ofOpinion: (opinionId: string) => ["remedies", opinionId] as const };

/** The remedial actions of an opinion, and whether the user may add one. */
export function fetchRemedialActions(opinionId: string, signal?: AbortSignal) {
  return apiGet<{ items: RemedialAction[]; canCreate: boolean }>(`/api/opinions/${encodeURIComponent(opinionId)}/remedial-actions`, signal);
}

/** Plans a remedial action. */
export function createRemedialAction(opinionId: string, body: { title: string; ownerName: string; dueDate: string }) {
  return apiPost<RemedialAction>(`/api/opinions/${encodeURIComponent(opinionId)}/remedial-actions`, body);
}

/** Moves a remedial action on (evidence required to mark it done). */
export function moveRemedialAction(id: string, body: { status: RemedialStatus; evidence?: string }) {
  return apiPost<RemedialAction>(`/api/remedial-actions/${encodeURIComponent(id)}/status`, body);
}
