import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.ts";
import { PUBLIC_ACTOR, type UserActor } from "../auth/actor.ts";
import { hashToken, type Keys } from "../crypto/keys.ts";
import type { Database, Executor } from "../db/index.ts";
import { conflict, notFound } from "../http/errors.ts";
import { enterOpinion, submitOpinion } from "../opinions/opinions.intake.service.ts";
import { applyOpinionStep, setOpinionTopics } from "../opinions/opinions.steps.service.ts";
import { redactPersonalData } from "../text/redact.ts";
import { loadForumToRun, loadPublicForum } from "./forums.service.ts";
import { setCurrentItem } from "./forums.queries.ts";
import { addSupport, findForumItem, insertForumItem, updateMark, updateModeration } from "./forums.items.queries.ts";
import type { ForumLive } from "./forums.live.ts";
import type { ForumItemTopicsBody, MarkBody, SecretaryEntryBody, SendForumOpinionBody } from "./forums.schemas.ts";
import { acceptsOpinions, moderationAfter, type ForumMark, type ForumStatus, type ModerationAction } from "./forums.workflow.ts";

/* The live forum: the secretary's entries, citizens' opinions and supports, the chair's decisions and marks. */


const redacted = (text: string) => redactPersonalData(text).text;

function requireOpen(status: string) {
  if (!acceptsOpinions(status as ForumStatus)) throw conflict("forum.closed");
}

/**
 * The secretary records an opinion spoken at the forum (the speaker may stay anonymous). It is an opinion
 * of the organising unit (channel "forum") entered by the officer; the browser's client key makes a resent
 * entry count once, item included. What was said aloud is shown at once, personal data removed; the chair
 * may still hide it.
 */
export async function enterForumOpinion({
  db,
  keys,
  live,
  actor,
  forumId,
  input,
}: {
  db: Kysely<Database>;
  keys: Keys;
  live: ForumLive;
  actor: UserActor;
  forumId: string;
  input: SecretaryEntryBody;
}) {
  const forum = await loadForumToRun(db, actor, forumId);
  requireOpen(forum.status);
  const receipt = await enterOpinion({
    db,
    keys,
    actor,
    input: {
      unitId: forum.unit_id,
      content: input.content,
      kind: input.kind,
      channel: "forum",
      anonymous: true,
      publicConsent: false,
      topics: input.topics,
      targetOfficer: undefined,
      aboutUnitConduct: false,
      urgency: "normal",
      ...(input.receivedAt ? { receivedAt: input.receivedAt } : {}),
      clientKey: input.clientKey,
    },
  });
  const item = await insertForumItem(db, {
    forumId,
    opinionId: receipt.opinionId,
    trackingCode: receipt.trackingCode,
    source: "secretary",
    speaker: input.speaker ?? null,
    kind: receipt.kind,
    displayText: redacted(input.content),
    moderation: "shown",
  });
  if (item.forum_id !== forumId) throw conflict("opinion.client_key_conflict");
  if (!receipt.replayed) await live.changed(forumId);
  return { itemId: item.id, trackingCode: receipt.trackingCode, replayed: receipt.replayed };
}

/**
 * A citizen sends an opinion to a forum from a phone (the forum's QR code; no account). It is stored as an
 * opinion to the organising unit like the citizen form's (anonymous unless contact is given), with channel
 * "forum" since it was raised there, and waits for the chair before any screen shows it.
 */
export async function sendForumOpinion({
  db,
  keys,
  live,
  forumId,
  input,
}: {
  db: Kysely<Database>;
  keys: Keys;
  live: ForumLive;
  forumId: string;
  input: SendForumOpinionBody;
}) {
  const forum = await loadPublicForum(db, forumId);
  requireOpen(forum.status);
  const receipt = await submitOpinion({
    db,
    keys,
    actor: PUBLIC_ACTOR,
    input: {
      unitId: forum.unit_id,
      content: input.content,
      kind: input.kind,
      channel: "forum",
      ...(input.anonymous !== undefined ? { anonymous: input.anonymous } : {}),
      ...(input.contact ? { contact: input.contact } : {}),
      publicConsent: input.publicConsent,
      topics: input.topic ? [input.topic] : [],
      targetOfficer: undefined,
      aboutUnitConduct: false,
      ...(input.website !== undefined ? { website: input.website } : {}),
    },
  });
  const item = await insertForumItem(db, {
    forumId,
    opinionId: receipt.opinionId,
    trackingCode: receipt.trackingCode,
    source: "citizen",
    speaker: null,
    kind: receipt.kind,
    displayText: redacted(input.content),
    moderation: "pending",
  });
  await live.changed(forumId, ["moderation"]);
  return { itemId: item.id, trackingCode: receipt.trackingCode };
}

