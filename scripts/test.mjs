// `npm test`: checks the environment, type-checks and lints, builds the web app, runs every suite
// (server suites on PGlite and PostgreSQL, browser journeys in Chromium), and ends with the line
// `N passed, N failed` counting every test run.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { prepareTestEnvironment } from "./test-env.mjs";

const RESULTS = "test-results/vitest.json";

function step(label, command, args, env = {}) {
  console.log(`\n== ${label} ==`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
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

const vitestStatus = step("tests (vitest: server on PGlite and PostgreSQL, e2e in Chromium)", "npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile=${RESULTS}`,
], { TZ: "UTC" });

let passed = 0;
let failed = failedChecks;
try {
  const report = JSON.parse(readFileSync(RESULTS, "utf8"));
  passed = report.numPassedTests;
  failed += report.numFailedTests + (report.numTotalTests === 0 ? 1 : 0);
  if (report.numPendingTests + report.numTodoTests > 0) {
    console.error(`${report.numPendingTests + report.numTodoTests} tests were skipped: nothing may be skipped.`);
    failed += report.numPendingTests + report.numTodoTests;
  }
} catch {
  failed += 1;
}
if (vitestStatus !== 0 && failed === 0) failed = 1;
const summary = `${passed} passed, ${failed} failed`;
writeFileSync("test-results/summary.txt", `${summary}\n`);
console.log(`\n${summary}`);
process.exit(failed === 0 ? 0 : 1);
