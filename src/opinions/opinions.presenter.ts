import type {
  OpinionDetailResponse,
  OpinionListResponse,
  OpinionReceiptResponse,
  PublicOpinionResponse,
} from "./opinions.schemas.ts";
import { formatTrackingCode } from "./opinions.tracking-code.ts";
import { isOverdue } from "./opinions.deadlines.ts";
import type { OpinionKind, OpinionStatus, OpinionUrgency } from "./opinions.workflow.ts";

const EXCERPT_LENGTH = 160;

interface OpinionRow {
  id: string;
  tracking_code: string;
  unit_id: string;
  unit_name: string;
  channel: string;
  kind: string;
  status: string;
  content: string;
  is_anonymous: boolean;
  public_consent: boolean;
  has_contact: unknown;
  created_at: Date;
  answered_at: Date | null;
  urgency: string;
  answer_due_at: Date | null;
}

interface EventRow {
  to_status: string;
  at: Date;
  actor_name: string | null;
}

interface AnswerRow {
  id: string;
  content: string;
  created_at: Date;
  author_name: string;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length <= EXCERPT_LENGTH ? flat : `${flat.slice(0, EXCERPT_LENGTH - 1)}…`;
}

function presentSummary(row: OpinionRow, now: Date) {
  return {
    id: row.id,
    trackingCode: formatTrackingCode(row.tracking_code),
    status: row.status as OpinionStatus,
    kind: row.kind as OpinionKind,
    channel: row.channel,
    unitId: row.unit_id,
    unitName: row.unit_name,
    isAnonymous: row.is_anonymous,
    hasContact: Boolean(row.has_contact),
    createdAt: row.created_at.toISOString(),
    answeredAt: row.answered_at ? row.answered_at.toISOString() : null,
    urgency: row.urgency as OpinionUrgency,
    answerDueAt: row.answer_due_at ? row.answer_due_at.toISOString() : null,
    isOverdue: isOverdue({ status: row.status as OpinionStatus, dueAt: row.answer_due_at, now }),
  };
}

/** The receipt of a submission: the tracking code as read aloud, and the status. */
export function presentReceipt(receipt: { trackingCode: string; status: OpinionStatus }): OpinionReceiptResponse {
  return { trackingCode: formatTrackingCode(receipt.trackingCode), status: receipt.status };
}

/** The tracking page's view: status, timeline and answer; no personal data, no officer names. */
export function presentPublicOpinion({
  opinion,
  events,
  latestAnswer,
}: {
  opinion: OpinionRow;
  events: EventRow[];
  latestAnswer: AnswerRow | undefined;
}): PublicOpinionResponse {
  return {
    trackingCode: formatTrackingCode(opinion.tracking_code),
    status: opinion.status as OpinionStatus,
    kind: opinion.kind as OpinionKind,
    unitName: opinion.unit_name,
    createdAt: opinion.created_at.toISOString(),
    answerDueAt: opinion.answer_due_at ? opinion.answer_due_at.toISOString() : null,
    history: events.map((e) => ({ status: e.to_status as OpinionStatus, at: e.at.toISOString() })),
    ...(latestAnswer
      ? { answer: { content: latestAnswer.content, answeredAt: latestAnswer.created_at.toISOString() } }
      : {}),
  };
}

/** A page of the inbox. */
export function presentOpinionList({
  rows,
  nextCursor,
  now = new Date(),
}: {
  rows: OpinionRow[];
  nextCursor: string | null;
  now?: Date;
}): OpinionListResponse {
  return { items: rows.map((row) => ({ ...presentSummary(row, now), excerpt: excerpt(row.content) })), nextCursor };
}

/** The officer's detail view. Contact details are never part of it: they have their own audited endpoint. */
export function presentOpinionDetail({
  opinion,
  events,
  answers,
  canAnswer,
  canViewContact,
  now = new Date(),
}: {
  now?: Date;
  opinion: OpinionRow;
  events: EventRow[];
  answers: AnswerRow[];
  canAnswer: boolean;
  canViewContact: boolean;
}): OpinionDetailResponse {
  return {
    ...presentSummary(opinion, now),
    content: opinion.content,
    publicConsent: opinion.public_consent,
    history: events.map((e) => ({ status: e.to_status as OpinionStatus, at: e.at.toISOString(), actorName: e.actor_name })),
    answers: answers.map((a) => ({
      id: a.id,
      content: a.content,
      authorName: a.author_name,
      createdAt: a.created_at.toISOString(),
    })),
    canAnswer,
    canViewContact,
  };
}
