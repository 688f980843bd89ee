import { auditEntryFor } from "../audit/audit.service.ts";
import type { Actor, UserActor } from "../auth/actor.ts";
import { encryptText, type Keys } from "../crypto/keys.ts";
import { createBatcher } from "../db/batcher.ts";
import { cachedPerDb } from "../db/cache.ts";
import type { Executor } from "../db/index.ts";
import { AppError, badRequest, conflict, forbidden, unprocessable } from "../http/errors.ts";
import { todayInVietnam } from "../text/dates.ts";
import { foldForSearch } from "../text/vietnamese.ts";
import { isInSubtree, requireActiveUnit } from "../units/units.service.ts";
import { answerDueAt } from "./opinions.deadlines.ts";
import { canEnterOpinion } from "./opinions.policy.ts";
import {
  findOpinionByClientKey,
  insertReceivedOpinions,
  listDeadlineRules,
  type ReceivedOpinionRow,
} from "./opinions.queries.ts";
import { routeByRules } from "./opinions.routing.ts";
import type { ContactInput, CreateOpinionBody, EnterOpinionBody } from "./opinions.schemas.ts";
import {
  insertRoutingRule,
  listRoutingRules,
  listTopics,
  upsertDeadlineRule,
  upsertTopic,
} from "./opinions.steps.queries.ts";
import { generateTrackingCode } from "./opinions.tracking-code.ts";
import type { OpinionChannel, OpinionKind, OpinionStatus, OpinionUrgency } from "./opinions.workflow.ts";
import { now, nowMs } from "../calendar/clock.ts";

const UNIQUE_VIOLATION = "23505";
/** How far in the future an officer may date a received opinion (clock skew of a field laptop). */
const MAX_FUTURE_SKEW_MS = 10 * 60 * 1000;

const deadlineRules = cachedPerDb(listDeadlineRules);
const topicCodes = cachedPerDb(async (db) => new Set((await listTopics(db)).map((t) => t.code)));
const routingRules = cachedPerDb(listRoutingRules);

/**
 * Adds a routing rule (an opinion about this place, topic or kind goes to `targetUnitId`); this instance uses
 * it at once, others within a minute.
 */
export async function addRoutingRule({
  db,
  rule,
}: {
  db: Executor;
  rule: { locationUnitId?: string | null; topic?: string | null; kind?: OpinionKind | null; targetUnitId: string; priority?: number };
}): Promise<string> {
  await requireActiveUnit({ db, unitId: rule.targetUnitId, field: "targetUnitId" });
  if (rule.topic) await requireKnownTopics(db, [rule.topic]);
  const id = await insertRoutingRule(db, {
    locationUnitId: rule.locationUnitId ?? null,
    topic: rule.topic ?? null,
    kind: rule.kind ?? null,
    targetUnitId: rule.targetUnitId,
    priority: rule.priority ?? 0,
  });
  routingRules.invalidate(db);
  return id;
}

/** Adds a topic to the configured list (or renames one); this instance uses it at once, others within a minute. */
export async function addTopic({
  db,
  topic,
}: {
  db: Executor;
  topic: { code: string; nameVi: string; nameEn: string; sortOrder?: number };
}): Promise<void> {
  if (!/^[a-z][a-z0-9_]{0,39}$/.test(topic.code)) throw badRequest("opinion.topic_code_invalid", "code");
  await upsertTopic(db, { ...topic, sortOrder: topic.sortOrder ?? 1000 });
  topicCodes.invalidate(db);
}

/** Sets how long a kind of opinion has, per urgency and stage, in working hours or days. */
export async function setDeadlineRule({
  db,
  rule,
}: {
  db: Executor;
  rule: { kind: OpinionKind; urgency: OpinionUrgency; stage: "answer" | "route"; amount: number; unit: "working_hours" | "working_days" };
}): Promise<void> {
  if (!Number.isInteger(rule.amount) || rule.amount < 1 || rule.amount > 1000) throw badRequest("opinion.deadline_invalid", "amount");
  await upsertDeadlineRule(db, rule);
  deadlineRules.invalidate(db);
}

