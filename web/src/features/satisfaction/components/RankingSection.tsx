import { Table, Text, Title } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "../../../i18n";
import type { Dashboard } from "../api";
import { formatChange, formatRate } from "../format";
import { RankedCells, RankedHead } from "./RankedColumns";
import { RankedChart } from "./RankedChart";
import { TableScroll } from "./TableScroll";

/**
 * Units listed by rate, each with its 95% interval and the range of ranks the intervals allow (from 1 + the
 * units wholly above to n − the units wholly below). With response counts, quotas and code returns.
 */
export function RankingSection({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const units = useMemo(
    // By point estimate, as the server lists each level's ranking; units without a rate last.
    () => [...dashboard.units].sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1)),
    [dashboard.units],
  );
  const ranked = units.filter((u) => u.rate !== null);
  return (
    <section aria-labelledby="ranking-title">
      <Title order={2} id="ranking-title" mb="xs">
        {t("satisfaction.rankingTitle")}
      </Title>
      <Text size="sm" mb="xs">
        {t("satisfaction.rankingHint")}
      </Text>
      {ranked.length > 0 && <RankedChart units={ranked} describe={(list) => t("satisfaction.rankingDescription", { list })} />}
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
