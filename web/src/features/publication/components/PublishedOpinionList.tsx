import { Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../../ui/DateTime";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { LoadingState } from "../../../ui/LoadingState";
import { usePublishedOpinions } from "../hooks/usePublishedOpinions";

/** The unit's answered opinions published with consent (personal data already removed by the server). */
export function PublishedOpinionList({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const { data, error, isPending, hasNextPage, fetchNextPage, isFetchingNextPage } = usePublishedOpinions(unitId);
  if (isPending) return <LoadingState label={t("common.loading")} />;
  if (error) return <ErrorAlert title={t("publicUnit.loadError")}>{error.message}</ErrorAlert>;
  const items = data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <Text>{t("publicUnit.noneYet")}</Text>;
  return (
    <Stack gap="md">
      <Stack gap="md" component="ol" className="plain-list" data-testid="published-opinions">
        {items.map((item, index) => (
          <Paper key={`${item.answeredAt}-${index}`} component="li" withBorder p="md" radius="md">
            <Group gap="xs" mb="xs">
              <Badge variant="filled" color="#495057" radius="sm" tt="none">
                {t(`kind.${item.kind}`)}
              </Badge>
              <Badge variant="filled" color={item.answeredOnTime ? "#176236" : "#a84300"} radius="sm" tt="none">
                {item.answeredOnTime ? t("publicUnit.onTime") : t("publicUnit.late")}
              </Badge>
            </Group>
            <Text className="prewrap">{item.content}</Text>
            <Text size="sm" c="dimmed" mt={4}>
              {item.unitName} · {t("publicUnit.receivedAt")} <DateTime value={item.receivedAt} />
            </Text>
            <Paper bg="gray.0" p="sm" mt="sm" radius="sm">
              <Text fw={600} size="sm">
                {item.answerMethod === "on_spot" ? t("publicUnit.answerOnSpot") : t("publicUnit.answer")} ·{" "}
                <DateTime value={item.answeredAt} />
              </Text>
              <Text className="prewrap">{item.answer}</Text>
            </Paper>
          </Paper>
        ))}
      </Stack>
      {hasNextPage && (
        <div>
          <Button variant="outline" onClick={() => void fetchNextPage()} loading={isFetchingNextPage}>
            {t("publicUnit.loadMore")}
          </Button>
        </div>
      )}
    </Stack>
  );
}
