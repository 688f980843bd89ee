import { apiGet, apiPost } from "../../app/api-client";
import type { OpinionStatus } from "../../../../src/opinions/opinions.workflow";

// Workflow states of an opinion (ý kiến) and their sets, from the server's workflow: a module that imports nothing.
export { isOpenStatus, OPINION_STATUSES, type OpinionStatus } from "../../../../src/opinions/opinions.workflow";

/** Kinds handled here: biểu dương, phản ánh, kiến nghị/đề xuất, hỏi đáp. */
export const WORKFLOW_KINDS = ["praise", "reflection", "recommendation", "question"] as const;
/** Kinds with a legal procedure of their own (tố giác, khiếu nại, tố cáo, quy định hành chính, khẩn cấp). */
export const ROUTING_KINDS = ["crime_report", "complaint", "denunciation", "regulation_feedback", "emergency"] as const;
export const OPINION_KINDS = [...WORKFLOW_KINDS, ...ROUTING_KINDS] as const;
export type OpinionKind = (typeof OPINION_KINDS)[number];
export type RoutingKind = (typeof ROUTING_KINDS)[number];

/** Whether the kind leaves the opinions workflow for its own legal procedure. */
export function isRoutingKind(kind: OpinionKind): kind is RoutingKind {
  return (ROUTING_KINDS as readonly string[]).includes(kind);
}

/** The four content groups of Decision 3104. */
export const CONTENT_GROUPS = ["security_situation", "duty_performance", "conduct_ethics", "force_building"] as const;
export type ContentGroup = (typeof CONTENT_GROUPS)[number];

/** Steps of the workflow an officer or leader can take (the server says which apply now). */
export const OPINION_ACTIONS = [
  "classify",
  "assign",
  "start",
  "submit_answer",
  "approve_answer",
  "return_answer",
  "answer_on_spot",
  "close",
  "reject",
  "transfer",
  "transfer_out",
  "route",
  "merge",
  "reopen",
] as const;
export type OpinionAction = (typeof OPINION_ACTIONS)[number];

/** Longest opinion or answer accepted, in characters (NFC). */
export const MAX_CONTENT_LENGTH = 5000;

export interface ContactInput {
  name?: string;
  phone?: string;
  email?: string;
}

/** Body of `POST /api/public/opinions`. */
export interface SubmitOpinionBody {
  unitId: string;
  /** "qr" when the citizen came through a unit's QR code; the server defaults to "web". */
  channel?: "web" | "qr";
  content: string;
  kind: OpinionKind;
  anonymous: boolean;
  contact?: ContactInput;
  publicConsent: boolean;
  /** Topic codes from `GET /api/public/topics`. */
  topics?: string[];
  /** A named officer the opinion is about: the superior unit handles it. */
  targetOfficer?: string;
  /** About the conduct of the unit itself: the superior unit handles it. */
  aboutUnitConduct?: boolean;
  /** The honeypot: a hidden field only robots fill. */
  website?: string;
}

/** The receipt of a submission: the tracking code (mã tra cứu), grouped as the server formats it. */
export interface SubmitOpinionReceipt {
  trackingCode: string;
  status: OpinionStatus;
  kind: OpinionKind;
}

/** A step of the timeline: what happened (`type`), the state after it, and where it went or why. */
export interface HistoryEntry {
  type: string;
  status: OpinionStatus;
  at: string;
  actorName?: string | null;
  note: string | null;
  target: string | null;
}

/** What a citizen sees with a tracking code: never personal data. */
export interface TrackedOpinion {
  trackingCode: string;
  status: OpinionStatus;
  kind: OpinionKind;
  unitId: string;
  unitName: string;
  createdAt: string;
  /** When the unit should answer by (working days, holidays excluded); null without a deadline rule. */
  answerDueAt: string | null;
  isOverdue: boolean;
  history: HistoryEntry[];
  answer?: { content: string; answeredAt: string; method: "written" | "on_spot" } | null;
  rating: number | null;
  canRate: boolean;
  canReopen: boolean;
}

