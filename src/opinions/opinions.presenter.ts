import type { OpinionRecord } from "./opinions.queries.ts";
import type {
  SimilarOpinionsResponse,
  AnswerResponse,
  OpinionDetailResponse,
  OpinionListResponse,
} from "./opinions.console.schemas.ts";
import type {
  PublicSummaryResponse,
  PublishedOpinionsResponse,
  OpinionReceiptResponse,
  PublicOpinionResponse,
} from "./opinions.schemas.ts";
import { formatTrackingCode } from "./opinions.tracking-code.ts";
import { isOverdue } from "./opinions.deadlines.ts";
import type {
  ContentGroup,
  OpinionAction,
  OpinionKind,
  OpinionStatus,
  OpinionUrgency,
  RoutingKind,
} from "./opinions.workflow.ts";
import { now as clockNow } from "../calendar/clock.ts";

const EXCERPT_LENGTH = 160;

interface EventRow {
  type: string;
  to_status: string;
  at: Date;
  note: string | null;
  details: Record<string, unknown>;
  actor_name: string | null;
}

interface AnswerRow {
  id: string;
  content: string;
  created_at: Date;
  status: "pending" | "approved" | "returned";
  method: "written" | "on_spot";
  author_name: string;
  reviewer_name: string | null;
  review_comment: string | null;
}

/** Steps that stay inside the unit: the citizen's timeline leaves them out. */
const INTERNAL_EVENTS = new Set(["answer_submitted", "answer_returned", "classified", "reminder", "escalated"]);
/** Steps whose note the citizen is told: why it was rejected, and their own reason for reopening. */
const PUBLIC_NOTES = new Set(["rejected", "reopened"]);

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length <= EXCERPT_LENGTH ? flat : `${flat.slice(0, EXCERPT_LENGTH - 1)}…`;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Where a step sent the opinion, as a person reads it: a unit, a body, a tracking code. */
function targetOf(event: EventRow): string | null {
  const d = event.details;
  const value = d.toUnitName ?? d.to ?? d.intoCode;
  return typeof value === "string" ? value : null;
}

function presentSummary(row: OpinionRecord, now: Date) {
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
    receivedAt: row.received_at.toISOString(),
    answeredAt: iso(row.answered_at),
    urgency: row.urgency as OpinionUrgency,
    answerDueAt: iso(row.answer_due_at),
    isOverdue: isOverdue({ status: row.status as OpinionStatus, dueAt: row.answer_due_at, now }),
    topics: row.topics,
    contentGroup: row.content_group as ContentGroup | null,
    assignedTo: row.assigned_name,
    isEscalated: row.escalated_at !== null,
  };
}

/** The receipt of a submission: the tracking code as read aloud, the status and the kind it was received as. */
export function presentReceipt(receipt: { trackingCode: string; status: OpinionStatus; kind: OpinionKind }): OpinionReceiptResponse {
  return { trackingCode: formatTrackingCode(receipt.trackingCode), status: receipt.status, kind: receipt.kind };
}

/** The tracking page's view: status, timeline and approved answer; no personal data, no officer names. */
export function presentPublicOpinion({
  opinion,
  events,
  answer,
  canRate,
  canReopen,
  now = clockNow(),
}: {
  opinion: OpinionRecord;
  events: EventRow[];
  answer: { content: string; created_at: Date; method: "written" | "on_spot" } | undefined;
  canRate: boolean;
  canReopen: boolean;
  now?: Date;
}): PublicOpinionResponse {
  return {
    trackingCode: formatTrackingCode(opinion.tracking_code),
    status: opinion.status as OpinionStatus,
    kind: opinion.kind as OpinionKind,
    unitId: opinion.unit_id,
    unitName: opinion.unit_name,
    createdAt: opinion.created_at.toISOString(),
    answerDueAt: iso(opinion.answer_due_at),
    isOverdue: isOverdue({ status: opinion.status as OpinionStatus, dueAt: opinion.answer_due_at, now }),
    history: events
      .filter((e) => !INTERNAL_EVENTS.has(e.type))
      .map((e) => ({
        type: e.type,
        status: e.to_status as OpinionStatus,
        at: e.at.toISOString(),
        note: PUBLIC_NOTES.has(e.type) ? e.note : null,
        target: targetOf(e),
      })),
    ...(answer
      ? { answer: { content: answer.content, answeredAt: answer.created_at.toISOString(), method: answer.method } }
      : {}),
    rating: opinion.rating,
    canRate,
    canReopen,
  };
}

