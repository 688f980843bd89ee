import type { Actor, UserActor } from "../auth/actor.ts";

/** Creating a campaign: leaders and admins, evaluating from their own unit. */
export function canCreateCampaign(actor: UserActor): boolean {
  return actor.role === "leader" || actor.role === "admin";
}

/** Publishing a campaign's results: a leader or admin of the evaluating unit itself. */
export function canPublishCampaign(actor: Actor, campaign: { evaluatingUnitId: string }): boolean {
  return actor.kind === "user" && (actor.role === "leader" || actor.role === "admin") && actor.unitId === campaign.evaluatingUnitId;
}

/** Editing a campaign: as creating it, a leader or admin, and of the evaluating unit itself. */
export function canEditCampaign(actor: Actor, campaign: { evaluatingUnitId: string }): boolean {
  return actor.kind === "user" && (actor.role === "leader" || actor.role === "admin") && actor.unitId === campaign.evaluatingUnitId;
}

/**
 * Entering an evaluated unit's survey data — issuing one-time codes, keying in or importing paper forms, setting
 * paper counts: the leaders and officers whose subtree holds the unit. Inspectors only read; admins set campaigns
 * up but, as with opinions and forums, do not enter data.
 */
export function canEnterSurveyData(actor: Actor, facts: { unitInScope: boolean }): boolean {
  return actor.kind === "user" && (actor.role === "leader" || actor.role === "officer") && facts.unitInScope;
}

/** Reading an evaluated unit's survey documents (QR code, poster, paper form): any user whose subtree holds the unit. */
export function canReadEvaluatedUnit(actor: Actor, facts: { unitInScope: boolean }): boolean {
  return actor.kind === "user" && facts.unitInScope;
}

/**
 * Deciding whether a flagged response counts: inspectors and leaders of the evaluating unit's subtree
 * (the evaluating unit or above it), never the evaluated unit's own staff.
 */
export function canDecideOnResponse(actor: Actor, facts: { evaluatorInScope: boolean }): boolean {
  return actor.kind === "user" && (actor.role === "inspector" || actor.role === "leader") && facts.evaluatorInScope;
}

/**
 * Linking a satisfaction campaign to a forum, or creating one from the forum: a leader or admin of the
 * organising unit itself (the campaign evaluates from the creator's unit, so it is that unit's campaign).
 */
export function canLinkForumCampaign(actor: Actor, forum: { organisingUnitId: string }): boolean {
  return actor.kind === "user" && (actor.role === "leader" || actor.role === "admin") && actor.unitId === forum.organisingUnitId;
}
