import { sql } from "kysely";
import type { Executor } from "../db/index.ts";

/**
 * How citizens rated the answers to their opinions (1 = Rất không hài lòng … 5 = Rất hài lòng), counted
 * per level for opinions of `unitIds` rated in [from, to): the satisfaction index shows it as a figure of
 * its own, never pooled with survey answers.
 */
export async function countOpinionRatings({
  db,
  unitIds,
  from,
  to,
}: {
  db: Executor;
  unitIds: readonly string[];
  from: Date;
  to: Date;
}): Promise<[number, number, number, number, number]> {
  const counts: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  if (unitIds.length === 0) return counts;
  const rows = await db
    .selectFrom("opinions")
    .select(["rating", sql<number>`count(*)::int`.as("n")])
    .where("unit_id", "=", sql<string>`ANY(${[...unitIds]}::uuid[])`)
    .where("rating", "is not", null)
    .where("rated_at", ">=", from)
    .where("rated_at", "<", to)
    .groupBy("rating")
    .execute();
  for (const row of rows) if (row.rating !== null && row.rating >= 1 && row.rating <= 5) counts[row.rating - 1] = row.n;
  return counts;
}
