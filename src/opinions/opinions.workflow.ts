/**
 * The opinion lifecycle of DOMAIN.md §3 as data: RECEIVED → CLASSIFIED → ASSIGNED → IN_PROGRESS →
 * ANSWERED → NOTIFIED → CLOSED, with the side states. Pure functions only.
 */
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

/** A state of an opinion. */
export type OpinionStatus = (typeof OPINION_STATUSES)[number];

/** States in which the unit still owes the citizen an answer (deadlines run, OVERDUE can apply). */
export const OPEN_STATUSES: readonly OpinionStatus[] = ["RECEIVED", "CLASSIFIED", "ASSIGNED", "IN_PROGRESS"];

/** Whether the unit still owes an answer. */
export function isOpenStatus(status: OpinionStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** Something that moves an opinion from one state to another. */
export type OpinionAction = "answer";

const TRANSITIONS: Record<OpinionAction, { from: readonly OpinionStatus[]; to: OpinionStatus }> = {
  answer: { from: ["RECEIVED", "CLASSIFIED", "ASSIGNED", "IN_PROGRESS"], to: "ANSWERED" },
};

/** The state `action` leads to from `status`, or undefined when the workflow forbids it. */
export function nextStatus(status: OpinionStatus, action: OpinionAction): OpinionStatus | undefined {
  const transition = TRANSITIONS[action];
  return transition.from.includes(status) ? transition.to : undefined;
}

/** How urgent an opinion is; decides its deadline with its kind. */
export const OPINION_URGENCIES = ["normal", "urgent"] as const;
export type OpinionUrgency = (typeof OPINION_URGENCIES)[number];

/** The kinds of opinion handled in this workflow. */
export const OPINION_KINDS = ["praise", "reflection", "recommendation", "question"] as const;
export type OpinionKind = (typeof OPINION_KINDS)[number];

/** Channels through which an opinion arrives (DOMAIN.md §3), recorded on every opinion. */
export const OPINION_CHANNELS = [
  "web",
  "qr",
  "forum",
  "paper_form",
  "q4_letter",
  "letter",
  "in_person",
  "suggestion_box",
  "hotline",
  "email",
  "zalo",
  "import",
  "media",
  "other",
] as const;
export type OpinionChannel = (typeof OPINION_CHANNELS)[number];

/** The channels a citizen's own submission can carry: the web form, or the same form opened from a QR code. */
export const CITIZEN_CHANNELS = ["web", "qr"] as const satisfies readonly OpinionChannel[];
