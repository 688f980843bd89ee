import { Table, Text, Title } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "../../../i18n";
import type { Dashboard } from "../api";
import { formatChange, formatInterval, formatRate } from "../format";
import { EChart, type ChartOption } from "./EChart";
import { TableScroll } from "./TableScroll";

/**
 * Units ranked with their 95% intervals: a unit ranks above another only when its whole interval lies
 * above the other's, so overlapping units share a rank. With response counts, quotas and code returns.
 */
export function RankingSection({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const units = useMemo(
    () => [...dashboard.units].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || (b.rate ?? -1) - (a.rate ?? -1)),
    [dashboard.units],
  );
  const ranked = units.filter((u) => u.rate !== null);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: "item" },
      grid: { left: 8, right: 24, bottom: 24, top: 16, containLabel: true },
      xAxis: { type: "value", min: 0, max: 100, name: "%" },
      yAxis: { type: "category", inverse: true, data: ranked.map((u) => u.name) },
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
          data: ranked.map((u, i) => [i, u.low, u.high]),
        },
        { type: "scatter", name: t("satisfaction.rate"), symbolSize: 12, itemStyle: { color: "#176236" }, data: ranked.map((u, i) => [u.rate, i]) },
      ],
    }),
    [ranked, t],
  );
  const description = t("satisfaction.rankingDescription", {
    list: ranked.map((u) => `${u.rank}. ${u.name} ${formatRate(u.rate, lang)} (${formatInterval(u, lang)})`).join("; ") || "—",
  });
  return (
    <section aria-labelledby="ranking-title">
      <Title order={2} id="ranking-title" mb="xs">
        {t("satisfaction.rankingTitle")}
      </Title>
      <Text size="sm" mb="xs">
        {t("satisfaction.rankingHint")}
      </Text>
      {ranked.length > 0 && <EChart option={option} description={description} height={Math.max(160, 48 + ranked.length * 36)} />}
      <TableScroll label={t("satisfaction.rankingCaption")} minWidth={960}>
        <Table striped>
          <Table.Caption>{t("satisfaction.rankingCaption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("satisfaction.rank")}</Table.Th>
              <Table.Th scope="col">{t("satisfaction.unit")}</Table.Th>
              <Table.Th scope="col">{t("satisfaction.rate")}</Table.Th>
              <Table.Th scope="col">{t("satisfaction.interval")}</Table.Th>
              <Table.Th scope="col">n</Table.Th>
              <Table.Th scope="col">{t("satisfaction.byRespondents")}</Table.Th>
              <Table.Th scope="col">{t("satisfaction.change")}</Table.Th>
              <Table.Th scope="col">{t("satisfaction.responses")}</Table.Th>
              <Table.Th scope="col">{t("satisfaction.quota")}</Table.Th>
              <Table.Th scope="col">{t("satisfaction.codes")}</Table.Th>
              <Table.Th scope="col">{t("satisfaction.paper")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {units.map((u) => (
              <Table.Tr key={u.unitId}>
                <Table.Td>{u.rank ?? "—"}</Table.Td>
                <Table.Th scope="row">{u.name}</Table.Th>
                <Table.Td>{u.isSuppressed ? t("satisfaction.suppressedShort") : formatRate(u.rate, lang)}</Table.Td>
                <Table.Td>{formatInterval(u, lang)}</Table.Td>
                <Table.Td>{u.n}</Table.Td>
                <Table.Td>{formatRate(u.respondents.rate, lang)}</Table.Td>
                <Table.Td>{formatChange(u.change, lang)}</Table.Td>
                <Table.Td>{u.responses}</Table.Td>
                <Table.Td>{u.quota === null ? "—" : `${u.responses}/${u.quota}`}</Table.Td>
                <Table.Td>
                  {u.codesIssued === 0 ? "—" : t("satisfaction.codesReturn", { spent: u.codesSpent, issued: u.codesIssued, rate: Math.round((100 * u.codesSpent) / u.codesIssued) })}
                </Table.Td>
                <Table.Td>{u.paper.issued === 0 && u.paper.valid === 0 ? "—" : `${u.paper.issued} / ${u.paper.returned} / ${u.paper.valid}`}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </section>
  );
}
