import { request as httpRequest, type IncomingMessage } from "node:http";

/** A server-sent event stream read in a test: every `state` event's data, parsed, and a way to wait for one. */
export interface SseClient {
  states: unknown[];
  /** Resolves with the first state (seen or to come) that satisfies `predicate`; rejects after `timeoutMs`. */
  waitFor<T>(predicate: (state: T) => boolean, timeoutMs?: number): Promise<T>;
  close(): void;
}

/** Opens `url` as an event stream (with `headers`) once the server has answered 200. */
export function openSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const states: unknown[] = [];
    const waiters: { predicate: (s: unknown) => boolean; resolve: (s: unknown) => void }[] = [];
    let buffer = "";
    const req = httpRequest(url, { headers: { accept: "text/event-stream", ...headers } }, (res: IncomingMessage) => {
      if (res.statusCode !== 200) {
        reject(new Error(`SSE ${url}: ${res.statusCode}`));
        res.resume();
        return;
      }
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = message
            .split("\n")
            .filter((l) => l.startsWith("data: "))
            .map((l) => l.slice(6))
            .join("\n");
          if (!message.includes("event: state") || !data) continue;
          const state = JSON.parse(data) as unknown;
          states.push(state);
          for (const waiter of [...waiters]) {
            if (waiter.predicate(state)) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve(state);
            }
          }
        }
      });
      resolve({
        states,
        waitFor<T>(predicate: (state: T) => boolean, timeoutMs = 5_000) {
          const seen = states.find((s) => predicate(s as T));
          if (seen) return Promise.resolve(seen as T);
          return new Promise<T>((done, fail) => {
            const waiter = {
              predicate: predicate as (s: unknown) => boolean,
              resolve: (s: unknown) => {
                clearTimeout(timer);
                done(s as T);
              },
            };
            const timer = setTimeout(() => {
              waiters.splice(waiters.indexOf(waiter), 1);
              fail(new Error(`no matching state within ${timeoutMs} ms; last: ${JSON.stringify(states.at(-1))}`));
            }, timeoutMs);
            waiters.push(waiter);
          });
        },
        close() {
          req.destroy();
        },
      });
    });
    req.on("error", reject);
    req.end();
  });
}
