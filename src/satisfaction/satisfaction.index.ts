/**
 * The satisfaction index as pure functions (DOMAIN.md §4): rate = (very satisfied + satisfied) / valid
 * answers × 100, always with n, the 5-level distribution, a 95% Wilson interval, suppression of small
 * samples, a grading band and the change from the previous period.
 */

/** Counts of answers at levels 1..5 (Rất không hài lòng … Rất hài lòng); blanks are never counted. */
export type Distribution = readonly [number, number, number, number, number];

/** The empty distribution. */
export const EMPTY_DISTRIBUTION: Distribution = [0, 0, 0, 0, 0];

/** The 5 Likert levels, lowest first. */
export const LIKERT_LEVELS = [1, 2, 3, 4, 5] as const;

/** A grading band: rates at or above `minRate` (and below the next band) get this band. */
export interface Band {
  code: string;
  minRate: number;
}

/** One figure as every table and chart shows it. */
export interface Figure {
  n: number;
  distribution: Distribution;
  /** Percent satisfied, rounded to 2 decimals; null when n is 0 or below the minimum (suppressed). */
  rate: number | null;
  /** 95% Wilson interval, in percent; null when the rate is. */
  low: number | null;
  high: number | null;
  isSuppressed: boolean;
  band: string | null;
}

/** Number of valid answers. */
export function totalOf(d: Distribution): number {
  return d[0] + d[1] + d[2] + d[3] + d[4];
}

/** Answers "Hài lòng" or "Rất hài lòng". */
export function satisfiedOf(d: Distribution): number {
  return d[3] + d[4];
}

/** Element-wise sum: the roll-up of parts. */
export function addDistributions(a: Distribution, b: Distribution): Distribution {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3], a[4] + b[4]];
}

/** The sum of many distributions. */
export function sumDistributions(parts: Iterable<Distribution>): Distribution {
  let total: Distribution = EMPTY_DISTRIBUTION;
  for (const part of parts) total = addDistributions(total, part);
  return total;
}

/** Satisfaction rate in percent (unrounded), or null without valid answers. */
export function satisfactionRate(d: Distribution): number | null {
  const n = totalOf(d);
  return n === 0 ? null : (100 * satisfiedOf(d)) / n;
}

/** The Wilson score interval of `k` successes in `n` trials, in percent (z = 1.96 for 95%). */
export function wilsonInterval(k: number, n: number, z = 1.959964): { low: number; high: number } | null {
  if (n <= 0 || k < 0 || k > n) return null;
  const p = k / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  return {
    low: Math.max(0, (100 * (centre - margin)) / denominator),
    high: Math.min(100, (100 * (centre + margin)) / denominator),
  };
}

/** The band of a rate: the band with the highest `minRate` not above it; null for no rate or no band. */
export function bandOf(rate: number | null, bands: readonly Band[]): string | null {
  if (rate === null) return null;
  let best: Band | null = null;
  for (const band of bands) if (rate >= band.minRate && (best === null || band.minRate > best.minRate)) best = band;
  return best?.code ?? null;
}

/** Rounded to 2 decimals, as every published rate and bound. */
export const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * A distribution as a figure: below `minN` answers — or, when given, below `minN` respondents behind
 * them — the rate, interval and band are suppressed (n and the distribution stay).
 */
export function figureOf(d: Distribution, { minN, bands }: { minN: number; bands: readonly Band[] }, respondents?: number): Figure {
  const n = totalOf(d);
  const isSuppressed = n === 0 || n < minN || (respondents !== undefined && respondents < minN);
  if (isSuppressed) return { n, distribution: d, rate: null, low: null, high: null, isSuppressed, band: null };
  const rate = satisfactionRate(d) as number;
  const interval = wilsonInterval(satisfiedOf(d), n) as { low: number; high: number };
  return {
    n,
    distribution: d,
    rate: round2(rate),
    low: round2(interval.low),
    high: round2(interval.high),
    isSuppressed,
    band: bandOf(rate, bands),
  };
}

/** Change in percentage points from the previous period; null unless both rates are shown. */
export function changeOf(current: number | null, previous: number | null): number | null {
  return current === null || previous === null ? null : round2(current - previous);
}

/** The ranks a unit's interval allows among the ranked units: from `best` (1 = top) to `worst`. */
export interface RankRange {
  best: number;
  worst: number;
}

/**
 * Each unit's plausible rank range, as league tables of public services show it: best = 1 + the number of
 * units whose whole interval lies above its own, worst = n − the number whose whole interval lies below
 * (n: the ranked units). Units without an interval (suppressed) get no rank and do not count in n.
 */
export function rankByIntervals<T extends { low: number | null; high: number | null }>(items: readonly T[]): (T & { rank: RankRange | null })[] {
  // Both bounds sorted once, so a whole level of a country (thousands of units) ranks in n log n.
  const ranked = items.filter((other) => other.low !== null && other.high !== null);
  const lows = ranked.map((other) => other.low as number).sort((a, b) => a - b);
  const highs = ranked.map((other) => other.high as number).sort((a, b) => a - b);
  return items.map((item) => {
    if (item.low === null || item.high === null) return { ...item, rank: null };
    const high = item.high;
    const low = item.low;
    const above = lows.length - countLeading(lows, (other) => other <= high);
    const below = countLeading(highs, (other) => other < low);
    return { ...item, rank: { best: 1 + above, worst: ranked.length - below } };
  });
}

/** Highest point estimate first; units without a rate last (a ranking's order, beside its rank ranges). */
export function byPointEstimate(a: { rate: number | null }, b: { rate: number | null }): number {
  return (b.rate ?? -1) - (a.rate ?? -1);
}

/** How many leading values of the ascending `sorted` pass `isBefore` (a binary search for the first that fails). */
function countLeading(sorted: readonly number[], isBefore: (value: number) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isBefore(sorted[mid] as number)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A respondent's overall level: the mean of their Likert answers rounded half up, computed on integers so
 * that SQL and TypeScript agree; null without any Likert answer. "Satisfied respondent" means level ≥ 4.
 */
export function respondentLevel(levels: readonly number[]): 1 | 2 | 3 | 4 | 5 | null {
  if (levels.length === 0) return null;
  const sum = levels.reduce((a, b) => a + b, 0);
  return Math.floor((2 * sum + levels.length) / (2 * levels.length)) as 1 | 2 | 3 | 4 | 5;
}

/** A distribution with one answer at `level` (1..5). */
export function oneAt(level: number): Distribution {
  const d: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  d[level - 1] = 1;
  return d;
}
