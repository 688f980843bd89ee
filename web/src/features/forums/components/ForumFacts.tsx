import { Anchor, Badge, Group, List, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../../ui/DateTime";
import type { PublicForum } from "../api";

const STATUS_COLOR = { planned: "#1c5b99", live: "#a61e1e", ended: "#3d3d3d", cancelled: "#5c5c5c" } as const;

/** A forum's when, where, who, and the unit's report with its key figures. */
export function ForumFacts({ forum, showReport = true }: { forum: PublicForum; showReport?: boolean }) {
  const { t } = useTranslation();
  const place = [forum.place, forum.hamlet, forum.locationName?.replace(/^Công an /, "")].filter(Boolean).join(", ");
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Badge color={STATUS_COLOR[forum.status]} variant="filled" radius="sm" tt="none" data-testid="forum-status">
          {t(`forums.status.${forum.status}`)}
        </Badge>
        <Text size="sm">{forum.unitName}</Text>
      </Group>
      <Text>
        <strong>{t("forums.when")}:</strong> <DateTime value={forum.startsAt} />
      </Text>
      <Text>
        <strong>{t("forums.where")}:</strong> {place}
      </Text>
      <Text>
        <strong>{t("forums.chairLabel")}:</strong> {forum.chairName} · <strong>{t("forums.secretaryLabel")}:</strong> {forum.secretaryName}
      </Text>
      {forum.coOrganisers && (
        <Text>
          <strong>{t("forums.coOrganisers")}:</strong> {forum.coOrganisers}
        </Text>
      )}
      {showReport && forum.keyFigures.length > 0 && (
        <List spacing={2} aria-label={t("forums.keyFigures")}>
          {forum.keyFigures.map((f) => (
            <List.Item key={f.label}>
              {f.label}: <strong>{f.value}</strong>
            </List.Item>
          ))}
        </List>
      )}
      {forum.reportFile && (
        <Anchor href={`/api/public/forums/${forum.id}/report-file`} download>
          {t("forums.report.download")} ({forum.reportFile.name})
        </Anchor>
      )}
      {showReport && forum.reportText && (
        <Text size="sm" style={{ whiteSpace: "pre-line" }}>
          {forum.reportText}
        </Text>
      )}
    </Stack>
  );
}
