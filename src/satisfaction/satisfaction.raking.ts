/**
 * Weighting to population margins by raking (iterative proportional fitting): respondents who gave their
 * attributes are reweighted until the weighted shares of each attribute's values match the population's.
 * Shown beside the unweighted figure, never instead of it, with a 95% interval that accounts for the weights
 * (satisfaction.intervals.ts).
 */
import { weightedInterval, type EffectiveInterval } from "./satisfaction.intervals.ts";

/** Respondents of one attribute combination and how many of them are satisfied. */
export interface RakingCell {
  attributes: Readonly<Record<string, string>>;
  respondents: number;
  satisfied: number;
}

/** Population shares: attribute → value → share (the shares of an attribute sum to 1). */
export type Margins = Readonly<Record<string, Readonly<Record<string, number>>>>;

/**
 * The weighted result: rate in percent and its 95% interval, the weights of the cells carrying every margin
 * attribute (in their order), Kish's effective n, whether it converged.
 */
export interface RakingResult {
  rate: number | null;
  interval: EffectiveInterval | null;
  weights: number[];
  respondents: number;
  effectiveN: number;
  hasConverged: boolean;
}

/** A rollup cell key ("ageBand=30-44;sex=female") from attributes, and back. */
export function cellKeyOf(attributes: Readonly<Record<string, string>>): string {
  return Object.keys(attributes)
    .sort()
    .map((k) => `${k}=${attributes[k]}`)
    .join(";");
}

/** The attributes of a cell key. */
export function attributesOfCell(key: string): Record<string, string> {
  if (key === "") return {};
  return Object.fromEntries(key.split(";").map((pair) => pair.split("=") as [string, string]));
}

/**
 * Rakes the cells that carry every margin attribute to the margins. Values absent from the sample are
 * dropped and the remaining shares renormalised (nothing can be weighted up from zero respondents).
 */
export function rake(cells: readonly RakingCell[], margins: Margins, { iterations = 100, tolerance = 1e-10 } = {}): RakingResult {
  const attributes = Object.keys(margins);
  const usable = cells.filter((c) => c.respondents > 0 && attributes.every((a) => c.attributes[a] !== undefined));
  const total = usable.reduce((s, c) => s + c.respondents, 0);
  const weights = usable.map(() => 1);
  if (total === 0 || attributes.length === 0) return { rate: null, interval: null, weights, respondents: total, effectiveN: total, hasConverged: true };
  const targets = attributes.map((a) => {
    const present = new Set(usable.map((c) => c.attributes[a] as string));
    const shares = Object.entries(margins[a] ?? {}).filter(([v, share]) => present.has(v) && share > 0);
    const sum = shares.reduce((s, [, share]) => s + share, 0);
    return new Map(shares.map(([v, share]) => [v, sum > 0 ? (share / sum) * total : 0]));
  });
  let hasConverged = false;
  for (let i = 0; i < iterations && !hasConverged; i++) {
    let largestChange = 0;
    attributes.forEach((a, ai) => {
      const target = targets[ai] as Map<string, number>;
      const current = new Map<string, number>();
      usable.forEach((c, ci) => current.set(c.attributes[a] as string, (current.get(c.attributes[a] as string) ?? 0) + (weights[ci] as number) * c.respondents));
      usable.forEach((c, ci) => {
        const value = c.attributes[a] as string;
        const now = current.get(value) ?? 0;
        const factor = now > 0 && target.has(value) ? (target.get(value) as number) / now : 0;
        largestChange = Math.max(largestChange, Math.abs(factor - 1));
        weights[ci] = (weights[ci] as number) * factor;
      });
    });
    hasConverged = largestChange < tolerance;
  }
  const weighted = usable.reduce((s, c, i) => s + (weights[i] as number) * c.respondents, 0);
  const satisfied = usable.reduce((s, c, i) => s + (weights[i] as number) * c.satisfied, 0);
  const squares = usable.reduce((s, c, i) => s + (weights[i] as number) ** 2 * c.respondents, 0);
  return {
    rate: weighted > 0 ? Math.min(100, Math.max(0, (100 * satisfied) / weighted)) : null,
    interval: weightedInterval(usable.map((c, i) => ({ respondents: c.respondents, satisfied: c.satisfied, weight: weights[i] as number }))),
    weights,
    respondents: total,
    effectiveN: squares > 0 ? (weighted * weighted) / squares : 0,
    hasConverged,
  };
}
