import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDb } from "./index.ts";
import { migrate } from "./migrate.ts";

/** Every entry under `dir` (and `dir` itself) with its permission bits, e.g. `pgdata/base 700`. */
function modesUnder(dir: string): { files: Map<string, number>; dirs: Map<string, number> } {
  const files = new Map<string, number>();
  const dirs = new Map<string, number>([[".", statSync(dir).mode & 0o777]]);
  const walk = (path: string, relative: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const mode = statSync(join(path, entry.name)).mode & 0o777;
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        dirs.set(name, mode);
        walk(join(path, entry.name), name);
      } else files.set(name, mode);
    }
  };
  walk(dir, "");
  return { files, dirs };
}

/** The entries whose mode is not `expected`, to show in a failure. */
const notMode = (entries: Map<string, number>, expected: number) =>
  [...entries].filter(([, mode]) => mode !== expected).map(([name, mode]) => `${name} ${mode.toString(8)}`);

describe("the embedded data directory", () => {
  const parent = mkdtempSync(join(tmpdir(), "langnghe-data-dir-"));
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it("is readable by its owner only: a fresh DATA_DIR's directories are 0700 and its files 0600, the lock too", async () => {
    const dataDir = join(parent, "fresh", "data");
    const handle = await openDb({ kind: "pglite", dataDir });
    try {
      await migrate(handle.db);
      const { files, dirs } = modesUnder(dataDir);
      expect(files.has("langnghe.lock")).toBe(true);
      expect(files.size).toBeGreaterThan(900);
      expect(notMode(dirs, 0o700)).toEqual([]);
      expect(notMode(files, 0o600)).toEqual([]);
    } finally {
      await handle.close();
    }
    const afterClose = modesUnder(dataDir);
    expect(notMode(afterClose.dirs, 0o700)).toEqual([]);
    expect(notMode(afterClose.files, 0o600)).toEqual([]);
  });

  it("takes back what an older version left open to others when it opens the directory again", async () => {
    const dataDir = join(parent, "older");
    const first = await openDb({ kind: "pglite", dataDir });
    await first.close();
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, "pgdata"), 0o755);
    chmodSync(join(dataDir, "pgdata", "PG_VERSION"), 0o666);
    writeFileSync(join(dataDir, "secret"), "an older secret", { mode: 0o644 });
    chmodSync(join(dataDir, "secret"), 0o644);
    const again = await openDb({ kind: "pglite", dataDir });
    try {
      const { files, dirs } = modesUnder(dataDir);
      expect(notMode(dirs, 0o700)).toEqual([]);
      expect(notMode(files, 0o600)).toEqual([]);
    } finally {
      await again.close();
    }
  });
});
