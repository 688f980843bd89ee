// Makes sure what the test suite needs beyond `npm ci` is here: Debian's Chromium for the browser
// tests, libfaketime for the runs at other hours, and a running PostgreSQL for the PostgreSQL suite. Installs or starts what it can (root with
// apt; an installed but stopped cluster); otherwise fails naming the exact command to run.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";

export const CHROMIUM_PATH = "/usr/bin/chromium";
export const FAKETIME_PATH = "/usr/bin/faketime";
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://localhost:5432/test";

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const hasApt = existsSync("/usr/bin/apt-get");

class EnvironmentError extends Error {}

function run(command, args, options = {}) {
  console.log(`[test-env] $ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.status !== 0) throw new EnvironmentError(`'${command} ${args.join(" ")}' failed (exit ${result.status}).`);
}

let aptUpdated = false;
function aptInstall(packages) {
  if (!aptUpdated) {
    run("apt-get", ["update", "-qq"]);
    aptUpdated = true;
  }
  // --no-upgrade: never upgrade a running postgresql-15 under its cluster (ARCHITECTURE.md).
  run("apt-get", ["install", "-y", "-qq", "--no-upgrade", ...packages], {
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return;
  if (!isRoot || !hasApt) {
    throw new EnvironmentError(
      `Chromium is missing at ${CHROMIUM_PATH}. Install it with: sudo apt-get install -y chromium`,
    );
  }
  aptInstall(["chromium", "fonts-dejavu-core"]);
}

function ensureFaketime() {
  if (existsSync(FAKETIME_PATH)) return;
  if (!isRoot || !hasApt) {
    throw new EnvironmentError(`faketime is missing at ${FAKETIME_PATH}. Install it with: sudo apt-get install -y faketime`);
  }
  aptInstall(["faketime"]);
}

function testUrl(database) {
  const url = new URL(TEST_DATABASE_URL);
  if (!url.username) url.username = userInfo().username;
  if (database) url.pathname = `/${database}`;
  return url.toString();
}

async function canConnect() {
  const client = new pg.Client({ connectionString: testUrl(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch (error) {
    return error;
  } finally {
    await client.end().catch(() => {});
  }
}

function clusters() {
  if (!existsSync("/etc/postgresql")) return [];
  return readdirSync("/etc/postgresql").map((version) => ({ version, name: "main" }));
}

function startClusters() {
  for (const { version, name } of clusters()) {
    spawnSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, name, "start"], { stdio: "inherit" });
  }
}

/** After installing PostgreSQL ourselves: trust loopback and give the OS user a superuser role, like the CI machines. */
function configureFreshCluster() {
  for (const { version, name } of clusters()) {
    const hba = `/etc/postgresql/${version}/${name}/pg_hba.conf`;
    const content = readFileSync(hba, "utf8");
    if (!content.startsWith("# langnghe tests")) {
      writeFileSync(hba, `# langnghe tests\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n${content}`);
    }
    spawnSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, name, "reload"], { stdio: "inherit" });
  }
  const user = userInfo().username;
  const database = new URL(TEST_DATABASE_URL).pathname.slice(1) || "test";
  const psql = (sql) => spawnSync("su", ["postgres", "-c", `psql -v ON_ERROR_STOP=0 -c "${sql}"`], { stdio: "inherit" });
  psql(`CREATE ROLE ${user} SUPERUSER LOGIN`);
  psql(`CREATE DATABASE ${database}`);
}

async function ensurePostgres() {
  const first = await canConnect();
  if (first === true) return;
  const host = new URL(TEST_DATABASE_URL).hostname;
  const local = ["localhost", "127.0.0.1", "::1", "[::1]"].includes(host);
  if (local && clusters().length > 0 && isRoot) {
    startClusters();
  } else if (local && clusters().length === 0 && isRoot && hasApt) {
    aptInstall(["postgresql"]);
    startClusters();
    configureFreshCluster();
  }
  for (let i = 0; i < 20; i++) {
    const again = await canConnect();
    if (again === true) return;
    await sleep(500);
  }
  const reason = (await canConnect()).message;
  throw new EnvironmentError(
    `PostgreSQL is not reachable at ${TEST_DATABASE_URL} (${reason}).\n` +
      "Start it with: sudo pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n" +
      "or install it with: sudo apt-get install -y postgresql\n" +
      "or point TEST_DATABASE_URL at a PostgreSQL 15+ server where the user may create databases.",
  );
}

/** Checks (and where possible provides) Chromium, faketime and PostgreSQL; exits non-zero with a clear message otherwise. */
export async function prepareTestEnvironment() {
  try {
    ensureChromium();
    ensureFaketime();
    await ensurePostgres();
    const version = execFileSync(CHROMIUM_PATH, ["--version"], { encoding: "utf8" }).trim();
    console.log(`[test-env] ${version}; PostgreSQL reachable at ${TEST_DATABASE_URL}`);
  } catch (error) {
    if (error instanceof EnvironmentError) {
      console.error(`[test-env] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await prepareTestEnvironment();
