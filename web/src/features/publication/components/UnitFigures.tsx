import { Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { UnitSummary } from "../api";
import { formatDay } from "../../../ui/format-date-time";

const number = (value: number) => value.toLocaleString("vi-VN");

/** A horizontal bar of shares, drawn with CSS and described in words (the table beside it carries the numbers). */
function ShareBar({ parts, label }: { parts: { value: number; color: string; name: string }[]; label: string }) {
  const total = parts.reduce((sum, p) => sum + p.value, 0);
  return (
    <div className="share-bar" role="img" aria-label={label}>
      {total > 0 &&
        parts.map((p) =>
          p.value > 0 ? <span key={p.name} style={{ width: `${(100 * p.value) / total}%`, background: p.color }} /> : null,
        )}
    </div>
  );
}

/**
 * A unit's public figures in words, numbers and a chart: opinions received, answered (on time or late),
 * still open (overdue or not), routed to other procedures, mean handling time and citizens' ratings.
 */
export function UnitFigures({ summary }: { summary: UnitSummary }) {
  const { t } = useTranslation();
  const f = summary.figures;
  const late = f.answered - f.answeredOnTime;
  const openInTime = f.open - f.overdue;
  const parts = [
    { name: "onTime", value: f.answeredOnTime, color: "#176236" },
    { name: "late", value: late, color: "#a84300" },
    { name: "openInTime", value: openInTime, color: "#364fc7" },
    { name: "overdue", value: f.overdue, color: "#c92a2a" },
  ];
  const cards = [
    { label: t("publicUnit.received"), value: number(f.received) },
    { label: t("publicUnit.onTimeRate"), value: f.onTimeRate === null ? "—" : `${f.onTimeRate.toLocaleString("vi-VN")}%` },
    { label: t("publicUnit.meanHandling"), value: f.meanHandlingDays === null ? "—" : t("publicUnit.days", { count: f.meanHandlingDays }) },
    { label: t("publicUnit.rating"), value: f.meanRating === null ? "—" : t("publicUnit.ratingValue", { value: f.meanRating, count: f.rated }) },
  ];
  return (
    <Stack gap="md">
      <Text>{t("publicUnit.period", { from: formatDay(summary.period.from), to: formatDay(summary.period.to) })}</Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {cards.map((card) => (
          <Paper key={card.label} withBorder p="sm" radius="md">
            <Text size="sm">{card.label}</Text>
            <Text fw={700} fz="xl">
              {card.value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <section aria-labelledby="public-unit-chart-title">
        <Title order={3} id="public-unit-chart-title" mb="xs">
          {t("publicUnit.chartTitle")}
        </Title>
        <ShareBar
          parts={parts}
          label={t("publicUnit.chartLabel", { onTime: f.answeredOnTime, late, open: openInTime, overdue: f.overdue })}
        />
        <ul className="share-legend">
          {parts.map((p) => (
            <li key={p.name}>
              <span className="share-legend__swatch" style={{ background: p.color }} aria-hidden="true" />
              {t(`publicUnit.parts.${p.name as "onTime" | "late" | "openInTime" | "overdue"}`)}: <strong>{number(p.value)}</strong>
            </li>
          ))}
          <li>
            {t("publicUnit.routed")}: <strong>{number(f.routed)}</strong>
          </li>
        </ul>
      </section>
    </Stack>
  );
}