/** A device's "+1" on a shown opinion: once per device (the device id is kept only as a hash). */
export async function supportForumItem({
  db,
  live,
  forumId,
  itemId,
  deviceId,
}: {
  db: Executor;
  live: ForumLive;
  forumId: string;
  itemId: string;
  deviceId: string;
}) {
  const forum = await loadPublicForum(db, forumId);
  requireOpen(forum.status);
  const item = await findForumItem(db, forumId, itemId);
  if (!item || item.moderation !== "shown") throw notFound("forum.item_not_found");
  const result = await addSupport(db, itemId, hashToken(`forum-support:${deviceId}`));
  // A "+1" moves a count: the screens take it within a second, gathered with the others, and the chair's list
  // with its next change, so that a stream of supports never delays an opinion on its way to the projector.
  if (result.added) await live.changed(forumId, ["public"], { minor: true });
  return { supportCount: result.supportCount, supported: true };
}

/** What the chair's actions on one item take. */
interface ItemCommand {
  db: Kysely<Database>;
  live: ForumLive;
  actor: UserActor;
  forumId: string;
  itemId: string;
}

/** An item of a forum the actor runs, with its forum (404 when the forum has no such item). */
async function loadItemToRun(db: Executor, actor: UserActor, forumId: string, itemId: string) {
  const forum = await loadForumToRun(db, actor, forumId);
  const item = await findForumItem(db, forumId, itemId);
  if (!item) throw notFound("forum.item_not_found");
  return { forum, item };
}

/** The chair sets or changes the topics of an opinion raised at the forum, whatever its state; audited. */
export async function setForumItemTopics({ db, live, actor, forumId, itemId, input }: ItemCommand & { input: ForumItemTopicsBody }) {
  const { item } = await loadItemToRun(db, actor, forumId, itemId);
  const topics = await setOpinionTopics({ db, actor, opinionId: item.opinion_id, topics: input.topics });
  await live.changed(forumId, ["moderation"]);
  return { topics };
}

/** The chair shows an opinion on the screens, hides it, or puts it on the projector now; audited. */
export async function moderateForumItem({ db, live, actor, forumId, itemId, action }: ItemCommand & { action: ModerationAction }) {
  const { forum } = await loadItemToRun(db, actor, forumId, itemId);
  await db.transaction().execute(async (trx) => {
    await updateModeration(trx, itemId, moderationAfter(action));
    if (action === "present") await setCurrentItem(trx, forumId, itemId);
    else if (action === "hide" && forum.current_item_id === itemId) await setCurrentItem(trx, forumId, null);
    await recordAudit({ db: trx, actor, action: `forum.item_${action}`, entityType: "forum", entityId: forumId, details: { itemId } });
  });
  await live.changed(forumId);
  return { moderation: moderationAfter(action) };
}

/**
 * The chair's mark: answered on the spot (the note is the answer: the opinion goes to ANSWERED, method on the
 * spot), to be answered in writing (the opinion stays in the workflow with its deadline), transferred to
 * another body, or out of scope (the opinion is closed as rejected with the note as reason). Once per item.
 */
export async function markForumItem({ db, keys, live, actor, forumId, itemId, input }: ItemCommand & { keys: Keys; input: MarkBody }) {
  const { forum, item } = await loadItemToRun(db, actor, forumId, itemId);
  if (item.mark) throw conflict("forum.already_marked");
  const step = stepOf(input);
  if (step) await applyOpinionStep({ db, keys, actor, opinionId: item.opinion_id, step });
  const note = input.mark === "transferred" ? `${input.to}: ${input.note}` : (input.note ?? null);
  await db.transaction().execute(async (trx) => {
    if (!(await updateMark(trx, itemId, input.mark, note))) throw conflict("forum.already_marked");
    if (forum.current_item_id === itemId) await setCurrentItem(trx, forumId, null);
    await recordAudit({ db: trx, actor, action: "forum.item_mark", entityType: "forum", entityId: forumId, details: { itemId, mark: input.mark } });
  });
  await live.changed(forumId);
  return { mark: input.mark as ForumMark };
}

function stepOf(input: MarkBody) {
  switch (input.mark) {
    case "on_spot":
      return { action: "answer_on_spot" as const, content: input.note };
    case "transferred":
      return { action: "transfer_out" as const, to: input.to, reason: input.note };
    case "out_of_scope":
      return { action: "reject" as const, reason: input.note };
    case "written":
      return undefined;
  }
}
