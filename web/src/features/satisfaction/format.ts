import type { Figure, RankRange } from "./api";

/** 88.34 → "88,34%" (Vietnamese) or "88.34%"; "—" for a suppressed rate. */
export function formatRate(rate: number | null, language: string): string {
  return rate === null ? "—" : `${rate.toLocaleString(language === "en" ? "en-GB" : "vi-VN", { maximumFractionDigits: 2 })}%`;
}

/** "[85,1–91,2]" or "—". */
export function formatInterval(figure: Pick<Figure, "low" | "high">, language: string): string {
  if (figure.low === null || figure.high === null) return "—";
  const f = (x: number) => x.toLocaleString(language === "en" ? "en-GB" : "vi-VN", { maximumFractionDigits: 1 });
  return `${f(figure.low)}–${f(figure.high)}`;
}

/** "1–3" (the ranks a unit's interval allows), "2" when it allows one, "—" for an unranked unit. */
export function formatRank(rank: RankRange | null): string {
  if (rank === null) return "—";
  return rank.best === rank.worst ? `${rank.best}` : `${rank.best}–${rank.worst}`;
}

/** "+2,5" / "−1" points, or "—". */
export function formatChange(change: number | null, language: string): string {
  if (change === null) return "—";
  const text = Math.abs(change).toLocaleString(language === "en" ? "en-GB" : "vi-VN", { maximumFractionDigits: 2 });
  return change > 0 ? `+${text}` : change < 0 ? `−${text}` : text;
}

/** "2026-07-01" → "07/2026". */
export function formatMonth(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}

/** Colours of the 5 levels, level 1 first (contrast-checked against white text in the legend). */
export const LEVEL_COLOURS = ["#c92a2a", "#d9480f", "#868e96", "#5c940d", "#176236"];
