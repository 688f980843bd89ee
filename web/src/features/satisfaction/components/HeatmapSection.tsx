import { Table, Title } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "../../../i18n";
import type { Dashboard } from "../api";
import { formatRate } from "../format";
import { EChart, type ChartOption } from "./EChart";
import { TableScroll } from "./TableScroll";

/** Units × criteria: where satisfaction is low, at a glance (suppressed cells stay empty). */
export function HeatmapSection({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const units = dashboard.units;
  const questions = dashboard.questions;
  const cell = useMemo(() => new Map(dashboard.heatmap.map((c) => [`${c.unitId}|${c.questionId}`, c])), [dashboard.heatmap]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { position: "top" },
      grid: { left: 8, right: 16, bottom: 64, top: 8, containLabel: true },
      xAxis: { type: "category", data: questions.map((_, i) => `${i + 1}`), splitArea: { show: true } },
      yAxis: { type: "category", data: units.map((u) => u.name), splitArea: { show: true } },
      visualMap: { min: 50, max: 100, calculable: false, orient: "horizontal", left: "center", bottom: 0, inRange: { color: ["#c92a2a", "#fab005", "#2b8a3e"] } },
      series: [
        {
          type: "heatmap",
          label: { show: true },
          data: units.flatMap((u, y) =>
            questions.flatMap((q, x) => {
              const c = cell.get(`${u.unitId}|${q.id}`);
              return c && c.rate !== null ? [[x, y, Math.round(c.rate)]] : [];
            }),
          ),
        },
      ],
    }),
    [units, questions, cell],
  );
  return (
    <section aria-labelledby="heatmap-title">
      <Title order={2} id="heatmap-title" mb="xs">
        {t("satisfaction.heatmapTitle")}
      </Title>
      <EChart option={option} description={t("satisfaction.heatmapDescription")} height={Math.max(200, 96 + units.length * 32)} />
      <TableScroll label={t("satisfaction.heatmapCaption")} minWidth={200 + questions.length * 72}>
        <Table striped>
          <Table.Caption>{t("satisfaction.heatmapCaption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("satisfaction.unit")}</Table.Th>
              {questions.map((q, i) => (
                <Table.Th scope="col" key={q.id} title={q.text}>
                  {`${t("satisfaction.questionShort")} ${i + 1}`}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {units.map((u) => (
              <Table.Tr key={u.unitId}>
                <Table.Th scope="row">{u.name}</Table.Th>
                {questions.map((q) => {
                  const c = cell.get(`${u.unitId}|${q.id}`);
                  return <Table.Td key={q.id}>{c ? `${formatRate(c.rate, lang)} (n=${c.n})` : "—"}</Table.Td>;
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </section>
  );
}
