import type { EntryBody } from "./api";

/** Where an entry stands: waiting to be sent, sent (with its tracking code), or refused by the server. */
export type EntryState = "pending" | "sent" | "failed";

/** One entry of the queue, as kept in the browser. */
export interface QueuedEntry {
  body: EntryBody;
  state: EntryState;
  /** When it was put in the queue (ISO). */
  queuedAt: string;
  trackingCode?: string;
  /** The server's reason for refusing it, in the interface language. */
  error?: string;
}

const STORAGE_PREFIX = "langnghe.entry-queue.v1.";

/** The storage key of one officer's queue: two officers sharing a laptop never send each other's entries. */
export function queueKey(userId: string): string {
  return `${STORAGE_PREFIX}${userId}`;
}

function isQueuedEntry(value: unknown): value is QueuedEntry {
  const entry = value as QueuedEntry;
  return (
    typeof entry === "object" &&
    entry !== null &&
    typeof entry.body?.clientKey === "string" &&
    ["pending", "sent", "failed"].includes(entry.state)
  );
}

/** The queue saved in this browser; whatever cannot be read is dropped rather than crashing the page. */
export function loadQueue(storage: Storage, userId: string): QueuedEntry[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(queueKey(userId)) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter(isQueuedEntry) : [];
  } catch {
    return [];
  }
}

/** Saves the queue; sent entries older than a day are forgotten (their tracking codes were shown). */
export function saveQueue(storage: Storage, userId: string, queue: QueuedEntry[], now = Date.now()): QueuedEntry[] {
  const kept = queue.filter((e) => e.state !== "sent" || now - Date.parse(e.queuedAt) < 24 * 3_600_000);
  storage.setItem(queueKey(userId), JSON.stringify(kept));
  return kept;
}

/**
 * A random UUID v4 for an entry's client key. `crypto.randomUUID` exists only on secure origins; a unit's
 * server reached by plain HTTP on its own network has `getRandomValues` still.
 */
export function newClientKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
