import type { Kysely } from "kysely";
import { auditEntryFor, recordAudit } from "../audit/audit.service.ts";
import type { Actor, UserActor } from "../auth/actor.ts";
import { decryptText, encryptText, type Keys } from "../crypto/keys.ts";
import { createBatcher } from "../db/batcher.ts";
import { type Database, type Executor } from "../db/index.ts";
import { AppError, badRequest, conflict, forbidden, notFound, unprocessable } from "../http/errors.ts";
import { todayInVietnam } from "../text/dates.ts";
import { foldForSearch } from "../text/vietnamese.ts";
import { isInSubtree, listSubtreeIds, requireActiveUnit } from "../units/units.service.ts";
import { canReadOpinion, canViewContact, mayAnswerOpinion } from "./opinions.policy.ts";
import type { ContactInput, CreateOpinionBody, OpinionListQuery } from "./opinions.schemas.ts";
import {
  findOpinionById,
  findOpinionByTrackingCode,
  findOpinionContact,
  insertOpinionAnswer,
  insertOpinionEvent,
  insertReceivedOpinions,
  listDeadlineRules,
  listOpinionAnswers,
  listOpinionEvents,
  listOpinionsOfUnits,
  updateOpinionStatus,
  type ReceivedOpinionRow,
} from "./opinions.queries.ts";
import { generateTrackingCode, parseTrackingCode } from "./opinions.tracking-code.ts";
import { answerDueAt, type DeadlineRule } from "./opinions.deadlines.ts";
import { nextStatus, OPEN_STATUSES, type OpinionStatus, type OpinionUrgency } from "./opinions.workflow.ts";

const UNIQUE_VIOLATION = "23505";

function hasContact(contact: ContactInput | undefined): contact is ContactInput {
  return Boolean(contact && (contact.name || contact.phone || contact.email));
}

/**
 * A citizen's opinion to a unit (no account needed). Contact details, if given, are encrypted apart;
 * an anonymous opinion carries none. Returns the tracking code the citizen follows it with.
 */
export async function submitOpinion({
  db,
  keys,
  actor,
  input,
  ip = null,
}: {
  db: Executor;
  keys: Keys;
  actor: Actor;
  input: CreateOpinionBody;
  ip?: string | null;
}): Promise<{ opinionId: string; trackingCode: string; status: OpinionStatus }> {
  const contactGiven = hasContact(input.contact);
  const anonymous = input.anonymous ?? !contactGiven;
  if (anonymous && contactGiven) throw badRequest("opinion.contact_with_anonymous", "contact");
  const status: OpinionStatus = "RECEIVED";
  const urgency: OpinionUrgency = "normal";
  const answerDue = answerDueAt({ rules: await deadlineRules(db), kind: input.kind, urgency, receivedAt: new Date() });
  const contactCiphertext = contactGiven ? encryptText(keys.personalData, JSON.stringify(input.contact)) : null;
  for (let attempt = 0; ; attempt++) {
    const trackingCode = generateTrackingCode();
    try {
      const stored = await storeReceivedOpinion(db, {
        trackingCode,
        unitId: input.unitId,
        channel: input.channel,
        kind: input.kind,
        status,
        content: input.content,
        searchText: foldForSearch(input.content),
        isAnonymous: anonymous,
        publicConsent: input.publicConsent,
        urgency,
        answerDueAt: answerDue,
        contactCiphertext,
        actorUserId: actor.kind === "user" ? actor.id : null,
        audit: auditEntryFor({
          actor,
          action: "opinion.create",
          entityType: "opinion",
          details: { unitId: input.unitId, channel: input.channel, kind: input.kind, anonymous },
          // A citizen's address would tie an anonymous opinion to a person: only users' addresses are kept.
          ip: actor.kind === "user" ? ip : null,
        }),
      });
      if (!stored) {
        // Nothing was stored: say why (unknown unit, or one that no longer exists).
        await requireActiveUnit({ db, unitId: input.unitId });
        throw unprocessable("unit.inactive", "unitId");
      }
      return { opinionId: stored.id, trackingCode, status };
    } catch (error) {
      const code = (error as { code?: string }).code;
      const constraint = (error as { constraint?: string }).constraint;
      if (code === UNIQUE_VIOLATION && constraint === "opinions_tracking_code_key" && attempt < 3) continue;
      throw error;
    }
  }
}

// Deadline rules change rarely and are read on every submission: each instance keeps them for a minute.
const DEADLINE_RULES_TTL_MS = 60_000;
const deadlineRuleCache = new WeakMap<Executor, { loadedAt: number; rules: Promise<DeadlineRule[]> }>();

function deadlineRules(db: Executor): Promise<DeadlineRule[]> {
  const cached = deadlineRuleCache.get(db);
  if (cached && Date.now() - cached.loadedAt < DEADLINE_RULES_TTL_MS) return cached.rules;
  const rules = listDeadlineRules(db);
  deadlineRuleCache.set(db, { loadedAt: Date.now(), rules });
  rules.catch(() => deadlineRuleCache.delete(db));
  return rules;
}

// Per database: concurrent submissions are written together (group commit, see createBatcher).
const receivedOpinionWriters = new WeakMap<Executor, (row: ReceivedOpinionRow) => Promise<StoredOpinion>>();
type StoredOpinion = { id: string; created_at: Date } | undefined;

