import { Anchor, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { UnitSummary } from "../api";

const FILES = [
  { file: "answers.csv", label: "publicUnit.openDataAnswersCsv" },
  { file: "answers.json", label: "publicUnit.openDataAnswersJson" },
  { file: "figures.csv", label: "publicUnit.openDataFiguresCsv" },
  { file: "figures.json", label: "publicUnit.openDataFiguresJson" },
] as const;

/** Downloads of the unit's open data over the period its page shows: published answers and figures, CSV and JSON. */
export function OpenDataLinks({ summary }: { summary: UnitSummary }) {
  const { t } = useTranslation();
  const query = new URLSearchParams(summary.period).toString();
  const base = `/api/public/units/${encodeURIComponent(summary.unitId)}/open-data`;
  return (
    <Group gap="lg">
      {FILES.map(({ file, label }) => (
        <Anchor key={file} href={`${base}/${file}?${query}`} download>
          {t(label)}
        </Anchor>
      ))}
    </Group>
  );
}
