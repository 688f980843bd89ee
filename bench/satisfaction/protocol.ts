/** What run.ts tells the forked server (bench/satisfaction/server.ts): where its database is. */
export const TARGET_ENV = "LN_BENCH_SATISFACTION_TARGET";
/** Where the server opens its database. */
export type Target = { engine: "postgres"; url: string } | { engine: "pglite"; dataDir: string };
