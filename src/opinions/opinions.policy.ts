import type { Actor } from "../auth/actor.ts";
import { nextStatus, type OpinionStatus } from "./opinions.workflow.ts";

/** What the policy needs to know about an opinion. */
export interface OpinionFacts {
  status: OpinionStatus;
  /** Whether the opinion's unit lies in the actor's unit subtree. */
  inScope: boolean;
  hasContact: boolean;
}

/** Reading an opinion (never its contact details): every role, inside its subtree. */
export function canReadOpinion(actor: Actor, opinion: Pick<OpinionFacts, "inScope">): boolean {
  return actor.kind === "user" && opinion.inScope;
}

/** Whether the actor's role and scope allow answering (the workflow decides whether now). */
export function mayAnswerOpinion(actor: Actor, opinion: Pick<OpinionFacts, "inScope">): boolean {
  return actor.kind === "user" && (actor.role === "officer" || actor.role === "leader") && opinion.inScope;
}

/** Answering now: officers and leaders of the subtree, while the workflow allows an answer. */
export function canAnswerOpinion(actor: Actor, opinion: OpinionFacts): boolean {
  return mayAnswerOpinion(actor, opinion) && nextStatus(opinion.status, "answer") !== undefined;
}

/**
 * Seeing who wrote an opinion: leaders of the subtree only (DOMAIN.md §7: identity is visible only to
 * handlers who need it). Officers answer through the tracking code; admins and inspectors never see it.
 */
export function canViewContact(actor: Actor, opinion: OpinionFacts): boolean {
  return actor.kind === "user" && actor.role === "leader" && opinion.inScope && opinion.hasContact;
}
