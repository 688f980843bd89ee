import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.ts";
import type { UserActor } from "../auth/actor.ts";
import { listUnitHandlers } from "../auth/auth.service.ts";
import { decryptText, type Keys } from "../crypto/keys.ts";
import { type Database, type Executor } from "../db/index.ts";
import { badRequest, forbidden, notFound } from "../http/errors.ts";
import { startOfDayInVietnam } from "../text/dates.ts";
import { foldForSearch } from "../text/vietnamese.ts";
import { isInSubtree, listSubtreeIds } from "../units/units.service.ts";
import { canReadOpinion, canViewContact, stepsFor, type OpinionFacts } from "./opinions.policy.ts";
import type { OpinionListQuery } from "./opinions.console.schemas.ts";
import type { ContactInput } from "./opinions.schemas.ts";
import {
  findOpinionById,
  findOpinionByTrackingCode,
  findOpinionContact,
  findOpinionForum,
  listOpinionAnswers,
  listOpinionEvents,
  listOpinionsOfUnits,
  type OpinionRecord,
} from "./opinions.queries.ts";
import { findLatestApprovedAnswer, listSimilarOpinions, listTopics } from "./opinions.steps.queries.ts";
import { parseTrackingCode } from "./opinions.tracking-code.ts";
import {
  isAnsweredStatus,
  isFaceToFaceChannel,
  isStepAllowed,
  MAX_REOPENS,
  OPEN_STATUSES,
  type OpinionKind,
  type OpinionStatus,
} from "./opinions.workflow.ts";
import { now as clockNow } from "../calendar/clock.ts";

/** The facts the policy decides on, for an opinion and whether it lies in the actor's scope. */
export function factsOf(opinion: OpinionRecord, inScope: boolean): OpinionFacts {
  return {
    status: opinion.status as OpinionStatus,
    kind: opinion.kind as OpinionKind,
    inScope,
    hasContact: Boolean(opinion.has_contact),
    concernedUnitId: opinion.concerned_unit_id,
    isFaceToFace: isFaceToFaceChannel(opinion.channel) || Boolean(opinion.raised_at_forum),
  };
}

/** An opinion by id and whether it lies in the actor's subtree (404 when there is none). */
export async function loadInScope(db: Executor, actor: UserActor, opinionId: string) {
  const opinion = await findOpinionById(db, opinionId);
  if (!opinion) throw notFound("opinion.not_found");
  const inScope = await isInSubtree({ db, rootId: actor.unitId, unitId: opinion.unit_id });
  return { opinion, inScope, facts: factsOf(opinion, inScope) };
}

/** An opinion by the tracking code a citizen holds (404 when the code is malformed or unknown). */
export async function loadByTrackingCode(db: Executor, trackingCode: string) {
  const code = parseTrackingCode(trackingCode);
  const opinion = code ? await findOpinionByTrackingCode(db, code) : undefined;
  if (!opinion) throw notFound("opinion.not_found", "trackingCode");
  return opinion;
}

/** Whether the citizen may rate the answer now: answered, not yet rated. */
export function canRate(opinion: OpinionRecord): boolean {
  return isAnsweredStatus(opinion.status as OpinionStatus) && opinion.rating === null;
}

/** Whether the citizen may reopen the opinion now: answered, and not reopened before. */
export function canReopen(opinion: OpinionRecord): boolean {
  const status = opinion.status as OpinionStatus;
  const kind = opinion.kind as OpinionKind;
  return opinion.reopen_count < MAX_REOPENS && isStepAllowed({ action: "reopen", status, kind, role: "citizen" });
}

/**
 * What a citizen sees with a tracking code: status, timeline, the approved answer (for a merged
 * duplicate, the answer of the opinion it was merged into). Never personal data, never a draft.
 */
export async function getOpinionByTrackingCode({ db, trackingCode }: { db: Executor; trackingCode: string }) {
  const opinion = await loadByTrackingCode(db, trackingCode);
  const answerOf = opinion.status === "MERGED" && opinion.merged_into_id ? opinion.merged_into_id : opinion.id;
  const [events, answer] = await Promise.all([listOpinionEvents(db, opinion.id), findLatestApprovedAnswer(db, answerOf)]);
  return { opinion, events, answer, canRate: canRate(opinion), canReopen: canReopen(opinion) };
}

// A whole id: 36 characters of hex digits and dashes alone reached the uuid column as a 500.
const OPINION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The opinion id a page cursor (base64url) stands for; 400 `opinion.invalid_cursor` when it is none. */
export function parseCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  const afterId = Buffer.from(cursor, "base64url").toString("utf8");
  if (!OPINION_ID.test(afterId)) throw badRequest("opinion.invalid_cursor", "cursor");
  return afterId;
}

