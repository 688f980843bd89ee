import type { Executor } from "../db/index.ts";
import { badRequest, notFound } from "../http/errors.ts";
import { redactPersonalData } from "../text/redact.ts";
import { dayInVietnam, startOfDayInVietnam } from "../text/dates.ts";
import { findUnitName, listSubtreeIds } from "../units/units.service.ts";
import { listPublishedOpinions, summariseUnitOpinions } from "./opinions.publication.queries.ts";
import { parseCursor } from "./opinions.service.ts";
import { ANSWERED_STATUSES, OPEN_STATUSES, WORKFLOW_KINDS } from "./opinions.workflow.ts";
import { now as clockNow } from "../calendar/clock.ts";

/** The default public period: the last twelve months up to today (Vietnam's days). */
function defaultPeriod(now: Date): { from: string; to: string } {
  const to = dayInVietnam(now);
  const from = `${Number(to.slice(0, 4)) - 1}${to.slice(4)}`;
  return { from, to };
}

/** The period asked for, the default filling an open end; 400 `opinion.invalid_period` when it ends before it starts. */
function publicPeriod({ from, to, now }: { from?: string; to?: string; now: Date }): { from: string; to: string } {
  const period = { ...defaultPeriod(now), ...(from ? { from } : {}), ...(to ? { to } : {}) };
  if (period.from > period.to) throw badRequest("opinion.invalid_period", "to");
  return period;
}

async function requireUnit(db: Executor, unitId: string) {
  const name = await findUnitName({ db, unitId });
  if (!name) throw notFound("unit.not_found", "unitId");
  return name;
}

/** What a public read of a unit over a period needs: the unit (404 when unknown), the period, its subtree. */
async function publicScope({ db, unitId, from, to, now }: PeriodRequest & { now: Date }) {
  const unitName = await requireUnit(db, unitId);
  const period = publicPeriod({ from, to, now });
  return { unitName, period, unitIds: await listSubtreeIds({ db, rootId: unitId }) };
}

/** A public read of a unit over a period (default: the last twelve months). */
interface PeriodRequest {
  db: Executor;
  unitId: string;
  from?: string;
  to?: string;
  now?: Date;
}

/**
 * A unit's public figures over a period (its subtree included, historical units too): opinions received,
 * answered, answered on time, mean handling time, open and overdue now, citizens' ratings.
 */
export async function getUnitPublicSummary(request: PeriodRequest) {
  const { db, unitId, now = clockNow() } = request;
  const { unitName, period, unitIds } = await publicScope({ ...request, now });
  const figures = await summariseUnitOpinions(db, {
    unitIds,
    openStatuses: OPEN_STATUSES,
    from: startOfDayInVietnam(period.from),
    to: startOfDayInVietnam(period.to, 1),
    now,
  });
  return { unitId, unitName, period, figures: figures ?? null };
}

type PublishedRow = Awaited<ReturnType<typeof listPublishedOpinions>>[number];

/** A published opinion as the public reads it: personal data removed from the opinion and from the answer. */
function publishedItem(row: PublishedRow) {
  return {
    kind: row.kind,
    topics: row.topics,
    unitName: row.unit_name,
    content: redactPersonalData(row.content).text,
    receivedAt: row.received_at,
    answeredAt: row.answered_at,
    answeredOnTime: row.answered_at !== null && (row.answer_due_at === null || row.answered_at <= row.answer_due_at),
    answer: redactPersonalData(row.answer_content).text,
    answerMethod: row.answer_method,
  };
}

/**
 * The unit's answered opinions whose contributors agreed to publication, with personal data removed from
 * the opinion and from the answer (names, phone numbers, ID numbers, plates, e-mails). Crime reports,
 * complaints, denunciations and the like are never published.
 */
export async function listPublishedOpinionsOfUnit({
  db,
  unitId,
  cursor,
  limit = 20,
}: {
  db: Executor;
  unitId: string;
  cursor?: string;
  limit?: number;
}) {
  await requireUnit(db, unitId);
  const afterId = parseCursor(cursor);
  const unitIds = await listSubtreeIds({ db, rootId: unitId });
  const rows = await listPublishedOpinions(db, {
    unitIds,
    answeredStatuses: ANSWERED_STATUSES,
    workflowKinds: WORKFLOW_KINDS,
    afterId,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(publishedItem),
    nextCursor: rows.length > limit && last ? Buffer.from(last.id, "utf8").toString("base64url") : null,
  };
}

/** Rows read per query by the open-data download: memory stays bounded whatever the unit's size. */
const EXPORT_PAGE_SIZE = 500;

/**
 * Every opinion the unit's public page publishes (the same rows, the same redaction) received in a period (default:
 * the last twelve months), page by page for a download. The unit and the period are checked before the first page.
 */
export async function exportPublishedOpinionsOfUnit(request: PeriodRequest & { pageSize?: number }) {
  const pageSize = request.pageSize ?? EXPORT_PAGE_SIZE;
  const { db, unitId } = request;
  const { unitName, period, unitIds } = await publicScope({ ...request, now: request.now ?? clockNow() });
  async function* pages() {
    let afterId: string | undefined;
    for (;;) {
      const rows = await listPublishedOpinions(db, {
        unitIds,
        answeredStatuses: ANSWERED_STATUSES,
        workflowKinds: WORKFLOW_KINDS,
        afterId,
        limit: pageSize,
        receivedFrom: startOfDayInVietnam(period.from),
        receivedBefore: startOfDayInVietnam(period.to, 1),
      });
      if (rows.length > 0) yield rows.map(publishedItem);
      afterId = rows.at(-1)?.id;
      if (rows.length < pageSize) return;
    }
  }
  return { unitId, unitName, period, pages: pages() };
}
