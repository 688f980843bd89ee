import {
  byPointEstimate,
  changeOf,
  EMPTY_DISTRIBUTION,
  figureOf,
  rankByIntervals,
  round2,
  satisfiedOf,
  sumDistributions,
  totalOf,
  type Band,
  type Distribution,
  type Figure,
} from "./satisfaction.index.ts";
import { addAnswerSums, clusteredInterval, EMPTY_ANSWER_SUMS, type AnswerSums } from "./satisfaction.intervals.ts";
import { monthsBetween, type MonthRange } from "./satisfaction.period.ts";

/** A rating-instance rollup cell as read: per bucket, question and month. */
export interface InstanceRow {
  unit_id: string;
  question_id: string;
  month: string;
  n1: number;
  n2: number;
  n3: number;
  n4: number;
  n5: number;
}

/**
 * A respondent rollup cell as read (per unit and period, or month): responses, respondents by overall level,
 * their Likert answers at each level (all questions pooled: the rating instances) and sums of squares.
 */
export interface RespondentRow {
  unit_id: string;
  month: string;
  responses: number;
  r1: number;
  r2: number;
  r3: number;
  r4: number;
  r5: number;
  n1: number;
  n2: number;
  n3: number;
  n4: number;
  n5: number;
  sum_ss: number;
  sum_sm: number;
  sum_mm: number;
}

/** The answer sums of a respondent row (its respondents with a Likert answer are the clusters). */
export function answerSumsOfRow(r: RespondentRow): AnswerSums {
  return { respondents: r.r1 + r.r2 + r.r3 + r.r4 + r.r5, s: r.n4 + r.n5, m: r.n1 + r.n2 + r.n3 + r.n4 + r.n5, ss: r.sum_ss, sm: r.sum_sm, mm: r.sum_mm };
}

/** Everything the dashboard is computed from: rollup sums and the unit tree, never raw responses. */
export interface DashboardSource {
  likertQuestions: { id: string; element: string | null }[];
  elementCodes: string[];
  /** Rating instances per bucket, question and month (questions, elements, heat-map, trend). */
  details: InstanceRow[];
  /** Respondents and their rating instances per unit and period: the overall and per-child figures. */
  people: RespondentRow[];
  /** Respondents' answer sums per month (the trend's intervals); `unit_id` is unused. */
  months: RespondentRow[];
  bucketOf: (unitId: string) => string | undefined;
  buckets: string[];
  period: MonthRange;
  previous: MonthRange;
  minN: number;
  bands: readonly Band[];
}

/** Who stands behind a pooled rating-instance figure: the responses (for suppression) and their answer sums. */
export interface Behind {
  responses: number;
  sums: AnswerSums;
}

/**
 * A figure of pooled rating instances: suppressed below the minimum n of answers or of responses behind them
 * (4 people × 4 questions is not n = 16), with the 95% interval that accounts for each respondent giving
 * several answers (satisfaction.intervals.ts). Without respondents behind it, Wilson's on the answers.
 */
export function instanceFigureOf(d: Distribution, settings: { minN: number; bands: readonly Band[] }, behind?: Partial<Behind>): Figure {
  const figure = figureOf(d, settings, behind?.responses);
  if (figure.rate === null || behind?.sums === undefined) return figure;
  const interval = clusteredInterval(satisfiedOf(d), totalOf(d), behind.sums);
  if (interval === null) return figure;
  // The figure is our own fresh object: set its bounds in place (a spread per unit shows in a country's time).
  figure.low = round2(interval.low);
  figure.high = round2(interval.high);
  return figure;
}

/** A figure with the previous period's rate and the change in percentage points. */
export type ComparedFigure = Figure & { previousRate: number | null; previousN: number; change: number | null };

/** A pooled rating-instance figure with its previous period (see `instanceFigureOf`). */
export function comparedOf(
  now: Distribution,
  then: Distribution,
  settings: { minN: number; bands: readonly Band[] },
  behind?: { now: Partial<Behind>; then: Partial<Behind> },
): ComparedFigure {
  const figure = instanceFigureOf(now, settings, behind?.now);
  const earlier = instanceFigureOf(then, settings, behind?.then);
  return Object.assign(figure, { previousRate: earlier.rate, previousN: earlier.n, change: changeOf(figure.rate, earlier.rate) });
}

