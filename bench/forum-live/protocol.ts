/** Messages between bench/forum-live/run.ts (the phones, the chair) and server.ts (the app instances). */

export const SERVER_TARGET_ENV = "FORUM_LIVE_BENCH_TARGET";

/** What the server process runs on. */
export type ServerTarget = { engine: "postgres"; url: string } | { engine: "pglite"; dataDir: string };

/** The forum and the chair's session, once the server listens. */
export interface ReadyMessage {
  type: "ready";
  port: number;
  forumId: string;
  chairCookie: string;
  serverVersion: string;
}

/** The server's own figures over the measured run and what the database holds at the end. */
export interface FinishedMessage {
  type: "finished";
  cpuUserMs: number;
  cpuSystemMs: number;
  wallMs: number;
  peakRssMb: number;
  rssAtStartMb: number;
  liveSubscribers: number;
  stored: { opinions: number; items: number; shown: number; supports: number; supportCountSum: number; distinctContents: number };
}

export type ServerMessage = ReadyMessage | FinishedMessage;
export type ParentMessage = { type: "start" } | { type: "finish" };
