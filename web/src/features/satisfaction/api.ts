import { apiGet } from "../../app/api-client";

/** One figure: n, the 5-level distribution (level 1 first), the rate with its 95% Wilson interval. */
export interface Figure {
  n: number;
  distribution: number[];
  rate: number | null;
  low: number | null;
  high: number | null;
  isSuppressed: boolean;
  band: string | null;
}

/** The ranks a unit's 95% interval allows among the ranked units (1 = top). */
export interface RankRange {
  best: number;
  worst: number;
}

/** A figure with the previous period's rate and the change in percentage points. */
export interface ComparedFigure extends Figure {
  previousRate: number | null;
  previousN: number;
  change: number | null;
}

/** A campaign's dashboard for a unit and its subtree over a period. */
export interface Dashboard {
  campaign: { id: string; title: string; family: string; publishedAt: string | null };
  root: { id: string; name: string };
  /** Respondents weighted to population margins; low/high: the 95% interval, allowing for the weights. */
  weighted: {
    rate: number;
    low: number | null;
    high: number | null;
    unweightedRate: number;
    respondents: number;
    effectiveN: number;
    attributes: string[];
  } | null;
  opinionRatings: ComparedFigure;
  period: { from: string; to: string; label: string };
  previous: { from: string; to: string; label: string };
  minN: number;
  bands: { code: string; minRate: number; name: string }[];
  overall: {
    instances: ComparedFigure;
    respondents: ComparedFigure;
    responses: number;
    previousResponses: number;
    hasCeilingWarning: boolean;
  };
  elements: (ComparedFigure & { code: string; name: string })[];
  questions: (ComparedFigure & { id: string; element: string | null; text: string })[];
  levels: (ComparedFigure & { levelCode: string; name: string; responses: number })[];
  fields: (ComparedFigure & { fieldCode: string; name: string; responses: number })[];
  levelRanking: {
    levelCode: string;
    name: string;
    units: (ComparedFigure & { unitId: string; name: string; responses: number; rank: RankRange | null })[];
  }[];
  units: (ComparedFigure & {
    unitId: string;
    name: string;
    rank: RankRange | null;
    respondents: Figure;
    responses: number;
    quota: number | null;
    codesIssued: number;
    codesSpent: number;
    paper: { issued: number; returned: number; valid: number };
  })[];
  heatmap: { unitId: string; questionId: string; n: number; rate: number | null }[];
  trend: (Figure & { month: string })[];
}

/** Query keys of the satisfaction domain. */
export const satisfactionKeys = {
  dashboard: (campaignId: string, period: string, unitId: string, language: string) =>
    ["satisfaction", "dashboard", campaignId, period, unitId, language] as const,
  results: (campaignId: string, period: string, language: string) => ["satisfaction", "results", campaignId, period, language] as const,
};

const query = (params: Record<string, string>) =>
  new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "")).toString();

/** The dashboard's address (JSON) or its XLSX export's. */
export function dashboardUrl(params: { campaignId: string; period: string; unitId: string }, format: "json" | "xlsx" = "json") {
  return `/api/satisfaction/dashboard${format === "xlsx" ? ".xlsx" : ""}?${query(params)}`;
}

/** An officer's dashboard. */
export function fetchDashboard(params: { campaignId: string; period: string; unitId: string }, signal?: AbortSignal) {
  return apiGet<Dashboard>(dashboardUrl(params), signal);
}

/** A published campaign's public results. */
export function fetchPublicResults(campaignId: string, period: string, signal?: AbortSignal) {
  const q = query({ period });
  return apiGet<Dashboard>(`/api/public/surveys/${encodeURIComponent(campaignId)}/results${q ? `?${q}` : ""}`, signal);
}