/** Search words: folded like the stored search text, at least two characters each, at most eight. */
function searchWords(q: string | undefined): string[] {
  return foldForSearch(q ?? "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2)
    .slice(0, 8);
}

/** Opinions of the actor's unit subtree (or of one unit in it), newest first, by cursor, filtered. */
export async function listOpinions({ db, actor, query }: { db: Executor; actor: UserActor; query: OpinionListQuery }) {
  const afterId = parseCursor(query.cursor);
  const root = query.unitId ?? actor.unitId;
  if (query.unitId && !(await isInSubtree({ db, rootId: actor.unitId, unitId: query.unitId }))) throw forbidden();
  if (!canReadOpinion(actor, { inScope: true })) throw forbidden();
  if (query.from && query.to && query.from > query.to) throw badRequest("opinion.invalid_period", "to");
  const unitIds = await listSubtreeIds({ db, rootId: root });
  const rows = await listOpinionsOfUnits(db, {
    unitIds,
    status: query.status,
    kind: query.kind,
    channel: query.channel,
    topic: query.topic,
    words: searchWords(query.q),
    receivedFrom: query.from ? startOfDayInVietnam(query.from) : undefined,
    receivedBefore: query.to ? startOfDayInVietnam(query.to, 1) : undefined,
    assignedUserId: query.assignedToMe ? actor.id : undefined,
    escalated: query.escalated,
    overdue: query.overdue ? { now: clockNow(), openStatuses: OPEN_STATUSES } : undefined,
    afterId,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > query.limit && last ? Buffer.from(last.id, "utf8").toString("base64url") : null;
  return { rows: page, nextCursor };
}

/** One opinion of the actor's subtree with its timeline and answers, and what the actor may do with it. */
export async function getOpinion({ db, actor, opinionId }: { db: Executor; actor: UserActor; opinionId: string }) {
  const { opinion, facts } = await loadInScope(db, actor, opinionId);
  if (!canReadOpinion(actor, facts)) throw forbidden();
  const [events, answers, forum] = await Promise.all([
    listOpinionEvents(db, opinion.id),
    listOpinionAnswers(db, opinion.id),
    opinion.raised_at_forum ? findOpinionForum(db, opinion.id) : Promise.resolve(undefined),
  ]);
  const actions = stepsFor(actor, facts);
  return {
    opinion,
    events,
    answers,
    forum,
    actions,
    canAnswer: actions.includes("submit_answer") && !answers.some((a) => a.status === "pending"),
    canViewContact: canViewContact(actor, facts),
  };
}

/**
 * Possible duplicates of an opinion: open opinions of the same unit with similar folded text (with or
 * without diacritics, either tone-mark style), for the officer to merge.
 */
export async function listSimilar({ db, actor, opinionId }: { db: Executor; actor: UserActor; opinionId: string }) {
  const { opinion, facts } = await loadInScope(db, actor, opinionId);
  if (!canReadOpinion(actor, facts)) throw forbidden();
  const rows = await listSimilarOpinions(db, {
    opinionId: opinion.id,
    unitId: opinion.unit_id,
    searchText: foldForSearch(opinion.content),
    openStatuses: OPEN_STATUSES,
    limit: 5,
  });
  return rows;
}

/** The active topics, in the request's language, for pickers and filters. */
export async function listTopicChoices({ db, lang }: { db: Executor; lang: "vi" | "en" }) {
  const rows = await listTopics(db);
  return rows.map((t) => ({ code: t.code, name: lang === "en" ? t.name_en : t.name_vi }));
}

/** Who an opinion of the actor's subtree can be assigned to: the active officers and leaders of its unit. */
export async function listAssignees({ db, actor, opinionId }: { db: Executor; actor: UserActor; opinionId: string }) {
  const { opinion, facts } = await loadInScope(db, actor, opinionId);
  if (!canReadOpinion(actor, facts)) throw forbidden();
  return listUnitHandlers({ db, unitId: opinion.unit_id });
}

/**
 * The contact details of an opinion, decrypted, for a role allowed to see them. Every call writes an
 * audit entry (who saw whose details, when, from where) in the same transaction as the read.
 */
export async function revealOpinionContact({
  db,
  keys,
  actor,
  opinionId,
  ip = null,
}: {
  db: Kysely<Database>;
  keys: Keys;
  actor: UserActor;
  opinionId: string;
  ip?: string | null;
}): Promise<{ name: string | null; phone: string | null; email: string | null }> {
  const { opinion, facts } = await loadInScope(db, actor, opinionId);
  if (!canReadOpinion(actor, facts)) throw forbidden();
  if (!facts.hasContact) throw notFound("opinion.no_contact");
  if (!canViewContact(actor, facts)) throw forbidden();
  return db.transaction().execute(async (trx) => {
    const row = await findOpinionContact(trx, opinion.id);
    if (!row) throw notFound("opinion.no_contact");
    await recordAudit({
      db: trx,
      actor,
      action: "opinion.contact.view",
      entityType: "opinion",
      entityId: opinion.id,
      ip,
    });
    const contact = JSON.parse(decryptText(keys.personalData, row.ciphertext)) as ContactInput;
    return { name: contact.name ?? null, phone: contact.phone ?? null, email: contact.email ?? null };
  });
}
