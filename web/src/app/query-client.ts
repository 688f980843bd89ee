import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { meQueryKey } from "../features/auth/api";
import { isApiError } from "./api-client";

/** Client errors (4xx) are answers, not glitches: retrying them only delays the message. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/** A 401 anywhere means the session is gone: forget the officer, so the console redirects to /login. */
function forgetSessionOn401(queryClient: QueryClient, error: unknown): void {
  if (isApiError(error) && error.status === 401 && error.code !== "auth.invalid_credentials") {
    queryClient.setQueryData(meQueryKey, null);
  }
}

/** The app's TanStack Query client. */
export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => forgetSessionOn401(queryClient, error) }),
    mutationCache: new MutationCache({ onError: (error) => forgetSessionOn401(queryClient, error) }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 15_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
