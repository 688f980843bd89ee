import { z } from "zod";
import { refineDayRange } from "../http/schemas.ts";
import { IsoDate, MAX_CONTENT_LENGTH, OptionalText, Text, Topics } from "./opinions.schemas.ts";
import {
  CONTENT_GROUPS,
  OPINION_ACTIONS,
  OPINION_CHANNELS,
  OPINION_KINDS,
  OPINION_STATUSES,
  OPINION_URGENCIES,
  ROUTING_KINDS,
} from "./opinions.workflow.ts";

/* The officer console's request and response shapes (the citizen's are in opinions.schemas.ts). */

/** GET /api/opinions */
export const OpinionListQuery = z.object({
  status: z.enum(OPINION_STATUSES).optional(),
  kind: z.enum(OPINION_KINDS).optional(),
  channel: z.enum(OPINION_CHANNELS).optional(),
  topic: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/).optional(),
  overdue: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
  /** Words to find in the content, with or without diacritics. */
  q: z.string().max(200).optional(),
  /** Received on or after this day (dd/mm/yyyy shown, yyyy-mm-dd sent), in Vietnam's time. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  unitId: z.uuid().optional(),
  assignedToMe: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
  /** Escalated to a superior unit after its deadline passed. */
  escalated: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
}).superRefine(refineDayRange);
export type OpinionListQuery = z.infer<typeof OpinionListQuery>;

const OpinionListItem = z.object({
  id: z.uuid(),
  trackingCode: z.string(),
  status: z.enum(OPINION_STATUSES),
  kind: z.enum(OPINION_KINDS),
  channel: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  excerpt: z.string(),
  isAnonymous: z.boolean(),
  hasContact: z.boolean(),
  createdAt: z.string(),
  receivedAt: z.string(),
  answeredAt: z.string().nullable(),
  urgency: z.enum(OPINION_URGENCIES),
  answerDueAt: z.string().nullable(),
  isOverdue: z.boolean(),
  topics: z.array(z.string()),
  contentGroup: z.enum(CONTENT_GROUPS).nullable(),
  assignedTo: z.string().nullable(),
  isEscalated: z.boolean(),
});

export const OpinionListResponse = z.object({
  items: z.array(OpinionListItem),
  nextCursor: z.string().nullable(),
});
export type OpinionListResponse = z.infer<typeof OpinionListResponse>;

/** Path parameter of an opinion. */
export const OpinionIdParams = z.object({ id: z.uuid() });
/** Path parameters of an answer of an opinion. */
export const AnswerIdParams = z.object({ id: z.uuid(), answerId: z.uuid() });

const AnswerResponseShape = z.object({
  id: z.uuid(),
  content: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
  status: z.enum(["pending", "approved", "returned"]),
  method: z.enum(["written", "on_spot"]),
  reviewerName: z.string().nullable(),
  reviewComment: z.string().nullable(),
});

/** GET /api/opinions/{id} */
export const OpinionDetailResponse = OpinionListItem.omit({ excerpt: true }).extend({
  content: z.string(),
  publicConsent: z.boolean(),
  targetOfficer: z.string().nullable(),
  concernedUnitName: z.string().nullable(),
  locationUnitName: z.string().nullable(),
  routedTrack: z.enum(ROUTING_KINDS).nullable(),
  routedTo: z.string().nullable(),
  transferredTo: z.string().nullable(),
  mergedIntoCode: z.string().nullable(),
  reopenCount: z.number().int(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  /** The forum it was raised at ("Công an lắng nghe ý kiến Nhân dân"), if any. */
  forum: z.object({ id: z.uuid(), title: z.string(), startsAt: z.string() }).nullable(),
  history: z.array(
    z.object({
      type: z.string(),
      status: z.enum(OPINION_STATUSES),
      at: z.string(),
      actorName: z.string().nullable(),
      note: z.string().nullable(),
      target: z.string().nullable(),
    }),
  ),
  answers: z.array(AnswerResponseShape),
  actions: z.array(z.enum(OPINION_ACTIONS)),
  canAnswer: z.boolean(),
  canViewContact: z.boolean(),
});
export type OpinionDetailResponse = z.infer<typeof OpinionDetailResponse>;

/** GET /api/opinions/{id}/similar: possible duplicates to merge. */
export const SimilarOpinionsResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      trackingCode: z.string(),
      status: z.enum(OPINION_STATUSES),
      excerpt: z.string(),
      createdAt: z.string(),
      /** Trigram similarity of the folded texts, 0–1. */
      similarity: z.number(),
    }),
  ),
});
export type SimilarOpinionsResponse = z.infer<typeof SimilarOpinionsResponse>;

/** GET /api/opinions/{id}/contact: only for roles that may see it; audited. */
export const ContactResponse = z.object({
  name: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type ContactResponse = z.infer<typeof ContactResponse>;

/** POST /api/opinions/{id}/answers: an officer's draft (a leader's is approved at once). */
export const CreateAnswerBody = z.object({ content: Text(MAX_CONTENT_LENGTH) });
export const AnswerResponse = AnswerResponseShape;
export type AnswerResponse = z.infer<typeof AnswerResponse>;

/** POST /api/opinions/{id}/answers/{answerId}/return: the leader's comment is required. */
export const ReturnAnswerBody = z.object({ comment: Text(1000) });

const Reason = Text(1000);

/** POST /api/opinions/{id}/steps: one step of the workflow (see opinions.workflow.ts). */
export const OpinionStepBody = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("classify"),
    kind: z.enum(OPINION_KINDS).optional(),
    contentGroup: z.enum(CONTENT_GROUPS).optional(),
    topics: Topics.optional(),
    urgency: z.enum(OPINION_URGENCIES).optional(),
  }),
  z.object({ action: z.literal("assign"), userId: z.uuid() }),
  z.object({ action: z.literal("start") }),
  z.object({ action: z.literal("answer_on_spot"), content: Text(MAX_CONTENT_LENGTH) }),
  z.object({ action: z.literal("close") }),
  z.object({ action: z.literal("reject"), reason: Reason }),
  z.object({ action: z.literal("transfer"), unitId: z.uuid(), reason: Reason }),
  z.object({ action: z.literal("transfer_out"), to: Text(200), reason: Reason }),
  z.object({
    action: z.literal("route"),
    track: z.enum(ROUTING_KINDS).optional(),
    to: Text(200),
    note: OptionalText(1000),
  }),
  /** Into the opinion with this tracking code (as officers read it), of the same unit. */
  z.object({ action: z.literal("merge"), intoCode: z.string().max(40) }),
]);
export type OpinionStepBody = z.infer<typeof OpinionStepBody>;

/** POST /api/opinions/bulk-steps: the same step (assign, classify, start) on several opinions at once. */
export const BulkStepBody = z.object({
  ids: z.array(z.uuid()).min(1).max(100),
  step: z.discriminatedUnion("action", [
    z.object({ action: z.literal("assign"), userId: z.uuid() }),
    z.object({ action: z.literal("start") }),
    z.object({
      action: z.literal("classify"),
      kind: z.enum(OPINION_KINDS).optional(),
      contentGroup: z.enum(CONTENT_GROUPS).optional(),
      topics: Topics.optional(),
      urgency: z.enum(OPINION_URGENCIES).optional(),
    }),
  ]),
});
export type BulkStepBody = z.infer<typeof BulkStepBody>;

/** What happened to each opinion of a bulk step: its new status, or why it was refused. */
export const BulkStepResponse = z.object({
  results: z.array(
    z.object({
      id: z.uuid(),
      status: z.enum(OPINION_STATUSES).optional(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
});
