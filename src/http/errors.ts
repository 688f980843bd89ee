import type { MessageCode, MessageParam } from "./messages.ts";

/**
 * An error the client is meant to see: a stable dotted code, the HTTP status, the field at fault and
 * values for the message template. The message itself is chosen in the request's language when sent.
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: MessageCode,
    readonly options: { field?: string; params?: Record<string, MessageParam>; cause?: unknown } = {},
  ) {
    super(code, { cause: options.cause });
    this.name = "AppError";
  }
}

/** 400: the request is well-formed JSON but breaks a rule that the schema cannot express. */
export const badRequest = (code: MessageCode, field?: string) => new AppError(400, code, { field });
/** 401: no valid session. */
export const unauthenticated = (code: MessageCode = "auth.unauthenticated") => new AppError(401, code);
/** 403: the actor may not do this. */
export const forbidden = (code: MessageCode = "auth.forbidden") => new AppError(403, code);
/** 404: no such record (or not one the actor may know about). */
export const notFound = (code: MessageCode, field?: string) => new AppError(404, code, { field });
/** 409: the record's state forbids the change. */
export const conflict = (code: MessageCode, params?: Record<string, string | number>) =>
  new AppError(409, code, { params });
/** 422: a referenced record is unusable (unknown or no longer valid). */
export const unprocessable = (code: MessageCode, field?: string) => new AppError(422, code, { field });
