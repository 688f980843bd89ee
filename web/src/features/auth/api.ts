import { apiGet, apiPost, isApiError } from "../../app/api-client";

/** The signed-in officer (cán bộ). */
export interface Officer {
  id: string;
  username: string;
  displayName: string;
  role: string;
  unitId: string;
  unitName: string;
}

export interface LoginBody {
  username: string;
  password: string;
}

/** Query key of the session; `null` data means "not signed in". */
export const meQueryKey = ["auth", "me"] as const;

/** The current officer, or null without a valid session (401). */
export async function fetchMe(signal?: AbortSignal): Promise<Officer | null> {
  try {
    const response = await apiGet<{ user: Officer }>("/api/auth/me", signal);
    return response.user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

/** Opens a session (sets the `ln_session` cookie). */
export function login(body: LoginBody): Promise<{ user: Officer }> {
  return apiPost<{ user: Officer }>("/api/auth/login", body);
}

/** Closes the session. */
export function logout(): Promise<void> {
  return apiPost<void>("/api/auth/logout");
}