/** Sums of distributions by key, for a period. */
class Tally {
  private readonly sums = new Map<string, Distribution>();
  add(key: string, d: Distribution) {
    this.sums.set(key, sumDistributions([this.sums.get(key) ?? EMPTY_DISTRIBUTION, d]));
  }
  get(key: string): Distribution {
    return this.sums.get(key) ?? EMPTY_DISTRIBUTION;
  }
}

const inPeriod = (month: string, p: MonthRange) => month >= p.from && month <= p.to;

type Counts = [number, number, number, number, number];

/** A group's sums in the period and the one before (mutable while summing). */
interface GroupTotals {
  now: Counts;
  then: Counts;
  /** Respondents by overall level. */
  peopleNow: Counts;
  peopleThen: Counts;
  behindNow: Behind & { sums: AnswerSums };
  behindThen: Behind & { sums: AnswerSums };
}

const emptyTotals = (): GroupTotals => ({
  now: [0, 0, 0, 0, 0],
  then: [0, 0, 0, 0, 0],
  peopleNow: [0, 0, 0, 0, 0],
  peopleThen: [0, 0, 0, 0, 0],
  behindNow: { responses: 0, sums: { ...EMPTY_ANSWER_SUMS } },
  behindThen: { responses: 0, sums: { ...EMPTY_ANSWER_SUMS } },
});

// In place: a country's ranking sums thousands of rows.
function addCounts(into: Counts, a: number, b: number, c: number, d: number, e: number) {
  into[0] += a;
  into[1] += b;
  into[2] += c;
  into[3] += d;
  into[4] += e;
}

/**
 * Per-unit sums regrouped by `groupOf` (undefined: counted nowhere), for the period and the one before;
 * rows outside both are left out.
 */
function totalsBy(rows: readonly RespondentRow[], groupOf: (unitId: string) => string | undefined, { period, previous }: { period: MonthRange; previous: MonthRange }) {
  const groups = new Map<string, GroupTotals>();
  for (const row of rows) {
    const key = groupOf(row.unit_id);
    const isNow = inPeriod(row.month, period);
    if (key === undefined || (!isNow && !inPeriod(row.month, previous))) continue;
    let t = groups.get(key);
    if (t === undefined) groups.set(key, (t = emptyTotals()));
    addCounts(isNow ? t.now : t.then, row.n1, row.n2, row.n3, row.n4, row.n5);
    addCounts(isNow ? t.peopleNow : t.peopleThen, row.r1, row.r2, row.r3, row.r4, row.r5);
    const behind = isNow ? t.behindNow : t.behindThen;
    behind.responses += row.responses;
    behind.sums = addAnswerSums(behind.sums, answerSumsOfRow(row));
  }
  return groups;
}

