import type { Kysely } from "kysely";
import type { UserActor } from "../auth/actor.ts";
import type { Database, Executor } from "../db/index.ts";
import { openLiveBus } from "../db/live-bus.ts";
import type { OpinionKind } from "../opinions/opinions.workflow.ts";
import { redactPersonalData } from "../text/redact.ts";
import {
  countForumItems,
  findForumItem,
  listForumItems,
  listLatestShown,
  listProjectorItems,
  type ForumItemRow,
} from "./forums.items.queries.ts";
import { createForumLive, type ForumLive } from "./forums.live.ts";
import type { ModerationItem, PublicItem } from "./forums.schemas.ts";
import { loadForumToRun, loadPublicForum } from "./forums.service.ts";

/* What the forum's screens show: the phone page's list, the chair's list, the projector; the live hub. */

/** How many waiting opinions the projector lists under the current one. */
const PROJECTOR_QUEUE = 6;
/** How many of the newest shown opinions the projector lists ("vừa đưa lên"). */
const PROJECTOR_LATEST = 4;
/** The longest text the projector shows of one opinion (large type). */
const PROJECTOR_TEXT = 400;

const redacted = (text: string) => redactPersonalData(text).text;
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function presentPublicItem(row: ForumItemRow): PublicItem {
  return {
    id: row.id,
    text: row.display_text,
    kind: row.kind as OpinionKind,
    supportCount: row.support_count,
    mark: row.mark,
    spotAnswer: row.mark === "on_spot" && row.mark_note ? redacted(row.mark_note) : null,
    writtenAnswer: row.mark !== "on_spot" && row.answer_content ? redacted(row.answer_content) : null,
    createdAt: row.created_at.toISOString(),
  };
}

/** The opinions a forum's public page lists: those the chair let through, with the answers as they come. */
export async function listPublicForumItems({ db, forumId }: { db: Executor; forumId: string }) {
  await loadPublicForum(db, forumId);
  return { items: (await listForumItems(db, forumId, { onlyShown: true })).map(presentPublicItem) };
}

/** Everything raised at a forum, for the chair's moderation screen and the minutes. */
export async function listModerationItems({ db, actor, forumId }: { db: Executor; actor: UserActor; forumId: string }) {
  const forum = await loadForumToRun(db, actor, forumId);
  return { items: await readModerationItems(db, forumId, forum.current_item_id) };
}

async function readModerationItems(db: Executor, forumId: string, currentItemId: string | null): Promise<ModerationItem[]> {
  const rows = await listForumItems(db, forumId, { onlyShown: false });
  return rows.map((row) => ({
    ...presentPublicItem(row),
    trackingCode: row.tracking_code,
    source: row.source,
    speaker: row.speaker,
    originalText: row.original_text,
    moderation: row.moderation,
    markNote: row.mark_note,
    isCurrent: row.id === currentItemId,
    opinionStatus: row.opinion_status,
    topics: row.topics,
  }));
}

/** What the projector and the phones show live: the current opinion, the queue by supports, the counts. */
export async function readProjectorState(db: Executor, forumId: string) {
  const forum = await loadPublicForum(db, forumId);
  const [queue, latest, counts, current] = await Promise.all([
    listProjectorItems(db, forumId, PROJECTOR_QUEUE + 1),
    listLatestShown(db, forumId, PROJECTOR_LATEST),
    countForumItems(db, forumId),
    forum.current_item_id ? findForumItem(db, forumId, forum.current_item_id) : Promise.resolve(undefined),
  ]);
  const present = (i: { id: string; display_text: string; kind: string; support_count: number }) => ({
    id: i.id,
    text: clip(i.display_text, PROJECTOR_TEXT),
    kind: i.kind,
    supportCount: i.support_count,
  });
  return {
    forumId,
    title: forum.title,
    status: forum.status,
    current: current && current.moderation === "shown" ? present(current) : null,
    queue: queue.filter((i) => i.id !== forum.current_item_id).slice(0, PROJECTOR_QUEUE).map(present),
    latest: latest.map(present),
    shownCount: counts.shown,
    onSpotCount: counts.on_spot,
    markedCount: counts.marked,
  };
}

/** The chair's live list: every item, pending ones included. */
export async function readModerationState(db: Executor, forumId: string) {
  const forum = await loadPublicForum(db, forumId);
  return { forumId, status: forum.status, items: await readModerationItems(db, forumId, forum.current_item_id) };
}

/** The live hub of this app instance: the bus of `db`'s engine, reading the projector or the chair's list. */
export function openForumLive({ db, onError }: { db: Kysely<Database>; onError?: (error: unknown) => void }): ForumLive {
  return createForumLive({
    bus: openLiveBus(db, "forum_live"),
    read: (forumId, view) => (view === "public" ? readProjectorState(db, forumId) : readModerationState(db, forumId)),
    ...(onError ? { onError } : {}),
  });
}
