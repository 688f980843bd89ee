import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { isApiError } from "../../../app/api-client";
import { opinionKeys } from "../../opinions/api";
import { sendEntry, type EntryBody } from "../api";
import { loadQueue, saveQueue, type QueuedEntry } from "../entry-queue";

/** How long to wait before trying again after the network or the server failed. */
const RETRY_MS = 5_000;

/**
 * An officer's entries, kept in this browser until the server has acknowledged each one: added at once
 * (no network needed), sent one by one whenever the browser is online, retried after a network failure,
 * and stored exactly once thanks to each entry's client key. A refusal (4xx) stops that entry with the
 * server's reason; the others go on.
 */
export function useEntryQueue(
  ownerId: string,
  {
    storageId = ownerId,
    send = sendEntry,
  }: {
    /** Whose queue in this browser (an officer's, or an officer's at one forum). */
    storageId?: string;
    /** Where an entry goes (by default `POST /api/opinions`); it must store one entry per client key. */
    send?: (body: EntryBody) => Promise<{ trackingCode: string }>;
  } = {},
) {
  const userId = storageId;
  const queryClient = useQueryClient();
  const [queue, setQueue] = useState<QueuedEntry[]>(() => loadQueue(localStorage, userId));
  const [isOnline, setIsOnline] = useState(() => navigator.onLine);
  const [isSending, setIsSending] = useState(false);
  const [retryAt, setRetryAt] = useState(0);
  const sending = useRef(false);

  const update = useCallback(
    (change: (queue: QueuedEntry[]) => QueuedEntry[]) => {
      // Read the stored queue, not a stale render's copy: the sender and the form both change it.
      setQueue(saveQueue(localStorage, userId, change(loadQueue(localStorage, userId))));
    },
    [userId],
  );

  useEffect(() => {
    const online = () => setIsOnline(true);
    const offline = () => setIsOnline(false);
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
    };
  }, []);

  useEffect(() => {
    if (!retryAt) return;
    const timer = window.setTimeout(() => setRetryAt(0), Math.max(0, retryAt - Date.now()));
    return () => window.clearTimeout(timer);
  }, [retryAt]);

  const pending = queue.filter((e) => e.state === "pending");

  useEffect(() => {
    if (!isOnline || retryAt || sending.current || pending.length === 0) return;
    sending.current = true;
    setIsSending(true);
    void (async () => {
      let sentAny = false;
      try {
        for (const entry of loadQueue(localStorage, userId).filter((e) => e.state === "pending")) {
          try {
            const receipt = await send(entry.body);
            sentAny = true;
            update((q) => q.map((e) => (e.body.clientKey === entry.body.clientKey ? { ...e, state: "sent", trackingCode: receipt.trackingCode, error: undefined } : e)));
          } catch (error) {
            const refused = isApiError(error) && error.status >= 400 && error.status < 500 && error.status !== 401 && error.status !== 429;
            if (!refused) {
              // The network or the server failed (or the session must be renewed): keep it, try again later.
              setRetryAt(Date.now() + RETRY_MS);
              return;
            }
            const message = isApiError(error) ? error.message : String(error);
            update((q) => q.map((e) => (e.body.clientKey === entry.body.clientKey ? { ...e, state: "failed", error: message } : e)));
          }
        }
      } finally {
        sending.current = false;
        setIsSending(false);
        if (sentAny) void queryClient.invalidateQueries({ queryKey: opinionKeys.all });
      }
    })();
  }, [isOnline, retryAt, pending.length, userId, update, queryClient, send]);

  return {
    queue,
    isOnline,
    isSending,
    pendingCount: pending.length,
    add: (body: EntryBody) => update((q) => [...q, { body, state: "pending", queuedAt: new Date().toISOString() }]),
    remove: (clientKey: string) => update((q) => q.filter((e) => e.body.clientKey !== clientKey)),
    /** Takes a refused entry out of the queue to be corrected in the form. */
    take: (clientKey: string): EntryBody | undefined => {
      const entry = loadQueue(localStorage, userId).find((e) => e.body.clientKey === clientKey);
      update((q) => q.filter((e) => e.body.clientKey !== clientKey));
      return entry?.body;
    },
    clearSent: () => update((q) => q.filter((e) => e.state !== "sent")),
  };
}
