import { apiGet, apiPost } from "../../app/api-client";

/** Workflow states of an opinion (ý kiến). */
export const OPINION_STATUSES = [
  "RECEIVED",
  "CLASSIFIED",
  "ASSIGNED",
  "IN_PROGRESS",
  "ANSWERED",
  "NOTIFIED",
  "CLOSED",
  "REJECTED",
  "TRANSFERRED",
  "ROUTED",
  "MERGED",
] as const;
export type OpinionStatus = (typeof OPINION_STATUSES)[number];

/** Kinds: biểu dương, phản ánh, kiến nghị/đề xuất, hỏi đáp. */
export const OPINION_KINDS = ["praise", "reflection", "recommendation", "question"] as const;
export type OpinionKind = (typeof OPINION_KINDS)[number];

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
}

/** The receipt of a submission: the tracking code (mã tra cứu), grouped as the server formats it. */
export interface SubmitOpinionReceipt {
  trackingCode: string;
  status: OpinionStatus;
}

export interface HistoryEntry {
  status: OpinionStatus;
  at: string;
  actorName?: string | null;
}

/** What a citizen sees with a tracking code: never personal data. */
export interface TrackedOpinion {
  trackingCode: string;
  status: OpinionStatus;
  kind: OpinionKind;
  unitName: string;
  createdAt: string;
  /** When the unit should answer by (working days, holidays excluded); null without a deadline rule. */
  answerDueAt: string | null;
  history: HistoryEntry[];
  answer?: { content: string; answeredAt: string } | null;
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
  answeredAt: string | null;
  answerDueAt: string | null;
  isOverdue: boolean;
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
}

/** An opinion as an officer sees it, with what the officer may do. */
export interface OpinionDetail extends Omit<OpinionListItem, "excerpt"> {
  content: string;
  publicConsent: boolean;
  history: HistoryEntry[];
  answers: OpinionAnswer[];
  canAnswer: boolean;
  canViewContact: boolean;
}

export interface OpinionContact {
  name: string | null;
  phone: string | null;
  email: string | null;
}

/** Query keys of the opinions domain. */
export const opinionKeys = {
  all: ["opinions"] as const,
  list: (status: OpinionStatus | null) => ["opinions", "list", status ?? "all"] as const,
  detail: (id: string) => ["opinions", "detail", id] as const,
  tracked: (code: string) => ["tracked-opinion", code] as const,
};

/** Sends a citizen's opinion. */
export function submitOpinion(body: SubmitOpinionBody): Promise<SubmitOpinionReceipt> {
  return apiPost<SubmitOpinionReceipt>("/api/public/opinions", body);
}

/** Looks an opinion up by its tracking code (any case, with or without dashes). */
export function fetchTrackedOpinion(code: string, signal?: AbortSignal): Promise<TrackedOpinion> {
  return apiGet<TrackedOpinion>(`/api/public/opinions/${encodeURIComponent(code)}`, signal);
}

/** One page of the inbox, newest first. */
export function fetchOpinionPage(
  { status, cursor }: { status: OpinionStatus | null; cursor: string | null },
  signal?: AbortSignal,
): Promise<OpinionPage> {
  const params = new URLSearchParams();
  if (status) params.set("status", status);
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

/** Answers an opinion; it becomes ANSWERED. */
export function answerOpinion({ opinionId, content }: { opinionId: string; content: string }): Promise<OpinionAnswer> {
  return apiPost<OpinionAnswer>(`/api/opinions/${encodeURIComponent(opinionId)}/answers`, { content });
}
