import type { App } from "../src/http/types.ts";

/** A JSON schema as the OpenAPI document gives it (only what the generated tests read). */
export interface ParameterSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  [key: string]: unknown;
}

/** One parameter of an operation, in the path or the query string. */
export interface OperationParameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  schema: ParameterSchema;
}

/** One operation of the HTTP API, read from the served OpenAPI document. */
export interface Operation {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The path template, e.g. `/api/forums/{id}/items/{itemId}/mark`. */
  path: string;
  /** `/api/public/…`, `/healthz`: no session needed. */
  isPublic: boolean;
  parameters: OperationParameter[];
  hasBody: boolean;
  tags: string[];
}

const METHODS = new Set(["get", "post", "put", "patch", "delete"]);

/** Every operation of the app's OpenAPI document (`/api/openapi.json`), in document order. */
export async function listOperations(app: App): Promise<Operation[]> {
  const response = await app.inject({ url: "/api/openapi.json" });
  if (response.statusCode !== 200) throw new Error(`openapi.json: ${response.statusCode}`);
  const doc = response.json() as { paths: Record<string, Record<string, Record<string, unknown>>> };
  const operations: Operation[] = [];
  for (const [path, byMethod] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(byMethod)) {
      if (!METHODS.has(method)) continue;
      const parameters = ((op.parameters as OperationParameter[] | undefined) ?? []).filter(
        (p) => p.in === "path" || p.in === "query",
      );
      operations.push({
        method: method.toUpperCase() as Operation["method"],
        path,
        isPublic: path.startsWith("/api/public/") || !path.startsWith("/api/"),
        parameters: parameters.map((p) => ({ name: p.name, in: p.in, required: p.required ?? p.in === "path", schema: p.schema ?? {} })),
        hasBody: op.requestBody !== undefined,
        tags: (op.tags as string[] | undefined) ?? [],
      });
    }
  }
  return operations;
}

/** The operation's URL with its path parameters filled in from `values` (each encoded). */
export function fillPath(operation: Pick<Operation, "path">, values: Record<string, string>): string {
  return operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${operation.path}`);
    return encodeURIComponent(value);
  });
}
