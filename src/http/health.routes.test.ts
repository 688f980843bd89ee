import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildTestApp } from "../../test/app.ts";
import { ENGINES } from "../../test/db.ts";

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

interface Operation {
  parameters?: { name: string; in: string; required?: boolean }[];
  responses?: Record<string, unknown>;
}

/**
 * The OpenAPI 3 rules a client generator relies on; returns every breach found (none for a valid document).
 */
function openApiProblems(doc: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (typeof doc.openapi !== "string" || !/^3\.\d+\.\d+$/.test(doc.openapi)) problems.push(`openapi: ${String(doc.openapi)}`);
  const info = doc.info as { title?: unknown; version?: unknown } | undefined;
  if (typeof info?.title !== "string" || typeof info.version !== "string") problems.push("info: title and version required");
  const paths = doc.paths as Record<string, Record<string, Operation>> | undefined;
  if (!paths || typeof paths !== "object") return [...problems, "paths: missing"];
  for (const [path, item] of Object.entries(paths)) {
    if (!path.startsWith("/")) problems.push(`${path}: does not start with /`);
    if (path.includes(":")) problems.push(`${path}: Express-style parameter instead of {name}`);
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    for (const method of Object.keys(item)) {
      if (!(HTTP_METHODS as readonly string[]).includes(method) && method !== "parameters") {
        problems.push(`${path}: unknown key ${method}`);
      }
    }
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const where = `${method.toUpperCase()} ${path}`;
      if (!operation.responses || Object.keys(operation.responses).length === 0) problems.push(`${where}: no responses`);
      for (const status of Object.keys(operation.responses ?? {})) {
        if (!/^([1-5]\d\d|[1-5]XX|default)$/.test(status)) problems.push(`${where}: response key ${status}`);
      }
      const pathParams = (operation.parameters ?? []).filter((p) => p.in === "path");
      for (const name of templated) {
        const declared = pathParams.find((p) => p.name === name);
        if (!declared) problems.push(`${where}: path parameter ${name} not declared`);
        else if (declared.required !== true) problems.push(`${where}: path parameter ${name} not required`);
      }
      for (const p of pathParams) if (!templated.includes(p.name)) problems.push(`${where}: stray path parameter ${p.name}`);
    }
  }
  // Every local $ref must point at something that exists.
  const resolve = (ref: string) =>
    ref
      .replace(/^#\//, "")
      .split("/")
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], doc);
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string" && (!value.startsWith("#/") || resolve(value) === undefined)) {
        problems.push(`unresolvable $ref ${value}`);
      }
      visit(value);
    }
  };
  visit(doc);
  return problems;
}

describe.each(ENGINES)("operations endpoints on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;

  beforeAll(async () => {
    t = await buildTestApp(engine);
  });
  afterAll(() => t.close());

  it(`reports /healthz ok with the database engine (${engine})`, async () => {
    const response = await t.app.inject({ url: "/healthz" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: "ok", database: engine });
  });

  it("keeps serving after the database ends its idle connections (a restart or failover)", async () => {
    // Two queries at once leave two connections in the pool; one of them then ends every other one.
    await Promise.all([sql`SELECT 1`.execute(t.db), sql`SELECT 1`.execute(t.db)]);
    const { rows } = await sql<{ ended: number }>`
      SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS ended
      FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid()`.execute(t.db);
    // PGlite has no other backend to end; PostgreSQL ends at least the pool's second connection.
    if (engine === "postgres") expect(rows[0]?.ended).toBeGreaterThanOrEqual(1);
    await vi.waitFor(async () => expect((await t.app.inject({ url: "/healthz" })).statusCode).toBe(200), { timeout: 10_000 });
    for (let i = 0; i < 5; i++) expect((await t.app.inject({ url: "/healthz" })).statusCode).toBe(200);
  });

  describe("GET /api/openapi.json", () => {
    let doc: Record<string, unknown>;

    beforeAll(async () => {
      const response = await t.app.inject({ url: "/api/openapi.json" });
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toMatch(/^application\/json/);
      doc = response.json();
    });

    it("is a valid OpenAPI 3 document", () => {
      expect(openApiProblems(doc)).toEqual([]);
      expect(doc.info).toMatchObject({ title: "Lắng nghe API" });
    });

    it.each([
      ["post", "/api/public/opinions"],
      ["get", "/api/public/opinions/{trackingCode}"],
      ["get", "/api/opinions"],
      ["get", "/api/opinions/{id}"],
      ["post", "/api/opinions/{id}/answers"],
      ["post", "/api/auth/login"],
      ["get", "/api/units"],
    ])("lists %s %s", (method, path) => {
      const paths = doc.paths as Record<string, Record<string, Operation>>;
      expect(Object.keys(paths)).toContain(path);
      expect(paths[path]![method]?.responses).toBeDefined();
    });

    it("describes the body of a public submission from the route schema", () => {
      type BodySchema = { properties?: object; required?: string[] };
      type PathItem = Record<string, { requestBody?: { content?: Record<string, { schema?: BodySchema }> } }>;
      const paths = doc.paths as Record<string, PathItem>;
      const schema = paths["/api/public/opinions"]!.post!.requestBody?.content?.["application/json"]?.schema;
      expect(Object.keys(schema?.properties ?? {})).toEqual(expect.arrayContaining(["unitId", "content", "kind", "contact"]));
      expect(schema?.required).toEqual(expect.arrayContaining(["unitId", "content"]));
    });

    it("does not list itself", () => {
      expect(Object.keys(doc.paths as object)).not.toContain("/api/openapi.json");
    });
  });

  describe("an unknown address", () => {
    it.each([
      ["GET", "/api/nope"],
      ["POST", "/api/nope"],
      ["GET", "/api/opinions/00000000-0000-4000-8000-000000000000/nope"],
      ["DELETE", "/api/units"],
    ] as const)("%s %s gives 404 route.not_found in the error contract", async (method, url) => {
      const response = await t.app.inject({ method, url });
      expect(response.statusCode).toBe(404);
      expect(response.headers["content-type"]).toMatch(/^application\/json/);
      expect(response.json()).toEqual({
        error: { code: "route.not_found", message: "Không tìm thấy địa chỉ yêu cầu." },
      });
    });

    it.each([
      ["a malformed percent-encoding", "/api/public/opinions/%E0%A4%A", 400],
      ["a path parameter over 100 characters", `/api/public/opinions/${"x".repeat(150)}`, 414],
    ])("with %s is refused in the error contract too", async (_label, url, status) => {
      const response = await t.app.inject({ url, headers: { "accept-language": "en" } });
      expect(response.statusCode).toBe(status);
      expect(response.json()).toEqual({ error: { code: "request.invalid", message: "The request is invalid." } });
    });

    it("is reported in English with Accept-Language: en", async () => {
      const response = await t.app.inject({ url: "/api/nope", headers: { "accept-language": "en" } });
      expect(response.json()).toEqual({ error: { code: "route.not_found", message: "No such endpoint." } });
    });
  });
});