function storeReceivedOpinion(db: Executor, row: ReceivedOpinionRow): Promise<StoredOpinion> {
  // Inside a caller's transaction the write must stay in it, alone.
  if (db.isTransaction) return insertReceivedOpinions(db, { day: todayInVietnam(), rows: [row] }).then((r) => r[0]);
  let writer = receivedOpinionWriters.get(db);
  if (!writer) {
    // One batch at a time on both engines: a batch gathers while the previous one runs. On PostgreSQL two or
    // more batches at once made each smaller and intake slower (bench/submit-opinion, median of 3 rounds:
    // 1 at once 0.44× the baseline, 2 at once 0.39×, 4 at once 0.32×): the cost is per statement, not per row.
    writer = createBatcher((rows: ReceivedOpinionRow[]) => insertReceivedOpinions(db, { day: todayInVietnam(), rows }));
    receivedOpinionWriters.set(db, writer);
  }
  return writer(row);
}

/** What a citizen sees with a tracking code: status, timeline, the latest answer. Never personal data. */
export async function getOpinionByTrackingCode({ db, trackingCode }: { db: Executor; trackingCode: string }) {
  const code = parseTrackingCode(trackingCode);
  const opinion = code ? await findOpinionByTrackingCode(db, code) : undefined;
  if (!opinion) throw notFound("opinion.not_found", "trackingCode");
  const [events, answers] = await Promise.all([listOpinionEvents(db, opinion.id), listOpinionAnswers(db, opinion.id)]);
  return { opinion, events, latestAnswer: answers.at(-1) };
}

async function loadInScope(db: Executor, actor: UserActor, opinionId: string) {
  const opinion = await findOpinionById(db, opinionId);
  if (!opinion) throw notFound("opinion.not_found");
  const inScope = await isInSubtree({ db, rootId: actor.unitId, unitId: opinion.unit_id });
  return { opinion, inScope };
}

/** Opinions of the actor's unit subtree (or of one unit in it), newest first, by cursor. */
export async function listOpinions({ db, actor, query }: { db: Executor; actor: UserActor; query: OpinionListQuery }) {
  let afterId: string | undefined;
  if (query.cursor) {
    afterId = Buffer.from(query.cursor, "base64url").toString("utf8");
    if (!/^[0-9a-f-]{36}$/.test(afterId)) throw badRequest("opinion.invalid_cursor", "cursor");
  }
  const root = query.unitId ?? actor.unitId;
  if (query.unitId && !(await isInSubtree({ db, rootId: actor.unitId, unitId: query.unitId }))) throw forbidden();
  if (!canReadOpinion(actor, { inScope: true })) throw forbidden();
  const unitIds = await listSubtreeIds({ db, rootId: root });
  const rows = await listOpinionsOfUnits(db, {
    unitIds,
    status: query.status,
    overdue: query.overdue ? { now: new Date(), openStatuses: OPEN_STATUSES } : undefined,
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
  const { opinion, inScope } = await loadInScope(db, actor, opinionId);
  if (!canReadOpinion(actor, { inScope })) throw forbidden();
  const [events, answers] = await Promise.all([listOpinionEvents(db, opinion.id), listOpinionAnswers(db, opinion.id)]);
  const facts = { status: opinion.status as OpinionStatus, inScope, hasContact: Boolean(opinion.has_contact) };
  return {
    opinion,
    events,
    answers,
    canAnswer: mayAnswerOpinion(actor, facts) && nextStatus(facts.status, "answer") !== undefined,
    canViewContact: canViewContact(actor, facts),
  };
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
  const { opinion, inScope } = await loadInScope(db, actor, opinionId);
  const facts = { status: opinion.status as OpinionStatus, inScope, hasContact: Boolean(opinion.has_contact) };
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

/** An officer's or leader's answer to an opinion of their subtree; the opinion becomes ANSWERED. */
export async function answerOpinion({
  db,
  actor,
  opinionId,
  content,
  ip = null,
}: {
  db: Kysely<Database>;
  actor: UserActor;
  opinionId: string;
  content: string;
  ip?: string | null;
}) {
  const { opinion, inScope } = await loadInScope(db, actor, opinionId);
  if (!mayAnswerOpinion(actor, { inScope })) throw forbidden();
  const from = opinion.status as OpinionStatus;
  const to = nextStatus(from, "answer");
  if (!to) throw conflict("opinion.invalid_transition", { status: from });
  return db.transaction().execute(async (trx) => {
    const answer = await insertOpinionAnswer(trx, { opinionId: opinion.id, content, authorId: actor.id });
    const moved = await updateOpinionStatus(trx, {
      id: opinion.id,
      fromStatus: from,
      toStatus: to,
      answeredAt: answer.created_at,
    });
    if (!moved) throw new AppError(409, "opinion.invalid_transition", { params: { status: from } });
    await insertOpinionEvent(trx, {
      opinionId: opinion.id,
      type: "answered",
      fromStatus: from,
      toStatus: to,
      actorUserId: actor.id,
    });
    await recordAudit({
      db: trx,
      actor,
      action: "opinion.answer",
      entityType: "opinion",
      entityId: opinion.id,
      details: { answerId: answer.id, fromStatus: from, toStatus: to },
      ip,
    });
    return { id: answer.id, content, authorName: actor.displayName, createdAt: answer.created_at };
  });
}
