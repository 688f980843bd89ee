// `npm test`: checks the environment, type-checks and lints, builds the web app, runs every suite
// (server suites on PGlite and PostgreSQL, browser journeys in Chromium), runs the date-sensitive suites
// again at other hours and in another time zone, and ends with the line `N passed, N failed` counting
// every test run.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { FAKETIME_PATH, prepareTestEnvironment } from "./test-env.mjs";

// Server suites whose outcome may depend on the day or the hour: deadlines, campaign and forum periods,
// "today" in Vietnam, dated units.
const DATE_SENSITIVE_SUITES = [
  "src/calendar",
  "src/text/dates.test.ts",
  "src/units",
  "src/auth",
  "src/opinions",
  "src/remedies",
  "src/forums",
  "src/surveys",
  "src/satisfaction",
];
// Vietnam is UTC+7: at 23:30 UTC its day is already the next one; at 16:30 UTC it is half an hour before its
// midnight. A time zone behind UTC catches a local-time date. Only the process clock is faked, so these run
// on PGlite (in the process) and not on the PostgreSQL server, whose now() stays real.
const today = new Date().toISOString().slice(0, 10);
const OTHER_CLOCKS = [
  { label: "23:30 UTC", name: "2330utc", faketime: `@${today} 23:30:00`, env: { TZ: "UTC" } },
  { label: "16:30 UTC", name: "1630utc", faketime: `@${today} 16:30:00`, env: { TZ: "UTC" } },
  { label: "TZ=America/Los_Angeles", name: "los-angeles", env: { TZ: "America/Los_Angeles" } },
];

function step(label, command, args, env = {}) {
  console.log(`\n== ${label} ==`);
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  // Each phase's time, to keep the whole run under 15 minutes on CI's 2 cores (docs/PERFORMANCE.md).
  console.log(`-- ${label}: ${Math.round((performance.now() - started) / 1000)} s`);
  return result.status ?? 1;
}

await prepareTestEnvironment();
mkdirSync("test-results", { recursive: true });

let failedChecks = 0;
for (const [label, args] of [
  ["type-check (server)", ["tsc", "--noEmit", "-p", "tsconfig.json"]],
  ["type-check (web)", ["tsc", "--noEmit", "-p", "web/tsconfig.json"]],
  ["lint", ["eslint", "."]],
  ["build web app", ["vite", "build", "--config", "web/vite.config.ts", "--logLevel", "warn"]],
]) {
  const status = step(label, "npx", args);
  if (status !== 0) failedChecks += 1;
}

/** Runs vitest with `args` (under `prefix`, e.g. faketime), its JSON report in `results`; returns the tests passed and failed. */
function vitest(label, results, args, env, prefix = []) {
  const [command, ...rest] = [...prefix, "npx", "vitest", "run", ...args];
  const status = step(label, command, [...rest, "--reporter=default", "--reporter=json", `--outputFile=${results}`], env);
  let passed = 0;
  let failed = 0;
  try {
    const report = JSON.parse(readFileSync(results, "utf8"));
    passed = report.numPassedTests;
    failed = report.numFailedTests + (report.numTotalTests === 0 ? 1 : 0);
    if (report.numPendingTests + report.numTodoTests > 0) {
      console.error(`${report.numPendingTests + report.numTodoTests} tests were skipped: nothing may be skipped.`);
      failed += report.numPendingTests + report.numTodoTests;
    }
  } catch {
    failed = 1;
  }
  if (status !== 0 && failed === 0) failed = 1;
  return { passed, failed };
}

const runs = [
  vitest("tests (vitest: server on PGlite and PostgreSQL, e2e in Chromium)", "test-results/vitest.json", [], {
    TZ: "UTC",
  }),
  ...OTHER_CLOCKS.map((clock) =>
    vitest(
      `date-sensitive server suites on PGlite at ${clock.label}`,
      `test-results/vitest-${clock.name}.json`,
      ["--project", "server", ...DATE_SENSITIVE_SUITES],
      // Monotonic clocks stay real, so timers keep firing.
      { ...clock.env, TEST_ENGINES: "pglite", ...(clock.faketime ? { FAKETIME_DONT_FAKE_MONOTONIC: "1" } : {}) },
      clock.faketime ? [FAKETIME_PATH, "-f", clock.faketime] : [],
    ),
  ),
];
const passed = runs.reduce((sum, run) => sum + run.passed, 0);
const failed = runs.reduce((sum, run) => sum + run.failed, failedChecks);
const summary = `${passed} passed, ${failed} failed`;
writeFileSync("test-results/summary.txt", `${summary}\n`);
console.log(`\n${summary}`);
process.exit(failed === 0 ? 0 : 1);
