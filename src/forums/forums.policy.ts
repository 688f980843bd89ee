import type { Actor } from "../auth/actor.ts";

/*
 * Who may do what with a forum. Scope: the organising unit must lie in the actor's unit subtree (the
 * service checks it and passes `inScope`). The chair and the secretary are named persons on the forum
 * (they may be from the Fatherland Front or the People's Committee, without an account); the accounts that
 * run the screens are the organising subtree's leaders and officers.
 */

/** Planning and editing forums, and running them live (entry, moderation, marks): leaders and officers. */
export function canRunForum(actor: Actor, forum: { inScope: boolean }): boolean {
  return actor.kind === "user" && (actor.role === "leader" || actor.role === "officer") && forum.inScope;
}

/** Reading forums, their plan, coverage and figures: every role inside its subtree (inspectors read). */
export function canReadForum(actor: Actor, forum: { inScope: boolean }): boolean {
  return actor.kind === "user" && forum.inScope;
}

/** Finalising the minutes (a signed record from then on): leaders only. */
export function canFinaliseMinutes(actor: Actor, forum: { inScope: boolean }): boolean {
  return actor.kind === "user" && actor.role === "leader" && forum.inScope;
}
