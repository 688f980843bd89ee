/** A role an officer's account holds; every permission is scoped to the user's unit subtree. */
export type Role = "admin" | "leader" | "officer" | "inspector";

/** Who acts: a logged-in user, a member of the public, or one of the platform's background jobs. */
export type Actor =
  | {
      kind: "user";
      id: string;
      username: string;
      displayName: string;
      role: Role;
      unitId: string;
      unitName: string;
    }
  | { kind: "public" }
  /** A background job of the platform itself (deadline sweep, notification sender). */
  | { kind: "system"; job: string };

/** A logged-in user. */
export type UserActor = Extract<Actor, { kind: "user" }>;

/** The actor for a citizen without an account. */
export const PUBLIC_ACTOR: Actor = { kind: "public" };

/** The actor of a background job, named in the audit log as `system:<job>`. */
export function systemActor(job: string): Actor {
  return { kind: "system", job };
}
