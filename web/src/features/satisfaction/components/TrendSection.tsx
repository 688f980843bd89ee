import { Table, Title } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "../../../i18n";
import type { Dashboard } from "../api";
import { formatInterval, formatMonth, formatRate } from "../format";
import { EChart, type ChartOption } from "./EChart";
import { TableScroll } from "./TableScroll";

/** The monthly trend over the period and the one before it: rate (line) and valid answers (bars). */
export function TrendSection({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  // From the first month with answers: a campaign's empty months before it would only stretch the chart.
  const first = dashboard.trend.findIndex((m) => m.n > 0);
  const months = first < 0 ? [] : dashboard.trend.slice(first);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { data: [t("satisfaction.rate"), t("satisfaction.n")] },
      grid: { left: 48, right: 48, bottom: 32, top: 40 },
      xAxis: { type: "category", data: months.map((m) => formatMonth(m.month)) },
      yAxis: [
        { type: "value", min: 0, max: 100, name: "%" },
        { type: "value", name: "n", splitLine: { show: false } },
      ],
      series: [
        { name: t("satisfaction.rate"), type: "line", data: months.map((m) => m.rate), connectNulls: false, itemStyle: { color: "#176236" } },
        { name: t("satisfaction.n"), type: "bar", yAxisIndex: 1, data: months.map((m) => m.n), itemStyle: { color: "#a5d8ff" } },
      ],
    }),
    [months, t],
  );
  const shown = months.filter((m) => m.rate !== null);
  const description = t("satisfaction.trendDescription", {
    months: months.length,
    list: shown.map((m) => `${formatMonth(m.month)}: ${formatRate(m.rate, lang)}`).join("; ") || "—",
  });
  return (
    <section aria-labelledby="trend-title">
      <Title order={2} id="trend-title" mb="xs">
        {t("satisfaction.trendTitle")}
      </Title>
      <EChart option={option} description={description} />
      <TableScroll label={t("satisfaction.trendCaption")} minWidth={420}>
        <Table striped>
          <Table.Caption>{t("satisfaction.trendCaption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("satisfaction.month")}</Table.Th>
              <Table.Th scope="col">{t("satisfaction.n")}</Table.Th>
              <Table.Th scope="col">{t("satisfaction.rate")}</Table.Th>
              <Table.Th scope="col">{t("satisfaction.interval")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {months.filter((m) => m.n > 0).map((m) => (
              <Table.Tr key={m.month}>
                <Table.Th scope="row">{formatMonth(m.month)}</Table.Th>
                <Table.Td>{m.n}</Table.Td>
                <Table.Td>{formatRate(m.rate, lang)}</Table.Td>
                <Table.Td>{formatInterval(m, lang)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </section>
  );
}