/** A page of the inbox. */
export function presentOpinionList({
  rows,
  nextCursor,
  now = clockNow(),
}: {
  rows: OpinionRecord[];
  nextCursor: string | null;
  now?: Date;
}): OpinionListResponse {
  return { items: rows.map((row) => ({ ...presentSummary(row, now), excerpt: excerpt(row.content) })), nextCursor };
}

/** An answer as the console shows it. */
export function presentAnswer(a: AnswerRow): AnswerResponse {
  return {
    id: a.id,
    content: a.content,
    authorName: a.author_name,
    createdAt: a.created_at.toISOString(),
    status: a.status,
    method: a.method,
    reviewerName: a.reviewer_name,
    reviewComment: a.review_comment,
  };
}

/** The officer's detail view. Contact details are never part of it: they have their own audited endpoint. */
export function presentOpinionDetail({
  opinion,
  events,
  answers,
  forum,
  actions,
  canAnswer,
  canViewContact,
  now = clockNow(),
}: {
  now?: Date;
  opinion: OpinionRecord;
  events: EventRow[];
  answers: AnswerRow[];
  forum?: { id: string; title: string; starts_at: Date } | undefined;
  actions: OpinionAction[];
  canAnswer: boolean;
  canViewContact: boolean;
}): OpinionDetailResponse {
  return {
    ...presentSummary(opinion, now),
    content: opinion.content,
    publicConsent: opinion.public_consent,
    targetOfficer: opinion.target_officer,
    concernedUnitName: opinion.concerned_unit_name,
    locationUnitName: opinion.location_unit_name,
    routedTrack: opinion.routed_track as RoutingKind | null,
    routedTo: opinion.routed_to,
    transferredTo: opinion.transferred_to,
    mergedIntoCode: opinion.merged_into_code ? formatTrackingCode(opinion.merged_into_code) : null,
    reopenCount: opinion.reopen_count,
    rating: opinion.rating,
    ratingComment: opinion.rating_comment,
    forum: forum ? { id: forum.id, title: forum.title, startsAt: forum.starts_at.toISOString() } : null,
    history: events.map((e) => ({
      type: e.type,
      status: e.to_status as OpinionStatus,
      at: e.at.toISOString(),
      actorName: e.actor_name,
      note: e.note,
      target: targetOf(e),
    })),
    answers: answers.map(presentAnswer),
    actions,
    canAnswer,
    canViewContact,
  };
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** A unit's public figures, with the rates computed and rounded as people read them. */
export function presentPublicSummary(summary: {
  unitId: string;
  unitName: string;
  period: { from: string; to: string };
  figures: {
    received: number;
    answered: number;
    answered_on_time: number;
    mean_handling_hours: number | null;
    open: number;
    overdue: number;
    routed: number;
    rated: number;
    mean_rating: number | null;
  } | null;
}): PublicSummaryResponse {
  const f = summary.figures;
  return {
    unitId: summary.unitId,
    unitName: summary.unitName,
    period: summary.period,
    figures: {
      received: f?.received ?? 0,
      answered: f?.answered ?? 0,
      answeredOnTime: f?.answered_on_time ?? 0,
      onTimeRate: f && f.answered > 0 ? round1((100 * f.answered_on_time) / f.answered) : null,
      meanHandlingDays: f?.mean_handling_hours != null ? round1(f.mean_handling_hours / 24) : null,
      open: f?.open ?? 0,
      overdue: f?.overdue ?? 0,
      routed: f?.routed ?? 0,
      rated: f?.rated ?? 0,
      meanRating: f?.mean_rating != null ? round1(f.mean_rating) : null,
    },
  };
}

/** Published opinions, with times as ISO strings. */
export function presentPublishedOpinions(page: {
  items: {
    kind: string;
    topics: string[];
    unitName: string;
    content: string;
    receivedAt: Date;
    answeredAt: Date | null;
    answeredOnTime: boolean;
    answer: string;
    answerMethod: "written" | "on_spot";
  }[];
  nextCursor: string | null;
}): PublishedOpinionsResponse {
  return {
    items: page.items.map((item) => ({
      ...item,
      kind: item.kind as OpinionKind,
      receivedAt: item.receivedAt.toISOString(),
      answeredAt: (item.answeredAt ?? item.receivedAt).toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}

/** Possible duplicates, with a short excerpt and the similarity rounded to two decimals. */
export function presentSimilar(
  rows: { id: string; tracking_code: string; status: string; content: string; created_at: Date; similarity: number }[],
): SimilarOpinionsResponse {
  return {
    items: rows.map((row) => ({
      id: row.id,
      trackingCode: formatTrackingCode(row.tracking_code),
      status: row.status as OpinionStatus,
      excerpt: excerpt(row.content),
      createdAt: row.created_at.toISOString(),
      similarity: Math.round(row.similarity * 100) / 100,
    })),
  };
}
