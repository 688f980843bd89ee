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

async function requireUnit(db: Executor, unitId: string) {
  const name = await findUnitName({ db, unitId });
  if (!name) throw notFound("unit.not_found", "unitId");
  return name;
}

/**
 * A unit's public figures over a period (its subtree included, historical units too): opinions received,
 * answered, answered on time, mean handling time, open and overdue now, citizens' ratings.
 */
export async function getUnitPublicSummary({
  db,
  unitId,
  from,
  to,
  now = clockNow(),
}: {
  db: Executor;
  unitId: string;
  from?: string;
  to?: string;
  now?: Date;
}) {
  const unitName = await requireUnit(db, unitId);
  const period = { ...defaultPeriod(now), ...(from ? { from } : {}), ...(to ? { to } : {}) };
  if (period.from > period.to) throw badRequest("opinion.invalid_period", "to");
  const unitIds = await listSubtreeIds({ db, rootId: unitId });
  const figures = await summariseUnitOpinions(db, {
    unitIds,
    openStatuses: OPEN_STATUSES,
    from: startOfDayInVietnam(period.from),
    to: startOfDayInVietnam(period.to, 1),
    now,
  });
  return { unitId, unitName, period, figures: figures ?? null };
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
    items: page.map((row) => ({
      kind: row.kind,
      topics: row.topics,
      unitName: row.unit_name,
      content: redactPersonalData(row.content).text,
      receivedAt: row.received_at,
      answeredAt: row.answered_at,
      answeredOnTime: row.answered_at !== null && (row.answer_due_at === null || row.answered_at <= row.answer_due_at),
      answer: redactPersonalData(row.answer_content).text,
      answerMethod: row.answer_method,
    })),
    nextCursor: rows.length > limit && last ? Buffer.from(last.id, "utf8").toString("base64url") : null,
  };
}
