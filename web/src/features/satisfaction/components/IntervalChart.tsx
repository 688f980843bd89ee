import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { EChart, type ChartOption } from "./EChart";

/** Rates with their 95% intervals, one line per row (rows without a rate are left out by the caller). */
export function IntervalChart({ rows, description }: { rows: { name: string; rate: number | null; low: number | null; high: number | null }[]; description: string }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: "item" },
      grid: { left: 8, right: 24, bottom: 24, top: 16, containLabel: true },
      xAxis: { type: "value", min: 0, max: 100, name: "%" },
      yAxis: { type: "category", inverse: true, data: rows.map((u) => u.name) },
      series: [
        {
          type: "custom",
          name: t("satisfaction.interval"),
          renderItem: (_params: unknown, api: { value: (i: number) => number; coord: (p: number[]) => number[] }) => {
            const from = api.coord([api.value(1), api.value(0)]);
            const to = api.coord([api.value(2), api.value(0)]);
            return { type: "line", shape: { x1: from[0], y1: from[1], x2: to[0], y2: to[1] }, style: { stroke: "#364fc7", lineWidth: 3 } };
          },
          encode: { x: [1, 2], y: 0 },
          data: rows.map((u, i) => [i, u.low, u.high]),
        },
        { type: "scatter", name: t("satisfaction.rate"), symbolSize: 12, itemStyle: { color: "#176236" }, data: rows.map((u, i) => [u.rate, i]) },
      ],
    }),
    [rows, t],
  );
  return <EChart option={option} description={description} height={Math.max(160, 48 + rows.length * 36)} />;
}
