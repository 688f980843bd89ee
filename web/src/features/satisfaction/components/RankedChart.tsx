import { useTranslation } from "react-i18next";
import { currentLanguage } from "../../../i18n";
import type { Figure, RankRange } from "../api";
import { formatInterval, formatRank, formatRate } from "../format";
import { IntervalChart } from "./IntervalChart";

/**
 * The interval chart of ranked units (those with a rate, in the ranking's order), each labelled with the rank
 * range its interval allows ("1–3 · name"); `describe` turns the list of units into the chart's description.
 */
export function RankedChart({ units, describe }: { units: (Figure & { name: string; rank: RankRange | null })[]; describe: (list: string) => string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const list = units
    .map((u) => t("satisfaction.rankedItem", { rank: formatRank(u.rank), name: u.name, rate: formatRate(u.rate, lang), interval: formatInterval(u, lang) }))
    .join("; ");
  return <IntervalChart rows={units.map((u) => ({ ...u, name: `${formatRank(u.rank)} · ${u.name}` }))} description={describe(list || "—")} />;
}
