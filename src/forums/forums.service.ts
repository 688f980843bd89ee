import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.ts";
import type { Actor, UserActor } from "../auth/actor.ts";
import type { Database, Executor } from "../db/index.ts";
import { AppError, badRequest, forbidden, notFound } from "../http/errors.ts";
import { startOfDayInVietnam, todayInVietnam } from "../text/dates.ts";
import { compareVietnamese } from "../text/vietnamese.ts";
import { isInSubtree, listSubtreeIds, requireActiveUnit } from "../units/units.service.ts";
import { canFinaliseMinutes, canReadForum, canRunForum } from "./forums.policy.ts";
import {
  countForumOpinionsByTopic,
  coverageOfCommunes,
  findForumById,
  insertForum,
  listForumsOfUnits,
  summariseForums,
  updateForum,
  updateForumStatus,
  type ForumRecord,
  type ForumValues,
} from "./forums.queries.ts";
import type {
  CoverageResponse,
  CreateForumBody,
  ForumResponse,
  ForumStatsResponse,
  PeriodQuery,
  PublicForumResponse,
  UpdateForumBody,
} from "./forums.schemas.ts";
import { isEditable, nextForumStatus, type ForumAction, type ForumStatus } from "./forums.workflow.ts";
import { now as clockNow } from "../calendar/clock.ts";

/* Forums "Công an lắng nghe ý kiến Nhân dân": planning, the year's plan, coverage, figures. */

/** The public page of a forum (what its QR code opens). */
export function forumPublicUrl(publicBase: string, forumId: string): string {
  return `${publicBase.replace(/\/+$/, "")}/forums/${forumId}`;
}

export function presentPublicForum(f: ForumRecord): PublicForumResponse {
  return {
    id: f.id,
    unitId: f.unit_id,
    unitName: f.unit_name,
    title: f.title,
    coOrganisers: f.co_organisers,
    startsAt: f.starts_at.toISOString(),
    plannedEndAt: f.planned_end_at?.toISOString() ?? null,
    locationUnitId: f.location_unit_id,
    locationName: f.location_name,
    hamlet: f.hamlet,
    place: f.place,
    chairName: f.chair_name,
    secretaryName: f.secretary_name,
    invitedGroups: f.invited_groups,
    reportText: f.report_text,
    keyFigures: f.key_figures,
    status: f.status as ForumStatus,
    startedAt: f.started_at?.toISOString() ?? null,
    endedAt: f.ended_at?.toISOString() ?? null,
    reportFile: f.report_file_name && f.report_file_size ? { name: f.report_file_name, size: f.report_file_size } : null,
  };
}

function presentForum(f: ForumRecord, actor: Actor, publicBase: string): ForumResponse {
  const scope = { inScope: true };
  return {
    ...presentPublicForum(f),
    expectedAttendance: f.expected_attendance,
    attendance: f.attendance,
    publicUrl: forumPublicUrl(publicBase, f.id),
    opinionCount: f.opinion_count ?? 0,
    canRun: canRunForum(actor, scope),
    canFinaliseMinutes: canFinaliseMinutes(actor, scope),
  };
}

/** A forum of the actor's subtree (404 when there is none, 403 outside the subtree). */
export async function loadForumInScope(db: Executor, actor: UserActor, forumId: string) {
  const forum = await findForumById(db, forumId);
  if (!forum) throw notFound("forum.not_found");
  const inScope = await isInSubtree({ db, rootId: actor.unitId, unitId: forum.unit_id });
  if (!canReadForum(actor, { inScope })) throw forbidden();
  return { forum, canRun: canRunForum(actor, { inScope }) };
}

/** A forum the actor may run (plan, edit, run live). */
export async function loadForumToRun(db: Executor, actor: UserActor, forumId: string) {
  const loaded = await loadForumInScope(db, actor, forumId);
  if (!loaded.canRun) throw forbidden();
  return loaded.forum;
}

/** Any forum, for its public page (cancelled ones too: the page says so). */
export async function loadPublicForum(db: Executor, forumId: string) {
  const forum = await findForumById(db, forumId);
  if (!forum) throw notFound("forum.not_found");
  return forum;
}

