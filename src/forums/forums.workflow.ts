/* Forum "Công an lắng nghe ý kiến Nhân dân": its states, the chair's decisions and marks, as data. */

export const FORUM_STATUSES = ["planned", "live", "ended", "cancelled"] as const;
export type ForumStatus = (typeof FORUM_STATUSES)[number];

/** The steps of a forum's life: start the live session, end it, or cancel a planned forum. */
export const FORUM_ACTIONS = ["start", "end", "cancel"] as const;
export type ForumAction = (typeof FORUM_ACTIONS)[number];

/** From which states each step is allowed and where it leads. */
export const FORUM_TRANSITIONS: Readonly<Record<ForumAction, { from: readonly ForumStatus[]; to: ForumStatus }>> = {
  start: { from: ["planned"], to: "live" },
  end: { from: ["live"], to: "ended" },
  cancel: { from: ["planned"], to: "cancelled" },
};

/** The state `action` leads to from `status`, or undefined when it is not allowed. */
export function nextForumStatus(status: ForumStatus, action: ForumAction): ForumStatus | undefined {
  const transition = FORUM_TRANSITIONS[action];
  return transition.from.includes(status) ? transition.to : undefined;
}

/** Whether the forum's details may still be edited (not once it has ended or was cancelled). */
export function isEditable(status: ForumStatus): boolean {
  return status === "planned" || status === "live";
}

/** Whether opinions may be sent, entered and supported now: while planned (in advance) or live. */
export function acceptsOpinions(status: ForumStatus): boolean {
  return status === "planned" || status === "live";
}

/** What the chair decides for the screens: show an opinion, hide it (personal attack, personal data), or put it on screen now. */
export const MODERATION_ACTIONS = ["show", "hide", "present"] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];
export type ModerationState = "pending" | "shown" | "hidden";

/** The moderation state after `action`; "present" also shows it. */
export function moderationAfter(action: ModerationAction): ModerationState {
  return action === "hide" ? "hidden" : "shown";
}

/**
 * The chair's mark on an opinion: answered on the spot (with the answer's note; the opinion goes to
 * ANSWERED), to be answered in writing (it stays in the normal workflow with its deadline), transferred to
 * another body, or out of the forum's scope.
 */
export const FORUM_MARKS = ["on_spot", "written", "transferred", "out_of_scope"] as const;
export type ForumMark = (typeof FORUM_MARKS)[number];
