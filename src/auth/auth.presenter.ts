import type { UserActor } from "./actor.ts";
import type { CurrentUserResponse } from "./auth.schemas.ts";

/** The user as the API shows it: no password hash, no session data. */
export function presentCurrentUser(user: UserActor): CurrentUserResponse {
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      unitId: user.unitId,
      unitName: user.unitName,
    },
  };
}
