import { EventEmitter } from "node:events";
import { sql, type Kysely } from "kysely";
import pg from "pg";
import { postgresUrlOf, type Database } from "./index.ts";

/**
 * Small notifications between the app's instances ("forum 42 changed"): on PostgreSQL `pg_notify` on a
 * channel and one dedicated LISTEN connection per bus; on PGlite (one process) an in-process emitter. The
 * payload stays small (ids and an event name); listeners read the state they need themselves.
 */
export interface LiveBus {
  /** Sends `payload` to every listener of every instance (after the caller's write has committed). */
  publish(payload: string): Promise<void>;
  /** Calls `listener` with each payload; `"*"` after a reconnection (anything may have been missed). */
  subscribe(listener: (payload: string) => void): () => void;
  close(): Promise<void>;
}

const RECONNECT_MS = 1_000;
const localEmitters = new WeakMap<Kysely<Database>, EventEmitter>();

/** A bus on `channel` (a plain identifier) of `db`'s engine. */
export function openLiveBus(db: Kysely<Database>, channel: string): LiveBus {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`bad channel name: ${channel}`);
  const url = postgresUrlOf(db);
  return url ? postgresBus(db, url, channel) : localBus(db, channel);
}

function localBus(db: Kysely<Database>, channel: string): LiveBus {
  let emitter = localEmitters.get(db);
  if (!emitter) {
    emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    localEmitters.set(db, emitter);
  }
  const shared = emitter;
  const mine = new Set<(payload: string) => void>();
  return {
    async publish(payload) {
      shared.emit(channel, payload);
    },
    subscribe(listener) {
      shared.on(channel, listener);
      mine.add(listener);
      return () => {
        shared.off(channel, listener);
        mine.delete(listener);
      };
    },
    async close() {
      for (const listener of mine) shared.off(channel, listener);
      mine.clear();
    },
  };
}

function postgresBus(db: Kysely<Database>, url: string, channel: string): LiveBus {
  const listeners = new Set<(payload: string) => void>();
  let client: pg.Client | undefined;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  const emit = (payload: string) => {
    for (const listener of listeners) listener(payload);
  };

  const connect = async (isReconnect: boolean) => {
    if (closed) return;
    const next = new pg.Client({ connectionString: url });
    next.on("notification", (message) => {
      if (message.channel === channel && message.payload !== undefined) emit(message.payload);
    });
    next.on("error", () => {
      // The server ended the connection (restart, failover): listen again on a new one.
      next.end().catch(() => {});
      if (client === next) client = undefined;
      schedule(true);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
      if (closed) {
        await next.end();
        return;
      }
      client = next;
      if (isReconnect) emit("*");
    } catch {
      next.end().catch(() => {});
      schedule(true);
    }
  };
  const schedule = (isReconnect: boolean) => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect(isReconnect);
    }, RECONNECT_MS);
  };
  const ready = connect(false);

  return {
    async publish(payload) {
      await sql`SELECT pg_notify(${channel}, ${payload})`.execute(db);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await ready;
      listeners.clear();
      await client?.end().catch(() => {});
      client = undefined;
    },
  };
}

/** Resolves once `bus` would deliver a publication (tests: the LISTEN connection is up). */
export async function waitUntilListening(bus: LiveBus, timeoutMs = 5_000): Promise<void> {
  const probe = `probe:${Math.random().toString(36).slice(2)}`;
  await new Promise<void>((resolve, reject) => {
    const deadline = setTimeout(() => {
      stop();
      clearInterval(retry);
      reject(new Error("live bus is not listening"));
    }, timeoutMs);
    const stop = bus.subscribe((payload) => {
      if (payload !== probe) return;
      clearTimeout(deadline);
      clearInterval(retry);
      stop();
      resolve();
    });
    const retry = setInterval(() => void bus.publish(probe), 100);
    void bus.publish(probe);
  });
}
