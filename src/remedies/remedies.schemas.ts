import { z } from "zod";
import { Day, Text } from "../http/schemas.ts";
import { REMEDIAL_STATUSES } from "./remedies.workflow.ts";

/** POST /api/opinions/{id}/remedial-actions */
export const CreateRemedialActionBody = z.object({
  title: Text(500),
  /** The person responsible (an officer's name and rank, or a team). */
  ownerName: Text(200),
  dueDate: Day,
});
export type CreateRemedialActionBody = z.infer<typeof CreateRemedialActionBody>;

/** POST /api/remedial-actions/{id}/status: evidence is required to mark it done. */
export const RemedialStatusBody = z.object({
  status: z.enum(REMEDIAL_STATUSES),
  evidence: Text(2000).optional(),
});
export type RemedialStatusBody = z.infer<typeof RemedialStatusBody>;

/** Path parameter of a remedial action. */
export const RemedialActionParams = z.object({ id: z.uuid() });

/** A remedial action as the console shows it. */
export const RemedialActionResponse = z.object({
  id: z.uuid(),
  opinionId: z.uuid(),
  title: z.string(),
  ownerName: z.string(),
  dueDate: z.string(),
  status: z.enum(REMEDIAL_STATUSES),
  evidence: z.string().nullable(),
  isOverdue: z.boolean(),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  verifiedBy: z.string().nullable(),
  /** The statuses the current user may move it to. */
  nextStatuses: z.array(z.enum(REMEDIAL_STATUSES)),
});
export type RemedialActionResponse = z.infer<typeof RemedialActionResponse>;

export const RemedialActionListResponse = z.object({ items: z.array(RemedialActionResponse), canCreate: z.boolean() });
