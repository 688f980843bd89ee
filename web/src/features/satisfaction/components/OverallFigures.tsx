import { Alert, Paper, SimpleGrid, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "../../../i18n";
import type { ComparedFigure, Dashboard } from "../api";
import { formatChange, formatInterval, formatRate } from "../format";

function FigureCard({ label, figure, bands }: { label: string; figure: ComparedFigure; bands: Dashboard["bands"] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const band = bands.find((b) => b.code === figure.band);
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="sm">{label}</Text>
      <Text fw={700} fz={28}>
        {formatRate(figure.rate, lang)}
      </Text>
      <Text size="sm">
        {figure.isSuppressed
          ? t("satisfaction.suppressed", { n: figure.n })
          : t("satisfaction.figureLine", { n: figure.n.toLocaleString("vi-VN"), interval: formatInterval(figure, lang) })}
      </Text>
      <Text size="sm">
        {t("satisfaction.changeLine", { previous: formatRate(figure.previousRate, lang), change: formatChange(figure.change, lang) })}
      </Text>
      {band && <Text size="sm" fw={600}>{t("satisfaction.bandLine", { band: band.name })}</Text>}
    </Paper>
  );
}

/** The headline figures: by rating instances and by respondents, responses, and the ceiling warning. */
export function OverallFigures({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const o = dashboard.overall;
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <FigureCard label={t("satisfaction.byInstances")} figure={o.instances} bands={dashboard.bands} />
        <FigureCard label={t("satisfaction.byRespondents")} figure={o.respondents} bands={dashboard.bands} />
        <Paper withBorder p="sm" radius="md">
          <Text size="sm">{t("satisfaction.responses")}</Text>
          <Text fw={700} fz={28}>
            {o.responses.toLocaleString("vi-VN")}
          </Text>
          <Text size="sm">{t("satisfaction.previousResponses", { n: o.previousResponses.toLocaleString("vi-VN") })}</Text>
          <Text size="sm">{t("satisfaction.minN", { n: dashboard.minN })}</Text>
        </Paper>
        {dashboard.weighted && (
          <Paper withBorder p="sm" radius="md">
            <Text size="sm">{t("satisfaction.weighted")}</Text>
            <Text fw={700} fz={28}>
              {formatRate(dashboard.weighted.rate, currentLanguage())}
            </Text>
            <Text size="sm">{t("satisfaction.weightedInterval", { interval: formatInterval(dashboard.weighted, currentLanguage()) })}</Text>
            <Text size="sm">
              {t("satisfaction.weightedLine", {
                unweighted: formatRate(dashboard.weighted.unweightedRate, currentLanguage()),
                n: dashboard.weighted.respondents,
                effective: Math.round(dashboard.weighted.effectiveN),
              })}
            </Text>
          </Paper>
        )}
        <FigureCard label={t("satisfaction.opinionRatings")} figure={dashboard.opinionRatings} bands={dashboard.bands} />
      </SimpleGrid>
      {o.hasCeilingWarning && (
        <Alert color="yellow" title={t("satisfaction.ceilingTitle")}>
          {t("satisfaction.ceilingText")}
        </Alert>
      )}
    </>
  );
}
