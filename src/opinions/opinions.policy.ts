import type { Actor, UserActor } from "../auth/actor.ts";
import {
  availableActions,
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
}

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

/** Taking a step of the workflow: an officer or a leader of the subtree, when the state machine allows it. */
export function canTakeStep(actor: Actor, opinion: OpinionFacts, action: OpinionAction): boolean {
  const role = workflowRole(actor);
  if (!role || !opinion.inScope) return false;
  return isStepAllowed({ action, status: opinion.status, kind: opinion.kind, role });
}

/** The steps the actor may take now (what the console offers). */
export function stepsFor(actor: Actor, opinion: OpinionFacts): OpinionAction[] {
  const role = workflowRole(actor);
  if (!role || !opinion.inScope) return [];
  return availableActions({ status: opinion.status, kind: opinion.kind, role });
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
