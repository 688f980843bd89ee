import type { Language } from "../http/messages.ts";
import type { Dashboard } from "./satisfaction.dashboard.service.ts";
import type { DashboardResponse } from "./satisfaction.schemas.ts";

/** The dashboard in the request's language (question, element and band names). */
export function presentDashboard(d: Dashboard, lang: Language): DashboardResponse {
  const elementNames = new Map(d.campaign.elements.map((e) => [e.code, e.name[lang]]));
  const questionTexts = new Map(d.campaign.questions.map((q) => [q.id, q.text[lang]]));
  const nameIn = (row: { code: string; name_vi: string; name_en: string }) => [row.code, lang === "en" ? row.name_en : row.name_vi] as const;
  const levelNames = new Map(d.levelNames.map(nameIn));
  const fieldNames = new Map(d.fieldNames.map(nameIn));
  return {
    campaign: {
      id: d.campaign.id,
      title: d.campaign.title,
      family: d.campaign.family,
      publishedAt: d.campaign.publishedAt?.toISOString() ?? null,
    },
    root: d.root,
    weighted: d.weighted,
    opinionRatings: d.opinionRatings,
    period: d.period,
    previous: d.previous,
    minN: d.minN,
    bands: d.bands.map((b) => ({ code: b.code, minRate: b.minRate, name: b.name[lang] })),
    overall: d.overall,
    elements: d.elements.map((e) => ({ ...e, name: elementNames.get(e.code) ?? e.code })),
    questions: d.questions.map((q) => ({ ...q, text: questionTexts.get(q.id) ?? q.id })),
    levels: d.levels.map((l) => ({ ...l, name: levelNames.get(l.levelCode) ?? l.levelCode })),
    fields: d.fields.map((f) => ({ ...f, name: fieldNames.get(f.fieldCode) ?? f.fieldCode })),
    levelRanking: d.levelRanking.map((l) => ({ ...l, name: levelNames.get(l.levelCode) ?? l.levelCode })),
    units: d.units,
    heatmap: d.heatmap,
    trend: d.trend,
  };
}
