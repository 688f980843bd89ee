import { z } from "zod";
import { normalizeText } from "../text/vietnamese.ts";
import { CITIZEN_CHANNELS, OPINION_KINDS, OPINION_STATUSES, OPINION_URGENCIES } from "./opinions.workflow.ts";

/** The longest opinion or answer accepted, in characters after normalisation. */
export const MAX_CONTENT_LENGTH = 5000;

/** Free text as stored: NFC, trimmed, not blank, at most `max` characters. */
const Text = (max: number) => z.string().transform(normalizeText).pipe(z.string().min(1).max(max));
const OptionalText = (max: number) =>
  z
    .string()
    .transform(normalizeText)
    .pipe(z.string().max(max))
    .optional()
    .transform((v) => (v ? v : undefined));

/** Contact details a citizen may leave; all optional, blank fields ignored. */
export const ContactInput = z.object({
  name: OptionalText(100),
  phone: z
    .string()
    .trim()
    .regex(/^$|^\+?[0-9 ().-]{8,20}$/)
    .optional()
    .transform((v) => (v ? v : undefined)),
  email: z
    .string()
    .trim()
    .max(254)
    .pipe(z.union([z.literal(""), z.email()]))
    .optional()
    .transform((v) => (v ? v.toLowerCase() : undefined)),
});
export type ContactInput = z.infer<typeof ContactInput>;

/** POST /api/public/opinions */
export const CreateOpinionBody = z.object({
  unitId: z.uuid(),
  content: Text(MAX_CONTENT_LENGTH),
  kind: z.enum(OPINION_KINDS).default("reflection"),
  channel: z.enum(CITIZEN_CHANNELS).default("web"),
  anonymous: z.boolean().optional(),
  contact: ContactInput.optional(),
  publicConsent: z.boolean().default(false),
});
export type CreateOpinionBody = z.infer<typeof CreateOpinionBody>;

/** The receipt of a submission. */
export const OpinionReceiptResponse = z.object({
  trackingCode: z.string(),
  status: z.enum(OPINION_STATUSES),
});
export type OpinionReceiptResponse = z.infer<typeof OpinionReceiptResponse>;

/** GET /api/public/opinions/{trackingCode} */
export const TrackingCodeParams = z.object({ trackingCode: z.string().max(40) });

/** What a citizen sees with a tracking code: never personal data. */
export const PublicOpinionResponse = z.object({
  trackingCode: z.string(),
  status: z.enum(OPINION_STATUSES),
  kind: z.enum(OPINION_KINDS),
  unitName: z.string(),
  createdAt: z.string(),
  answerDueAt: z.string().nullable(),
  history: z.array(z.object({ status: z.enum(OPINION_STATUSES), at: z.string() })),
  answer: z.object({ content: z.string(), answeredAt: z.string() }).optional(),
});
export type PublicOpinionResponse = z.infer<typeof PublicOpinionResponse>;

/** GET /api/opinions */
export const OpinionListQuery = z.object({
  status: z.enum(OPINION_STATUSES).optional(),
  overdue: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
  unitId: z.uuid().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
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
  answeredAt: z.string().nullable(),
  urgency: z.enum(OPINION_URGENCIES),
  answerDueAt: z.string().nullable(),
  isOverdue: z.boolean(),
});

export const OpinionListResponse = z.object({
  items: z.array(OpinionListItem),
  nextCursor: z.string().nullable(),
});
export type OpinionListResponse = z.infer<typeof OpinionListResponse>;

/** Path parameter of an opinion. */
export const OpinionIdParams = z.object({ id: z.uuid() });

const AnswerResponseShape = z.object({
  id: z.uuid(),
  content: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
});

/** GET /api/opinions/{id} */
export const OpinionDetailResponse = OpinionListItem.omit({ excerpt: true }).extend({
  content: z.string(),
  publicConsent: z.boolean(),
  history: z.array(z.object({ status: z.enum(OPINION_STATUSES), at: z.string(), actorName: z.string().nullable() })),
  answers: z.array(AnswerResponseShape),
  canAnswer: z.boolean(),
  canViewContact: z.boolean(),
});
export type OpinionDetailResponse = z.infer<typeof OpinionDetailResponse>;

/** GET /api/opinions/{id}/contact: only for roles that may see it; audited. */
export const ContactResponse = z.object({
  name: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type ContactResponse = z.infer<typeof ContactResponse>;

/** POST /api/opinions/{id}/answers */
export const CreateAnswerBody = z.object({ content: Text(MAX_CONTENT_LENGTH) });
export const AnswerResponse = AnswerResponseShape;
export type AnswerResponse = z.infer<typeof AnswerResponse>;
