import type { Executor } from "../db/index.ts";
import { oneAt, respondentLevel, EMPTY_DISTRIBUTION, type Distribution } from "./satisfaction.index.ts";
import { cellKeyOf } from "./satisfaction.raking.ts";
import {
  addAttributeDelta,
  addRespondentDelta,
  addRollupDeltas,
  listAllRollups,
  recomputeAttributesFromResponses,
  recomputeRespondentsFromResponses,
  recomputeRollupsFromResponses,
} from "./satisfaction.rollups.queries.ts";

/** The first day of the month of a yyyy-mm-dd day: the period cell of the rollups. */
export function monthOf(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

const scaled = (d: Distribution, sign: 1 | -1) => d.map((x) => x * sign) as unknown as Distribution;

/**
 * Adds (sign 1) or removes (sign -1) one response's Likert answers to the rollups; called in the
 * transaction that stores the response, or that excludes or re-includes it, so the rollups never drift.
 */
export async function applyResponseToRollups({
  db,
  campaignId,
  unitId,
  answeredOn,
  likert,
  attributes = {},
  sign,
}: {
  db: Executor;
  campaignId: string;
  unitId: string;
  answeredOn: string;
  likert: readonly { questionId: string; level: number }[];
  /** The respondent's attributes, given with consent (for weighting). */
  attributes?: Readonly<Record<string, string>>;
  sign: 1 | -1;
}) {
  const month = monthOf(answeredOn);
  await addRollupDeltas(
    db,
    likert.map((a) => ({ campaignId, unitId, questionId: a.questionId, month, counts: scaled(oneAt(a.level), sign) })),
  );
  const level = respondentLevel(likert.map((a) => a.level));
  await addRespondentDelta(db, {
    campaignId,
    unitId,
    month,
    responses: sign,
    counts: level === null ? EMPTY_DISTRIBUTION : scaled(oneAt(level), sign),
  });
  if (level !== null && Object.keys(attributes).length > 0) {
    await addAttributeDelta(db, { campaignId, unitId, month, cell: cellKeyOf(attributes), respondents: sign, satisfied: level >= 4 ? sign : 0 });
  }
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
