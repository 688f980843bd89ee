import { Agent, request as httpRequest } from "node:http";

/** One phone (or the projector): its device cookie and its live stream. */
export interface Phone {
  cookie: string;
  events: number;
  /** The data of the last state event (parsed only at the end, or on every event when `watch` is set). */
  lastData: string;
  /** When each item id was first seen on this screen (performance.now()), for the phones that watch. */
  firstSeen?: Map<string, number>;
  close(): void;
}

interface StateIds {
  current: { id: string } | null;
  latest: { id: string }[];
  queue: { id: string }[];
}

const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

/** Gets a device cookie as a phone does by opening the forum's page. */
export async function deviceCookie(base: string, forumId: string): Promise<string> {
  const response = await fetch(`${base}/api/public/forums/${forumId}`);
  await response.arrayBuffer();
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (!cookie?.startsWith("ln_device=")) throw new Error("no device cookie");
  return cookie;
}

/** Opens `path` as an event stream with `cookie`; a watching screen records when each item first appears. */
export function openStream(
  base: string,
  path: string,
  cookie: string,
  { watch, onState }: { watch: boolean; onState?: (data: string) => void },
): Promise<Phone> {
  return new Promise((resolve, reject) => {
    const phone: Phone = { cookie, events: 0, lastData: "", ...(watch ? { firstSeen: new Map() } : {}), close: () => req.destroy() };
    let buffer = "";
    const req = httpRequest(`${base}${path}`, { agent, headers: { accept: "text/event-stream", cookie } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream ${path}: ${res.statusCode}`));
      res.setEncoding("utf8");
      resolve(phone);
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const at = message.indexOf("data: ");
          if (!message.startsWith("event: state") || at < 0) continue;
          phone.events += 1;
          phone.lastData = message.slice(at + 6);
          onState?.(phone.lastData);
          if (phone.firstSeen) {
            const now = performance.now();
            const state = JSON.parse(phone.lastData) as StateIds;
            for (const item of [state.current, ...state.latest, ...state.queue]) {
              if (item && !phone.firstSeen.has(item.id)) phone.firstSeen.set(item.id, now);
            }
          }
        }
      });
    });
    req.on("error", reject);
    req.end();
  });
}
