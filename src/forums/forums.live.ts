import type { LiveBus } from "../db/live-bus.ts";
import { nowMs } from "../calendar/clock.ts";

/*
 * Live fan-out of a forum's screens (server-sent events). Every change publishes "<forumId>:<view>" on the
 * bus (PostgreSQL NOTIFY, so every instance hears it); each instance then reads the changed view once and
 * writes that one payload to all of its subscribers of the forum — 2,000 phones cost one query, not 2,000.
 * Reads are coalesced: while one runs, further changes only mark it dirty, and a view is read at most once
 * every MIN_INTERVAL_MS.
 */

/** The screens that update live: the projector and phones ("public"), the chair's moderation list. */
export type LiveView = "public" | "moderation";
const VIEWS: readonly LiveView[] = ["public", "moderation"];

/** At most this often is a view re-read and re-sent (per forum, per instance) after a change people wait for. */
const MIN_INTERVAL_MS = 100;
/** A minor change (a "+1" moving a count) waits up to this long, gathered with the others. */
const MINOR_INTERVAL_MS = 1_000;
/** A comment line keeps proxies and browsers from closing an idle stream. */
const HEARTBEAT_MS = 20_000;

type Send = (chunk: string) => void;

interface Channel {
  subscribers: Set<Send>;
  fresh: Set<Send>;
  lastPayload?: string;
  lastAt: number;
  timer?: NodeJS.Timeout;
  /** When the scheduled read runs (nowMs() clock). */
  dueAt: number;
  inFlight: boolean;
  dirty: boolean;
  /** Whether a change people wait for arrived during the read in flight. */
  dirtyUrgent: boolean;
}

/** The live hub of one app instance. */
export interface ForumLive {
  /**
   * Tells every instance that `views` of a forum changed (call after the change has committed); a `minor`
   * change (a count) is sent within a second, gathered with others, so that it never delays the rest.
   */
  changed(forumId: string, views?: readonly LiveView[], options?: { minor?: boolean }): Promise<void>;
  /** Streams a view of a forum to `send` (SSE chunks) until the returned function is called. */
  subscribe(forumId: string, view: LiveView, send: Send): () => void;
  /** How many streams this instance serves (metrics, tests). */
  subscriberCount(): number;
  close(): Promise<void>;
}

/** Formats one SSE message. */
export function sseMessage(event: string, data: string): string {
  return `event: ${event}\ndata: ${data}\n\n`;
}

/** A hub on `bus` that reads a view's state with `read` (JSON-serialisable) when it changes. */
export function createForumLive({
  bus,
  read,
  onError = () => {},
}: {
  bus: LiveBus;
  read: (forumId: string, view: LiveView) => Promise<unknown>;
  onError?: (error: unknown) => void;
}): ForumLive {
  const channels = new Map<string, Channel>();
  const keyOf = (forumId: string, view: LiveView) => `${forumId}:${view}`;

  const refresh = async (key: string, channel: Channel) => {
    channel.timer = undefined;
    channel.inFlight = true;
    channel.dirty = false;
    channel.dirtyUrgent = false;
    try {
      const [forumId, view] = key.split(":") as [string, LiveView];
      const payload = sseMessage("state", JSON.stringify(await read(forumId, view)));
      const fresh = [...channel.fresh];
      channel.fresh.clear();
      if (payload !== channel.lastPayload) {
        for (const send of channel.subscribers) send(payload);
      } else {
        for (const send of fresh) if (channel.subscribers.has(send)) send(payload);
      }
      channel.lastPayload = payload;
    } catch (error) {
      onError(error);
    } finally {
      channel.lastAt = nowMs();
      channel.inFlight = false;
      if (channel.dirty || channel.fresh.size > 0) schedule(key, channel, channel.dirtyUrgent || channel.fresh.size > 0);
    }
  };

  const schedule = (key: string, channel: Channel, urgent: boolean) => {
    if (channel.inFlight) {
      channel.dirty = true;
      channel.dirtyUrgent ||= urgent;
      return;
    }
    const now = nowMs();
    const due = Math.max(now, channel.lastAt + (urgent ? MIN_INTERVAL_MS : MINOR_INTERVAL_MS));
    if (channel.timer) {
      if (due >= channel.dueAt) return;
      clearTimeout(channel.timer);
    }
    channel.dueAt = due;
    channel.timer = setTimeout(() => void refresh(key, channel), due - now);
  };

  const unsubscribeBus = bus.subscribe((payload) => {
    if (payload === "*") {
      for (const [key, channel] of channels) schedule(key, channel, true);
      return;
    }
    const minor = payload.endsWith(":minor");
    const key = minor ? payload.slice(0, -":minor".length) : payload;
    const channel = channels.get(key);
    if (channel) schedule(key, channel, !minor);
  });

  const heartbeat = setInterval(() => {
    for (const channel of channels.values()) for (const send of channel.subscribers) send(": ping\n\n");
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    async changed(forumId, views = VIEWS, { minor = false } = {}) {
      for (const view of views) await bus.publish(`${keyOf(forumId, view)}${minor ? ":minor" : ""}`);
    },
    subscribe(forumId, view, send) {
      const key = keyOf(forumId, view);
      let channel = channels.get(key);
      if (!channel) {
        channel = { subscribers: new Set(), fresh: new Set(), lastAt: 0, dueAt: 0, inFlight: false, dirty: false, dirtyUrgent: false };
        channels.set(key, channel);
      }
      const own = channel;
      own.subscribers.add(send);
      if (own.lastPayload && !own.dirty && !own.inFlight && !own.timer) send(own.lastPayload);
      else {
        own.fresh.add(send);
        schedule(key, own, true);
      }
      return () => {
        own.subscribers.delete(send);
        own.fresh.delete(send);
        if (own.subscribers.size === 0 && channels.get(key) === own) {
          if (own.timer) clearTimeout(own.timer);
          channels.delete(key);
        }
      };
    },
    subscriberCount() {
      let n = 0;
      for (const channel of channels.values()) n += channel.subscribers.size;
      return n;
    },
    async close() {
      clearInterval(heartbeat);
      unsubscribeBus();
      for (const channel of channels.values()) if (channel.timer) clearTimeout(channel.timer);
      channels.clear();
      await bus.close();
    },
  };
}

/** A hub that tells no one (seeding, scripts): nobody watches a forum being created in bulk. */
export const QUIET_LIVE: ForumLive = {
  changed: async () => {},
  subscribe: () => () => {},
  subscriberCount: () => 0,
  close: async () => {},
};
