import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "../../../i18n";
import type { ComparedFigure, RankRange } from "../api";
import { formatInterval, formatRank, formatRate } from "../format";

/** The first columns of a ranking table: rank range, unit, rate, interval, n. */
export function RankedHead() {
  const { t } = useTranslation();
  return (
    <>
      <Table.Th scope="col">{t("satisfaction.rank")}</Table.Th>
      <Table.Th scope="col">{t("satisfaction.unit")}</Table.Th>
      <Table.Th scope="col">{t("satisfaction.rate")}</Table.Th>
      <Table.Th scope="col">{t("satisfaction.interval")}</Table.Th>
      <Table.Th scope="col">n</Table.Th>
    </>
  );
}

/** A ranked unit's first cells (the unit's name heads the row). */
export function RankedCells({ unit }: { unit: ComparedFigure & { name: string; rank: RankRange | null } }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <>
      <Table.Td>{formatRank(unit.rank)}</Table.Td>
      <Table.Th scope="row">{unit.name}</Table.Th>
      <Table.Td>{unit.isSuppressed ? t("satisfaction.suppressedShort") : formatRate(unit.rate, lang)}</Table.Td>
      <Table.Td>{formatInterval(unit, lang)}</Table.Td>
      <Table.Td>{unit.n}</Table.Td>
    </>
  );
}
