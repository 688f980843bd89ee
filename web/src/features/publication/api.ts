import { apiGet } from "../../app/api-client";
import type { OpinionKind } from "../opinions/api";

/** A unit's public figures over a period (its subtree included). */
export interface UnitSummary {
  unitId: string;
  unitName: string;
  period: { from: string; to: string };
  figures: {
    received: number;
    answered: number;
    answeredOnTime: number;
    onTimeRate: number | null;
    meanHandlingDays: number | null;
    open: number;
    overdue: number;
    routed: number;
    rated: number;
    meanRating: number | null;
  };
}

/** An answered opinion published with its contributor's consent, personal data removed. */
export interface PublishedOpinion {
  kind: OpinionKind;
  topics: string[];
  unitName: string;
  content: string;
  receivedAt: string;
  answeredAt: string;
  answeredOnTime: boolean;
  answer: string;
  answerMethod: "written" | "on_spot";
}

export const publicationKeys = {
  summary: (unitId: string) => ["public-unit", unitId, "summary"] as const,
  opinions: (unitId: string) => ["public-unit", unitId, "opinions"] as const,
};

/** The unit's figures over the last twelve months. */
export function fetchUnitSummary(unitId: string, signal?: AbortSignal): Promise<UnitSummary> {
  return apiGet<UnitSummary>(`/api/public/units/${encodeURIComponent(unitId)}/summary`, signal);
}

/** One page of the unit's published opinions, latest answer first. */
export function fetchPublishedOpinions(
  { unitId, cursor }: { unitId: string; cursor: string | null },
  signal?: AbortSignal,
): Promise<{ items: PublishedOpinion[]; nextCursor: string | null }> {
  const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : "";
  return apiGet(`/api/public/units/${encodeURIComponent(unitId)}/opinions${query}`, signal);
}
