import { z } from "zod";

const Figure = z.object({
  n: z.number(),
  distribution: z.array(z.number()).length(5).readonly(),
  rate: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  isSuppressed: z.boolean(),
  band: z.string().nullable(),
});
const Compared = Figure.extend({ previousRate: z.number().nullable(), previousN: z.number(), change: z.number().nullable() });
const Period = z.object({ from: z.string(), to: z.string(), label: z.string() });
/** The ranks a unit's 95% interval allows (1 = top); null for a suppressed unit. */
const Rank = z.object({ best: z.number(), worst: z.number() }).nullable();

/** GET /api/satisfaction/dashboard */
export const DashboardQuery = z.object({
  campaignId: z.uuid(),
  unitId: z.uuid().optional(),
  period: z.string().max(20).optional(),
});

/** GET /api/public/surveys/:campaignId/results */
export const PublicResultsQuery = z.object({ period: z.string().max(20).optional() });
export const PublicResultsParams = z.object({ campaignId: z.uuid() });

/** A campaign's dashboard for a unit and its subtree. */
export const DashboardResponse = z.object({
  campaign: z.object({ id: z.string(), title: z.string(), family: z.string(), publishedAt: z.string().nullable() }),
  root: z.object({ id: z.string(), name: z.string() }),
  /** Respondents weighted to population margins: the rate, its 95% interval (accounting for the weights), the unweighted rate. */
  weighted: z
    .object({
      rate: z.number(),
      low: z.number().nullable(),
      high: z.number().nullable(),
      unweightedRate: z.number(),
      respondents: z.number(),
      effectiveN: z.number(),
      attributes: z.array(z.string()),
    })
    .nullable(),
  opinionRatings: Compared,
  period: Period,
  previous: Period,
  minN: z.number(),
  bands: z.array(z.object({ code: z.string(), minRate: z.number(), name: z.string() })),
  overall: z.object({
    instances: Compared,
    respondents: Compared,
    responses: z.number(),
    previousResponses: z.number(),
    hasCeilingWarning: z.boolean(),
  }),
  elements: z.array(Compared.extend({ code: z.string(), name: z.string() })),
  questions: z.array(Compared.extend({ id: z.string(), element: z.string().nullable(), text: z.string() })),
  /** Figures by unit level in the subtree (historical units counted at their successor's level). */
  levels: z.array(Compared.extend({ levelCode: z.string(), name: z.string(), responses: z.number() })),
  /** Figures by field of work (the field the campaign evaluates each unit in). */
  fields: z.array(Compared.extend({ fieldCode: z.string(), name: z.string(), responses: z.number() })),
  /** Units ranked across each whole level of the subtree, regardless of parent: rank ranges from the intervals, listed by rate. */
  levelRanking: z.array(
    z.object({
      levelCode: z.string(),
      name: z.string(),
      units: z.array(Compared.extend({ unitId: z.string(), name: z.string(), responses: z.number(), rank: Rank })),
    }),
  ),
  units: z.array(
    Compared.extend({
      unitId: z.string(),
      name: z.string(),
      rank: Rank,
      respondents: Figure,
      responses: z.number(),
      quota: z.number().nullable(),
      codesIssued: z.number(),
      codesSpent: z.number(),
      paper: z.object({ issued: z.number(), returned: z.number(), valid: z.number() }),
    }),
  ),
  heatmap: z.array(z.object({ unitId: z.string(), questionId: z.string(), n: z.number(), rate: z.number().nullable() })),
  trend: z.array(Figure.extend({ month: z.string() })),
});
export type DashboardResponse = z.infer<typeof DashboardResponse>;
