import type { Executor } from "../db/index.ts";
import { notFound } from "../http/errors.ts";
import { redactPersonalData } from "../text/redact.ts";
import { findUnitName, listSubtreeIds } from "../units/units.service.ts";
import { listRequestRows } from "./opinions.requests.queries.ts";
import { listTopics } from "./opinions.steps.queries.ts";
import { isRoutingKind, WORKFLOW_KINDS, type OpinionKind, type OpinionStatus } from "./opinions.workflow.ts";

/**
 * Opinions as public service requests (Open311): what the tracking page shows, and the text of the opinion and
 * of its answer only where the public page could publish them (the contributor's consent, not a routing kind),
 * personal data removed.
 */
export interface PublicRequest {
  /**
   * The opinion's id, never its tracking code: the code lets its holder rate or reopen the opinion, so only the
   * contributor receives it; the id opens nothing.
   */
  id: string;
  status: OpinionStatus;
  /** The first topic, the request's service. */
  topic: string | null;
  unitName: string;
  /** The opinion, personal data removed; null when it may not be published. */
  description: string | null;
  /** The approved answer, personal data removed; null before one, or when it may not be published. */
  answer: string | null;
  createdAt: Date;
  updatedAt: Date;
  answerDueAt: Date | null;
}

type RequestRow = Awaited<ReturnType<typeof listRequestRows>>[number];

function publicRequestOf(row: RequestRow): PublicRequest {
  // The public page's rule: published with consent, never a crime report, complaint, denunciation or the like.
  const isPublishable = row.public_consent && !isRoutingKind(row.kind as OpinionKind);
  return {
    id: row.id,
    status: row.status as OpinionStatus,
    topic: row.topics[0] ?? null,
    unitName: row.unit_name,
    description: isPublishable ? redactPersonalData(row.content).text : null,
    answer: isPublishable && row.answer_content !== null ? redactPersonalData(row.answer_content).text : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    answerDueAt: row.answer_due_at,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The opinions with these ids (malformed or unknown ones left out), as the public may read them. */
export async function findPublicRequests({ db, ids }: { db: Executor; ids: readonly string[] }) {
  const wanted = [...new Set(ids.map((id) => id.trim().toLowerCase()).filter((id) => UUID.test(id)))];
  if (wanted.length === 0) return [];
  const rows = await listRequestRows(db, { filter: { ids: wanted }, limit: wanted.length });
  return rows.map(publicRequestOf);
}

/**
 * Requests received in [from, to), newest first, at most `limit`: only opinions their contributors agreed to
 * publish; of one unit's subtree, one topic, some states when asked.
 */
export async function listPublicRequests({
  db,
  from,
  to,
  statuses,
  topic,
  unitId,
  limit,
}: {
  db: Executor;
  from: Date;
  to: Date;
  statuses?: { in: readonly OpinionStatus[] } | { notIn: readonly OpinionStatus[] };
  topic?: string;
  unitId?: string;
  limit: number;
}): Promise<PublicRequest[]> {
  if (unitId && !(await findUnitName({ db, unitId }))) throw notFound("unit.not_found", "jurisdiction_id");
  const unitIds = unitId ? await listSubtreeIds({ db, rootId: unitId }) : undefined;
  const rows = await listRequestRows(db, {
    filter: { from, to, statuses, topic, unitIds, publishableKinds: WORKFLOW_KINDS },
    limit,
  });
  return rows.map(publicRequestOf);
}

/** The active topics with their names in both languages. */
export async function listTopicNames({ db }: { db: Executor }) {
  const rows = await listTopics(db);
  return rows.map((t) => ({ code: t.code, name: { vi: t.name_vi, en: t.name_en } }));
}
