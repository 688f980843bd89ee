import type { Executor } from "../db/index.ts";

/** The one settings row. */
export async function findSettings(db: Executor) {
  return db
    .selectFrom("satisfaction_settings")
    .select(["min_n", "burst_count", "burst_minutes", "straight_line_min"])
    .executeTakeFirstOrThrow();
}

/** The grading bands. */
export async function listBands(db: Executor) {
  return db.selectFrom("satisfaction_bands").select(["code", "min_rate", "name_vi", "name_en"]).orderBy("min_rate", "desc").execute();
}

/** Population margins for a unit: its own rows and the defaults (unit null). */
export async function listMargins(db: Executor, unitId: string) {
  return db
    .selectFrom("satisfaction_margins")
    .select(["unit_id", "attribute", "value", "share"])
    .where((eb) => eb.or([eb("unit_id", "=", unitId), eb("unit_id", "is", null)]))
    .execute();
}

/** The unit levels and the fields of work with their names, in their order (for figures by level and field). */
export async function listLevelsAndFields(db: Executor) {
  const [levels, fields] = await Promise.all([
    db.selectFrom("unit_levels").select(["code", "name_vi", "name_en"]).orderBy("rank").orderBy("code").execute(),
    db.selectFrom("fields_of_work").select(["code", "name_vi", "name_en"]).orderBy("rank").execute(),
  ]);
  return { levels, fields };
}
