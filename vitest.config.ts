import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/** Server suites run on PGlite and PostgreSQL; browser journeys (e2e/) drive Debian's Chromium. */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "server",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          globalSetup: ["test/db.global-setup.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: "forks",
          // One file per core, not vitest's cores − 1: a server file spends much of its time waiting on
          // PostgreSQL, on child processes and on timers, so on 2 cores a single worker left one idle.
          maxWorkers: availableParallelism(),
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 180_000,
          pool: "forks",
          fileParallelism: false,
          // A page may take more than the default second to update on a loaded 2-core machine (CI).
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
