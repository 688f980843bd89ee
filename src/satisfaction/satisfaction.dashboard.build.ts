import {
  changeOf,
  EMPTY_DISTRIBUTION,
  figureOf,
  rankByIntervals,
  sumDistributions,
  totalOf,
  type Band,
  type Distribution,
  type Figure,
} from "./satisfaction.index.ts";
import { monthsBetween, type MonthRange } from "./satisfaction.period.ts";

/** A rating-instance rollup cell as read. */
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

/** A respondent rollup cell as read. */
export interface RespondentRow {
  unit_id: string;
  month: string;
  responses: number;
  r1: number;
  r2: number;
  r3: number;
  r4: number;
  r5: number;
}

/** Everything the dashboard is computed from: rollup cells and the unit tree, never raw responses. */
export interface DashboardSource {
  likertQuestions: { id: string; element: string | null }[];
  elementCodes: string[];
  instances: InstanceRow[];
  respondents: RespondentRow[];
  bucketOf: (unitId: string) => string | undefined;
  buckets: string[];
  period: MonthRange;
  previous: MonthRange;
  minN: number;
  bands: readonly Band[];
}

/** A figure with the previous period's rate and the change in percentage points. */
export type ComparedFigure = Figure & { previousRate: number | null; previousN: number; change: number | null };

/**
 * A figure with its previous period. Rating instances from fewer than minN respondents are suppressed too:
 * 4 people × 4 questions is not n = 16.
 */