async function valuesOf(db: Executor, input: CreateForumBody | UpdateForumBody): Promise<ForumValues> {
  const startsAt = new Date(input.startsAt);
  const plannedEndAt = input.plannedEndAt ? new Date(input.plannedEndAt) : null;
  if (plannedEndAt && plannedEndAt <= startsAt) throw badRequest("forum.end_before_start", "plannedEndAt");
  if (input.locationUnitId) await requireActiveUnit({ db, unitId: input.locationUnitId, field: "locationUnitId" });
  return {
    title: input.title,
    coOrganisers: input.coOrganisers ?? "",
    startsAt,
    plannedEndAt,
    locationUnitId: input.locationUnitId ?? null,
    hamlet: input.hamlet ?? null,
    place: input.place,
    chairName: input.chairName,
    secretaryName: input.secretaryName,
    invitedGroups: input.invitedGroups ?? "",
    expectedAttendance: input.expectedAttendance ?? null,
    reportText: (input.reportText ?? "").normalize("NFC").trim(),
    keyFigures: input.keyFigures,
  };
}

/** Plans a forum for a unit of the actor's subtree; audited. */
export async function createForum({
  db,
  actor,
  input,
  publicBase,
}: {
  db: Kysely<Database>;
  actor: UserActor;
  input: CreateForumBody;
  publicBase: string;
}): Promise<ForumResponse> {
  const inScope = await isInSubtree({ db, rootId: actor.unitId, unitId: input.unitId });
  if (!canRunForum(actor, { inScope })) throw forbidden();
  await requireActiveUnit({ db, unitId: input.unitId });
  const values = await valuesOf(db, input);
  const id = await db.transaction().execute(async (trx) => {
    const created = await insertForum(trx, { ...values, unitId: input.unitId, createdBy: actor.id });
    await recordAudit({ db: trx, actor, action: "forum.create", entityType: "forum", entityId: created, details: { unitId: input.unitId } });
    return created;
  });
  return getForum({ db, actor, forumId: id, publicBase });
}

/** Rewrites a planned or live forum's details (attendance too); audited. */
export async function editForum({
  db,
  actor,
  forumId,
  input,
  publicBase,
}: {
  db: Kysely<Database>;
  actor: UserActor;
  forumId: string;
  input: UpdateForumBody;
  publicBase: string;
}): Promise<ForumResponse> {
  const forum = await loadForumToRun(db, actor, forumId);
  const status = forum.status as ForumStatus;
  if (!isEditable(status)) throw new AppError(409, "forum.not_editable", { params: { status } });
  const values = await valuesOf(db, input);
  await db.transaction().execute(async (trx) => {
    const updated = await updateForum(trx, forumId, status, { ...values, attendance: input.attendance ?? null });
    if (!updated) throw new AppError(409, "forum.not_editable", { params: { status } });
    await recordAudit({ db: trx, actor, action: "forum.update", entityType: "forum", entityId: forumId, details: {} });
  });
  return getForum({ db, actor, forumId, publicBase });
}

/** Starts the live session, ends it, or cancels a planned forum; audited. Returns the new status. */
export async function moveForum({
  db,
  actor,
  forumId,
  action,
}: {
  db: Kysely<Database>;
  actor: UserActor;
  forumId: string;
  action: ForumAction;
}): Promise<ForumStatus> {
  const forum = await loadForumToRun(db, actor, forumId);
  const from = forum.status as ForumStatus;
  const to = nextForumStatus(from, action);
  if (!to) throw new AppError(409, "forum.invalid_transition", { params: { status: from } });
  await db.transaction().execute(async (trx) => {
    if (!(await updateForumStatus(trx, { id: forumId, from, to, at: clockNow() }))) {
      throw new AppError(409, "forum.invalid_transition", { params: { status: from } });
    }
    await recordAudit({ db: trx, actor, action: `forum.${action}`, entityType: "forum", entityId: forumId, details: { from, to } });
  });
  return to;
}

