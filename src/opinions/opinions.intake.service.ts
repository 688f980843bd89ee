import { auditEntryFor } from "../audit/audit.service.ts";
import type { Actor, UserActor } from "../auth/actor.ts";
import { encryptText, type Keys } from "../crypto/keys.ts";
import { createBatcher } from "../db/batcher.ts";
import { cachedPerDb } from "../db/cache.ts";
import type { Executor } from "../db/index.ts";
import { AppError, badRequest, conflict, forbidden, unprocessable } from "../http/errors.ts";
import { todayInVietnam } from "../text/dates.ts";
import { foldForSearch, normalizeText } from "../text/vietnamese.ts";
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

function hasContact(contact: Partial<ContactInput> | null | undefined): boolean {
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
  return receiveOpinion({ db, keys, actor, input, ip });
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
    const receipt = await receiveOpinion({ db, keys, actor, input: { ...input, receivedAt }, ip });
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

/** Looks up a unit that must exist today, once per unit and field within one intake call. */
type ActiveUnitLookup = (unitId: string, field: string) => Promise<{ id: string; parentId: string | null }>;

function activeUnitLookup(db: Executor): ActiveUnitLookup {
  const seen = new Map<string, Promise<{ id: string; parentId: string | null }>>();
  return (unitId, field) => {
    const key = `${field}|${unitId}`;
    let unit = seen.get(key);
    if (!unit) seen.set(key, (unit = requireActiveUnit({ db, unitId, field })));
    return unit;
  };
}

/**
 * Which unit handles an opinion. About a named officer or the unit's own conduct: the superior unit, and
 * the criticised unit is recorded as concerned (it never sees the contributor). Raised at a forum: the unit
 * that holds it, whose chair answers or marks it there (its topics tag it, they do not route it). Otherwise a
 * routing rule for the place, topic and kind, if one matches; else the unit the contributor chose.
 */
async function responsibleUnit(
  db: Executor,
  activeUnit: ActiveUnitLookup,
  input: IntakeInput,
  topics: readonly string[],
): Promise<{ unitId: string; concernedUnitId: string | null }> {
  const isAboutConduct = Boolean(input.targetOfficer || input.aboutUnitConduct);
  // Nothing to decide: the insert itself refuses a unit that does not exist today.
  // A forum's opinion stays with the unit holding the forum, whose chair marks it there (no routing by topic).
  if (!isAboutConduct && (input.channel === "forum" || (!input.locationUnitId && topics.length === 0))) {
    return { unitId: input.unitId, concernedUnitId: null };
  }
  const chosen = await activeUnit(input.unitId, "unitId");
  if (isAboutConduct) return { unitId: chosen.parentId ?? chosen.id, concernedUnitId: chosen.id };
  const target = routeByRules({
    rules: await routingRules.get(db),
    locationUnitId: input.locationUnitId ?? null,
    topics,
    kind: input.kind,
  });
  return { unitId: target ?? chosen.id, concernedUnitId: null };
}

/** The units that will handle opinions (conduct, routing rules), in input order, storing nothing: for an import's preview. */
export async function responsibleUnitsFor({ db, inputs }: { db: Executor; inputs: readonly IntakeInput[] }): Promise<string[]> {
  const activeUnit = activeUnitLookup(db);
  const unitIds: string[] = [];
  for (const input of inputs) unitIds.push((await responsibleUnit(db, activeUnit, input, [...new Set(input.topics)])).unitId);
  return unitIds;
}

/** An opinion as intake receives it, whichever way it came: citizen form, officer entry, forum, import. */
export interface IntakeInput {
  /** The unit the contributor chose; triage and routing rules may hand the opinion to another. */
  unitId: string;
  channel: OpinionChannel;
  kind: OpinionKind;
  content: string;
  contact?: Partial<ContactInput> | null;
  /** Unset: anonymous exactly when no contact is given. */
  anonymous?: boolean;
  publicConsent: boolean;
  topics: readonly string[];
  /** The commune where it happened, when it differs from the unit written to. */
  locationUnitId?: string | null;
  targetOfficer?: string | null;
  aboutUnitConduct?: boolean;
  /** As asked ("normal" by default); an emergency is always urgent. */
  urgency?: OpinionUrgency;
  /** When it was received; now by default. */
  receivedAt?: Date;
  contentGroup?: string | null;
  /** The officer's browser's key of an entry (a resent entry counts once). */
  clientKey?: string | null;
  /** A row of an import: the same row imported again by the same unit is a duplicate. */
  imported?: { importId: string; fingerprint: string };
}

/**
 * The one way an opinion is made, for every channel: each input triaged (urgency), checked (contact with
 * anonymity 400, topics and units 422), handed to the responsible unit (conduct, routing rules), given its
 * deadline, its stored text and search key, its encrypted contact and its audit entry, ready to store in one
 * statement (`storeReceivedOpinions`). Configuration and units are read once per call, however many inputs.
 */
export async function prepareReceivedOpinions({
  db,
  keys,
  actor,
  inputs,
  ip = null,
}: {
  db: Executor;
  keys: Keys;
  actor: Actor;
  inputs: readonly IntakeInput[];
  ip?: string | null;
}): Promise<ReceivedOpinionRow[]> {
  const activeUnit = activeUnitLookup(db);
  const rules = await deadlineRules.get(db);
  // Rows of one batch often share a deadline (an import's dates without a time).
  const dueDates = new Map<string, Date | null>();
  const dueAt = (kind: OpinionKind, urgency: OpinionUrgency, receivedAt: Date) => {
    const key = `${kind}|${urgency}|${receivedAt.getTime()}`;
    if (!dueDates.has(key)) dueDates.set(key, answerDueAt({ rules, kind, urgency, receivedAt }));
    return dueDates.get(key) ?? null;
  };
  const rows: ReceivedOpinionRow[] = [];
  for (const input of inputs) {
    const contactGiven = hasContact(input.contact);
    const anonymous = input.anonymous ?? !contactGiven;
    if (anonymous && contactGiven) throw badRequest("opinion.contact_with_anonymous", "contact");
    const topics = [...new Set(input.topics)];
    await requireKnownTopics(db, topics);
    if (input.locationUnitId) await activeUnit(input.locationUnitId, "locationUnitId");
    const handler = await responsibleUnit(db, activeUnit, input, topics);
    const urgency: OpinionUrgency = input.kind === "emergency" ? "urgent" : (input.urgency ?? "normal");
    const receivedAt = input.receivedAt ?? now();
    const content = normalizeText(input.content);
    rows.push({
      trackingCode: generateTrackingCode(),
      unitId: handler.unitId,
      channel: input.channel,
      kind: input.kind,
      status: "RECEIVED",
      content,
      searchText: foldForSearch(content),
      isAnonymous: anonymous,
      publicConsent: input.publicConsent,
      urgency,
      answerDueAt: dueAt(input.kind, urgency, receivedAt),
      receivedAt,
      contentGroup: input.contentGroup ?? null,
      topics,
      locationUnitId: input.locationUnitId ?? null,
      concernedUnitId: handler.concernedUnitId,
      targetOfficer: input.targetOfficer ?? null,
      clientKey: input.clientKey ?? null,
      enteredByUserId: actor.kind === "user" ? actor.id : null,
      importFingerprint: input.imported?.fingerprint ?? null,
      contactCiphertext: contactGiven ? encryptText(keys.personalData, JSON.stringify(input.contact)) : null,
      audit: auditEntryFor({
        actor,
        action: "opinion.create",
        entityType: "opinion",
        details: {
          unitId: handler.unitId,
          channel: input.channel,
          kind: input.kind,
          anonymous,
          ...(input.imported && { importId: input.imported.importId }),
        },
        // A citizen's address would tie an anonymous opinion to a person: only users' addresses are kept.
        ip: actor.kind === "user" ? ip : null,
      }),
    });
  }
  return rows;
}

/**
 * Stores prepared opinions in one statement inside the caller's transaction; in input order, the stored id,
 * or undefined for one whose unit does not exist today (nothing of it is stored).
 */
export function storeReceivedOpinions(trx: Executor, rows: ReceivedOpinionRow[]) {
  return insertReceivedOpinions(trx, { day: todayInVietnam(), rows });
}

async function receiveOpinion({
  db,
  keys,
  actor,
  input,
  ip,
}: {
  db: Executor;
  keys: Keys;
  actor: Actor;
  input: IntakeInput & { website?: string | undefined };
  ip: string | null;
}): Promise<Receipt> {
  if (input.website?.trim()) throw new AppError(422, "request.automated", { field: "website" });
  // One row per input.
  const prepared = (await prepareReceivedOpinions({ db, keys, actor, inputs: [input], ip }))[0]!;
  for (let attempt = 0; ; attempt++) {
    const row = attempt === 0 ? prepared : { ...prepared, trackingCode: generateTrackingCode() };
    try {
      const stored = await storeReceivedOpinion(db, row);
      if (!stored) {
        // Nothing was stored: say why (unknown unit, or one that no longer exists).
        await requireActiveUnit({ db, unitId: row.unitId });
        throw unprocessable("unit.inactive", "unitId");
      }
      return { opinionId: stored.id, trackingCode: row.trackingCode, status: row.status as OpinionStatus, kind: input.kind };
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
  if (db.isTransaction) return storeReceivedOpinions(db, [row]).then((r) => r[0]);
  let writer = receivedOpinionWriters.get(db);
  if (!writer) {
    // One batch at a time on both engines: a batch gathers while the previous one runs. On PostgreSQL two or
    // more batches at once made each smaller and intake slower (bench/submit-opinion, median of 3 rounds:
    // 1 at once 0.44× the baseline, 2 at once 0.39×, 4 at once 0.32×): the cost is per statement, not per row.
    writer = createBatcher((rows: ReceivedOpinionRow[]) => storeReceivedOpinions(db, rows));
    receivedOpinionWriters.set(db, writer);
  }
  return writer(row);
}
