// Before `npm start`: builds the web app when web/dist is missing or older than its sources, so that a
// fresh clone needs only `npm ci && npm start`.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const BUILT = "web/dist/index.html";
const SOURCES = ["web/src", "web/index.html", "web/vite.config.ts", "package-lock.json"];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

const stale =
  !existsSync(BUILT) || SOURCES.filter(existsSync).some((source) => newestMtime(source) > statSync(BUILT).mtimeMs);
if (stale) {
  console.log("Building the web app… / Đang đóng gói giao diện web…");
  const result = spawnSync("npx", ["vite", "build", "--config", "web/vite.config.ts", "--logLevel", "warn"], {
    stdio: "inherit",
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