/** The dashboard's figures, computed from rollup sums (pure: the tests feed it directly). */
export function buildDashboard(source: DashboardSource) {
  const { period, previous, minN, bands } = source;
  const settings = { minN, bands };
  const elementOf = new Map(source.likertQuestions.map((q) => [q.id, q.element]));
  const current = new Tally();
  const before = new Tally();
  const months = new Tally();
  for (const row of source.details) {
    if (!elementOf.has(row.question_id)) continue;
    const d: Distribution = [row.n1, row.n2, row.n3, row.n4, row.n5];
    const element = elementOf.get(row.question_id);
    const keys = [`q:${row.question_id}`, `uq:${row.unit_id}:${row.question_id}`];
    if (element) keys.push(`e:${element}`);
    if (inPeriod(row.month, period)) for (const key of keys) current.add(key, d);
    else if (inPeriod(row.month, previous)) for (const key of keys) before.add(key, d);
    months.add(row.month, d);
  }
  const byBucket = totalsBy(source.people, source.bucketOf, source);
  const all = totalsBy(source.people, (u) => (source.bucketOf(u) === undefined ? undefined : "all"), source).get("all") ?? emptyTotals();
  const monthSums = new Map(source.months.map((r) => [r.month, answerSumsOfRow(r)]));
  const behind = (t: GroupTotals) => ({ now: t.behindNow, then: t.behindThen });
  const overall = comparedOf(all.now, all.then, settings, behind(all));
  const top = overall.distribution[3] + overall.distribution[4];
  return {
    overall: {
      instances: overall,
      respondents: comparedOf(all.peopleNow, all.peopleThen, settings),
      responses: all.behindNow.responses,
      previousResponses: all.behindThen.responses,
      // Ceiling effect: nearly everyone in the top two levels says little about differences between units.
      hasCeilingWarning: overall.n >= minN && top / overall.n >= 0.97,
    },
    // One answer per respondent and question: Wilson's interval is the right one for a question.
    questions: source.likertQuestions.map((q) => ({ id: q.id, element: q.element, ...comparedOf(current.get(`q:${q.id}`), before.get(`q:${q.id}`), settings) })),
    elements: source.elementCodes.map((code) => ({ code, ...comparedOf(current.get(`e:${code}`), before.get(`e:${code}`), settings) })),
    units: rankByIntervals(
      source.buckets.map((unitId) => {
        const t = byBucket.get(unitId) ?? emptyTotals();
        return {
          unitId,
          ...comparedOf(t.now, t.then, settings, behind(t)),
          respondents: figureOf(t.peopleNow, settings),
          responses: t.behindNow.responses,
        };
      }),
    ).filter((u) => u.n > 0 || u.responses > 0 || u.previousN > 0),
    heatmap: source.buckets.flatMap((unitId) =>
      source.likertQuestions.map((q) => {
        // One answer per respondent and question: n here is a number of people.
        const f = figureOf(current.get(`uq:${unitId}:${q.id}`), settings);
        return { unitId, questionId: q.id, n: f.n, rate: f.rate };
      }),
    ).filter((cell) => cell.n > 0),
    trend: monthsBetween(previous.from, period.to).map((month) => ({ month, ...instanceFigureOf(months.get(month), settings, { sums: monthSums.get(month) }) })),
  };
}

/** A group's figure: pooled rating instances with the previous period, and its responses (people). */
export type GroupFigure = ComparedFigure & { key: string; responses: number };

/**
 * Figures of groups of units (a level, a field of work, each current unit): each group's figure is the
 * figure of the pooled rollups of its units, suppressed below the minimum n of answers or of respondents,
 * its interval clustered by respondent. Units `groupOf` leaves undefined count nowhere. Only groups with
 * data in either period are returned.
 */
export function groupFigures(
  rows: readonly RespondentRow[],
  groupOf: (unitId: string) => string | undefined,
  { period, previous, minN, bands }: { period: MonthRange; previous: MonthRange; minN: number; bands: readonly Band[] },
): GroupFigure[] {
  const groups = totalsBy(rows, groupOf, { period, previous });
  return [...groups.keys()].sort().map((key) => {
    const t = groups.get(key) as GroupTotals;
    return { key, ...comparedOf(t.now, t.then, { minN, bands }, { now: t.behindNow, then: t.behindThen }), responses: t.behindNow.responses };
  });
}

/**
 * Units ranked within their level, whatever their parent (all communes of a province together): each with
 * its rank range from `rankByIntervals`, listed by point estimate.
 */
export function rankWithinLevels<T extends GroupFigure>(units: readonly T[], levelOf: (unitId: string) => string | undefined) {
  const byLevel = new Map<string, T[]>();
  for (const u of units) {
    const level = levelOf(u.key);
    if (level === undefined) continue;
    const members = byLevel.get(level);
    if (members) members.push(u);
    else byLevel.set(level, [u]);
  }
  return [...byLevel].map(([levelCode, members]) => ({
    levelCode,
    units: rankByIntervals(members).sort(byPointEstimate),
  }));
}

/** The figures' total valid answers (for tests and checks). */
export const validAnswers = (f: { distribution: Distribution }) => totalOf(f.distribution);