/** Refuses (422) a topic code that is not in the configured list. */
export async function requireKnownTopics(db: Executor, topics: readonly string[]): Promise<void> {
  if (topics.length === 0) return;
  const known = await topicCodes.get(db);
  const unknown = topics.find((t) => !known.has(t));
  if (unknown) throw new AppError(422, "opinion.topic_unknown", { field: "topics", params: { topic: unknown } });
}

/** When an opinion of this kind and urgency, counted from `from`, is due (by the configured rules). */
export async function dueAtFor(db: Executor, { kind, urgency, from }: { kind: OpinionKind; urgency: string; from: Date }) {
  return answerDueAt({ rules: await deadlineRules.get(db), kind, urgency, receivedAt: from });
}

function hasContact(contact: ContactInput | undefined): contact is ContactInput {
  return Boolean(contact && (contact.name || contact.phone || contact.email));
}

/** What a submission produced: the stored opinion and how the citizen follows it. */
export interface Receipt {
  opinionId: string;
  trackingCode: string;
  status: OpinionStatus;
  kind: OpinionKind;
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
  // Only the forum's own path passes "forum": the citizen form's schema allows web and qr alone.
  input: Omit<CreateOpinionBody, "channel"> & { channel: CreateOpinionBody["channel"] | "forum" };
  ip?: string | null;
}): Promise<Receipt> {
  return receiveOpinion({ db, keys, actor, input, urgency: input.kind === "emergency" ? "urgent" : "normal", ip });
}

/**
 * An officer's entry of an opinion that arrived offline (forum, hotline, letter, box, paper form). The
 * browser's `clientKey` makes a resent entry (offline queue) count once: the same key returns the same
 * receipt, to the same officer.
 */
export async function enterOpinion({
  db,
  keys,
  actor,
  input,
  ip = null,
}: {
  db: Executor;
  keys: Keys;
  actor: UserActor;
  input: EnterOpinionBody;
  ip?: string | null;
}): Promise<Receipt & { replayed: boolean }> {
  if (!canEnterOpinion(actor)) throw forbidden();
  // An officer enters opinions for the units of their own subtree only.
  if (!(await isInSubtree({ db, rootId: actor.unitId, unitId: input.unitId }))) throw forbidden();
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now();
  if (receivedAt.getTime() > nowMs() + MAX_FUTURE_SKEW_MS) throw badRequest("opinion.received_in_future", "receivedAt");
  const replay = await findReplay(db, actor, input.clientKey);
  if (replay) return replay;
  try {
    const receipt = await receiveOpinion({
      db,
      keys,
      actor,
      input,
      urgency: input.kind === "emergency" ? "urgent" : input.urgency,
      receivedAt,
      contentGroup: input.contentGroup ?? null,
      clientKey: input.clientKey,
      ip,
    });
    return { ...receipt, replayed: false };
  } catch (error) {
    // The same entry sent twice at once (a retry racing the original): the loser returns the winner's receipt.
    const constraint = (error as { constraint?: string }).constraint;
    const raced = constraint === "opinions_client_key_key" ? await findReplay(db, actor, input.clientKey) : undefined;
    if (raced) return raced;
    throw error;
  }
}

async function findReplay(db: Executor, actor: UserActor, clientKey: string) {
  const existing = await findOpinionByClientKey(db, clientKey);
  if (!existing) return undefined;
  if (existing.entered_by_user_id !== actor.id) throw conflict("opinion.client_key_conflict");
  return {
    opinionId: existing.id,
    trackingCode: existing.tracking_code,
    status: existing.status as OpinionStatus,
    kind: existing.kind as OpinionKind,
    replayed: true,
  };
}

/**
 * Which unit handles an opinion. About a named officer or the unit's own conduct: the superior unit, and
 * the criticised unit is recorded as concerned (it never sees the contributor). Raised at a forum: the unit
 * that holds it, whose chair answers or marks it there (its topics tag it, they do not route it). Otherwise a
 * routing rule for the place, topic and kind, if one matches; else the unit the contributor chose.
 */