/** One forum of the actor's subtree. */
export async function getForum({ db, actor, forumId, publicBase }: { db: Executor; actor: UserActor; forumId: string; publicBase: string }) {
  const { forum } = await loadForumInScope(db, actor, forumId);
  return presentForum(forum, actor, publicBase);
}

async function scopeUnits(db: Executor, actor: UserActor, unitId: string | undefined) {
  const rootId = unitId ?? actor.unitId;
  if (!(await isInSubtree({ db, rootId: actor.unitId, unitId: rootId }))) throw forbidden();
  return listSubtreeIds({ db, rootId });
}

/** The forum plan of a year (Vietnam's calendar year) for a unit's subtree, in date order. */
export async function listForumPlan({
  db,
  actor,
  year = Number(todayInVietnam().slice(0, 4)),
  unitId,
  publicBase,
}: {
  db: Executor;
  actor: UserActor;
  year?: number;
  unitId?: string;
  publicBase: string;
}) {
  const unitIds = await scopeUnits(db, actor, unitId);
  const rows = await listForumsOfUnits(db, {
    unitIds,
    from: startOfDayInVietnam(`${year}-01-01`),
    to: startOfDayInVietnam(`${year + 1}-01-01`),
  });
  return {
    items: rows.map((row) => {
      const { reportText: _r, keyFigures: _k, ...rest } = presentForum(row, actor, publicBase);
      return rest;
    }),
  };
}

function periodOf(query: PeriodQuery) {
  if (query.from > query.to) throw badRequest("forum.invalid_period", "to");
  return { from: startOfDayInVietnam(query.from), to: startOfDayInVietnam(query.to, 1) };
}

/** Which communes of the subtree had a forum held in the period, and in which hamlets. */
export async function getForumCoverage({ db, actor, query }: { db: Executor; actor: UserActor; query: PeriodQuery }): Promise<CoverageResponse> {
  const period = periodOf(query);
  const unitIds = await scopeUnits(db, actor, query.unitId);
  const rows = await coverageOfCommunes(db, { unitIds, day: todayInVietnam(), ...period });
  const items = rows
    .map((row) => ({
      unitId: row.id,
      unitName: row.name,
      forumCount: row.forum_count,
      hamlets: [...row.hamlets].sort(compareVietnamese),
      lastHeldAt: row.last_held_at ? new Date(row.last_held_at).toISOString() : null,
    }))
    .sort((a, b) => compareVietnamese(a.unitName, b.unitName));
  return { items, coveredCount: items.filter((i) => i.forumCount > 0).length, totalCount: items.length };
}

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/** The figures of the forums held in the period: held, attendees, opinions per forum, on the spot, written answers on time. */
export async function getForumStats({ db, actor, query }: { db: Executor; actor: UserActor; query: PeriodQuery }): Promise<ForumStatsResponse> {
  const period = periodOf(query);
  const unitIds = await scopeUnits(db, actor, query.unitId);
  const [s, byTopic] = await Promise.all([
    summariseForums(db, { unitIds, ...period, now: clockNow() }),
    countForumOpinionsByTopic(db, { unitIds, ...period }),
  ]);
  const n = s ?? { forums_held: 0, attendees: 0, opinions: 0, on_spot: 0, written: 0, written_answered: 0, written_on_time: 0, written_due: 0 };
  return {
    forumsHeld: n.forums_held,
    attendees: n.attendees,
    opinions: n.opinions,
    opinionsPerForum: n.forums_held > 0 ? Math.round((n.opinions / n.forums_held) * 10) / 10 : null,
    answeredOnSpot: n.on_spot,
    answeredOnSpotShare: share(n.on_spot, n.opinions),
    written: n.written,
    writtenAnswered: n.written_answered,
    writtenAnsweredOnTime: n.written_on_time,
    // Of the written answers that are due (given, or past their deadline): not yet due ones are not late.
    writtenOnTimeShare: share(n.written_on_time, n.written_due),
    opinionsByTopic: byTopic
      .flatMap((row) => (row.topic === null ? [] : [{ topic: row.topic, count: row.count }]))
      .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic)),
    unclassified: byTopic.find((row) => row.topic === null)?.count ?? 0,
  };
}
