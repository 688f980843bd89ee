import { Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../../app/api-client";
import { DateTime } from "../../../ui/DateTime";
import { Fact } from "../../../ui/Fact";
import { ErrorAlert } from "../../../ui/ErrorAlert";
import { LoadingState } from "../../../ui/LoadingState";
import { useTrackedOpinion } from "../hooks/useTrackedOpinion";
import { OpinionTimeline } from "./OpinionTimeline";
import { StatusBadge } from "./StatusBadge";

/** What a citizen sees for a tracking code: status, timeline and the unit's answer. */
export function TrackingResult({ code }: { code: string }) {
  const { t } = useTranslation();
  const { data: opinion, error, isPending } = useTrackedOpinion(code);

  if (isPending) return <LoadingState label={t("track.loading")} />;
  if (error) {
    if (isApiError(error) && error.code === "opinion.not_found") {
      return (
        <ErrorAlert title={t("track.notFoundTitle")}>
          <span data-testid="tracking-not-found">{t("track.notFound", { code })}</span>
        </ErrorAlert>
      );
    }
    return <ErrorAlert title={t("track.errorTitle")}>{error.message}</ErrorAlert>;
  }

  return (
    <Stack gap="lg" component="section" aria-labelledby="tracked-opinion-title">
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={2} id="tracked-opinion-title">
            {t("track.resultTitle")}{" "}
            <span className="code" translate="no" data-testid="tracked-code">
              {opinion.trackingCode}
            </span>
          </Title>
          <Group gap="xs">
            <Text fw={600}>{t("opinion.status")}:</Text>
            <StatusBadge status={opinion.status} size="lg" />
          </Group>
          <dl className="facts">
            <Fact label={t("opinion.kind")}>{t(`kind.${opinion.kind}`, { defaultValue: opinion.kind })}</Fact>
            <Fact label={t("opinion.unit")}>{opinion.unitName}</Fact>
            <Fact label={t("opinion.createdAt")}><DateTime value={opinion.createdAt} /></Fact>
            {opinion.answerDueAt && !opinion.answer && (
              <Fact label={t("opinion.expectedAnswer")}>
                <DateTime value={opinion.answerDueAt} />
              </Fact>
            )}
          </dl>
        </Stack>
      </Paper>

      <section aria-labelledby="tracked-answer-title">
        <Title order={3} id="tracked-answer-title" mb="xs">
          {t("track.answerTitle")}
        </Title>
        {opinion.answer ? (
          <Paper withBorder p="md" radius="md" className="answer">
            <Text className="prewrap" data-testid="tracked-answer">
              {opinion.answer.content}
            </Text>
            <Text size="sm" c="dimmed" mt="sm">
              {t("track.answeredAt")} <DateTime value={opinion.answer.answeredAt} />
            </Text>
          </Paper>
        ) : (
          <Text>{t("track.noAnswer")}</Text>
        )}
      </section>

      <section aria-labelledby="tracked-history-title">
        <Title order={3} id="tracked-history-title" mb="sm">
          {t("opinion.history")}
        </Title>
        <OpinionTimeline history={opinion.history} labelledBy="tracked-history-title" />
      </section>
    </Stack>
  );
}
