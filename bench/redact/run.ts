/**
 * Evaluation: how often the redaction of public text (src/text/redact.ts) changes real Vietnamese comments that
 * mostly hold no personal data — the UIT-ViCTSD reader comments on news, kept outside the repository (never
 * copied in). The test suite checks the project's own examples; this measures the false-positive rate on an
 * outside corpus. Run with --help for the options.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import Papa from "papaparse";
import { type RedactionKind, redactPersonalData } from "../../src/text/redact.ts";

const DEFAULT_CORPUS = fileURLToPath(new URL("../../../shared/data/uit-victsd/visible.csv", import.meta.url));
// Most of these comments name no private person: a higher share changed means the redaction eats public text.
const MAX_CHANGED_SHARE = 0.03;
const MIN_COMMENTS = 1000;

const USAGE = `Usage: npm run eval:redact -- [options]
       npx tsx bench/redact/run.ts [options]

Redacts every comment of the UIT-ViCTSD CSV (column "comment") and reports the share changed, per kind of
personal data, with examples. Exits 1 when more than ${MAX_CHANGED_SHARE * 100}% of the comments change, 2 when
the corpus is missing or unreadable.

Options:
  --corpus <file>   the CSV (default ../shared/data/uit-victsd/visible.csv beside the repository)
  --show <n>        print n changed comments, before and after (default 10)
  -h, --help        this text`;

const { values: options } = parseArgs({
  options: {
    corpus: { type: "string", default: DEFAULT_CORPUS },
    show: { type: "string", default: "10" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}

if (!existsSync(options.corpus)) {
  console.error(`The ViCTSD corpus is not at ${options.corpus}.`);
  console.error("This evaluation needs it (../shared/data beside the repository, or --corpus <file>); nothing was measured.");
  process.exit(2);
}
const parsed = Papa.parse<{ comment?: string }>(readFileSync(options.corpus, "utf8"), {
  header: true,
  skipEmptyLines: true,
});
const comments = parsed.data.map((row) => (row.comment ?? "").normalize("NFC")).filter((c) => c.length > 0);
if (comments.length < MIN_COMMENTS) {
  console.error(`${options.corpus} holds ${comments.length} comments, fewer than ${MIN_COMMENTS}: not the corpus expected.`);
  process.exit(2);
}

const changed: { before: string; after: string }[] = [];
const byKind = new Map<RedactionKind, number>();
for (const comment of comments) {
  const out = redactPersonalData(comment);
  if (out.text === comment) continue;
  changed.push({ before: comment, after: out.text });
  for (const kind of out.removed) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
}

const share = changed.length / comments.length;
const percent = (n: number) => `${((n / comments.length) * 100).toFixed(2)}%`;
console.log(`corpus   ${options.corpus}`);
console.log(`comments ${comments.length}`);
console.log(`changed  ${changed.length} (${percent(changed.length)}; at most ${MAX_CHANGED_SHARE * 100}% allowed)`);
for (const [kind, count] of [...byKind].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${kind.padEnd(10)} ${String(count).padStart(5)} (${percent(count)})`);
}
for (const { before, after } of changed.slice(0, Number(options.show))) {
  console.log(`\n- ${before}\n+ ${after}`);
}
process.exit(share <= MAX_CHANGED_SHARE ? 0 : 1);