/** One row of the officers' inbox. */
export interface OpinionListItem {
  id: string;
  trackingCode: string;
  status: OpinionStatus;
  kind: OpinionKind;
  channel: string;
  unitId: string;
  unitName: string;
  excerpt: string;
  isAnonymous: boolean;
  hasContact: boolean;
  createdAt: string;
  receivedAt: string;
  answeredAt: string | null;
  urgency: "normal" | "urgent";
  answerDueAt: string | null;
  isOverdue: boolean;
  topics: string[];
  contentGroup: ContentGroup | null;
  assignedTo: string | null;
  isEscalated: boolean;
}

export interface OpinionPage {
  items: OpinionListItem[];
  nextCursor: string | null;
}

export interface OpinionAnswer {
  id: string;
  content: string;
  authorName: string;
  createdAt: string;
  status: "pending" | "approved" | "returned";
  method: "written" | "on_spot";
  reviewerName: string | null;
  reviewComment: string | null;
}

/** An opinion as an officer sees it, with what the officer may do. */
export interface OpinionDetail extends Omit<OpinionListItem, "excerpt"> {
  content: string;
  publicConsent: boolean;
  targetOfficer: string | null;
  concernedUnitName: string | null;
  locationUnitName: string | null;
  routedTrack: RoutingKind | null;
  routedTo: string | null;
  transferredTo: string | null;
  mergedIntoCode: string | null;
  reopenCount: number;
  rating: number | null;
  ratingComment: string | null;
  /** The forum it was raised at, if any. */
  forum: { id: string; title: string; startsAt: string } | null;
  history: HistoryEntry[];
  answers: OpinionAnswer[];
  actions: OpinionAction[];
  canAnswer: boolean;
  canViewContact: boolean;
}

export interface OpinionContact {
  name: string | null;
  phone: string | null;
  email: string | null;
}

/** A topic of the configured list. */
export interface Topic {
  code: string;
  name: string;
}

/** Filters of the inbox; every one optional. Dates are yyyy-mm-dd (Vietnam's days). */
export interface InboxFilter {
  status?: OpinionStatus;
  kind?: OpinionKind;
  channel?: string;
  topic?: string;
  overdue?: boolean;
  assignedToMe?: boolean;
  escalated?: boolean;
  q?: string;
  from?: string;
  to?: string;
}

/** One step of the workflow, as `POST /api/opinions/{id}/steps` takes it. */
export type OpinionStep =
  | { action: "classify"; kind?: OpinionKind; contentGroup?: ContentGroup; topics?: string[]; urgency?: "normal" | "urgent" }
  | { action: "assign"; userId: string }
  | { action: "start" }
  | { action: "answer_on_spot"; content: string }
  | { action: "close" }
  | { action: "reject"; reason: string }
  | { action: "transfer"; unitId: string; reason: string }
  | { action: "transfer_out"; to: string; reason: string }
  | { action: "route"; track?: RoutingKind; to: string; note?: string }
  | { action: "merge"; intoCode: string };

/** A possible duplicate of an opinion. */
export interface SimilarOpinion {
  id: string;
  trackingCode: string;
  status: OpinionStatus;
  excerpt: string;
  createdAt: string;
  similarity: number;
}

/** Someone an opinion can be assigned to. */
export interface Assignee {
  id: string;
  displayName: string;
  role: string;
}

/** Query keys of the opinions domain. */
export const opinionKeys = {
  all: ["opinions"] as const,
  list: (filter: InboxFilter) => ["opinions", "list", filter] as const,
  detail: (id: string) => ["opinions", "detail", id] as const,
  assignees: (id: string) => ["opinions", "assignees", id] as const,
  similar: (id: string) => ["opinions", "similar", id] as const,
  tracked: (code: string) => ["tracked-opinion", code] as const,
  topics: (lang: string) => ["topics", lang] as const,
};

/** Sends a citizen's opinion. */
export function submitOpinion(body: SubmitOpinionBody): Promise<SubmitOpinionReceipt> {
  return apiPost<SubmitOpinionReceipt>("/api/public/opinions", body);
}

/** Looks an opinion up by its tracking code (any case, with or without dashes). */
export function fetchTrackedOpinion(code: string, signal?: AbortSignal): Promise<TrackedOpinion> {
  return apiGet<TrackedOpinion>(`/api/public/opinions/${encodeURIComponent(code)}`, signal);
}