export function comparedOf(
  now: Distribution,
  then: Distribution,
  settings: { minN: number; bands: readonly Band[] },
  people?: { now: number; then: number },
): ComparedFigure {
  const figure = figureOf(now, settings, people?.now);
  const earlier = figureOf(then, settings, people?.then);
  return { ...figure, previousRate: earlier.rate, previousN: earlier.n, change: changeOf(figure.rate, earlier.rate) };
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

/** The dashboard's figures, computed from rollup cells (pure: the tests feed it directly). */
export function buildDashboard(source: DashboardSource) {
  const { period, previous, minN, bands } = source;
  const elementOf = new Map(source.likertQuestions.map((q) => [q.id, q.element]));
  const current = new Tally();
  const before = new Tally();
  const months = new Tally();
  for (const row of source.instances) {
    const bucket = source.bucketOf(row.unit_id);
    if (bucket === undefined || !elementOf.has(row.question_id)) continue;
    const d: Distribution = [row.n1, row.n2, row.n3, row.n4, row.n5];
    const element = elementOf.get(row.question_id);
    const keys = ["all", `q:${row.question_id}`, `u:${bucket}`, `uq:${bucket}:${row.question_id}`];
    if (element) keys.push(`e:${element}`, `ue:${bucket}:${element}`);
    if (inPeriod(row.month, period)) for (const key of keys) current.add(key, d);
    else if (inPeriod(row.month, previous)) for (const key of keys) before.add(key, d);
    months.add(row.month, d);
  }
  const respondentsNow = new Tally();
  const respondentsBefore = new Tally();
  const responses = new Map<string, number>();
  const previousResponses = new Map<string, number>();
  for (const row of source.respondents) {
    const bucket = source.bucketOf(row.unit_id);
    if (bucket === undefined) continue;
    const d: Distribution = [row.r1, row.r2, row.r3, row.r4, row.r5];
    const isNow = inPeriod(row.month, period);
    if (!isNow && !inPeriod(row.month, previous)) continue;
    const tally = isNow ? respondentsNow : respondentsBefore;
    const counts = isNow ? responses : previousResponses;
    for (const key of ["all", `u:${bucket}`]) {
      tally.add(key, d);
      counts.set(key, (counts.get(key) ?? 0) + row.responses);
    }
  }
  const settings = { minN, bands };
  const compared = (now: Distribution, then: Distribution, people?: { now: number; then: number }) => comparedOf(now, then, settings, people);
  const people = (key: string) => ({ now: responses.get(key) ?? 0, then: previousResponses.get(key) ?? 0 });
  const overall = compared(current.get("all"), before.get("all"), people("all"));
  const top = overall.distribution[3] + overall.distribution[4];
  return {
    overall: {
      instances: overall,
      respondents: compared(respondentsNow.get("all"), respondentsBefore.get("all")),
      responses: responses.get("all") ?? 0,
      previousResponses: previousResponses.get("all") ?? 0,
      // Ceiling effect: nearly everyone in the top two levels says little about differences between units.
      hasCeilingWarning: overall.n >= minN && top / overall.n >= 0.97,
    },
    questions: source.likertQuestions.map((q) => ({ id: q.id, element: q.element, ...compared(current.get(`q:${q.id}`), before.get(`q:${q.id}`)) })),
    elements: source.elementCodes.map((code) => ({ code, ...compared(current.get(`e:${code}`), before.get(`e:${code}`)) })),
    units: rankByIntervals(
      source.buckets.map((unitId) => ({
        unitId,
        ...compared(current.get(`u:${unitId}`), before.get(`u:${unitId}`), people(`u:${unitId}`)),
        respondents: figureOf(respondentsNow.get(`u:${unitId}`), settings),
        responses: responses.get(`u:${unitId}`) ?? 0,
      })),
    ).filter((u) => u.n > 0 || u.responses > 0 || u.previousN > 0),
    heatmap: source.buckets.flatMap((unitId) =>
      source.likertQuestions.map((q) => {
        // One answer per respondent and question: n here is a number of people.
        const f = figureOf(current.get(`uq:${unitId}:${q.id}`), settings);
        return { unitId, questionId: q.id, n: f.n, rate: f.rate };
      }),
    ).filter((cell) => cell.n > 0),
    trend: monthsBetween(previous.from, period.to).map((month) => ({ month, ...figureOf(months.get(month), settings) })),
  };
}

/** Rating instances summed over questions, per bucket (a unit or a code) and month. */
export type TotalRow = Omit<InstanceRow, "question_id">;

/** A group's figure: pooled rating instances with the previous period, and its responses (people). */
export type GroupFigure = ComparedFigure & { key: string; responses: number };

/**
 * Figures of groups of buckets (a level of units, a field of work): each group's figure is the figure of
 * the pooled rollups of its buckets, suppressed below the minimum n of answers or of respondents. Buckets
 * `groupOf` leaves undefined count nowhere. Only groups with data in either period are returned.
 */
export function groupFigures(
  instances: readonly TotalRow[],
  respondents: readonly RespondentRow[],
  groupOf: (bucket: string) => string | undefined,
  { period, previous, minN, bands }: { period: MonthRange; previous: MonthRange; minN: number; bands: readonly Band[] },
): GroupFigure[] {
  const now = new Tally();
  const then = new Tally();
  const keys = new Set<string>();
  for (const row of instances) {
    const key = groupOf(row.unit_id);
    if (key === undefined) continue;
    const d: Distribution = [row.n1, row.n2, row.n3, row.n4, row.n5];
    if (inPeriod(row.month, period)) now.add(key, d);
    else if (inPeriod(row.month, previous)) then.add(key, d);
    else continue;
    keys.add(key);
  }
  const people = new Map<string, { now: number; then: number }>();
  for (const row of respondents) {
    const key = groupOf(row.unit_id);
    if (key === undefined) continue;
    const p = people.get(key) ?? { now: 0, then: 0 };
    if (inPeriod(row.month, period)) p.now += row.responses;
    else if (inPeriod(row.month, previous)) p.then += row.responses;
    else continue;
    people.set(key, p);
    keys.add(key);
  }
  return [...keys].sort().map((key) => {
    const p = people.get(key) ?? { now: 0, then: 0 };
    return { key, ...comparedOf(now.get(key), then.get(key), { minN, bands }, p), responses: p.now };
  });
}

/**
 * Units ranked within their level, whatever their parent (all communes of a province together): ranks from
 * `rankByIntervals`, so overlapping intervals are never separated.
 */
export function rankWithinLevels<T extends GroupFigure>(units: readonly T[], levelOf: (unitId: string) => string | undefined) {
  const byLevel = new Map<string, T[]>();
  for (const u of units) {
    const level = levelOf(u.key);
    if (level === undefined) continue;
    byLevel.set(level, [...(byLevel.get(level) ?? []), u]);
  }
  return [...byLevel].map(([levelCode, members]) => ({
    levelCode,
    units: rankByIntervals(members).sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (b.rate ?? -1) - (a.rate ?? -1)),
  }));
}

/** The figures' total valid answers (for tests and checks). */
export const validAnswers = (f: { distribution: Distribution }) => totalOf(f.distribution);
