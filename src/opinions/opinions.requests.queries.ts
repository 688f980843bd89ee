import { sql } from "kysely";
import type { Executor } from "../db/index.ts";
import { latestApprovedAnswer } from "./opinions.publication.queries.ts";

/** What a filter on the requests of Open311 may hold: opinion ids, or a period with a status, a topic and units. */
export type RequestFilter =
  | { ids: string[] }
  | {
      from: Date;
      to: Date;
      /** Only these states, or all but these (the open ones of the workflow, for `open` or `closed`). */
      statuses?: { in: readonly string[] } | { notIn: readonly string[] };
      topic?: string;
      unitIds?: string[];
      /** The kinds whose opinions may be published: listing names no other. */
      publishableKinds: readonly string[];
    };

/**
 * Opinions as a public request list reads them, newest first, at most `limit`: the unit's name and the latest
 * approved answer. A list by period carries only opinions their contributors agreed to publish.
 */
export async function listRequestRows(db: Executor, { filter, limit }: { filter: RequestFilter; limit: number }) {
  let query = db
    .selectFrom("opinions as o")
    .innerJoin("units as n", "n.id", "o.unit_id")
    .leftJoinLateral(latestApprovedAnswer, (join) => join.onTrue())
    .select([
      "o.id",
      "o.tracking_code",
      "o.status",
      "o.kind",
      "o.topics",
      "o.content",
      "o.public_consent",
      "o.created_at",
      "o.updated_at",
      "o.answer_due_at",
      "n.name as unit_name",
      "answer.answer_content",
    ])
    .orderBy("o.created_at", "desc")
    .orderBy("o.id", "desc")
    .limit(limit);
  if ("ids" in filter) return query.where("o.id", "=", sql<string>`ANY(${sql.val(filter.ids)}::uuid[])`).execute();
  query = query
    .where("o.created_at", ">=", filter.from)
    .where("o.created_at", "<", filter.to)
    .where("o.public_consent", "=", true)
    .where("o.kind", "in", [...filter.publishableKinds]);
  if (filter.statuses && "in" in filter.statuses) query = query.where("o.status", "in", [...filter.statuses.in]);
  if (filter.statuses && "notIn" in filter.statuses) query = query.where("o.status", "not in", [...filter.statuses.notIn]);
  if (filter.topic) query = query.where(sql<boolean>`${filter.topic} = ANY(o.topics)`);
  if (filter.unitIds) query = query.where("o.unit_id", "=", sql<string>`ANY(${sql.val(filter.unitIds)}::uuid[])`);
  return query.execute();
}
