import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../src/auth/actor.ts";
import { buildTestApp } from "./app.ts";
import { EXPECTED, POSITIONS, type Expected } from "./authz-matrix.expected.ts";
import { buildWorld, type Fixture, type Target } from "./authz-matrix.fixtures.ts";
import { ENGINES } from "./db.ts";
import { fillPath, listOperations, type Operation } from "./openapi.ts";

/*
 * Every console operation of the OpenAPI document × every role (and no session) × a target in, above, beside
 * and below the user's unit, against the table in authz-matrix.expected.ts. A request the table does not
 * allow must be refused with 401 (no session) or 403, on a target in a state the allowed roles could act on
 * and again on one whose state forbids the request; an allowed one must succeed. No 5xx anywhere.
 */

const ROLES: readonly Role[] = ["admin", "leader", "officer", "inspector"];
const key = (op: Pick<Operation, "method" | "path">) => `${op.method} ${op.path}`;

/** A bulk step answers 200 with one result per opinion: its outcome is that opinion's. */
function outcomeOf(op: Operation, response: LightMyRequestResponse): number {
  if (key(op) !== "POST /api/opinions/bulk-steps" || response.statusCode !== 200) return response.statusCode;
  const [result] = (response.json() as { results: { status?: string; error?: { code: string } }[] }).results;
  if (!result?.error) return 200;
  return result.error.code === "auth.forbidden" ? 403 : 409;
}

describe.each(ENGINES)("authorisation matrix on %s", (engine) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let operations: Operation[];

  beforeAll(async () => {
    t = await buildTestApp(engine);
    world = await buildWorld(t.app, t.db);
    operations = (await listOperations(t.app)).filter((op) => !op.isPublic);
  }, 120_000);
  afterAll(() => t.close());

  const send = async (op: Operation, expected: Expected, target: Target, cookie?: string) => {
    const query = target.query ? `?${new URLSearchParams(target.query).toString()}` : "";
    const headers: Record<string, string> = cookie ? { cookie } : {};
    if (target.raw) headers["content-type"] = "application/octet-stream";
    const payload = target.raw ?? (target.body as object | undefined) ?? (op.method === "GET" ? undefined : {});
    const response = await t.app.inject({
      method: op.method,
      url: fillPath(op, target.params ?? {}) + query,
      headers,
      ...(payload === undefined ? {} : { payload }),
      ...(expected.stream ? { payloadAsStream: true } : {}),
    });
    if (expected.stream) response.stream().destroy();
    return { status: outcomeOf(op, response), body: expected.stream ? "" : response.body.slice(0, 200) };
  };

  it("classifies every console operation of the OpenAPI document", () => {
    const listed = new Set(operations.map(key));
    expect(operations.map(key).filter((k) => !(k in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((k) => !listed.has(k))).toEqual([]);
  });

  it("refuses every request the table does not allow (401, 403 whatever the state), and lets the others through", async () => {
    const problems: string[] = [];
    const check = (what: string, status: number, body: string, ok: (s: number) => boolean, wanted: string) => {
      if (status >= 500 || !ok(status)) problems.push(`${what}: ${status} (expected ${wanted}) ${body}`);
    };
    for (const op of operations) {
      const expected = EXPECTED[key(op)];
      const fixture: Fixture | undefined = world.fixtures[key(op)];
      if (!expected || !fixture) {
        problems.push(`${key(op)}: no ${expected ? "fixture" : "expected outcome"}`);
        continue;
      }
      if (expected.open) {
        const { status, body } = await send(op, expected, await fixture.fresh("own"));
        check(`${key(op)} without a session`, status, body, () => true, "no server error");
        continue;
      }
      // A read changes nothing: one target per position serves every role.
      const reads = op.method === "GET";
      for (const position of POSITIONS) {
        const shared = await fixture.fresh(position);
        const spent = fixture.spent ? await fixture.spent(position) : undefined;
        const anonymous = await send(op, expected, shared);
        check(`${key(op)} ${position} without a session`, anonymous.status, anonymous.body, (s) => s === 401, "401");
        for (const role of ROLES) {
          const cookie = world.users[role].cookie;
          const what = `${key(op)} ${role} ${position}`;
          if (expected.allow[role]?.includes(position)) {
            const { status, body } = await send(op, expected, reads ? shared : await fixture.fresh(position), cookie);
            check(what, status, body, (s) => s >= 200 && s < 300, "2xx");
            continue;
          }
          const fresh = await send(op, expected, shared, cookie);
          check(what, fresh.status, fresh.body, (s) => s === 403, "403");
          if (!spent) continue;
          const late = await send(op, expected, spent, cookie);
          check(`${what} (state forbids it too)`, late.status, late.body, (s) => s === 403, "403");
        }
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);
});
