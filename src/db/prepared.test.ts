import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES, openTestDb } from "../../test/db.ts";
import type { Db } from "./index.ts";

describe.each(ENGINES)("statements marked prepared (%s)", (engine) => {
  let handle: Db;
  beforeAll(async () => {
    handle = await openTestDb(engine);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("are parsed once per connection, then run with each call's own parameters", async () => {
    await handle.db.connection().execute(async (conn) => {
      const results: number[] = [];
      for (const n of [1, 2, 3]) {
        const { rows } = await sql<{ n: number }>`/* prepared: test_double */ SELECT ${n}::int * 2 AS n`.execute(conn);
        results.push(rows[0]!.n);
      }
      expect(results).toEqual([2, 4, 6]);
      const prepared = await sql<{ name: string; statement: string }>`
        SELECT name, statement FROM pg_prepared_statements`.execute(conn);
      expect(prepared.rows).toEqual([{ name: "test_double", statement: expect.stringContaining("SELECT $1::int * 2") }]);
    });
  });

  it("leave every other statement unprepared", async () => {
    await handle.db.connection().execute(async (conn) => {
      await sql`SELECT 1 AS one`.execute(conn);
      const { rows } = await sql<{ count: number }>`
        SELECT count(*)::int AS count FROM pg_prepared_statements WHERE statement LIKE '%1 AS one%'`.execute(conn);
      expect(rows[0]!.count).toBe(0);
    });
  });
});
