import type { FastifyReply, FastifyRequest } from "fastify";
import type { ServerResponse } from "node:http";
import type { App } from "../http/types.ts";
import type { ForumLive, LiveView } from "./forums.live.ts";

/** Streams a live view of a forum on a request (the reply is taken over). */
export type SseStream = (request: FastifyRequest, reply: FastifyReply, forumId: string, view: LiveView) => void;

/** What the forums' route files share: the live hub and the SSE streamer. */
export interface ForumRouteContext {
  live: ForumLive;
  stream: SseStream;
}

/**
 * Server-sent event streams of the forums (Fastify's raw reply): one subscription to the live hub per
 * stream, ended when the browser goes away or the app closes.
 */
export function sseStreams(app: App, live: ForumLive): SseStream {
  const open = new Set<ServerResponse>();
  app.addHook("preClose", async () => {
    for (const res of open) res.end();
    open.clear();
  });
  app.addHook("onClose", async () => {
    await live.close();
  });
  return function stream(request: FastifyRequest, reply: FastifyReply, forumId: string, view: LiveView) {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
      "x-accel-buffering": "no",
      "x-content-type-options": "nosniff",
    });
    res.write("retry: 2000\n\n");
    open.add(res);
    const stop = live.subscribe(forumId, view, (chunk) => {
      res.write(chunk);
    });
    request.raw.on("close", () => {
      stop();
      open.delete(res);
    });
  };
}
