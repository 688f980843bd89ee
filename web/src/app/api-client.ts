import { currentLanguage, i18n } from "../i18n";

/** The API's error contract: `{ error: { code, message, field? } }`. */
interface ApiErrorBody {
  error: { code: string; message: string; field?: string };
}

/** An error from the API (or from reaching it), whose message is ready to show to the user. */
export class ApiError extends Error {
  /** HTTP status; 0 when the server could not be reached. */
  readonly status: number;
  /** Stable dotted code, e.g. `opinion.not_found`. */
  readonly code: string;
  /** The request field the error is about, when the server names one. */
  readonly field: string | undefined;

  constructor({ status, code, message, field }: { status: number; code: string; message: string; field?: string | undefined }) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

/** Narrows an unknown thrown value to an ApiError. */
export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

interface RequestOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal | undefined;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { code?: unknown }).code === "string" &&
    typeof (error as { message?: unknown }).message === "string"
  );
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toApiError(status: number, payload: unknown): ApiError {
  if (isErrorBody(payload)) {
    return new ApiError({ status, code: payload.error.code, message: payload.error.message, field: payload.error.field });
  }
  // A proxy or gateway answered instead of the API (HTML page, empty body).
  return new ApiError({ status, code: `http.${status}`, message: i18n.t("errors.unexpected", { status }) });
}

/**
 * Calls the JSON API on the same origin. Every request carries the interface language; every
 * non-GET request carries a JSON body (at least `{}`), which the server's CSRF check expects.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = {
    accept: "application/json",
    "accept-language": currentLanguage(),
  };
  let body: string | undefined;
  if (method !== "GET") {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body ?? {});
  }

  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: "same-origin", signal: options.signal });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError({ status: 0, code: "network.unreachable", message: i18n.t("errors.network") });
  }

  const payload = await readJson(response);
  if (!response.ok) throw toApiError(response.status, payload);
  return payload as T;
}

/** GET a JSON resource. */
export function apiGet<T>(path: string, signal?: AbortSignal): Promise<T> {
  return apiRequest<T>(path, { signal });
}

/** POST a JSON body (`{}` when none is given). */
export function apiPost<T>(path: string, body: unknown = {}): Promise<T> {
  return apiRequest<T>(path, { method: "POST", body });
}

/** POST a JSON body and receive a file (a document built in the same request); API errors as for JSON. */
export async function apiPostForFile(path: string, body: unknown = {}): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: "POST",
      headers: { "accept-language": currentLanguage(), "content-type": "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError({ status: 0, code: "network.unreachable", message: i18n.t("errors.network") });
  }
  if (!response.ok) throw toApiError(response.status, await readJson(response));
  return response.blob();
}
