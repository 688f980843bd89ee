/**
 * The opinion lifecycle of DOMAIN.md §3 as data: RECEIVED → CLASSIFIED → ASSIGNED → IN_PROGRESS →
 * ANSWERED → NOTIFIED → CLOSED, with the side states. Pure functions only.
 */

/** States in which the unit still owes the citizen an answer (deadlines run, OVERDUE can apply). */
export const OPEN_STATUSES = ["RECEIVED", "CLASSIFIED", "ASSIGNED", "IN_PROGRESS"] as const;

/** States after an approved answer: the citizen may read it, rate it and ask once for another look. */
export const ANSWERED_STATUSES = ["ANSWERED", "NOTIFIED", "CLOSED"] as const;

/**
 * States in which the opinion left this workflow without an answer of its own: rejected, transferred to another
 * body, routed to a legal procedure, merged into another opinion (whose answer it shows).
 */
export const ENDED_STATUSES = ["REJECTED", "TRANSFERRED", "ROUTED", "MERGED"] as const;

/**
 * Every state, each in exactly one of the sets above: a new state must say whether the unit still owes an
 * answer. This module imports nothing: the web app imports it too (web/src/features/opinions/api.ts).
 */
export const OPINION_STATUSES = [...OPEN_STATUSES, ...ANSWERED_STATUSES, ...ENDED_STATUSES] as const;

/** A state of an opinion. */
export type OpinionStatus = (typeof OPINION_STATUSES)[number];

/** Whether the unit still owes an answer. */
export function isOpenStatus(status: OpinionStatus): boolean {
  return (OPEN_STATUSES as readonly OpinionStatus[]).includes(status);
}

/** Whether the opinion has an approved answer the citizen may read and rate. */
export function isAnsweredStatus(status: OpinionStatus): boolean {
  return (ANSWERED_STATUSES as readonly OpinionStatus[]).includes(status);
}

/** Who takes a step: an officer or a leader of the responsible unit's subtree, or the citizen (by tracking code). */
export type WorkflowRole = "officer" | "leader" | "citizen";

/**
 * Something that moves an opinion on. A step on an answer (submit, approve, return) works on the opinion's
 * pending answer; `transfer` hands the opinion to another unit, where it starts again as RECEIVED.
 */
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

interface Transition {
  from: readonly OpinionStatus[];
  /** The state after the step. */
  to: OpinionStatus;
  by: readonly WorkflowRole[];
  /** Whether the step is open to routing kinds (crime reports…), which leave this workflow. */
  forRoutingKinds: boolean;
}

const OPEN = OPEN_STATUSES;
const STAFF: readonly WorkflowRole[] = ["officer", "leader"];

/** The state machine: every step, from where, to where, by whom. Anything not listed is forbidden. */
export const TRANSITIONS: Readonly<Record<OpinionAction, Transition>> = {
  classify: { from: ["RECEIVED", "CLASSIFIED"], to: "CLASSIFIED", by: STAFF, forRoutingKinds: true },
  assign: { from: ["RECEIVED", "CLASSIFIED", "ASSIGNED"], to: "ASSIGNED", by: ["leader"], forRoutingKinds: true },
  start: { from: ["RECEIVED", "CLASSIFIED", "ASSIGNED"], to: "IN_PROGRESS", by: STAFF, forRoutingKinds: false },
  submit_answer: { from: OPEN, to: "IN_PROGRESS", by: STAFF, forRoutingKinds: false },
  approve_answer: { from: ["IN_PROGRESS"], to: "ANSWERED", by: ["leader"], forRoutingKinds: false },
  return_answer: { from: ["IN_PROGRESS"], to: "IN_PROGRESS", by: ["leader"], forRoutingKinds: false },
  answer_on_spot: { from: OPEN, to: "ANSWERED", by: STAFF, forRoutingKinds: false },
  close: { from: ["ANSWERED", "NOTIFIED"], to: "CLOSED", by: ["leader", "citizen"], forRoutingKinds: false },
  reject: { from: OPEN, to: "REJECTED", by: ["leader"], forRoutingKinds: true },
  transfer: { from: OPEN, to: "RECEIVED", by: STAFF, forRoutingKinds: true },
  transfer_out: { from: OPEN, to: "TRANSFERRED", by: ["leader"], forRoutingKinds: true },
  route: { from: OPEN, to: "ROUTED", by: STAFF, forRoutingKinds: true },
  merge: { from: OPEN, to: "MERGED", by: STAFF, forRoutingKinds: false },
  reopen: { from: ANSWERED_STATUSES, to: "IN_PROGRESS", by: ["citizen"], forRoutingKinds: false },
};

