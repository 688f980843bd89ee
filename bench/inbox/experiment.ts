/**
 * Candidate fixes, tried in the benchmark's own database after the measurements of the product as it is
 * (nothing here changes src/ or migrations/): each step adds an index or changes one predicate of the SQL
 * that `listOpinionsOfUnits` compiles, then measures the affected queries again. Steps are cumulative.
 */
import { CompiledQuery, sql, type Kysely } from "kysely";
import type { Database } from "../../src/db/index.ts";
import { indexSizes } from "./load.ts";
import { compiledList, progress, timeQuery, variantCase, type Options, type QueryCase, type Timing } from "./measure.ts";

export interface ExperimentStep {
  key: "created_index" | "one_unit" | "word_index";
  title: string;
  /** What was changed, as SQL or as the predicate replaced. */
  change: string;
  ddlSeconds?: number;
  indexBytes?: number;
  timings: Timing[];
  plans: Record<string, string>;
}

const ANY_UNITS = `"o"."unit_id" = ANY($1::uuid[])`;
const ONE_UNIT = `"o"."unit_id" = ($1::uuid[])[1]`;
const WORD_INDEX_SQL = "CREATE INDEX opinions_search_words_idx ON opinions USING gin (to_tsvector('simple', search_text))";
const CREATED_INDEX_SQL = "CREATE INDEX opinions_created_idx ON opinions (created_at DESC, id DESC)";

/** A one-unit list compares the unit with `=`: the planner then reads that unit's index in order. */
function oneUnit(q: CompiledQuery): CompiledQuery {
  if (!q.sql.includes(ANY_UNITS)) throw new Error(`the inbox SQL no longer contains ${ANY_UNITS}: update bench/inbox/experiment.ts`);
  return CompiledQuery.raw(q.sql.replace(ANY_UNITS, ONE_UNIT), [...q.parameters]);
}

/** Each whole-word regular expression gets a full-text condition beside it, which the word index serves. */
function withWordIndex(q: CompiledQuery): CompiledQuery {
  let text = q.sql;
  q.parameters.forEach((value, i) => {
    const word = typeof value === "string" ? /^\\m([\p{L}\p{N}]+)\\M$/u.exec(value)?.[1] : undefined;
    if (!word) return;
    const predicate = `o.search_text ~ $${i + 1}`;
    const exact = new RegExp(`${predicate.replace(/[.$]/g, "\\$&")}(?!\\d)`);
    if (!exact.test(text)) throw new Error(`the inbox SQL no longer contains ${predicate}: update bench/inbox/experiment.ts`);
    // The word holds only letters and digits (the regular expression above): safe inside the literal.
    text = text.replace(exact, `(to_tsvector('simple', o.search_text) @@ to_tsquery('simple', '${word}') AND ${predicate})`);
  });
  return CompiledQuery.raw(text, [...q.parameters]);
}

async function ddl(db: Kysely<Database>, statement: string, engine: string) {
  const t = performance.now();
  await db.connection().execute(async (conn) => {
    await sql.raw(`SET maintenance_work_mem = '${engine === "pglite" ? "256MB" : "512MB"}'`).execute(conn);
    await sql.raw(statement).execute(conn);
    await sql`RESET maintenance_work_mem`.execute(conn);
    await sql`ANALYZE opinions`.execute(conn);
  });
  return (performance.now() - t) / 1000;
}

async function measureAll(db: Kysely<Database>, cases: QueryCase[], options: Options, engine: string, step: string) {
  const timings: Timing[] = [];
  for (const c of cases) {
    progress(`${engine}: ${step}: ${c.key}`);
    timings.push(await timeQuery(db, c, options));
  }
  return timings;
}

async function plansOf(db: Kysely<Database>, cases: QueryCase[], keys: string[]) {
  const plans: Record<string, string> = {};
  for (const c of cases) if (keys.includes(c.key) && c.explain) plans[c.key] = await c.explain(db);
  return plans;
}

export async function runExperiments(
  db: Kysely<Database>,
  cases: QueryCase[],
  options: Options,
  engine: string,
): Promise<ExperimentStep[]> {
  const lists = cases.filter((c) => c.filter);
  const pick = (keys: string[]) => lists.filter((c) => keys.includes(c.key));
  const steps: ExperimentStep[] = [];

  // Fixes the product has since adopted (migration 0011; `=` for one unit) are not tried again.
  const hasCreatedIndex = (await indexSizes(db)).some((i) => i.name === "opinions_created_idx");
  const oneUnitCase = pick(["a"])[0]?.filter;
  const oneUnitUsesAny = oneUnitCase ? (await compiledList(oneUnitCase())).sql.includes(ANY_UNITS) : false;
  let seconds = 0;
  let bytes: number | undefined;
  if (!hasCreatedIndex) {
  progress(`${engine}: experiment: ${CREATED_INDEX_SQL}`);
  seconds = await ddl(db, CREATED_INDEX_SQL, engine);
  bytes = (await indexSizes(db)).find((i) => i.name === "opinions_created_idx")?.bytes;
  steps.push({
    key: "created_index",
    title: "index on (created_at DESC, id DESC); the product's query unchanged",
    change: CREATED_INDEX_SQL,
    ddlSeconds: seconds,
    indexBytes: bytes,
    timings: await measureAll(db, lists, options, engine, "with opinions_created_idx"),
    plans: await plansOf(db, lists, ["b", "e", "h"]),
  });
  }

  if (oneUnitUsesAny) {
  const oneUnitCases = pick(["a", "a2", "h"]).map((c) => variantCase(c, oneUnit));
  steps.push({
    key: "one_unit",
    title: "and, for a list of one unit, `unit_id = $1` instead of `unit_id = ANY($1)`",
    change: `${ANY_UNITS} → ${ONE_UNIT} when the subtree is one unit`,
    timings: await measureAll(db, oneUnitCases, options, engine, "one unit by equality"),
    plans: await plansOf(db, oneUnitCases, ["h"]),
  });
  }

  progress(`${engine}: experiment: ${WORD_INDEX_SQL}`);
  seconds = await ddl(db, WORD_INDEX_SQL, engine);
  bytes = (await indexSizes(db)).find((i) => i.name === "opinions_search_words_idx")?.bytes;
  const wordCases = pick(["e", "f"]).map((c) => variantCase(c, withWordIndex));
  steps.push({
    key: "word_index",
    title: "and a whole-word full-text index beside the trigram index, its condition added to each search word",
    change: `${WORD_INDEX_SQL}; each \`o.search_text ~ '\\mword\\M'\` becomes \`(to_tsvector('simple', o.search_text) @@ to_tsquery('simple', 'word') AND o.search_text ~ '\\mword\\M')\``,
    ddlSeconds: seconds,
    indexBytes: bytes,
    timings: await measureAll(db, wordCases, options, engine, "with the word index"),
    plans: await plansOf(db, wordCases, ["f"]),
  });
  return steps;
}
