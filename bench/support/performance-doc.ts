import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const DOC_PATH = fileURLToPath(new URL("../../docs/PERFORMANCE.md", import.meta.url));

const INTRO = [
  "# Performance",
  "",
  "Figures measured by the benchmarks under `bench/`; each writes its own section with `--write`. They come from",
  "one machine and one run — read them against the baseline measured in the same run, not as absolute numbers.",
  "",
].join("\n");

/**
 * Replaces the section of docs/PERFORMANCE.md that starts at `heading` (up to the next `## `) with `text`, or
 * appends it; every other section stays. Read, replace, write in one step: other benchmarks write theirs.
 */
export function writePerformanceSection(heading: string, text: string): void {
  const current = existsSync(DOC_PATH) ? readFileSync(DOC_PATH, "utf8") : INTRO;
  const lines = current.split("\n");
  const start = lines.findIndex((l) => l.trim() === heading);
  let next: string;
  if (start === -1) {
    next = `${current.replace(/\n*$/, "\n\n")}${text}`;
  } else {
    let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
    if (end === -1) end = lines.length;
    const before = lines.slice(0, start).join("\n");
    const after = lines.slice(end).join("\n");
    next = `${before}${before ? "\n" : ""}${text}${after ? `\n${after}` : ""}`;
  }
  writeFileSync(DOC_PATH, next.replace(/\n*$/, "\n"));
}
