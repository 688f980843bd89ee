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
  // Rating instances from fewer than minN respondents are suppressed too: 4 people × 4 questions is not n = 16.
  const compared = (now: Distribution, then: Distribution, people?: { now: number; then: number }): ComparedFigure => {
    const figure = figureOf(now, settings, people?.now);
    const earlier = figureOf(then, settings, people?.then);
    return { ...figure, previousRate: earlier.rate, previousN: earlier.n, change: changeOf(figure.rate, earlier.rate) };
  };
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

/** The figures' total valid answers (for tests and checks). */
export const validAnswers = (f: { distribution: Distribution }) => totalOf(f.distribution);
