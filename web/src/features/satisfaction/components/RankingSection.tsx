import { Table, Text, Title } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "../../../i18n";
import type { Dashboard } from "../api";
import { formatChange, formatInterval, formatRate } from "../format";
import { IntervalChart } from "./IntervalChart";
import { RankedCells, RankedHead } from "./RankedColumns";
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
      {ranked.length > 0 && <IntervalChart rows={ranked} description={description} />}
      <TableScroll label={t("satisfaction.rankingCaption")} minWidth={960}>
        <Table striped>
          <Table.Caption>{t("satisfaction.rankingCaption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <RankedHead />
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
                <RankedCells unit={u} />
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
