import type { Executor } from "../db/index.ts";
import { oneAt, respondentLevel, EMPTY_DISTRIBUTION, type Distribution } from "./satisfaction.index.ts";
import { cellKeyOf } from "./satisfaction.raking.ts";
import {
  addAttributeDeltas,
  addRespondentDeltas,
  addRollupDeltas,
  listAllRollups,
  recomputeAttributesFromResponses,
  recomputeRespondentsFromResponses,
  recomputeRollupsFromResponses,
  type AttributeDelta,
  type RespondentDelta,
  type RollupDelta,
} from "./satisfaction.rollups.queries.ts";

/** The first day of the month of a yyyy-mm-dd day: the period cell of the rollups. */
export function monthOf(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

const scaled = (d: Distribution, sign: 1 | -1) => d.map((x) => x * sign) as unknown as Distribution;

/** One response as the rollups see it: where and when it counts, its Likert answers and consented attributes. */
export interface RollupResponse {
  campaignId: string;
  unitId: string;
  answeredOn: string;
  likert: readonly { questionId: string; level: number }[];
  /** The respondent's attributes, given with consent (for weighting). */
  attributes?: Readonly<Record<string, string>>;
}

/** Sums deltas of the same cell, so that one upsert statement touches each cell once. */
function summed<D>(deltas: readonly D[], keyOf: (d: D) => string, add: (into: D, d: D) => void): D[] {
  const cells = new Map<string, D>();
  for (const d of deltas) {
    const key = keyOf(d);
    const cell = cells.get(key);
    if (cell) add(cell, d);
    else cells.set(key, structuredClone(d));
  }
  // A fixed order of cells: concurrent writers lock rollup rows in the same order and cannot deadlock.
  return [...cells.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, d]) => d);
}

const addCounts = (into: { counts: readonly number[] }, d: { counts: readonly number[] }) => {
  into.counts = into.counts.map((c, i) => c + (d.counts[i] as number)) as unknown as Distribution;
};

/**
 * Adds (sign 1) or removes (sign -1) responses' Likert answers to the rollups, one statement per rollup table
 * whatever the number of responses; called in the transaction that stores the responses, or that excludes or
 * re-includes one, so the rollups never drift.
 */
export async function applyResponsesToRollups({ db, responses, sign }: { db: Executor; responses: readonly RollupResponse[]; sign: 1 | -1 }) {
  const instances: RollupDelta[] = [];
  const respondents: RespondentDelta[] = [];
  const attributes: AttributeDelta[] = [];
  for (const r of responses) {
    const month = monthOf(r.answeredOn);
    const base = { campaignId: r.campaignId, unitId: r.unitId, month };
    for (const a of r.likert) instances.push({ ...base, questionId: a.questionId, counts: scaled(oneAt(a.level), sign) });
    const level = respondentLevel(r.likert.map((a) => a.level));
    respondents.push({ ...base, responses: sign, counts: level === null ? EMPTY_DISTRIBUTION : scaled(oneAt(level), sign) });
    if (level !== null && r.attributes && Object.keys(r.attributes).length > 0) {
      attributes.push({ ...base, cell: cellKeyOf(r.attributes), respondents: sign, satisfied: level >= 4 ? sign : 0 });
    }
  }
  const cellOf = (d: { campaignId: string; unitId: string; month: string }, ...rest: string[]) => [d.campaignId, d.unitId, d.month, ...rest].join("|");
  await addRollupDeltas(db, summed(instances, (d) => cellOf(d, d.questionId), addCounts));
  await addRespondentDeltas(
    db,
    summed(respondents, (d) => cellOf(d), (into, d) => {
      addCounts(into, d);
      into.responses += d.responses;
    }),
  );
  await addAttributeDeltas(
    db,
    summed(attributes, (d) => cellOf(d, d.cell), (into, d) => {
      into.respondents += d.respondents;
      into.satisfied += d.satisfied;
    }),
  );
}

/** `applyResponsesToRollups` for one response. */
export async function applyResponseToRollups({ db, sign, ...response }: RollupResponse & { db: Executor; sign: 1 | -1 }) {
  await applyResponsesToRollups({ db, responses: [response], sign });
}

const cellKey = (...parts: string[]) => parts.join("|");

/**
 * The rollups as stored and as recomputed from the raw rows, in one comparable shape (non-empty cells,
 * sorted): the proof that incremental maintenance equals a full recomputation.
 */
export async function compareRollupsWithRecomputation({
  db,
  campaignId,
  likertIds,
}: {
  db: Executor;
  campaignId: string;
  likertIds: readonly string[];
}) {
  const stored = await listAllRollups(db, campaignId);
  const storedInstances = new Map<string, number[]>();
  for (const r of stored.instances) {
    const counts = [r.n1, r.n2, r.n3, r.n4, r.n5];
    if (counts.some((c) => c !== 0)) storedInstances.set(cellKey(r.unit_id, r.question_id, r.month), counts);
  }
  const recomputedInstances = new Map<string, number[]>();
  for (const r of await recomputeRollupsFromResponses(db, campaignId, likertIds)) {
    const key = cellKey(r.unit_id, r.question_id, r.month);
    const counts = recomputedInstances.get(key) ?? [0, 0, 0, 0, 0];
    counts[r.level - 1] = r.n;
    recomputedInstances.set(key, counts);
  }
  const storedRespondents = new Map<string, number[]>();
  for (const r of stored.respondents) {
    const counts = [r.responses, r.r1, r.r2, r.r3, r.r4, r.r5];
    if (counts.some((c) => c !== 0)) storedRespondents.set(cellKey(r.unit_id, r.month), counts);
  }
  const recomputedRespondents = new Map<string, number[]>();
  for (const r of await recomputeRespondentsFromResponses(db, campaignId, likertIds)) {
    const key = cellKey(r.unit_id, r.month);
    const counts = recomputedRespondents.get(key) ?? [0, 0, 0, 0, 0, 0];
    counts[0] = (counts[0] as number) + r.n;
    if (r.level !== null) counts[r.level] = r.n;
    recomputedRespondents.set(key, counts);
  }
  const storedAttributes = new Map<string, number[]>();
  for (const r of stored.attributes) {
    if (r.respondents !== 0 || r.satisfied !== 0) storedAttributes.set(cellKey(r.unit_id, r.month, r.cell), [r.respondents, r.satisfied]);
  }
  const recomputedAttributes = new Map<string, number[]>();
  for (const r of await recomputeAttributesFromResponses(db, campaignId, likertIds)) {
    recomputedAttributes.set(cellKey(r.unit_id, r.month, r.cell), [r.respondents, r.satisfied]);
  }
  const sorted = (m: Map<string, number[]>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    stored: { instances: sorted(storedInstances), respondents: sorted(storedRespondents), attributes: sorted(storedAttributes) },
    recomputed: { instances: sorted(recomputedInstances), respondents: sorted(recomputedRespondents), attributes: sorted(recomputedAttributes) },
  };
}
