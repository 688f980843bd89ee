import { sql } from "kysely";
import type { Executor } from "../db/index.ts";

/** Units valid on `day` (yyyy-mm-dd), with their level's names and rank. */
export async function listUnitsValidOn(db: Executor, day: string) {
  return db
    .selectFrom("units as u")
    .innerJoin("unit_levels as l", "l.code", "u.level_code")
    .select([
      "u.id",
      "u.name",
      "u.short_name",
      "u.level_code",
      "u.parent_id",
      "u.area_code",
      "l.rank",
      "l.name_vi as level_name_vi",
      "l.name_en as level_name_en",
    ])
    .where("u.valid_from", "<=", day)
    .where((eb) => eb.or([eb("u.valid_to", "is", null), eb("u.valid_to", ">=", day)]))
    .execute();
}

/** One unit with its validity period, or undefined. */
export async function findUnitById(db: Executor, id: string) {
  return db
    .selectFrom("units")
    .select(["id", "name", "short_name", "level_code", "parent_id", "valid_from", "valid_to"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** The ids of a unit and of every unit below it, at any date (historical units included). */
export async function listSubtreeUnitIds(db: Executor, rootId: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    WITH RECURSIVE subtree(id) AS (
      SELECT id FROM units WHERE id = ${rootId}
      UNION
      SELECT u.id FROM units u JOIN subtree s ON u.parent_id = s.id
    )
    SELECT id FROM subtree`.execute(db);
  return result.rows.map((r) => r.id);
}

/** Whether `unitId` is `rootId` or lies below it. */
export async function isUnitInSubtree(db: Executor, rootId: string, unitId: string): Promise<boolean> {
  const result = await sql<{ found: boolean }>`
    WITH RECURSIVE ancestors(id, parent_id) AS (
      SELECT id, parent_id FROM units WHERE id = ${unitId}
      UNION
      SELECT u.id, u.parent_id FROM units u JOIN ancestors a ON u.id = a.parent_id
    )
    SELECT EXISTS (SELECT 1 FROM ancestors WHERE id = ${rootId}) AS found`.execute(db);
  return result.rows[0]?.found === true;
}

/** The values of a new unit row. */
export interface NewUnitRow {
  id?: string;
  name: string;
  shortName: string;
  levelCode: string;
  parentId: string | null;
  areaCode: string | null;
  validFrom: string;
  validTo: string | null;
  searchKey: string;
}

/** Inserts a unit and returns its id. */
export async function insertUnit(db: Executor, unit: NewUnitRow): Promise<string> {
  const row = await db
    .insertInto("units")
    .values({
      ...(unit.id ? { id: unit.id } : {}),
      name: unit.name,
      short_name: unit.shortName,
      level_code: unit.levelCode,
      parent_id: unit.parentId,
      area_code: unit.areaCode,
      valid_from: unit.validFrom,
      valid_to: unit.validTo,
      search_key: unit.searchKey,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Records that `successorId` took over the data of `unitId`. */
export async function insertUnitSuccessor(db: Executor, unitId: string, successorId: string) {
  await db.insertInto("unit_successors").values({ unit_id: unitId, successor_id: successorId }).execute();
}

/** The successors of a unit. */
export async function listSuccessorIds(db: Executor, unitId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("unit_successors")
    .select("successor_id")
    .where("unit_id", "=", unitId)
    .execute();
  return rows.map((r) => r.successor_id);
}

/** How many units exist, at any date. */
export async function countUnits(db: Executor): Promise<number> {
  const row = await db.selectFrom("units").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The unit tree's version: bumped by every statement that changes units or their successors (migration 0031). */
export async function findUnitsVersion(db: Executor): Promise<string> {
  const result = await sql<{ version: string }>`/* prepared: units_version */ SELECT version::text AS version FROM units_version`.execute(db);
  return result.rows[0]?.version ?? "";
}

/**
 * Every unit (historical ones included) with its parent, level, last day and successors, and the tree's version
 * they belong to, read in one statement (one snapshot); the rows come as one JSON document, which PGlite hands
 * over far faster than thousands of rows.
 */
export async function listUnitTree(db: Executor) {
  const result = await sql<{
    version: string;
    units: { id: string; name: string; parent_id: string | null; level_code: string; valid_to: string | null; successor_ids: string[] | null }[] | null;
  }>`
    SELECT (SELECT version::text FROM units_version) AS version,
      (SELECT json_agg(json_build_object(
         'id', u.id, 'name', u.name, 'parent_id', u.parent_id, 'level_code', u.level_code, 'valid_to', u.valid_to,
         'successor_ids', (SELECT array_agg(us.successor_id::text ORDER BY us.successor_id) FROM unit_successors us WHERE us.unit_id = u.id)))
       FROM units u) AS units`.execute(db);
  const row = result.rows[0];
  return { version: row?.version ?? "", units: row?.units ?? [] };
}
