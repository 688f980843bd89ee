import type { Executor } from "../db/index.ts";
import { addDistributions, oneAt, respondentLevel, EMPTY_DISTRIBUTION, type Distribution } from "./satisfaction.index.ts";
import { cellKeyOf } from "./satisfaction.raking.ts";
import {
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

/** A response as the rollups count it: its cell, its valid Likert answers and the attributes given with consent. */
export interface RollupResponse {
  campaignId: string;
  unitId: string;
  /** The day answered, yyyy-mm-dd (its month is the rollups' period cell). */
  answeredOn: string;
  likert: readonly { questionId: string; level: number }[];
  attributes?: Readonly<Record<string, string>> | undefined;
}

const scaled = (d: Distribution, sign: 1 | -1) => d.map((x) => x * sign) as unknown as Distribution;
const inKeyOrder = <T>(m: Map<string, T>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);

/**
 * The rollup deltas of many responses, summed per cell (an upsert may touch a cell only once) and ordered by
 * cell, so that concurrent transactions lock the cells they share in the same order.
 */
export function rollupDeltasOf(responses: readonly RollupResponse[], sign: 1 | -1) {
  const instances = new Map<string, RollupDelta>();
  const respondents = new Map<string, RespondentDelta>();
  const attributes = new Map<string, AttributeDelta>();
  for (const r of responses) {
    const month = monthOf(r.answeredOn);
    const { campaignId, unitId } = r;
    for (const a of r.likert) {
      const key = `${campaignId}|${unitId}|${a.questionId}|${month}`;
      const before = instances.get(key)?.counts ?? EMPTY_DISTRIBUTION;
      instances.set(key, { campaignId, unitId, questionId: a.questionId, month, counts: addDistributions(before, scaled(oneAt(a.level), sign)) });
    }
    const level = respondentLevel(r.likert.map((a) => a.level));
    const key = `${campaignId}|${unitId}|${month}`;
    const before = respondents.get(key) ?? { campaignId, unitId, month, responses: 0, counts: EMPTY_DISTRIBUTION, answers: EMPTY_DISTRIBUTION, squares: { ss: 0, sm: 0, mm: 0 } };
    const [s, m] = [r.likert.filter((a) => a.level >= 4).length, r.likert.length];
    respondents.set(key, {
      ...before,
      responses: before.responses + sign,
      counts: level === null ? before.counts : addDistributions(before.counts, scaled(oneAt(level), sign)),
      answers: r.likert.reduce((d, a) => addDistributions(d, scaled(oneAt(a.level), sign)), before.answers),
      squares: { ss: before.squares.ss + sign * s * s, sm: before.squares.sm + sign * s * m, mm: before.squares.mm + sign * m * m },
    });
    if (level !== null && r.attributes && Object.keys(r.attributes).length > 0) {
      const cell = cellKeyOf(r.attributes);
      const cellKey = `${key}|${cell}`;
      const was = attributes.get(cellKey) ?? { campaignId, unitId, month, cell, respondents: 0, satisfied: 0 };
      attributes.set(cellKey, { ...was, respondents: was.respondents + sign, satisfied: was.satisfied + (level >= 4 ? sign : 0) });
    }
  }
  return { instances: inKeyOrder(instances), respondents: inKeyOrder(respondents), attributes: inKeyOrder(attributes) };
}

/**
 * Adds (sign 1) or removes (sign -1) responses to the rollups: the deltas summed per cell in the app, then
 * one statement for the three rollup tables. Called in the transaction that stores the responses, or that
 * excludes or re-includes them, so the rollups never drift from the raw rows.
 */
export async function applyResponsesToRollups({ db, responses, sign }: { db: Executor; responses: readonly RollupResponse[]; sign: 1 | -1 }) {
  const deltas = rollupDeltasOf(responses, sign);
  await addRollupDeltas(db, deltas);
}

/** `applyResponsesToRollups` for one response (an inspector's exclusion or re-inclusion). */
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
    const counts = [r.responses, r.r1, r.r2, r.r3, r.r4, r.r5, r.n1, r.n2, r.n3, r.n4, r.n5, r.sum_ss, r.sum_sm, r.sum_mm];
    if (counts.some((c) => c !== 0)) storedRespondents.set(cellKey(r.unit_id, r.month), counts);
  }
  const recomputedRespondents = new Map<string, number[]>();
  for (const r of await recomputeRespondentsFromResponses(db, campaignId, likertIds)) {
    const key = cellKey(r.unit_id, r.month);
    const counts = recomputedRespondents.get(key) ?? Array<number>(14).fill(0);
    counts[0] = (counts[0] as number) + r.n;
    if (r.level !== null) counts[r.level] = r.n;
    [...r.answers, r.ss, r.sm, r.mm].forEach((x, i) => (counts[6 + i] = (counts[6 + i] as number) + x));
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
