import { Table, Title } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "../../../i18n";
import type { Dashboard } from "../api";
import { formatChange, formatInterval, formatRate, LEVEL_COLOURS } from "../format";
import { EChart, type ChartOption } from "./EChart";
import { TableScroll } from "./TableScroll";

const LEVELS = [1, 2, 3, 4, 5] as const;

/** The full 5-level distribution of each question (stacked shares) and its table with n, rate and change. */
export function QuestionsSection({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const questions = dashboard.questions;
  const levelName = (level: number) => t(`satisfaction.levels.${level as 1 | 2 | 3 | 4 | 5}`);
  const option = useMemo<ChartOption>(
    () => {
      const levelName = (level: number) => t(`satisfaction.levels.${level as 1 | 2 | 3 | 4 | 5}`);
      return {
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { data: LEVELS.map(levelName), top: 0 },
      grid: { left: 8, right: 16, bottom: 24, top: 56, containLabel: true },
      xAxis: { type: "value", max: 100, name: "%" },
      yAxis: { type: "category", inverse: true, data: questions.map((_, i) => `${i + 1}`) },
      series: LEVELS.map((level) => ({
        name: levelName(level),
        type: "bar",
        stack: "share",
        itemStyle: { color: LEVEL_COLOURS[level - 1] },
        data: questions.map((q) => (q.n === 0 ? 0 : Math.round((1000 * (q.distribution[level - 1] ?? 0)) / q.n) / 10)),
      })),
      };
    },
    [questions, t],
  );
  const description = t("satisfaction.distributionDescription", {
    list: questions.map((q, i) => `${i + 1}. ${formatRate(q.rate, lang)} (n=${q.n})`).join("; "),
  });
  return (
    <section aria-labelledby="questions-title">
      <Title order={2} id="questions-title" mb="xs">
        {t("satisfaction.questionsTitle")}
      </Title>
      <EChart option={option} description={description} height={Math.max(240, 56 + questions.length * 32)} />
      <TableScroll label={t("satisfaction.questionsCaption")} minWidth={760}>
        <Table striped>
          <Table.Caption>{t("satisfaction.questionsCaption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("satisfaction.question")}</Table.Th>
              <Table.Th scope="col">n</Table.Th>
              {LEVELS.map((level) => (
                <Table.Th scope="col" key={level}>
                  {levelName(level)}
                </Table.Th>
              ))}
              <Table.Th scope="col">{t("satisfaction.rate")}</Table.Th>
              <Table.Th scope="col">{t("satisfaction.interval")}</Table.Th>
              <Table.Th scope="col">{t("satisfaction.change")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {questions.map((q, i) => (
              <Table.Tr key={q.id}>
                <Table.Th scope="row">{`${i + 1}. ${q.text}`}</Table.Th>
                <Table.Td>{q.n}</Table.Td>
                {LEVELS.map((level) => (
                  <Table.Td key={level}>{q.distribution[level - 1]}</Table.Td>
                ))}
                <Table.Td>{formatRate(q.rate, lang)}</Table.Td>
                <Table.Td>{formatInterval(q, lang)}</Table.Td>
                <Table.Td>{formatChange(q.change, lang)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </section>
  );
}
