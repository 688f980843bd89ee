/** A role an officer's account holds; every permission is scoped to the user's unit subtree. */
export type Role = "admin" | "leader" | "officer" | "inspector";

/** Who makes a request: a logged-in user, or a member of the public. */
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
  | { kind: "public" };

/** A logged-in user. */
export type UserActor = Extract<Actor, { kind: "user" }>;

/** The actor for a citizen without an account. */
export const PUBLIC_ACTOR: Actor = { kind: "public" };
