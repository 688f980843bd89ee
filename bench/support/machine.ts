import { readFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";

const PACKAGE_JSON = fileURLToPath(new URL("../../package.json", import.meta.url));

/** The machine a benchmark ran on, as its report states it: CPU, memory, Node, the database versions. */
export function describeMachine({ postgresVersion, pgliteServerVersion }: { postgresVersion?: string; pgliteServerVersion?: string }) {
  const cpus = os.cpus();
  const pkg = JSON.parse(readFileSync(PACKAGE_JSON, "utf8")) as { dependencies?: Record<string, string> };
  return {
    cpu: `${cpus[0]?.model.trim() ?? "unknown CPU"}, ${cpus.length} cores`,
    memory: `${(os.totalmem() / 1024 ** 3).toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} GiB`,
    node: process.version,
    postgres: postgresVersion,
    pglite: pgliteServerVersion ? `${pkg.dependencies?.["@electric-sql/pglite"] ?? "?"} (PostgreSQL ${pgliteServerVersion})` : undefined,
  };
}
