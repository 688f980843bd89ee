import type { FastifyRequest } from "fastify";
import { AppError } from "./errors.ts";

// PostgreSQL stores no NUL in text or jsonb: one reaching a query fails it (a 500). No one means to send one.
const NUL = "\u0000";

interface Visit {
  value: unknown;
  key: string;
  parent: Visit | undefined;
}

const pathOf = (visit: Visit) => {
  const keys: string[] = [];
  for (let v: Visit | undefined = visit; v?.parent; v = v.parent) keys.unshift(v.key.replaceAll(NUL, "\\0"));
  return keys.join(".");
};

/** The path (`a.b.0`) of the first string or key holding a NUL in a parsed query, path or JSON body; files (Buffers) are bytes, not text. */
function findNul(root: unknown): string | undefined {
  // Iterative, each step pointing to its parent: a 256 KB body can nest arrays deeper than the call stack goes.
  const stack: Visit[] = [{ value: root, key: "", parent: undefined }];
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    const { value } = visit;
    if (typeof value === "string") {
      if (value.includes(NUL)) return pathOf(visit);
    } else if (typeof value === "object" && value !== null && !Buffer.isBuffer(value)) {
      for (const [key, item] of Object.entries(value)) {
        const child = { value: item, key, parent: visit };
        if (key.includes(NUL)) return pathOf(child);
        stack.push(child);
      }
    }
  }
  return undefined;
}

/**
 * A preValidation hook for every route: refuses a NUL character in any path parameter, query parameter (file
 * names included) or JSON body field with 400 `request.nul_character` naming the field, before any handler runs.
 */
export async function refuseNulCharacters(request: FastifyRequest): Promise<void> {
  for (const [context, value] of [["params", request.params], ["querystring", request.query], ["body", request.body]] as const) {
    const field = findNul(value);
    if (field !== undefined) {
      const name = field || context;
      throw new AppError(400, "request.nul_character", { field: name, params: { field: name } });
    }
  }
}
