import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Dashboard } from "../api";
import { formatMonth } from "../format";
import { FieldsSection, LevelRankingSection, LevelsSection } from "./GroupsSection";
import { HeatmapSection } from "./HeatmapSection";
import { OverallFigures } from "./OverallFigures";
import { QuestionsSection } from "./QuestionsSection";
import { RankingSection } from "./RankingSection";
import { TrendSection } from "./TrendSection";

/** Every figure of a dashboard: headline, trend, distribution per question, heat-map, ranking with intervals;
 * figures by level and by field of work, and the ranking across each whole level. */
export function SatisfactionDashboard({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      <Text>
        {t("satisfaction.scope", {
          unit: dashboard.root.name,
          from: formatMonth(dashboard.period.from),
          to: formatMonth(dashboard.period.to),
          family: t(`surveys.families.${dashboard.campaign.family as "perception"}`),
        })}
      </Text>
      <OverallFigures dashboard={dashboard} />
      <TrendSection dashboard={dashboard} />
      <QuestionsSection dashboard={dashboard} />
      {dashboard.units.length > 0 && <HeatmapSection dashboard={dashboard} />}
      <RankingSection dashboard={dashboard} />
      <LevelsSection dashboard={dashboard} />
      <FieldsSection dashboard={dashboard} />
      <LevelRankingSection dashboard={dashboard} />
      <Text size="sm">{t("satisfaction.method", { minN: dashboard.minN })}</Text>
    </Stack>
  );
}