/** The citizen rates the answer, 1 (very dissatisfied) to 5 (very satisfied). */
export function rateOpinion({ code, score, comment }: { code: string; score: number; comment?: string }) {
  return apiPost<{ status: OpinionStatus }>(`/api/public/opinions/${encodeURIComponent(code)}/rating`, { score, comment });
}

/** The citizen asks, once, for the answered opinion to be looked at again. */
export function reopenOpinion({ code, reason }: { code: string; reason: string }) {
  return apiPost<{ status: OpinionStatus }>(`/api/public/opinions/${encodeURIComponent(code)}/reopen`, { reason });
}

/** The configured topics, in the interface language. */
export function fetchTopics(signal?: AbortSignal): Promise<{ items: Topic[] }> {
  return apiGet<{ items: Topic[] }>("/api/public/topics", signal);
}

/** One page of the inbox, newest first. */
export function fetchOpinionPage(
  { filter, cursor }: { filter: InboxFilter; cursor: string | null },
  signal?: AbortSignal,
): Promise<OpinionPage> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== "" && value !== false) params.set(key, String(value));
  }
  if (cursor) params.set("cursor", cursor);
  params.set("limit", "25");
  return apiGet<OpinionPage>(`/api/opinions?${params.toString()}`, signal);
}

/** One opinion with its timeline and answers. */
export function fetchOpinion(id: string, signal?: AbortSignal): Promise<OpinionDetail> {
  return apiGet<OpinionDetail>(`/api/opinions/${encodeURIComponent(id)}`, signal);
}

/** Reads the sender's contact details; the server records every call in the audit log. */
export function fetchOpinionContact(id: string): Promise<OpinionContact> {
  return apiGet<OpinionContact>(`/api/opinions/${encodeURIComponent(id)}/contact`);
}

/** Open opinions of the same unit with similar text: candidates to merge. */
export function fetchSimilar(id: string, signal?: AbortSignal): Promise<{ items: SimilarOpinion[] }> {
  return apiGet<{ items: SimilarOpinion[] }>(`/api/opinions/${encodeURIComponent(id)}/similar`, signal);
}

/** Who the opinion can be assigned to. */
export function fetchAssignees(id: string, signal?: AbortSignal): Promise<{ items: Assignee[] }> {
  return apiGet<{ items: Assignee[] }>(`/api/opinions/${encodeURIComponent(id)}/assignees`, signal);
}

/** An answer: an officer's is a draft for the leader to approve; a leader's goes out at once. */
export function answerOpinion({ opinionId, content }: { opinionId: string; content: string }): Promise<OpinionAnswer> {
  return apiPost<OpinionAnswer>(`/api/opinions/${encodeURIComponent(opinionId)}/answers`, { content });
}

/** A leader approves the pending draft answer, or returns it with a comment. */
export function reviewAnswer({
  opinionId,
  answerId,
  decision,
  comment,
}: {
  opinionId: string;
  answerId: string;
  decision: "approve" | "return";
  comment?: string;
}) {
  const path = `/api/opinions/${encodeURIComponent(opinionId)}/answers/${encodeURIComponent(answerId)}/${decision}`;
  return apiPost<{ status: OpinionStatus }>(path, decision === "return" ? { comment } : undefined);
}

/** What a bulk step did to each opinion. */
export interface BulkStepResult {
  id: string;
  status?: OpinionStatus;
  error?: { code: string; message: string };
}

/** The same step (assign, start, classify) on several opinions. */
export function takeBulkStep({ ids, step }: { ids: string[]; step: Extract<OpinionStep, { action: "assign" | "start" | "classify" }> }) {
  return apiPost<{ results: BulkStepResult[] }>("/api/opinions/bulk-steps", { ids, step });
}

/** Takes one step of the workflow. */
export function takeStep({ opinionId, step }: { opinionId: string; step: OpinionStep }) {
  return apiPost<{ status: OpinionStatus }>(`/api/opinions/${encodeURIComponent(opinionId)}/steps`, step);
}
