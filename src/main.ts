import { fileURLToPath } from "node:url";
import { buildApp } from "./app.ts";
import { ConfigError, loadConfig, resolveSecret, type Config } from "./config.ts";
import { cliMessage, type CliLanguage } from "./cli/langnghe.messages.ts";
import { deriveKeys, type Keys } from "./crypto/keys.ts";
import { DatabaseUnreachableError, openDb } from "./db/index.ts";
import { DataDirLockedError } from "./db/lock.ts";
import { migrate, MigrationError } from "./db/migrate.ts";
import { DEMO_USERS, DEMO_UNIT_IDS, seedDemo } from "./db/seed-demo.ts";
import { AppError } from "./http/errors.ts";
import { translate } from "./http/messages.ts";
import type { App } from "./http/types.ts";
import { startScheduler } from "./jobs/scheduler.ts";
import { createEmailChannel } from "./notifications/notifications.service.ts";
import { sendOpinionNotifications, sweepDeadlines } from "./opinions/opinions.jobs.ts";
import { hasNoUnits } from "./units/units.service.ts";

const WEB_DIST_DIR = fileURLToPath(new URL("../web/dist/", import.meta.url));

/**
 * Starts the whole product: database, migrations, HTTP, then demo data on a fresh embedded database. The port is
 * bound before the demo data is created, so that a port in use never costs the one-time demo password; on any
 * failure everything opened so far is closed (the data-directory lock released) before the error is thrown.
 */
export async function start(config: Config, { demo = false }: { demo?: boolean } = {}) {
  const embedded = !config.databaseUrl;
  const handle = await openDb(
    config.databaseUrl ? { kind: "postgres", url: config.databaseUrl } : { kind: "pglite", dataDir: config.dataDir },
  );
  let app: App | undefined;
  let keys: Keys;
  try {
    keys = deriveKeys(resolveSecret(config));
    await migrate(handle.db);
    app = await buildApp(
      { db: handle.db, engine: handle.engine, keys, config, webDistDir: WEB_DIST_DIR },
      { logger: { level: config.logLevel } },
    );
    await app.listen({ port: config.port, host: config.host });
    if ((embedded || demo) && (await hasNoUnits({ db: handle.db }))) {
      const { password } = await seedDemo({ db: handle.db, keys, password: config.demoPassword });
      printDemoLogins(config.demoPassword ? "(DEMO_PASSWORD)" : password, config.language);
    }
  } catch (error) {
    await app?.close();
    await handle.close();
    throw error;
  }
  const server = app;
  const channels = config.smtpUrl ? [createEmailChannel({ smtpUrl: config.smtpUrl, from: config.mailFrom })] : [];
  const everyMs = config.jobsIntervalSeconds * 1000;
  const scheduler = startScheduler({
    jobs: [
      { name: "deadlines", everyMs, run: () => sweepDeadlines({ db: handle.db }) },
      {
        name: "notifications",
        everyMs,
        run: () => sendOpinionNotifications({ db: handle.db, keys, channels, publicUrl: config.publicUrl }),
      },
    ],
    onError: (job, error) => server.log.error({ err: error, job }, "background job failed"),
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${cliMessage("server.stopping", config.language, { signal })}`);
    await scheduler.stop();
    await server.close();
    await handle.close();
    console.log(cliMessage("server.stopped", config.language));
  };
  return { app: server, stop, port, engine: handle.engine };
}

function printDemoLogins(password: string, language: CliLanguage) {
  console.log(`\n${cliMessage("server.demo_created", language)}`);
  for (const user of DEMO_USERS) {
    console.log(cliMessage("server.demo_login", language, { username: user.username.padEnd(14), role: user.role.padEnd(9), password }));
  }
  console.log(cliMessage("server.demo_qr", language, { path: `/?unit=${DEMO_UNIT_IDS.thieuHoa}` }));
  console.log(`${cliMessage("server.demo_once", language)}\n`);
}

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  try {
    const { stop, port, engine } = await start(config, { demo: process.argv.includes("--demo") });
    // `on`, not `once`: a second Ctrl-C (or a signal relayed by a wrapper) must not kill a shutdown in progress.
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      process.on(signal, () => {
        stop(signal).then(
          () => process.exit(0),
          (error: unknown) => {
            console.error(error);
            process.exit(1);
          },
        );
      });
    }
    // Said once Ctrl-C is handled: whoever waits for this line (a script, a test) may stop the server at once.
    console.log(`\n${cliMessage("server.running", config.language, { engine, url: `http://localhost:${port}` })}\n`);
  } catch (error) {
    const line = startFailureLine(error, config);
    if (line === undefined) throw error;
    console.error(line);
    process.exit(1);
  }
}

/** The one line that tells why the server could not start, for the failures an operator can fix; else undefined. */
function startFailureLine(error: unknown, config: Config): string | undefined {
  if (error instanceof DataDirLockedError) {
    return cliMessage("server.data_dir_in_use", config.language, { dataDir: error.dataDir, pid: error.pid });
  }
  if (error instanceof MigrationError) return error.message;
  if (error instanceof DatabaseUnreachableError) {
    return cliMessage("server.database_unreachable", config.language, { target: error.target, reason: error.reason });
  }
  // At start only the demo seed sets passwords: the one it was given is DEMO_PASSWORD.
  if (error instanceof AppError && error.options.field === "password") {
    return `DEMO_PASSWORD: ${translate(error.code, config.language, error.options.params)}`;
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EADDRINUSE") return cliMessage("server.port_in_use", config.language, { port: config.port });
  if (code === "EACCES") return cliMessage("server.port_denied", config.language, { port: config.port });
  return undefined;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