async function responsibleUnit(db: Executor, input: Omit<CreateOpinionBody, "channel"> & { channel: OpinionChannel }) {
  const chosen = await requireActiveUnit({ db, unitId: input.unitId });
  if (input.targetOfficer || input.aboutUnitConduct) {
    return { unitId: chosen.parentId ?? chosen.id, concernedUnitId: chosen.id };
  }
  if (input.channel === "forum" || (!input.locationUnitId && input.topics.length === 0)) return { unitId: chosen.id, concernedUnitId: null };
  const target = routeByRules({
    rules: await routingRules.get(db),
    locationUnitId: input.locationUnitId ?? null,
    topics: input.topics,
    kind: input.kind,
  });
  return { unitId: target ?? chosen.id, concernedUnitId: null };
}

async function receiveOpinion({
  db,
  keys,
  actor,
  input,
  urgency,
  receivedAt = now(),
  contentGroup = null,
  clientKey = null,
  ip,
}: {
  db: Executor;
  keys: Keys;
  actor: Actor;
  input: Omit<CreateOpinionBody, "channel"> & { channel: OpinionChannel };
  urgency: OpinionUrgency;
  receivedAt?: Date;
  contentGroup?: string | null;
  clientKey?: string | null;
  ip: string | null;
}): Promise<Receipt> {
  if (input.website?.trim()) throw new AppError(422, "request.automated", { field: "website" });
  const contactGiven = hasContact(input.contact);
  const anonymous = input.anonymous ?? !contactGiven;
  if (anonymous && contactGiven) throw badRequest("opinion.contact_with_anonymous", "contact");
  await requireKnownTopics(db, input.topics);
  if (input.locationUnitId) await requireActiveUnit({ db, unitId: input.locationUnitId, field: "locationUnitId" });
  const needsLookup = Boolean(input.targetOfficer || input.aboutUnitConduct || input.locationUnitId || input.topics.length);
  const handler = needsLookup ? await responsibleUnit(db, input) : { unitId: input.unitId, concernedUnitId: null };
  const status: OpinionStatus = "RECEIVED";
  const dueAt = await dueAtFor(db, { kind: input.kind, urgency, from: receivedAt });
  const contactCiphertext = contactGiven ? encryptText(keys.personalData, JSON.stringify(input.contact)) : null;
  const topics = [...new Set(input.topics)];
  for (let attempt = 0; ; attempt++) {
    const trackingCode = generateTrackingCode();
    try {
      const stored = await storeReceivedOpinion(db, {
        trackingCode,
        unitId: handler.unitId,
        channel: input.channel,
        kind: input.kind,
        status,
        content: input.content,
        searchText: foldForSearch(input.content),
        isAnonymous: anonymous,
        publicConsent: input.publicConsent,
        urgency,
        answerDueAt: dueAt,
        receivedAt,
        contentGroup,
        topics,
        locationUnitId: input.locationUnitId ?? null,
        concernedUnitId: handler.concernedUnitId,
        targetOfficer: input.targetOfficer ?? null,
        clientKey,
        enteredByUserId: actor.kind === "user" ? actor.id : null,
        contactCiphertext,
        audit: auditEntryFor({
          actor,
          action: "opinion.create",
          entityType: "opinion",
          details: { unitId: handler.unitId, channel: input.channel, kind: input.kind, anonymous },
          // A citizen's address would tie an anonymous opinion to a person: only users' addresses are kept.
          ip: actor.kind === "user" ? ip : null,
        }),
      });
      if (!stored) {
        // Nothing was stored: say why (unknown unit, or one that no longer exists).
        await requireActiveUnit({ db, unitId: handler.unitId });
        throw unprocessable("unit.inactive", "unitId");
      }
      return { opinionId: stored.id, trackingCode, status, kind: input.kind };
    } catch (error) {
      const code = (error as { code?: string }).code;
      const constraint = (error as { constraint?: string }).constraint;
      if (code === UNIQUE_VIOLATION && constraint === "opinions_tracking_code_key" && attempt < 3) continue;
      throw error;
    }
  }
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
