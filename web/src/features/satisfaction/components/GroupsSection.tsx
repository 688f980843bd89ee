import { Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "../../../i18n";
import type { ComparedFigure, Dashboard } from "../api";
import { formatChange, formatInterval, formatRate } from "../format";
import { IntervalChart } from "./IntervalChart";
import { RankedCells, RankedHead } from "./RankedColumns";
import { RankedChart } from "./RankedChart";
import { TableScroll } from "./TableScroll";

type Row = ComparedFigure & { key: string; name: string; responses: number };

/** A table of pooled figures (by level or by field of work), with the interval chart of those shown. */
function GroupTable({ id, title, hint, caption, rows }: { id: string; title: string; hint: string; caption: string; rows: Row[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const shown = rows.filter((r) => r.rate !== null);
  const description = t("satisfaction.groupsDescription", {
    title,
    list: shown.map((r) => `${r.name} ${formatRate(r.rate, lang)} (${formatInterval(r, lang)})`).join("; ") || "—",
  });
  return (
    <section aria-labelledby={id}>
      <Title order={2} id={id} mb="xs">
        {title}
      </Title>
      <Text size="sm" mb="xs">
        {hint}
      </Text>
      {rows.length === 0 ? (
        <Text>{t("satisfaction.groupsEmpty")}</Text>
      ) : (
        <>
          {shown.length > 0 && <IntervalChart rows={shown} description={description} />}
          <TableScroll label={caption} minWidth={960}>
            <Table striped>
              <Table.Caption>{caption}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("satisfaction.name")}</Table.Th>
                  <Table.Th scope="col">{t("satisfaction.rate")}</Table.Th>
                  <Table.Th scope="col">{t("satisfaction.interval")}</Table.Th>
                  <Table.Th scope="col">n</Table.Th>
                  {([1, 2, 3, 4, 5] as const).map((level) => (
                    <Table.Th scope="col" key={level}>
                      {t(`satisfaction.levels.${level}`)}
                    </Table.Th>
                  ))}
                  <Table.Th scope="col">{t("satisfaction.change")}</Table.Th>
                  <Table.Th scope="col">{t("satisfaction.responses")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.key}>
                    <Table.Th scope="row">{r.name}</Table.Th>
                    <Table.Td>{r.isSuppressed ? t("satisfaction.suppressedShort") : formatRate(r.rate, lang)}</Table.Td>
                    <Table.Td>{formatInterval(r, lang)}</Table.Td>
                    <Table.Td>{r.n}</Table.Td>
                    {r.distribution.map((count, i) => (
                      <Table.Td key={i}>{count}</Table.Td>
                    ))}
                    <Table.Td>{formatChange(r.change, lang)}</Table.Td>
                    <Table.Td>{r.responses}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </>
      )}
    </section>
  );
}

/** Figures by unit level of the subtree (historical units at their successor's level). */
export function LevelsSection({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  return (
    <GroupTable
      id="levels-title"
      title={t("satisfaction.levelsTitle")}
      hint={t("satisfaction.levelsHint")}
      caption={t("satisfaction.levelsCaption")}
      rows={dashboard.levels.map((l) => ({ ...l, key: l.levelCode }))}
    />
  );
}

/** Figures by field of work (the field each evaluated unit is evaluated in). */
export function FieldsSection({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  return (
    <GroupTable
      id="fields-title"
      title={t("satisfaction.fieldsTitle")}
      hint={t("satisfaction.fieldsHint")}
      caption={t("satisfaction.fieldsCaption")}
      rows={dashboard.fields.map((f) => ({ ...f, key: f.fieldCode }))}
    />
  );
}

/** All units of each level ranked together, whatever their parent: listed by rate, with the rank ranges of their intervals. */
export function LevelRankingSection({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <section aria-labelledby="level-ranking-title">
      <Title order={2} id="level-ranking-title" mb="xs">
        {t("satisfaction.levelRankingTitle")}
      </Title>
      <Text size="sm" mb="xs">
        {t("satisfaction.levelRankingHint")}
      </Text>
      {dashboard.levelRanking.length === 0 && <Text>{t("satisfaction.groupsEmpty")}</Text>}
      {dashboard.levelRanking.map((level) => {
        const ranked = level.units.filter((u) => u.rate !== null);
        const caption = t("satisfaction.levelRankingCaption", { level: level.name });
        return (
          <div key={level.levelCode}>
            <Title order={3} size="h4" mt="md" mb="xs">
              {level.name}
            </Title>
            {ranked.length > 0 && (
              <RankedChart units={ranked} describe={(list) => t("satisfaction.levelRankingDescription", { level: level.name, list })} />
            )}
            <TableScroll label={caption} minWidth={720}>
              <Table striped>
                <Table.Caption>{caption}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <RankedHead />
                    <Table.Th scope="col">{t("satisfaction.change")}</Table.Th>
                    <Table.Th scope="col">{t("satisfaction.responses")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {level.units.map((u) => (
                    <Table.Tr key={u.unitId}>
                      <RankedCells unit={u} />
                      <Table.Td>{formatChange(u.change, lang)}</Table.Td>
                      <Table.Td>{u.responses}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          </div>
        );
      })}
    </section>
  );
}