/** How many times a citizen may reopen an answered opinion (DOMAIN.md §3: once). */
export const MAX_REOPENS = 1;

/** The state `action` leads to from `status`, or undefined when the workflow forbids it. */
export function nextStatus(status: OpinionStatus, action: OpinionAction): OpinionStatus | undefined {
  const transition = TRANSITIONS[action];
  return transition.from.includes(status) ? transition.to : undefined;
}

/** Whether `role` may take `action` on an opinion of `kind` now in `status` (scope is the policy's). */
export function isStepAllowed({
  action,
  status,
  kind,
  role,
}: {
  action: OpinionAction;
  status: OpinionStatus;
  kind: OpinionKind;
  role: WorkflowRole;
}): boolean {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(status) || !transition.by.includes(role)) return false;
  return transition.forRoutingKinds || !isRoutingKind(kind);
}

/** Whether `action` is a step of `role` at all, whatever the opinion's state (a permission, checked first). */
export function isRoleStep(action: OpinionAction, role: WorkflowRole): boolean {
  return TRANSITIONS[action].by.includes(role);
}

/** The steps `role` may take now, in the order of OPINION_ACTIONS. */
export function availableActions(facts: { status: OpinionStatus; kind: OpinionKind; role: WorkflowRole }): OpinionAction[] {
  return OPINION_ACTIONS.filter((action) => isStepAllowed({ action, ...facts }));
}

/** How urgent an opinion is; decides its deadline with its kind. */
export const OPINION_URGENCIES = ["normal", "urgent"] as const;
export type OpinionUrgency = (typeof OPINION_URGENCIES)[number];

/** The kinds of opinion handled in this workflow (DOMAIN.md §3). */
export const WORKFLOW_KINDS = ["praise", "reflection", "recommendation", "question"] as const;

/**
 * Routing kinds (legal triage at intake): each has its own legal procedure outside this workflow. The
 * platform records where it routed them, when, and the outcome where allowed.
 */
export const ROUTING_KINDS = ["crime_report", "complaint", "denunciation", "regulation_feedback", "emergency"] as const;

/** Every kind an opinion can have. */
export const OPINION_KINDS = [...WORKFLOW_KINDS, ...ROUTING_KINDS] as const;
export type OpinionKind = (typeof OPINION_KINDS)[number];
export type RoutingKind = (typeof ROUTING_KINDS)[number];

/** Whether the kind leaves this workflow for a legal procedure of its own. */
export function isRoutingKind(kind: OpinionKind): kind is RoutingKind {
  return (ROUTING_KINDS as readonly string[]).includes(kind);
}

/** The four content groups of Decision 3104 (DOMAIN.md §1). */
export const CONTENT_GROUPS = ["security_situation", "duty_performance", "conduct_ethics", "force_building"] as const;
export type ContentGroup = (typeof CONTENT_GROUPS)[number];

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

/**
 * Channels where the citizen stands before the unit (a forum, the reception desk): only there can an answer be
 * given on the spot (DOMAIN.md §3); an opinion raised at a forum from a phone counts too.
 */
export const FACE_TO_FACE_CHANNELS = ["forum", "in_person"] as const satisfies readonly OpinionChannel[];

/** Whether an opinion that came by `channel` was raised face to face. */
export function isFaceToFaceChannel(channel: string): boolean {
  return (FACE_TO_FACE_CHANNELS as readonly string[]).includes(channel);
}

/** The channels a citizen's own submission can carry: the web form, or the same form opened from a QR code. */
export const CITIZEN_CHANNELS = ["web", "qr"] as const satisfies readonly OpinionChannel[];
