/**
 * 95% intervals that do not treat dependent answers as independent (DOMAIN.md §4, honest measurement).
 *
 * Two figures are ratios over respondents rather than simple proportions: the rate by rating instances
 * pools several Likert answers of each respondent (R = Σs / Σm, a respondent giving m answers of which s are
 * satisfied: answers of one person are clustered), and the weighted rate gives respondents unequal weights
 * (R = Σws / Σw). For both, the linearised (cluster-robust, with-replacement) variance of a ratio estimator
 *
 *     v(R) = c / (c − 1) · Σᵢ (aᵢ − R·bᵢ)² / (Σᵢ bᵢ)²      over c respondents (aᵢ / bᵢ their numerator / denominator)
 *
 * is turned into an effective sample size n_eff = R(1 − R) / v, and the interval is Wilson's at n_eff: it stays
 * within [0, 100], contains the estimate, and behaves near 0% and 100% where a normal interval needs clipping.
 * When v cannot be estimated (fewer than 2 respondents, or R at 0 or 1, where every residual is 0) a
 * conservative fallback is used, stated at each function.
 */
import { wilsonInterval } from "./satisfaction.index.ts";

/** Sums over the respondents of a cell, each giving m valid Likert answers of which s are satisfied (level ≥ 4). */
export interface AnswerSums {
  /** Respondents with at least one valid Likert answer: the clusters. */
  respondents: number;
  s: number;
  m: number;
  ss: number;
  sm: number;
  mm: number;
}

/** No respondent. */
export const EMPTY_ANSWER_SUMS: AnswerSums = { respondents: 0, s: 0, m: 0, ss: 0, sm: 0, mm: 0 };

/** The sums of one respondent who gave `m` valid Likert answers, `s` of them satisfied. */
export function answerSumsOf(s: number, m: number): AnswerSums {
  return { respondents: m > 0 ? 1 : 0, s, m, ss: s * s, sm: s * m, mm: m * m };
}

/** Element-wise sum: the respondents of two cells pooled. */
export function addAnswerSums(a: AnswerSums, b: AnswerSums): AnswerSums {
  return { respondents: a.respondents + b.respondents, s: a.s + b.s, m: a.m + b.m, ss: a.ss + b.ss, sm: a.sm + b.sm, mm: a.mm + b.mm };
}

/** An interval in percent with the effective sample size it was computed at. */
export interface EffectiveInterval {
  low: number;
  high: number;
  effectiveN: number;
}

/** n_eff = R(1 − R) / v(R) from the residual sum of squares of a ratio; null when v cannot be estimated. */
function effectiveNOf({ rate, residualSquares, clusters, denominator }: { rate: number; residualSquares: number; clusters: number; denominator: number }) {
  if (clusters < 2 || rate <= 0 || rate >= 1 || denominator <= 0) return null;
  const variance = ((clusters / (clusters - 1)) * Math.max(0, residualSquares)) / (denominator * denominator);
  return variance > 0 ? (rate * (1 - rate)) / variance : null;
}

/** Wilson's interval of a rate (0..1) at a (possibly fractional) sample size, in percent. */
function wilsonAt(rate: number, n: number): EffectiveInterval | null {
  const interval = wilsonInterval(rate * n, n);
  return interval && { low: interval.low, high: interval.high, effectiveN: n };
}

/**
 * The design effect of pooling each respondent's answers: v(R) over the variance of `answers` independent
 * answers, never below 1 (answers of one person agree more often than not; a smaller estimate is noise).
 * Without an estimable variance it is the bound for respondents whose answers all agree, Σm² / Σm (then
 * n_eff = (Σm)² / Σm², the respondents' number when all give as many answers).
 */
export function clusterDesignEffect(satisfied: number, answers: number, sums: AnswerSums): number {
  const bound = sums.m > 0 ? Math.max(1, sums.mm / sums.m) : 1;
  if (answers <= 0) return bound;
  const rate = satisfied / answers;
  const residualSquares = sums.ss - 2 * rate * sums.sm + rate * rate * sums.mm;
  const effectiveN = effectiveNOf({ rate, residualSquares, clusters: sums.respondents, denominator: sums.m });
  return effectiveN === null ? bound : Math.max(1, answers / effectiveN);
}

/**
 * The 95% interval of a rate by rating instances (`satisfied` of `answers`) whose answers come from the
 * respondents summed in `sums`: Wilson's at n_eff = answers / design effect. Null without answers.
 */
export function clusteredInterval(satisfied: number, answers: number, sums: AnswerSums): EffectiveInterval | null {
  if (answers <= 0 || satisfied < 0 || satisfied > answers) return null;
  return wilsonAt(satisfied / answers, answers / clusterDesignEffect(satisfied, answers, sums));
}

/** A weighting cell: its respondents, how many are satisfied, and the weight each of them carries. */
export interface WeightedCell {
  respondents: number;
  satisfied: number;
  weight: number;
}

/**
 * The 95% interval of a weighted rate Σws / Σw (respondents as the units, the weights taken as fixed, so the
 * gain of calibrating to the margins is not claimed): Wilson's at the smaller of two effective sizes —
 * n_eff from the linearised variance, which sees weights that go with the answers, and Kish's (Σw)² / Σw²,
 * which guards against the optimism of small cells where everyone agrees (their variance looks like 0).
 * With equal weights this is the unweighted interval with the factor n / (n − 1). Null without weight.
 */
export function weightedInterval(cells: readonly WeightedCell[]): EffectiveInterval | null {
  const weighted = cells.reduce((s, c) => s + c.weight * c.respondents, 0);
  if (!(weighted > 0)) return null;
  const rate = Math.min(1, Math.max(0, cells.reduce((s, c) => s + c.weight * c.satisfied, 0) / weighted));
  const residualSquares = cells.reduce(
    (s, c) => s + c.weight * c.weight * (c.satisfied * (1 - rate) ** 2 + (c.respondents - c.satisfied) * rate ** 2),
    0,
  );
  // Respondents weighted to zero (a value the margins do not have) take no part.
  const clusters = cells.reduce((s, c) => s + (c.weight > 0 ? c.respondents : 0), 0);
  const kish = (weighted * weighted) / cells.reduce((s, c) => s + c.weight * c.weight * c.respondents, 0);
  const linearised = effectiveNOf({ rate, residualSquares, clusters, denominator: weighted }) ?? kish;
  return wilsonAt(rate, Math.min(kish, linearised));
}
