import type { Actor, UserActor } from "../auth/actor.ts";
import {
  availableActions,
  isRoleStep,
  isStepAllowed,
  type OpinionAction,
  type OpinionKind,
  type OpinionStatus,
  type WorkflowRole,
} from "./opinions.workflow.ts";

/** What the policy needs to know about an opinion. */
export interface OpinionFacts {
  status: OpinionStatus;
  kind: OpinionKind;
  /** Whether the opinion's unit lies in the actor's unit subtree. */
  inScope: boolean;
  hasContact: boolean;
  /** The unit the opinion criticises (its officer or its conduct), if any. */
  concernedUnitId: string | null;
  /** Raised face to face: at a forum (spoken or from a phone in the room) or at the desk. */
  isFaceToFace: boolean;
}

/** Why a step is refused whatever the opinion's state: a permission, decided before the state is looked at. */
export type StepRefusal = "auth.forbidden" | "opinion.on_spot_not_face_to_face";

/** The part a user plays in the workflow: officers and leaders handle opinions; admins and inspectors do not. */
export function workflowRole(actor: Actor): WorkflowRole | undefined {
  if (actor.kind !== "user") return undefined;
  return actor.role === "officer" || actor.role === "leader" ? actor.role : undefined;
}

/** Reading an opinion (never its contact details): every role, inside its subtree. */
export function canReadOpinion(actor: Actor, opinion: Pick<OpinionFacts, "inScope">): boolean {
  return actor.kind === "user" && opinion.inScope;
}

/** Entering an opinion that arrived offline: officers and leaders (for their subtree's units). */
export function canEnterOpinion(actor: UserActor): boolean {
  return workflowRole(actor) !== undefined;
}

/**
 * Why the actor may never take `action` on this opinion, whatever its state, or undefined when it may: only an
 * officer or a leader of the subtree, for a step of their role. An answer on the spot is approved at once, so an
 * officer gives one only to an opinion raised face to face; elsewhere an officer's answer is a draft for a leader.
 */
export function stepRefusal(actor: Actor, opinion: OpinionFacts, action: OpinionAction): StepRefusal | undefined {
  const role = workflowRole(actor);
  if (!role || !opinion.inScope || !isRoleStep(action, role)) return "auth.forbidden";
  if (action === "answer_on_spot" && role === "officer" && !opinion.isFaceToFace) return "opinion.on_spot_not_face_to_face";
  return undefined;
}

/** Taking a step of the workflow: permitted (stepRefusal) and allowed by the state machine now. */
export function canTakeStep(actor: Actor, opinion: OpinionFacts, action: OpinionAction): boolean {
  const role = workflowRole(actor);
  if (!role || stepRefusal(actor, opinion, action)) return false;
  return isStepAllowed({ action, status: opinion.status, kind: opinion.kind, role });
}

/** The steps the actor may take now (what the console offers). */
export function stepsFor(actor: Actor, opinion: OpinionFacts): OpinionAction[] {
  const role = workflowRole(actor);
  if (!role) return [];
  return availableActions({ status: opinion.status, kind: opinion.kind, role }).filter((action) => !stepRefusal(actor, opinion, action));
}

/**
 * Seeing who wrote an opinion: leaders of the subtree only (DOMAIN.md §7: identity is visible only to
 * handlers who need it), never a leader of the unit the opinion criticises. Officers answer through the
 * tracking code; admins and inspectors never see it.
 */
export function canViewContact(actor: Actor, opinion: OpinionFacts): boolean {
  return (
    actor.kind === "user" &&
    actor.role === "leader" &&
    opinion.inScope &&
    opinion.hasContact &&
    actor.unitId !== opinion.concernedUnitId
  );
}
